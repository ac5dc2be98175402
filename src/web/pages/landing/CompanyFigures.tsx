import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, InputNumber, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router-dom';
import { useRecordFormErrors, WanInput } from '../../components/directory/formSupport';
import { companyFiguresPath, figuresYears } from '../../components/landing/FiguresPanel';
import { PageHeader } from '../../components/PageHeader';
import { ForbiddenResult, LoadError, NotFoundResult, PageSkeleton } from '../../components/States';
import { useCommunity } from '../../lib/community';
import { recordName, recordPath } from '../../lib/directory';
import { formatDateTime, formatNumber } from '../../lib/format';
import { fenToWan, formatMoney, wanToFen } from '../../lib/money';
import { ApiError } from '../../services/api';
import { landingApi, landingKeys, type Figures } from '../../services/landing';

interface Values {
  year?: number;
  revenueWan?: number | null;
  headcount?: number | null;
  rndSpendWan?: number | null;
  taxWan?: number | null;
}

/**
 * A resident company's yearly figures (/c/:slug/companies/:organisationId/figures): where the
 * company's representative enters revenue, headcount, R&D spend and tax, year by year; staff
 * reach it from the figures table. `mine` in place of the id goes to the company one represents.
 */
export function CompanyFiguresPage() {
  const { organisationId = '' } = useParams();
  if (organisationId === 'mine') return <MyCompanies />;
  return <CompanyFigures organisationId={organisationId} />;
}

function MyCompanies() {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const mine = useQuery({ queryKey: landingKeys.mine(community.id), queryFn: () => landingApi.myCompanies(community.id) });
  if (mine.isPending) return <PageSkeleton />;
  if (mine.isError) return <LoadError error={mine.error} onRetry={() => void mine.refetch()} />;
  if (mine.data.length === 1) return <Navigate to={companyFiguresPath(community.slug, mine.data[0]!.id)} replace />;
  return (
    <>
      <PageHeader title={t('landing.company.mineTitle')} />
      <Card>
        {mine.data.length === 0 ? (
          <Empty description={t('landing.company.noneMine')} />
        ) : (
          <List
            dataSource={mine.data}
            renderItem={(o) => (
              <List.Item>
                <Link to={companyFiguresPath(community.slug, o.id)}>{recordName(o.nameZh, o.nameEn, i18n.language)}</Link>
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}

function CompanyFigures({ organisationId }: { organisationId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { community, can } = useCommunity();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<{ year: number | null; figures: Figures | null } | null>(null);
  const key = landingKeys.company(community.id, organisationId);
  const data = useQuery({ queryKey: key, queryFn: () => landingApi.companyFigures(community.id, organisationId), retry: false });

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: key });
    void queryClient.invalidateQueries({ queryKey: ['landing', community.id, 'figures'] });
  };
  const onError = useRecordFormErrors(form, ['year', 'revenueFen', 'headcount', 'rndSpendFen', 'taxFen'], async () => {
    await queryClient.invalidateQueries({ queryKey: key });
    setEditing(null);
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const year = editing?.year ?? v.year!;
      return landingApi.putFigures(community.id, organisationId, year, {
        revenueFen: wanToFen(v.revenueWan),
        headcount: v.headcount ?? null,
        rndSpendFen: wanToFen(v.rndSpendWan),
        taxFen: wanToFen(v.taxWan),
        ...(editing?.figures ? { version: editing.figures.version } : {}),
      });
    },
    onSuccess: () => {
      void message.success(t('landing.company.saved'));
      setEditing(null);
      refresh();
    },
    onError,
  });

  if (data.isPending) return <PageSkeleton />;
  if (data.isError) {
    if (data.error instanceof ApiError && data.error.status === 404) return <NotFoundResult />;
    if (data.error instanceof ApiError && data.error.status === 403) return <ForbiddenResult />;
    return <LoadError error={data.error} onRetry={() => void data.refetch()} />;
  }
  const company = data.data;
  const entered = new Set(company.years.map((y) => y.year));
  const freeYears = figuresYears().filter((y) => !entered.has(y));
  const money = (v: number | null) => (v === null ? '—' : formatMoney(v, lang));

  const open = (figures: Figures | null) => {
    form.resetFields();
    if (figures) {
      form.setFieldsValue({ revenueWan: fenToWan(figures.revenueFen), headcount: figures.headcount, rndSpendWan: fenToWan(figures.rndSpendFen), taxWan: fenToWan(figures.taxFen) });
      setEditing({ year: figures.year, figures });
    } else {
      form.setFieldsValue({ year: freeYears[0] === new Date().getFullYear() ? freeYears[1] ?? freeYears[0] : freeYears[0] });
      setEditing({ year: null, figures: null });
    }
  };

  const columns: TableColumnsType<Figures> = [
    { title: t('landing.company.year'), dataIndex: 'year', key: 'year', render: (y: number) => <Typography.Text strong>{t('landing.yearLabel', { year: y })}</Typography.Text> },
    { title: t('landing.figures.revenue'), key: 'revenue', align: 'right', render: (_, f) => money(f.revenueFen) },
    { title: t('landing.figures.headcount'), key: 'headcount', align: 'right', render: (_, f) => (f.headcount === null ? '—' : formatNumber(f.headcount, lang === 'en' ? 'en-US' : lang)) },
    { title: t('landing.figures.rndSpend'), key: 'rnd', align: 'right', render: (_, f) => money(f.rndSpendFen) },
    { title: t('landing.figures.tax'), key: 'tax', align: 'right', render: (_, f) => money(f.taxFen) },
    {
      title: t('landing.figures.enteredAs'),
      key: 'by',
      render: (_, f) => (
        <Space size={4} wrap>
          <Tag color={f.enteredAs === 'company' ? 'blue' : 'default'}>{t(`landing.figures.by.${f.enteredAs}`)}</Tag>
          <Typography.Text type="secondary">
            {f.enteredBy?.displayName ?? ''} {formatDateTime(f.updatedAt, lang, community.timeZone)}
          </Typography.Text>
        </Space>
      ),
      responsive: ['md'],
    },
  ];
  if (company.canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_, f) => <Button type="link" size="small" icon={<EditOutlined />} onClick={() => open(f)} aria-label={t('landing.company.edit')} data-testid={`figures-edit-${f.year}`} />,
    });
  }

  return (
    <>
      <PageHeader
        title={recordName(company.organisation.nameZh, company.organisation.nameEn, lang)}
        subtitle={
          <Space split="·" wrap>
            <span>{t('landing.company.subtitle')}</span>
            <Link to={recordPath(community.slug, 'organisation', company.organisation.id)}>{t('landing.company.profile')}</Link>
            {can('landing.read') && <Link to={`/c/${community.slug}/landing?tab=figures`}>{t('landing.company.allCompanies')}</Link>}
          </Space>
        }
        extra={
          company.canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open(null)} disabled={freeYears.length === 0} data-testid="figures-add-year">
              {t('landing.company.addYear')}
            </Button>
          )
        }
      />
      <Card>
        <Table<Figures>
          rowKey="year"
          columns={columns}
          dataSource={company.years}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: company.canEdit ? t('landing.company.emptyEditable') : t('landing.company.empty') }}
          data-testid="company-figures-table"
        />
        {company.canEdit && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
            {t('landing.company.help')}
          </Typography.Paragraph>
        )}
      </Card>
      <Modal
        open={editing !== null}
        title={editing?.year ? t('landing.company.editYear', { year: editing.year }) : t('landing.company.addYear')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
        destroyOnHidden
        data-testid="figures-modal"
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} preserve={false}>
          {editing && editing.year === null && (
            <Form.Item name="year" label={t('landing.company.year')} rules={[{ required: true, message: t('landing.form.required') }]}>
              <Select options={freeYears.map((y) => ({ value: y, label: t('landing.yearLabel', { year: y }) }))} data-testid="figures-year-select" />
            </Form.Item>
          )}
          <Form.Item name="revenueWan" label={t('landing.figures.revenue')}>
            <WanInput data-testid="figures-revenue" />
          </Form.Item>
          <Form.Item name="headcount" label={t('landing.figures.headcount')}>
            <InputNumber<number> min={0} max={10_000_000} precision={0} style={{ width: '100%' }} suffix={t('landing.unit.people')} data-testid="figures-headcount" />
          </Form.Item>
          <Form.Item name="rndSpendWan" label={t('landing.figures.rndSpend')}>
            <WanInput data-testid="figures-rnd" />
          </Form.Item>
          <Form.Item name="taxWan" label={t('landing.figures.tax')}>
            <WanInput data-testid="figures-tax" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
