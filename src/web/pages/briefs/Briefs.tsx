import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, Col, Empty, Input, Row, Select, Space, Spin, Tabs } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { BriefCard } from '../../components/briefs/BriefBits';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/States';
import { useTaxonomy } from '../../lib/taxonomy';
import { BRIEF_MATURITIES, BRIEF_PARTNERSHIPS, briefKeys, briefsApi, type BriefFilters } from '../../services/briefs';

const STATUSES = ['draft', 'published', 'withdrawn'] as const;

/** /briefs: browse published briefs (search, filters) and, on the "mine" tab, the user's own in every status. */
export function BriefsPage() {
  const { t } = useTranslation();
  const tax = useTaxonomy();
  const [params, setParams] = useSearchParams();
  const filters: BriefFilters = useMemo(
    () => ({
      q: params.get('q') ?? undefined,
      segment: params.get('segment') ?? undefined,
      maturity: params.get('maturity') ?? undefined,
      partnership: params.get('partnership') ?? undefined,
      mine: params.get('tab') === 'mine',
      status: params.get('tab') === 'mine' ? (params.get('status') ?? undefined) : undefined,
    }),
    [params],
  );
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const options = useQuery({ queryKey: briefKeys.options, queryFn: briefsApi.options, staleTime: 60_000 });
  const list = useInfiniteQuery({
    queryKey: briefKeys.list(filters),
    queryFn: ({ pageParam }) => briefsApi.list(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canPublish = (options.data?.organisations.length ?? 0) > 0;

  return (
    <div data-testid="briefs-page">
      <PageHeader
        title={t('briefs.title')}
        subtitle={t('briefs.subtitle')}
        extra={
          canPublish && (
            <Link to="/briefs/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="brief-new">
                {t('briefs.publishButton')}
              </Button>
            </Link>
          )
        }
      />
      <Tabs
        activeKey={filters.mine ? 'mine' : 'all'}
        onChange={(key) => {
          const next = new URLSearchParams(params);
          if (key === 'mine') next.set('tab', 'mine');
          else {
            next.delete('tab');
            next.delete('status');
          }
          setParams(next, { replace: true });
        }}
        items={[
          { key: 'all', label: t('briefs.tabs.all') },
          { key: 'mine', label: <span data-testid="briefs-tab-mine">{t('briefs.tabs.mine')}</span> },
        ]}
      />
      <Space wrap style={{ marginBottom: 16, width: '100%' }}>
        <Input.Search
          allowClear
          defaultValue={filters.q}
          placeholder={t('briefs.searchPlaceholder')}
          onSearch={(v) => set('q', v.trim() || undefined)}
          style={{ width: 320, maxWidth: '100%' }}
          data-testid="briefs-search"
        />
        <Select
          allowClear
          placeholder={t('briefs.filters.segment')}
          value={filters.segment}
          onChange={(v?: string) => set('segment', v)}
          options={tax.options('segment')}
          style={{ minWidth: 160 }}
        />
        <Select
          allowClear
          placeholder={t('briefs.filters.maturity')}
          value={filters.maturity}
          onChange={(v?: string) => set('maturity', v)}
          options={BRIEF_MATURITIES.map((m) => ({ value: m, label: t(`briefs.maturities.${m}`) }))}
          style={{ minWidth: 140 }}
        />
        <Select
          allowClear
          placeholder={t('briefs.filters.partnership')}
          value={filters.partnership}
          onChange={(v?: string) => set('partnership', v)}
          options={BRIEF_PARTNERSHIPS.map((p) => ({ value: p, label: t(`briefs.partnerships.${p}`) }))}
          style={{ minWidth: 160 }}
        />
        {filters.mine && (
          <Select
            allowClear
            placeholder={t('briefs.filters.status')}
            value={filters.status}
            onChange={(v?: string) => set('status', v)}
            options={STATUSES.map((s) => ({ value: s, label: t(`briefs.statuses.${s}`) }))}
            style={{ minWidth: 120 }}
          />
        )}
      </Space>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty description={filters.mine ? t('briefs.emptyMine') : t('briefs.empty')} />
      ) : (
        <>
          <Row gutter={[16, 16]} data-testid="briefs-list">
            {items.map((b) => (
              <Col key={b.id} xs={24} md={12} xl={8}>
                <BriefCard brief={b} showStatus={filters.mine} />
              </Col>
            ))}
          </Row>
          {list.hasNextPage && (
            <div style={{ textAlign: 'center', marginTop: 16 }}>
              <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {t('briefs.loadMore')}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
