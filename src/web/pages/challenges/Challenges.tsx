import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Col, Empty, Input, Row, Select, Space, Spin, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ChallengeCard } from '../../components/challenges/ChallengeBits';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/States';
import { useTaxonomy } from '../../lib/taxonomy';
import { CHALLENGE_KINDS, CHALLENGE_STATUSES, challengeKeys, challengesApi, type ChallengeFilters } from '../../services/challenges';

/** 需求揭榜: browse the challenges one may see (全部) or the ones one posted (我发布的), with filters in the URL. */
export function ChallengesPage() {
  const { t } = useTranslation();
  const tax = useTaxonomy();
  const [params, setParams] = useSearchParams();
  const mine = params.get('tab') === 'mine';
  const filters: ChallengeFilters = {
    mine,
    kind: params.get('kind') ?? undefined,
    segment: params.get('segment') ?? undefined,
    status: params.get('status') ?? undefined,
    q: params.get('q') ?? undefined,
  };
  const list = useInfiniteQuery({
    queryKey: challengeKeys.list(filters),
    queryFn: ({ pageParam }) => challengesApi.list(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const set = (key: string, value: string | undefined | null) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    setParams(p, { replace: true });
  };
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const statuses = mine ? CHALLENGE_STATUSES : CHALLENGE_STATUSES.filter((s) => s === 'open' || s === 'closed');

  return (
    <>
      <PageHeader
        title={t('challenges.title')}
        subtitle={t('challenges.subtitle')}
        extra={
          <Link to="/challenges/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="challenge-new">
              {t('challenges.new')}
            </Button>
          </Link>
        }
      />
      <Tabs
        activeKey={mine ? 'mine' : 'all'}
        onChange={(k) => set('tab', k === 'mine' ? 'mine' : null)}
        items={[
          { key: 'all', label: t('challenges.tabs.all') },
          { key: 'mine', label: t('challenges.tabs.mine') },
        ]}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear defaultValue={filters.q} placeholder={t('challenges.filters.q')} onSearch={(v) => set('q', v.trim())} style={{ width: 240 }} data-testid="challenge-search" />
        <Select allowClear value={filters.kind} placeholder={t('challenges.filters.kind')} style={{ width: 160 }} onChange={(v) => set('kind', v)} options={CHALLENGE_KINDS.map((k) => ({ value: k, label: t(`challenges.kinds.${k}`) }))} />
        <Select allowClear value={filters.segment} placeholder={t('challenges.filters.segment')} style={{ width: 180 }} onChange={(v) => set('segment', v)} options={tax.options('segment')} />
        <Select allowClear value={filters.status} placeholder={t('challenges.filters.status')} style={{ width: 140 }} onChange={(v) => set('status', v)} options={statuses.map((s) => ({ value: s, label: t(`challenges.statuses.${s}`) }))} />
      </Space>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty description={t(mine ? 'challenges.emptyMine' : 'challenges.empty')} />
      ) : (
        <>
          <Row gutter={[16, 16]} data-testid="challenge-list">
            {items.map((c) => (
              <Col key={c.id} xs={24} md={12} xl={8}>
                <ChallengeCard challenge={c} />
              </Col>
            ))}
          </Row>
          {list.hasNextPage && (
            <div style={{ textAlign: 'center', marginTop: 16 }}>
              <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                {t('challenges.loadMore')}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
