/**
 * The totals a park reports upwards for a period: the headline sentence ("24 个项目签约，共 31 项
 * 协议，总金额 20.5 亿元"), then the breakdowns by kind, by segment and by month with simple bars,
 * and the Excel export of the same period. Terminated agreements are left out unless included.
 */
import { DownloadOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Empty, Row, Segmented, Space, Switch, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { communityToday, formatIsoDate, presetPeriod, type PresetKey } from '../../components/agreements/common';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/States';
import { useCommunity } from '../../lib/community';
import { useApiErrorHandler } from '../../lib/errors';
import { localName } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import { ApiError } from '../../services/api';
import { agreementKeys, agreementsApi, type AgreementTotalsReply, type TotalsParams } from '../../services/agreements';

const PRESETS: PresetKey[] = ['thisYear', 'lastYear', 'thisQuarter', 'custom'];
const ALL_STATUSES = 'signed,in_force,completed,terminated';

interface Row {
  key: string;
  label: string;
  count: number;
  projectCount: number;
  amountFen: number;
}

function Breakdown({ title, rows, total, testId }: { title: string; rows: Row[]; total: AgreementTotalsReply; testId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // Bars follow the amount; when no amount is known they follow the count.
  const byAmount = total.amountFen > 0;
  const max = Math.max(1, ...rows.map((r) => (byAmount ? r.amountFen : r.count)));
  const columns: TableColumnsType<Row> = [
    { title: t('agreements.totals.label'), dataIndex: 'label', key: 'label', width: '26%' },
    { title: t('agreements.totals.count'), dataIndex: 'count', key: 'count', align: 'right', width: 80 },
    { title: t('agreements.totals.projects'), dataIndex: 'projectCount', key: 'projects', align: 'right', width: 80, responsive: ['sm'] },
    { title: t('agreements.totals.amount'), dataIndex: 'amountFen', key: 'amount', align: 'right', width: 130, render: (fen: number) => (fen > 0 ? formatMoney(fen, lang) : '—') },
    {
      title: byAmount ? t('agreements.totals.share') : '',
      key: 'bar',
      responsive: ['md'],
      render: (_, r) => {
        const value = byAmount ? r.amountFen : r.count;
        const share = byAmount ? Math.round((r.amountFen / total.amountFen) * 1000) / 10 : null;
        return (
          <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <div style={{ flex: 1, background: 'rgba(0,0,0,0.04)', borderRadius: 3, height: 10 }}>
              <div data-testid="totals-bar" style={{ width: `${(value / max) * 100}%`, background: '#13a8a8', height: 10, borderRadius: 3 }} />
            </div>
            {share !== null && <Typography.Text type="secondary" style={{ width: 48, textAlign: 'right', fontSize: 12 }}>{`${share}%`}</Typography.Text>}
          </div>
        );
      },
    },
  ];
  return (
    <Card variant="borderless" title={title} style={{ marginBottom: 16 }} data-testid={testId}>
      <Table<Row> rowKey="key" size="small" columns={columns} dataSource={rows} pagination={false} locale={{ emptyText: t('agreements.totals.empty') }} />
    </Card>
  );
}

function filenameOf(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  return encoded ? decodeURIComponent(encoded) : fallback;
}

export function AgreementTotalsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { community } = useCommunity();
  const onError = useApiErrorHandler();
  const [params, setParams] = useSearchParams();
  const today = communityToday(community.timeZone);
  const preset = (PRESETS as string[]).includes(params.get('period') ?? '') ? (params.get('period') as PresetKey) : 'thisYear';
  const period = preset === 'custom' ? { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined } : presetPeriod(preset, today);
  const includeTerminated = params.get('terminated') === '1';
  const query: TotalsParams = { ...period, status: includeTerminated ? ALL_STATUSES : undefined };

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const totals = useQuery({ queryKey: agreementKeys.totals(community.id, query), queryFn: () => agreementsApi.totals(community.id, query) });

  // Fetched rather than linked, so the workbook comes in the language of the page, not the browser's.
  const download = useMutation({
    mutationFn: async () => {
      const response = await fetch(agreementsApi.exportUrl(community.id, query), { credentials: 'same-origin', headers: { 'Accept-Language': lang } });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
        throw new ApiError(response.status, body?.error?.code ?? 'internal_error', body?.error?.message ?? response.statusText);
      }
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = filenameOf(response.headers.get('content-disposition'), 'agreements.xlsx');
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    onError: (e) => onError(e),
  });

  const data = totals.data;
  const headline = data
    ? data.amountFen > 0
      ? t('agreements.totals.headline', { projects: data.projectCount, count: data.count, amount: formatMoney(data.amountFen, lang) })
      : t('agreements.totals.headlineNoAmount', { projects: data.projectCount, count: data.count })
    : '';

  const kindRows: Row[] = (data?.byKind ?? []).map((b) => ({ key: b.kind, label: t(`agreements.kinds.${b.kind}`), count: b.count, projectCount: b.projectCount, amountFen: b.amountFen }));
  const segmentRows: Row[] = (data?.bySegment ?? []).map((b) => ({
    key: b.segment ?? '-',
    label: b.segment ? (b.nameZhHans ? localName({ nameZhHans: b.nameZhHans, nameZhHant: b.nameZhHant ?? b.nameZhHans, nameEn: b.nameEn ?? b.segment }, lang) : b.segment) : t('agreements.totals.noSegment'),
    count: b.count,
    projectCount: b.projectCount,
    amountFen: b.amountFen,
  }));
  const monthRows: Row[] = (data?.byMonth ?? []).map((b) => ({
    key: b.month,
    label: lang === 'en' ? dayjs(`${b.month}-01`).format('MMM YYYY') : b.month,
    count: b.count,
    projectCount: b.projectCount,
    amountFen: b.amountFen,
  }));

  return (
    <div data-testid="agreement-totals-page">
      <PageHeader
        title={t('agreements.totals.title')}
        subtitle={t('agreements.totals.subtitle')}
        extra={
          <Space wrap>
            <Link to={`/c/${community.slug}/agreements${period.from || period.to ? `?${new URLSearchParams({ ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}) }).toString()}` : ''}`}>
              <Button icon={<UnorderedListOutlined />}>{t('agreements.title')}</Button>
            </Link>
            <Button type="primary" icon={<DownloadOutlined />} loading={download.isPending} onClick={() => download.mutate()} data-testid="agreements-export">
              {t('agreements.totals.export')}
            </Button>
          </Space>
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Space wrap size="middle">
          <Segmented<PresetKey>
            value={preset}
            onChange={(v) => update({ period: v === 'thisYear' ? null : v, ...(v === 'custom' ? { from: period.from ?? null, to: period.to ?? null } : { from: null, to: null }) })}
            options={PRESETS.map((p) => ({ value: p, label: t(`agreements.totals.${p}`) }))}
            data-testid="totals-preset"
          />
          {preset === 'custom' && (
            <DatePicker.RangePicker
              value={[period.from ? dayjs(period.from) : null, period.to ? dayjs(period.to) : null]}
              allowEmpty={[true, true]}
              onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD') ?? null, to: range?.[1]?.format('YYYY-MM-DD') ?? null })}
              data-testid="totals-range"
            />
          )}
          <Space>
            <Switch size="small" checked={includeTerminated} onChange={(v) => update({ terminated: v ? '1' : null })} data-testid="totals-include-terminated" />
            <span>{t('agreements.totals.includeTerminated')}</span>
          </Space>
        </Space>
      </Card>
      {totals.isError ? (
        <LoadError error={totals.error} onRetry={() => void totals.refetch()} />
      ) : (
        <>
          <Card variant="borderless" style={{ marginBottom: 16 }} loading={totals.isPending}>
            <Typography.Text type="secondary">
              {t('agreements.totals.period', { from: period.from ? formatIsoDate(period.from, lang) : '…', to: period.to ? formatIsoDate(period.to, lang) : '…' })}
              {!includeTerminated && ` · ${t('agreements.totals.excludesTerminated')}`}
            </Typography.Text>
            <Typography.Title level={3} style={{ margin: '8px 0 4px' }} data-testid="totals-headline">
              {headline}
            </Typography.Title>
            {data && data.withoutAmount > 0 && <Typography.Text type="secondary">{t('agreements.totals.withoutAmount', { count: data.withoutAmount })}</Typography.Text>}
          </Card>
          {data && data.count === 0 ? (
            <Card variant="borderless">
              <Empty description={t('agreements.totals.empty')} />
            </Card>
          ) : (
            <Row gutter={16}>
              <Col xs={24} xl={12}>
                {data && <Breakdown title={t('agreements.totals.byKind')} rows={kindRows} total={data} testId="totals-by-kind" />}
              </Col>
              <Col xs={24} xl={12}>
                {data && <Breakdown title={t('agreements.totals.bySegment')} rows={segmentRows} total={data} testId="totals-by-segment" />}
              </Col>
              <Col xs={24}>{data && <Breakdown title={t('agreements.totals.byMonth')} rows={monthRows} total={data} testId="totals-by-month" />}</Col>
            </Row>
          )}
        </>
      )}
    </div>
  );
}
