/**
 * The community's agreements: filters (kind, status, segment, signing period, words in the title
 * or a party's name), a strip with the period's totals, and the table, latest signing first,
 * paged by "load more". "New agreement" opens the form; `?new=1&itemId=<pipeline item>` opens it
 * prefilled from a 招商 item (title, project, amount, its organisation as a party).
 */
import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Empty, Input, Select, Space, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES } from '../../../domain/lifecycle/vocabularies';
import { AgreementForm, type AgreementPrefill } from '../../components/agreements/AgreementForm';
import { formatIsoDate, KindTag, PartyList, StatusTag } from '../../components/agreements/common';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/States';
import { useCommunity } from '../../lib/community';
import { recordName } from '../../lib/directory';
import { formatMoney } from '../../lib/money';
import { useTaxonomy } from '../../lib/taxonomy';
import { agreementKeys, agreementsApi, type Agreement, type AgreementKind, type AgreementListQuery, type AgreementStatus } from '../../services/agreements';
import { pipelineKeys, pipelinesApi } from '../../services/pipelines';

const PAGE = 50;

function TotalsStrip({ from, to }: { from?: string; to?: string }) {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const params = { from, to };
  const totals = useQuery({ queryKey: agreementKeys.totals(community.id, params), queryFn: () => agreementsApi.totals(community.id, params) });
  const data = totals.data;
  return (
    <Card size="small" variant="borderless" style={{ marginBottom: 16 }} data-testid="agreements-totals-strip" loading={totals.isPending}>
      <Space size={48} wrap align="end">
        <Statistic title={t('agreements.strip.agreements')} value={data?.count ?? 0} data-testid="strip-count" />
        <Statistic title={t('agreements.strip.projects')} value={data?.projectCount ?? 0} data-testid="strip-projects" />
        <Statistic title={t('agreements.strip.amount')} value={data ? formatMoney(data.amountFen, i18n.language) || '0' : '—'} data-testid="strip-amount" />
        <Typography.Text type="secondary">{t('agreements.strip.excludesTerminated')}</Typography.Text>
      </Space>
    </Card>
  );
}

/** The form prefilled from a pipeline item (`?new=1&itemId=`), once the item is loaded. */
function usePrefill(itemId: string | null): { prefill: AgreementPrefill | undefined; loading: boolean } {
  const { community } = useCommunity();
  const item = useQuery({ queryKey: pipelineKeys.item(community.id, itemId ?? ''), queryFn: () => pipelinesApi.item(community.id, itemId!), enabled: Boolean(itemId) });
  const pipelines = useQuery({ queryKey: pipelineKeys.list(community.id), queryFn: () => pipelinesApi.list(community.id), enabled: Boolean(itemId) });
  if (!itemId) return { prefill: undefined, loading: false };
  if (item.isPending || pipelines.isPending) return { prefill: undefined, loading: !item.isError };
  const data = item.data;
  if (!data) return { prefill: undefined, loading: false };
  const pipelineKind = pipelines.data?.find((p) => p.id === data.pipelineId)?.kind;
  return {
    loading: false,
    prefill: {
      title: data.title,
      kind: pipelineKind === 'investment' ? 'investment' : 'landing',
      amountFen: data.expectedInvestmentFen,
      project: data.project,
      organisation: data.organisation,
      pipelineItemId: data.id,
      itemTitle: data.title,
    },
  };
}

export function AgreementsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { community, can } = useCommunity();
  const navigate = useNavigate();
  const taxonomy = useTaxonomy();
  const [params, setParams] = useSearchParams();
  const query: AgreementListQuery = {
    q: params.get('q') || undefined,
    kind: (params.get('kind') as AgreementKind | null) ?? undefined,
    status: (params.get('status') as AgreementStatus | null) ?? undefined,
    segment: params.get('segment') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    limit: PAGE,
  };
  const creating = params.get('new') === '1' && can('agreements.write');
  const itemId = creating ? params.get('itemId') : null;
  const { prefill, loading: prefillLoading } = usePrefill(itemId);

  const setParam = (name: string, value: string | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const setPeriod = (from: string | null, to: string | null) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of [['from', from], ['to', to]] as const) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const closeForm = () => {
    const next = new URLSearchParams(params);
    next.delete('new');
    next.delete('itemId');
    setParams(next, { replace: true });
  };

  const list = useInfiniteQuery({
    queryKey: agreementKeys.list(community.id, query),
    queryFn: ({ pageParam }) => agreementsApi.list(community.id, query, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;

  const columns: TableColumnsType<Agreement> = [
    { title: t('agreements.columns.signedOn'), dataIndex: 'signedOn', key: 'signedOn', width: 120, render: (d: string) => formatIsoDate(d, lang) },
    {
      title: t('agreements.columns.title'),
      key: 'title',
      render: (_, a) => (
        <Space orientation="vertical" size={2}>
          <Link to={`/c/${community.slug}/agreements/${a.id}`} data-testid="agreement-link">
            {a.title}
          </Link>
          <span>
            <KindTag kind={a.kind} />
            {a.project && <Typography.Text type="secondary">{recordName(a.project.nameZh, a.project.nameEn, lang)}</Typography.Text>}
          </span>
        </Space>
      ),
    },
    { title: t('agreements.columns.parties'), key: 'parties', responsive: ['md'], render: (_, a) => <PartyList parties={a.parties} /> },
    {
      title: t('agreements.columns.amount'),
      dataIndex: 'amountFen',
      key: 'amount',
      align: 'right',
      width: 130,
      render: (fen: number | null) => (fen === null ? <Typography.Text type="secondary">{t('agreements.list.noAmount')}</Typography.Text> : formatMoney(fen, lang)),
    },
    { title: t('agreements.columns.segment'), dataIndex: 'segment', key: 'segment', width: 110, responsive: ['lg'], render: (s: string | null) => taxonomy.name('segment', s) },
    { title: t('agreements.columns.status'), dataIndex: 'status', key: 'status', width: 110, render: (s: AgreementStatus) => <StatusTag status={s} /> },
  ];

  return (
    <div data-testid="agreements-page">
      <PageHeader
        title={t('agreements.title')}
        subtitle={t('agreements.subtitle')}
        extra={
          <Space wrap>
            <Link to={`/c/${community.slug}/agreements/totals`}>
              <Button icon={<BarChartOutlined />} data-testid="agreements-totals-link">
                {t('agreements.list.totals')}
              </Button>
            </Link>
            {can('agreements.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setParam('new', '1')} data-testid="agreement-new">
                {t('agreements.list.new')}
              </Button>
            )}
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 16 }} data-testid="agreements-filters">
        <Input.Search allowClear placeholder={t('agreements.list.search')} defaultValue={query.q} onSearch={(v) => setParam('q', v.trim())} style={{ width: 260 }} data-testid="agreements-search" />
        <Select
          allowClear
          placeholder={t('agreements.list.allKinds')}
          value={query.kind}
          onChange={(v?: string) => setParam('kind', v)}
          style={{ width: 150 }}
          options={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`agreements.kinds.${k}`) }))}
          data-testid="agreements-filter-kind"
        />
        <Select
          allowClear
          placeholder={t('agreements.list.allStatuses')}
          value={query.status}
          onChange={(v?: string) => setParam('status', v)}
          style={{ width: 130 }}
          options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`agreements.statuses.${s}`) }))}
          data-testid="agreements-filter-status"
        />
        <Select
          allowClear
          placeholder={t('agreements.list.allSegments')}
          value={query.segment}
          onChange={(v?: string) => setParam('segment', v)}
          style={{ width: 150 }}
          options={taxonomy.options('segment')}
          data-testid="agreements-filter-segment"
        />
        <DatePicker.RangePicker
          value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
          allowEmpty={[true, true]}
          onChange={(range) => setPeriod(range?.[0]?.format('YYYY-MM-DD') ?? null, range?.[1]?.format('YYYY-MM-DD') ?? null)}
          data-testid="agreements-filter-period"
        />
      </Space>
      <TotalsStrip from={query.from} to={query.to} />
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card variant="borderless">
          <Table<Agreement>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={list.isPending}
            pagination={false}
            locale={{ emptyText: <Empty description={t('agreements.list.empty')} /> }}
            onRow={(a) => ({ onDoubleClick: () => void navigate(`/c/${community.slug}/agreements/${a.id}`) })}
            data-testid="agreements-table"
          />
          <Space style={{ marginTop: 12, width: '100%', justifyContent: 'space-between' }}>
            <Typography.Text type="secondary" data-testid="agreements-count">
              {t('agreements.list.count', { count: total })}
            </Typography.Text>
            {list.hasNextPage && (
              <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="agreements-load-more">
                {t('agreements.list.loadMore')}
              </Button>
            )}
          </Space>
        </Card>
      )}
      {creating && !prefillLoading && (
        <AgreementForm open onClose={closeForm} prefill={prefill} onSaved={(saved) => void navigate(`/c/${community.slug}/agreements/${saved.id}`)} />
      )}
    </div>
  );
}
