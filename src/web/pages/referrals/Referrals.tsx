import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Segmented, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/States';
import { AcceptReferralModal, DeclineReferralModal } from '../../components/referrals/DecisionModals';
import { ReferProjectModal } from '../../components/referrals/ReferProjectModal';
import { useCommunity } from '../../lib/community';
import { recordName, recordPath } from '../../lib/directory';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDate, localName } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import { ApiError } from '../../services/api';
import {
  REFERRAL_STATUSES,
  referralKeys,
  referralsApi,
  type Referral,
  type ReferralCounts,
  type ReferralDirection,
  type ReferralStatus,
} from '../../services/referrals';

const STATUS_COLOURS: Record<ReferralStatus, string> = {
  pending: 'gold',
  accepted: 'blue',
  declined: 'default',
  withdrawn: 'default',
  landed: 'green',
};

function percent(rate: number | null, lang: string): string {
  if (rate === null) return '—';
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

/** "sent 12 · accepted 7 · landed 3 · acceptance 58%" for one side. */
function StatsLine({ label, counts, total, testId }: { label: string; counts: ReferralCounts; total: string; testId: string }) {
  const { t, i18n } = useTranslation();
  const parts = [
    total,
    t('referrals.stats.accepted', { count: counts.accepted + counts.landed }),
    t('referrals.stats.landed', { count: counts.landed }),
    t('referrals.stats.pending', { count: counts.pending }),
    t('referrals.stats.rate', { rate: percent(counts.acceptanceRate, i18n.language) }),
  ];
  return (
    <div data-testid={testId}>
      <Typography.Text type="secondary" style={{ marginRight: 12 }}>
        {label}
      </Typography.Text>
      <Typography.Text strong>{parts.join(' · ')}</Typography.Text>
    </div>
  );
}

export function ReferralsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { community, can } = useCommunity();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const direction: ReferralDirection = params.get('tab') === 'outgoing' ? 'outgoing' : 'incoming';
  const statusParam = params.get('status');
  const status = REFERRAL_STATUSES.includes(statusParam as ReferralStatus) ? (statusParam as ReferralStatus) : undefined;
  const [creating, setCreating] = useState(false);
  const [accepting, setAccepting] = useState<Referral | null>(null);
  const [declining, setDeclining] = useState<Referral | null>(null);
  const writes = can('pipeline.write');

  const stats = useQuery({ queryKey: referralKeys.stats(community.id), queryFn: () => referralsApi.stats(community.id) });
  const list = useInfiniteQuery({
    queryKey: referralKeys.list(community.id, direction, status),
    queryFn: ({ pageParam }) => referralsApi.list(community.id, { direction, status, cursor: pageParam, limit: 50 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: referralKeys.all(community.id) });

  const withdraw = useMutation({
    mutationFn: (r: Referral) => referralsApi.withdraw(community.id, r.id, r.version),
    onSuccess: () => {
      void message.success(t('referrals.withdraw.done'));
      refresh();
    },
    onError: (error) => {
      if (error instanceof ApiError && (error.code === 'state_conflict' || error.code === 'version_conflict')) {
        void message.warning(t('referrals.conflict'));
        refresh();
        return;
      }
      onError(error);
    },
  });

  const setQuery = (next: { tab?: ReferralDirection; status?: ReferralStatus | null }) => {
    const p = new URLSearchParams(params);
    if (next.tab) {
      p.set('tab', next.tab);
      p.delete('status');
    }
    if (next.status !== undefined) {
      if (next.status) p.set('status', next.status);
      else p.delete('status');
    }
    setParams(p, { replace: true });
  };

  const side = stats.data ? (direction === 'incoming' ? stats.data.received : stats.data.sent) : null;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  const columns: ColumnsType<Referral> = [
    {
      key: 'project',
      title: t('referrals.columns.project'),
      width: 280,
      render: (_, r) => (
        <div>
          {r.project ? (
            <Link to={recordPath(community.slug, 'project', r.project.id)} data-testid="referral-project">
              {recordName(r.project.nameZh, r.project.nameEn, lang)}
            </Link>
          ) : (
            <Typography.Text type="secondary" data-testid="referral-project-hidden">
              {t('referrals.hiddenProject')}
            </Typography.Text>
          )}
          {r.projectSummary && (
            <div className="bb-muted" style={{ fontSize: 12 }}>
              {[
                r.projectSummary.ownerOrganisation &&
                  t('referrals.owner', { name: recordName(r.projectSummary.ownerOrganisation.nameZh, r.projectSummary.ownerOrganisation.nameEn, lang) }),
                r.projectSummary.fundingSoughtFen !== null && t('referrals.funding', { amount: formatMoney(r.projectSummary.fundingSoughtFen, lang) }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </div>
          )}
        </div>
      ),
    },
    {
      key: 'community',
      title: direction === 'incoming' ? t('referrals.columns.from') : t('referrals.columns.to'),
      width: 170,
      render: (_, r) => localName(direction === 'incoming' ? r.fromCommunity : r.toCommunity, lang),
    },
    {
      key: 'note',
      title: t('referrals.columns.note'),
      render: (_, r) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: r.note }} style={{ marginBottom: 0 }}>
          {r.note || '—'}
        </Typography.Paragraph>
      ),
    },
    {
      key: 'status',
      title: t('referrals.columns.status'),
      width: 220,
      render: (_, r) => (
        <div>
          <Tag color={STATUS_COLOURS[r.status]} data-testid="referral-status">
            {t(`referrals.status.${r.status}`)}
          </Tag>
          {r.decidedAt && <span className="bb-muted" style={{ fontSize: 12 }}>{formatDate(r.decidedAt, lang, community.timeZone)}</span>}
          {r.declineReason && (
            <div className="bb-muted" style={{ fontSize: 12 }} data-testid="referral-decline-reason-text">
              {t('referrals.declinedBecause', { reason: t(`referrals.declineReasons.${r.declineReason}`) })}
            </div>
          )}
          {r.declineNote && (
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: r.declineNote }} style={{ fontSize: 12, marginBottom: 0 }}>
              {r.declineNote}
            </Typography.Paragraph>
          )}
        </div>
      ),
    },
    { key: 'created', title: t('referrals.columns.created'), width: 110, render: (_, r) => formatDate(r.createdAt, lang, community.timeZone) },
    {
      key: 'actions',
      title: t('referrals.columns.actions'),
      width: 150,
      render: (_, r) => (
        <Space size={4} wrap>
          {direction === 'incoming' && r.status === 'pending' && writes && (
            <>
              <Button size="small" type="primary" onClick={() => setAccepting(r)} data-testid="referral-accept">
                {t('referrals.actions.accept')}
              </Button>
              <Button size="small" onClick={() => setDeclining(r)} data-testid="referral-decline">
                {t('referrals.actions.decline')}
              </Button>
            </>
          )}
          {direction === 'incoming' && r.acceptedItemId && r.acceptedPipelineId && (
            <Link to={`/c/${community.slug}/pipelines/${r.acceptedPipelineId}?item=${r.acceptedItemId}`} data-testid="referral-open-item">
              {t('referrals.actions.openItem')}
            </Link>
          )}
          {direction === 'outgoing' && r.status === 'pending' && writes && (
            <Popconfirm
              title={t('referrals.withdraw.confirm')}
              okText={t('referrals.withdraw.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => withdraw.mutateAsync(r).catch(() => undefined)}
            >
              <Button size="small" danger data-testid="referral-withdraw">
                {t('referrals.actions.withdraw')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const tabLabel = (key: ReferralDirection) => {
    const counts = stats.data ? (key === 'incoming' ? stats.data.received : stats.data.sent) : null;
    return (
      <span data-testid={`referrals-tab-${key}`}>
        {t(`referrals.tabs.${key}`)}
        {counts && (
          <Tag style={{ marginInlineStart: 8 }} color={key === 'incoming' && counts.pending > 0 ? 'gold' : undefined} data-testid={`referrals-tab-${key}-count`}>
            {key === 'incoming' && counts.pending > 0 ? `${counts.pending} / ${counts.total}` : counts.total}
          </Tag>
        )}
      </span>
    );
  };

  return (
    <div data-testid="referrals-page">
      <PageHeader
        title={t('referrals.title')}
        subtitle={t('referrals.subtitle')}
        extra={
          writes && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="referral-new">
              {t('referrals.create.button')}
            </Button>
          )
        }
      />
      {stats.data && (
        <Card size="small" style={{ marginBottom: 16 }} data-testid="referral-stats">
          <Space direction="vertical" size={4}>
            <StatsLine label={t('referrals.stats.sentLabel')} counts={stats.data.sent} total={t('referrals.stats.sent', { count: stats.data.sent.total })} testId="referral-stats-sent" />
            <StatsLine
              label={t('referrals.stats.receivedLabel')}
              counts={stats.data.received}
              total={t('referrals.stats.received', { count: stats.data.received.total })}
              testId="referral-stats-received"
            />
          </Space>
        </Card>
      )}
      <Tabs
        activeKey={direction}
        onChange={(key) => setQuery({ tab: key as ReferralDirection })}
        items={(['incoming', 'outgoing'] as const).map((key) => ({ key, label: tabLabel(key) }))}
      />
      <Segmented
        style={{ marginBottom: 16 }}
        value={status ?? 'all'}
        onChange={(v) => setQuery({ status: v === 'all' ? null : (v as ReferralStatus) })}
        options={['all' as const, ...REFERRAL_STATUSES].map((s) => ({
          value: s,
          label: (
            <span data-testid={`referral-filter-${s}`}>
              {t(`referrals.status.${s}`)}
              {side && ` ${s === 'all' ? side.total : side[s]}`}
            </span>
          ),
        }))}
      />
      {list.error ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Table<Referral>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={list.isPending}
            pagination={false}
            scroll={{ x: 1100 }}
            tableLayout="fixed"
            locale={{ emptyText: t(`referrals.empty.${direction}`) }}
            data-testid="referrals-table"
            onRow={(r) => ({ 'data-testid': `referral-row-${r.id}` }) as never}
          />
          {list.hasNextPage && (
            <div style={{ textAlign: 'center', marginTop: 16 }}>
              <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="referrals-more">
                {t('referrals.loadMore')}
              </Button>
            </div>
          )}
        </>
      )}
      <ReferProjectModal open={creating} onClose={() => setCreating(false)} communityId={community.id} />
      <AcceptReferralModal referral={accepting} communityId={community.id} onClose={() => setAccepting(null)} onDone={refresh} />
      <DeclineReferralModal referral={declining} communityId={community.id} onClose={() => setDeclining(null)} onDone={refresh} />
    </div>
  );
}
