import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadError } from '../States';
import { useCommunity } from '../../lib/community';
import { recordName } from '../../lib/directory';
import { formatNumber } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import { landingApi, landingKeys, type FiguresTable } from '../../services/landing';

type Row = FiguresTable['rows'][number];

export const figuresYears = () => {
  const thisYear = new Date().getFullYear();
  return Array.from({ length: 10 }, (_, i) => thisYear - i);
};

export function companyFiguresPath(slug: string, organisationId: string): string {
  return `/c/${slug}/companies/${organisationId}/figures`;
}

/** Resident companies' figures for one year, with totals; each company links to its figures page. */
export function FiguresPanel() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { community } = useCommunity();
  // Last year's figures are the ones companies have just closed.
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const table = useQuery({ queryKey: landingKeys.figuresTable(community.id, year), queryFn: () => landingApi.figuresTable(community.id, year), placeholderData: keepPreviousData });
  const num = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatNumber(v, lang === 'en' ? 'en-US' : lang));
  const money = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatMoney(v, lang));

  const columns: TableColumnsType<Row> = [
    {
      title: t('landing.field.organisation'),
      key: 'organisation',
      render: (_, r) => (
        <div style={{ minWidth: 180, maxWidth: 340 }}>
          <Link to={companyFiguresPath(community.slug, r.organisation.id)}>{recordName(r.organisation.nameZh, r.organisation.nameEn, lang)}</Link>
        </div>
      ),
    },
    { title: t('landing.figures.revenue'), key: 'revenue', align: 'right', render: (_, r) => money(r.figures?.revenueFen) },
    { title: t('landing.figures.headcount'), key: 'headcount', align: 'right', render: (_, r) => num(r.figures?.headcount) },
    { title: t('landing.figures.rndSpend'), key: 'rnd', align: 'right', render: (_, r) => money(r.figures?.rndSpendFen) },
    { title: t('landing.figures.tax'), key: 'tax', align: 'right', render: (_, r) => money(r.figures?.taxFen) },
    {
      title: t('landing.figures.enteredAs'),
      key: 'enteredAs',
      render: (_, r) => (r.figures ? <Tag color={r.figures.enteredAs === 'company' ? 'blue' : 'default'}>{t(`landing.figures.by.${r.figures.enteredAs}`)}</Tag> : <Typography.Text type="secondary">{t('landing.figures.notReported')}</Typography.Text>),
      responsive: ['md'],
    },
  ];

  const totals = table.data?.totals;
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select value={year} onChange={setYear} options={figuresYears().map((y) => ({ value: y, label: t('landing.yearLabel', { year: y }) }))} style={{ width: 130 }} data-testid="figures-year" />
        {totals && (
          <Typography.Text type="secondary" data-testid="figures-reported">
            {t('landing.figures.reported', { reported: totals.reported, companies: totals.companies })}
          </Typography.Text>
        )}
      </Space>
      {table.isError ? (
        <LoadError error={table.error} onRetry={() => void table.refetch()} />
      ) : (
        <Table<Row>
          rowKey={(r) => r.organisation.id}
          size="middle"
          loading={table.isFetching && !table.data}
          columns={columns}
          dataSource={table.data?.rows ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('landing.figures.empty') }}
          data-testid="figures-table"
          summary={() =>
            totals ? (
              <Table.Summary fixed>
                <Table.Summary.Row data-testid="figures-totals">
                  <Table.Summary.Cell index={0}>
                    <Typography.Text strong>{t('landing.figures.total')}</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    <Typography.Text strong>{money(totals.revenueFen)}</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    <Typography.Text strong>{num(totals.headcount)}</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    <Typography.Text strong>{money(totals.rndSpendFen)}</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">
                    <Typography.Text strong>{money(totals.taxFen)}</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={5} />
                </Table.Summary.Row>
              </Table.Summary>
            ) : null
          }
        />
      )}
    </>
  );
}
