import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Dropdown, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { MenuProps, TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { INCUBATION_STATUSES, type IncubationStatus } from '../../../domain/lifecycle/vocabularies';
import { LoadError } from '../States';
import { useCommunity } from '../../lib/community';
import { recordName, recordPath } from '../../lib/directory';
import { RecordSelect, useRecordFormErrors } from '../directory/formSupport';
import { landingApi, landingKeys, type Incubation } from '../../services/landing';
import { formatDay } from './labels';

const STATUS_COLOUR: Record<IncubationStatus, string> = { admitted: 'blue', graduated: 'green', listed: 'gold', exited: 'default' };
const ORDER: IncubationStatus[] = ['admitted', 'graduated', 'listed'];

interface ChangeValues {
  status?: IncubationStatus;
  graduatedOn?: Dayjs | null;
  listedOn?: Dayjs | null;
  stockCode?: string;
  exitedOn?: Dayjs | null;
  exitReason?: string;
  reason?: string;
}

type Change = { record: Incubation; status: IncubationStatus; correction: boolean };

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** The incubator's companies by batch and status, with the status changes the rules allow. */
export function IncubationPanel() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { community, can } = useCommunity();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const writable = can('landing.write');
  const isAdmin = can('pipeline.configure');
  const [status, setStatus] = useState<IncubationStatus | undefined>();
  const [batch, setBatch] = useState<string | undefined>();
  const [change, setChange] = useState<Change | null>(null);
  const [admitting, setAdmitting] = useState(false);
  const [changeForm] = Form.useForm<ChangeValues>();
  const [admitForm] = Form.useForm<{ organisationId?: string; batch?: string; admittedOn?: Dayjs }>();

  const query = { status, batch };
  const list = useQuery({ queryKey: landingKeys.incubation(community.id, query), queryFn: () => landingApi.incubation(community.id, query), placeholderData: keepPreviousData });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: landingKeys.all(community.id) });

  const changeErrors = useRecordFormErrors(changeForm, ['status', 'graduatedOn', 'listedOn', 'stockCode', 'exitedOn', 'exitReason', 'reason'], async () => {
    refresh();
    setChange(null);
  });
  const admitErrors = useRecordFormErrors(admitForm, ['organisationId', 'batch', 'admittedOn'], undefined);

  const saveChange = useMutation({
    mutationFn: (v: ChangeValues) => {
      const c = change!;
      return landingApi.updateIncubation(community.id, c.record.id, {
        version: c.record.version,
        status: c.status,
        ...(c.status === 'graduated' || (c.status === 'listed' && !c.record.graduatedOn) ? { graduatedOn: day(v.graduatedOn) ?? null } : {}),
        ...(c.status === 'listed' ? { listedOn: day(v.listedOn) ?? null, stockCode: v.stockCode ?? null } : {}),
        ...(c.status === 'exited' ? { exitedOn: day(v.exitedOn) ?? null, exitReason: v.exitReason ?? '' } : {}),
        ...(c.correction ? { reason: v.reason ?? '' } : {}),
      });
    },
    onSuccess: () => {
      void message.success(t('landing.incubation.changed'));
      setChange(null);
      refresh();
    },
    onError: changeErrors,
  });

  const admit = useMutation({
    mutationFn: (v: { organisationId?: string; batch?: string; admittedOn?: Dayjs }) =>
      landingApi.createIncubation(community.id, { organisationId: v.organisationId!, batch: v.batch ?? '', admittedOn: day(v.admittedOn)! }),
    onSuccess: () => {
      void message.success(t('landing.incubation.admitted'));
      setAdmitting(false);
      refresh();
    },
    onError: admitErrors,
  });

  const openChange = (record: Incubation, to: IncubationStatus, correction: boolean) => {
    changeForm.resetFields();
    setChange({ record, status: to, correction });
  };

  const actionsOf = (r: Incubation): MenuProps['items'] => {
    const items: NonNullable<MenuProps['items']> = r.nextStatuses.map((s) => ({ key: s, label: t(`landing.incubation.to.${s}`), onClick: () => openChange(r, s, false) }));
    if (isAdmin) {
      const back = r.status === 'exited' ? ORDER : ORDER.slice(0, ORDER.indexOf(r.status));
      if (back.length) items.push({ type: 'divider' });
      for (const s of back) items.push({ key: `back-${s}`, label: t('landing.incubation.correctTo', { status: t(`landing.status.${s}`) }), onClick: () => openChange(r, s, true) });
    }
    return items;
  };

  const columns: TableColumnsType<Incubation> = [
    {
      title: t('landing.field.organisation'),
      key: 'organisation',
      render: (_, r) => <Link to={recordPath(community.slug, 'organisation', r.organisation.id)}>{recordName(r.organisation.nameZh, r.organisation.nameEn, lang)}</Link>,
    },
    { title: t('landing.incubation.batch'), dataIndex: 'batch', key: 'batch', render: (b: string) => b || '—' },
    { title: t('landing.incubation.status'), key: 'status', render: (_, r) => <Tag color={STATUS_COLOUR[r.status]}>{t(`landing.status.${r.status}`)}</Tag> },
    { title: t('landing.incubation.admittedOn'), key: 'admittedOn', render: (_, r) => formatDay(r.admittedOn, lang) },
    { title: t('landing.incubation.graduatedOn'), key: 'graduatedOn', render: (_, r) => formatDay(r.graduatedOn, lang) || '—', responsive: ['md'] },
    {
      title: t('landing.incubation.listing'),
      key: 'listing',
      render: (_, r) => (r.stockCode ? `${r.stockCode} · ${formatDay(r.listedOn, lang)}` : '—'),
      responsive: ['md'],
    },
    {
      title: t('landing.incubation.exitedOn'),
      key: 'exitedOn',
      render: (_, r) => (r.exitedOn ? <span title={r.exitReason}>{formatDay(r.exitedOn, lang)}</span> : '—'),
      responsive: ['lg'],
    },
  ];
  if (writable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) => {
        const items = actionsOf(r);
        if (!items || items.length === 0) return null;
        return (
          <Dropdown menu={{ items }} trigger={['click']}>
            <Button size="small" data-testid={`incubation-actions-${r.id}`}>
              {t('landing.incubation.changeStatus')}
            </Button>
          </Dropdown>
        );
      },
    });
  }

  const counts = list.data?.byStatus ?? {};
  const target = change?.status;
  return (
    <>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Select
            allowClear
            placeholder={t('landing.incubation.allStatuses')}
            value={status}
            onChange={setStatus}
            options={INCUBATION_STATUSES.map((s) => ({ value: s, label: `${t(`landing.status.${s}`)} (${counts[s] ?? 0})` }))}
            style={{ width: 170 }}
            data-testid="incubation-filter-status"
          />
          <Select
            allowClear
            placeholder={t('landing.incubation.allBatches')}
            value={batch}
            onChange={setBatch}
            options={(list.data?.batches ?? []).map((b) => ({ value: b, label: b }))}
            style={{ width: 180 }}
            data-testid="incubation-filter-batch"
          />
          <Typography.Text type="secondary" data-testid="incubation-counts">
            {INCUBATION_STATUSES.map((s) => `${t(`landing.status.${s}`)} ${counts[s] ?? 0}`).join(' · ')}
          </Typography.Text>
        </Space>
        {writable && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              admitForm.resetFields();
              admitForm.setFieldsValue({ admittedOn: dayjs().tz(community.timeZone) });
              setAdmitting(true);
            }}
            data-testid="incubation-new"
          >
            {t('landing.incubation.admit')}
          </Button>
        )}
      </Space>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Incubation>
          rowKey="id"
          size="middle"
          loading={list.isFetching && !list.data}
          columns={columns}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('landing.incubation.empty') }}
          scroll={{ x: 'max-content' }}
          data-testid="incubation-table"
        />
      )}

      <Modal
        open={change !== null}
        title={change ? (change.correction ? t('landing.incubation.correctTitle') : t(`landing.incubation.to.${change.status}`)) : ''}
        onCancel={() => setChange(null)}
        onOk={() => changeForm.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saveChange.isPending}
        destroyOnHidden
        data-testid="incubation-change-modal"
      >
        {change && (
          <Typography.Paragraph>
            {recordName(change.record.organisation.nameZh, change.record.organisation.nameEn, lang)} · {t(`landing.status.${change.record.status}`)} → {t(`landing.status.${change.status}`)}
          </Typography.Paragraph>
        )}
        <Form form={changeForm} layout="vertical" onFinish={(v) => saveChange.mutate(v)} preserve={false}>
          {!change?.correction && (target === 'graduated' || (target === 'listed' && !change?.record.graduatedOn)) && (
            <Form.Item name="graduatedOn" label={t('landing.incubation.graduatedOn')} rules={[{ required: true, message: t('landing.form.required') }]}>
              <DatePicker style={{ width: '100%' }} data-testid="incubation-graduated-on" />
            </Form.Item>
          )}
          {!change?.correction && target === 'listed' && (
            <>
              <Form.Item name="listedOn" label={t('landing.incubation.listedOn')} rules={[{ required: true, message: t('landing.form.required') }]}>
                <DatePicker style={{ width: '100%' }} data-testid="incubation-listed-on" />
              </Form.Item>
              <Form.Item name="stockCode" label={t('landing.incubation.stockCode')} extra={t('landing.incubation.stockCodeHelp')} rules={[{ required: true, whitespace: true, message: t('landing.form.required') }]}>
                <Input maxLength={20} data-testid="incubation-stock-code" />
              </Form.Item>
            </>
          )}
          {!change?.correction && target === 'exited' && (
            <>
              <Form.Item name="exitedOn" label={t('landing.incubation.exitedOn')} rules={[{ required: true, message: t('landing.form.required') }]}>
                <DatePicker style={{ width: '100%' }} data-testid="incubation-exited-on" />
              </Form.Item>
              <Form.Item name="exitReason" label={t('landing.incubation.exitReason')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </>
          )}
          {change?.correction && (
            <Form.Item name="reason" label={t('landing.incubation.correctionReason')} extra={t('landing.incubation.correctionHelp')} rules={[{ required: true, whitespace: true, message: t('landing.form.required') }]}>
              <Input.TextArea rows={2} maxLength={500} data-testid="incubation-reason" />
            </Form.Item>
          )}
          {/* Server-side field errors about fields not shown land here. */}
          <Form.Item name="status" hidden>
            <Input />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={admitting}
        title={t('landing.incubation.admit')}
        onCancel={() => setAdmitting(false)}
        onOk={() => admitForm.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={admit.isPending}
        destroyOnHidden
        data-testid="incubation-admit-modal"
      >
        <Form form={admitForm} layout="vertical" onFinish={(v) => admit.mutate(v)} preserve={false}>
          <Form.Item name="organisationId" label={t('landing.field.organisation')} rules={[{ required: true, message: t('landing.form.required') }]}>
            <RecordSelect type="organisation" kind={['enterprise']} testId="incubation-organisation" />
          </Form.Item>
          <Form.Item name="batch" label={t('landing.incubation.batch')} extra={t('landing.incubation.batchHelp')}>
            <Input maxLength={60} data-testid="incubation-batch" />
          </Form.Item>
          <Form.Item name="admittedOn" label={t('landing.incubation.admittedOn')} rules={[{ required: true, message: t('landing.form.required') }]}>
            <DatePicker style={{ width: '100%' }} data-testid="incubation-admitted-on" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
