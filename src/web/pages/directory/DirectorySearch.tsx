import { CloudUploadOutlined, DownloadOutlined, DownOutlined, FilterOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { App, Badge, Button, Card, Col, Drawer, Dropdown, Empty, Grid, Input, Row, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import type { MenuProps, TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ENTITY_TYPES, type EntityType } from '../../../domain/directory';
import { FacetGroup, type FacetBucket } from '../../components/directory/FacetPanel';
import { OrganisationForm } from '../../components/directory/OrganisationForm';
import { PersonForm } from '../../components/directory/PersonForm';
import { ProjectForm } from '../../components/directory/ProjectForm';
import { EntityTypeTag, RecordName } from '../../components/directory/RecordName';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/States';
import { useCommunity } from '../../lib/community';
import { recordPath } from '../../lib/directory';
import { localName } from '../../lib/format';
import { useApiErrorHandler } from '../../lib/errors';
import { useTaxonomy } from '../../lib/taxonomy';
import { provinceName, regionText } from '../../lib/regions';
import { directoryApi, directoryKeys, download, exportUrl, FILTER_FACETS, type FilterFacet, type SearchFilters, type SearchHit } from '../../services/directory';
import '../../components/directory/directory.css';

const PAGE_SIZE = 20;

/** The search as the address bar holds it, so a search can be shared and survives a reload. */
function filtersFrom(params: URLSearchParams): SearchFilters {
  const type = params.getAll('type').filter((t): t is EntityType => (ENTITY_TYPES as readonly string[]).includes(t));
  const filters: SearchFilters = { q: params.get('q')?.trim() || undefined, type: type.length ? type : undefined };
  for (const facet of FILTER_FACETS) {
    const values = params.getAll(facet).filter(Boolean);
    if (values.length) filters[facet] = values;
  }
  return filters;
}

function paramsFrom(filters: SearchFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  for (const t of filters.type ?? []) params.append('type', t);
  for (const facet of FILTER_FACETS) for (const v of filters[facet] ?? []) params.append(facet, v);
  return params;
}

type Creating = EntityType | null;

export function DirectorySearchPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { community, can } = useCommunity();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFrom(params), [params]);
  const [draft, setDraft] = useState<{ from: string | undefined; text: string }>({ from: filters.q, text: filters.q ?? '' });
  // The box follows the address bar when it changes from outside (back button, a shared link).
  const text = draft.from === filters.q ? draft.text : (filters.q ?? '');
  const [facetsOpen, setFacetsOpen] = useState(false);
  const [creating, setCreating] = useState<Creating>(null);
  const isMobile = Grid.useBreakpoint().md === false;
  const tax = useTaxonomy();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();

  const search = useInfiniteQuery({
    queryKey: directoryKeys.search(filters),
    queryFn: ({ pageParam }) => directoryApi.search(filters, pageParam, PAGE_SIZE),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const first = search.data?.pages[0];
  const rows = useMemo(() => search.data?.pages.flatMap((p) => p.items) ?? [], [search.data]);
  const total = first?.total ?? 0;
  const activeType = filters.type?.length === 1 ? filters.type[0] : undefined;

  const update = (next: SearchFilters) => setParams(paramsFrom(next), { replace: false });
  const setFacet = (facet: FilterFacet, values: string[]) => update({ ...filters, [facet]: values.length ? values : undefined });
  const submit = (value: string) => {
    setDraft({ from: value.trim() || undefined, text: value });
    update({ ...filters, q: value.trim() || undefined });
  };

  // The kind facet spans record types: organisation kinds, project tracks and "person".
  const kindName = (kind: string) =>
    t(`dir.kinds.${kind}`, { defaultValue: t(`dir.tracks.${kind}`, { defaultValue: t(`dir.types.${kind}`, { defaultValue: kind }) }) });
  const labelOf = (facet: FilterFacet | 'type') => (b: FacetBucket) => {
    switch (facet) {
      case 'type':
        return t(`dir.typesPlural.${b.value}`, { defaultValue: b.value });
      case 'kind':
        return kindName(b.value);
      case 'segment':
        return tax.name('segment', b.value);
      case 'stage':
        return tax.stageName(b.value);
      case 'qualification':
        return tax.name('qualification', b.value);
      case 'community':
        return b.label ?? b.value;
      case 'province':
        return provinceName(b.value, lang);
      default:
        return b.value;
    }
  };

  const typeCounts = new Map((first?.facets.type ?? []).map((b) => [b.value, b.count]));
  const countBadge = (count: number | undefined) =>
    count === undefined ? null : (
      <Badge count={count} overflowCount={99999} showZero color="#e6f4f5" style={{ color: '#0b7a85', marginInlineStart: 6, boxShadow: 'none' }} />
    );
  // The type facet ignores the type filter itself, so every tab keeps its count.
  const allCount = first ? [...typeCounts.values()].reduce((a, b) => a + b, 0) : undefined;
  const tabItems = [
    {
      key: 'all',
      label: (
        <span data-testid="type-tab-all">
          {t('dirSearch.allTypes')}
          {countBadge(allCount)}
        </span>
      ),
    },
    ...ENTITY_TYPES.map((type) => ({
      key: type,
      label: (
        <span data-testid={`type-tab-${type}`}>
          {t(`dir.typesPlural.${type}`)}
          {countBadge(first ? (typeCounts.get(type) ?? 0) : undefined)}
        </span>
      ),
    })),
  ];

  const activeChips = FILTER_FACETS.flatMap((facet) =>
    (filters[facet] ?? []).map((value) => {
      const bucket = first?.facets[facet].find((b) => b.value === value) ?? { value, count: 0, label: null };
      return (
        <Tag key={`${facet}:${value}`} closable onClose={() => setFacet(facet, (filters[facet] ?? []).filter((v) => v !== value))} data-testid={`chip-${facet}-${value}`}>
          {t(`dirSearch.facets.${facet}`)}: {labelOf(facet)(bucket)}
        </Tag>
      );
    }),
  );

  const facetPanel = (
    <div className="bb-facets">
      {FILTER_FACETS.map((facet) => (
        <FacetGroup
          key={facet}
          facet={facet}
          buckets={first?.facets[facet] ?? []}
          selected={filters[facet] ?? []}
          labelOf={labelOf(facet)}
          onChange={(values) => setFacet(facet, values)}
        />
      ))}
    </div>
  );

  const region = (h: SearchHit) => regionText(h, lang);
  const kindLabel = (h: SearchHit) => {
    return h.entityType === 'person' ? '' : kindName(h.kind);
  };

  const columns: TableColumnsType<SearchHit> = [
    {
      title: t('dirSearch.columns.name'),
      key: 'name',
      onCell: () => ({ style: { minWidth: 260 } }),
      render: (_, h) => <RecordName type={h.entityType} id={h.entityId} nameZh={h.titleZh} nameEn={h.titleEn} subtitle={h.subtitle} testId="result-link" />,
    },
    {
      title: t('dirSearch.columns.type'),
      key: 'type',
      width: 150,
      render: (_, h) => (
        <Space size={0} wrap>
          <EntityTypeTag type={h.entityType} />
          {kindLabel(h) && <Tag>{kindLabel(h)}</Tag>}
        </Space>
      ),
    },
    {
      title: t('dirSearch.columns.segments'),
      key: 'segments',
      width: 180,
      render: (_, h) =>
        h.segments.length ? (
          <div className="bb-tags">
            {h.segments.slice(0, 3).map((s) => (
              <Tag key={s} color="geekblue">
                {tax.name('segment', s)}
              </Tag>
            ))}
            {h.segments.length > 3 && <Tag>+{h.segments.length - 3}</Tag>}
          </div>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: t('dirSearch.columns.stage'),
      key: 'stage',
      width: 110,
      responsive: ['lg'],
      render: (_, h) => (h.stage ? tax.stageName(h.stage) : <Typography.Text type="secondary">—</Typography.Text>),
    },
    {
      title: t('dirSearch.columns.region'),
      key: 'region',
      width: 130,
      responsive: ['md'],
      render: (_, h) => region(h) || <Typography.Text type="secondary">—</Typography.Text>,
    },
  ];

  const exportTypes = activeType ? [activeType] : [...ENTITY_TYPES];
  const exportMenu: MenuProps['items'] = exportTypes.flatMap((type) =>
    (['xlsx', 'csv'] as const).map((format) => ({
      key: `${type}-${format}`,
      label: <span data-testid={`export-${type}-${format}`}>{t(`dirSearch.export.${format}`, { type: t(`dir.typesPlural.${type}`) })}</span>,
    })),
  );
  const runExport = (key: string) => {
    const [type, format] = key.split('-') as [EntityType, 'xlsx' | 'csv'];
    const hide = message.loading(t('dirSearch.downloading'), 0);
    download(exportUrl(filters, type, format), lang, `${type}.${format}`)
      .catch((e: unknown) => onError(e))
      .finally(hide);
  };

  const createMenu: MenuProps['items'] = ENTITY_TYPES.map((type) => ({
    key: type,
    label: <span data-testid={`create-${type}`}>{t(`dirSearch.create.${type}`)}</span>,
  }));

  const emptyText = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={filters.q || activeChips.length ? t('dirSearch.noMatch') : t('dirSearch.empty')}
      data-testid="search-empty"
    >
      {(filters.q || activeChips.length > 0) && <Button onClick={() => update({ type: filters.type })}>{t('dirSearch.clearAll')}</Button>}
    </Empty>
  );

  return (
    <div data-testid="directory-page">
      <PageHeader
        title={t('dirSearch.title')}
        subtitle={t('dirSearch.subtitle', { community: localName(community, lang) })}
        extra={
          <Space wrap>
            {can('directory.import') && (
              <Link to={`/c/${community.slug}/directory/import`}>
                <Button icon={<CloudUploadOutlined />} data-testid="open-import">
                  {t('dirSearch.import')}
                </Button>
              </Link>
            )}
            <Dropdown menu={{ items: exportMenu, onClick: ({ key }) => runExport(key) }} trigger={['click']}>
              <Button icon={<DownloadOutlined />} data-testid="export-menu">
                {t('dirSearch.export.button')} <DownOutlined style={{ fontSize: 10 }} />
              </Button>
            </Dropdown>
            {can('directory.write') && (
              <Dropdown menu={{ items: createMenu, onClick: ({ key }) => setCreating(key as EntityType) }} trigger={['click']}>
                <Button type="primary" icon={<PlusOutlined />} data-testid="create-menu">
                  {t('dirSearch.create.button')} <DownOutlined style={{ fontSize: 10 }} />
                </Button>
              </Dropdown>
            )}
          </Space>
        }
      />
      <Card variant="borderless" styles={{ body: { paddingBottom: 8 } }}>
        <Input.Search
          className="bb-search-box"
          size="large"
          allowClear
          enterButton={t('dirSearch.searchButton')}
          placeholder={t('dirSearch.placeholder')}
          value={text}
          onChange={(e) => setDraft({ from: filters.q, text: e.target.value })}
          onSearch={submit}
          data-testid="directory-search"
        />
        <Tabs
          activeKey={activeType ?? 'all'}
          items={tabItems}
          onChange={(key) => update({ ...filters, type: key === 'all' ? undefined : [key as EntityType] })}
          style={{ marginTop: 8, marginBottom: -8 }}
        />
      </Card>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        {!isMobile && (
          <Col md={7} lg={5} xxl={4}>
            <Card variant="borderless" title={t('dirSearch.filters')} size="small" data-testid="facets">
              {first ? facetPanel : <Spin />}
            </Card>
          </Col>
        )}
        <Col xs={24} md={17} lg={19} xxl={20}>
          <Card variant="borderless">
            <div className="bb-active-filters">
              <Typography.Text data-testid="search-total">
                {search.isPending
                  ? t('dirSearch.searching')
                  : t(first?.complete === false ? 'dirSearch.totalAtLeast' : 'dirSearch.total', { count: total, formatted: new Intl.NumberFormat(lang).format(total) })}
              </Typography.Text>
              {isMobile && (
                <Button size="small" icon={<FilterOutlined />} onClick={() => setFacetsOpen(true)} data-testid="open-facets">
                  {t('dirSearch.filters')}
                  {activeChips.length > 0 ? ` (${activeChips.length})` : ''}
                </Button>
              )}
              {activeChips}
              {activeChips.length > 1 && (
                <Button type="link" size="small" onClick={() => update({ q: filters.q, type: filters.type })}>
                  {t('dirSearch.clearFilters')}
                </Button>
              )}
            </div>
            {search.error && rows.length === 0 ? (
              <LoadError error={search.error} onRetry={() => void search.refetch()} />
            ) : isMobile ? (
              <Spin spinning={search.isFetching && !search.isFetchingNextPage}>
                <div className="bb-mlist" data-testid="results-list">
                  {rows.length === 0 && !search.isFetching && emptyText}
                  {rows.map((h) => (
                    <div
                      className="bb-mlist-item is-clickable"
                      key={`${h.entityType}:${h.entityId}`}
                      role="link"
                      tabIndex={0}
                      onClick={() => void navigate(recordPath(community.slug, h.entityType, h.entityId))}
                      onKeyDown={(e) => e.key === 'Enter' && void navigate(recordPath(community.slug, h.entityType, h.entityId))}
                    >
                      <div className="bb-mlist-head">
                        <RecordName type={h.entityType} id={h.entityId} nameZh={h.titleZh} nameEn={h.titleEn} subtitle={h.subtitle} link={false} />
                      </div>
                      <div className="bb-mlist-meta">
                        <EntityTypeTag type={h.entityType} />
                        {kindLabel(h) && <Tag>{kindLabel(h)}</Tag>}
                        {h.segments.slice(0, 2).map((s) => (
                          <Tag key={s} color="geekblue">
                            {tax.name('segment', s)}
                          </Tag>
                        ))}
                        {h.stage && <span>{tax.stageName(h.stage)}</span>}
                        {region(h) && <span>{region(h)}</span>}
                      </div>
                    </div>
                  ))}
                </div>
              </Spin>
            ) : (
              <Table<SearchHit>
                rowKey={(h) => `${h.entityType}:${h.entityId}`}
                columns={columns}
                dataSource={rows}
                loading={search.isPending || (search.isFetching && !search.isFetchingNextPage)}
                pagination={false}
                scroll={{ x: 820 }}
                locale={{ emptyText }}
                data-testid="results-table"
              />
            )}
            {search.error && rows.length > 0 && (
              <Typography.Text type="danger" style={{ display: 'block', marginTop: 8 }}>
                {t('dirSearch.loadMoreFailed')}
              </Typography.Text>
            )}
            <div className="bb-pager" style={{ justifyContent: 'center' }}>
              {search.hasNextPage ? (
                <Button onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage} data-testid="load-more">
                  {t('dirSearch.loadMore', { shown: rows.length, total })}
                </Button>
              ) : (
                rows.length > 0 && <Typography.Text type="secondary">{t('dirSearch.end', { count: rows.length })}</Typography.Text>
              )}
            </div>
          </Card>
        </Col>
      </Row>
      <Drawer open={facetsOpen} onClose={() => setFacetsOpen(false)} placement="bottom" size="80%" title={t('dirSearch.filters')}>
        {facetPanel}
      </Drawer>
      <OrganisationForm open={creating === 'organisation'} onClose={() => setCreating(null)} onSaved={(o) => void navigate(recordPath(community.slug, 'organisation', o.id))} />
      <PersonForm open={creating === 'person'} onClose={() => setCreating(null)} onSaved={(p) => void navigate(recordPath(community.slug, 'person', p.id))} />
      <ProjectForm open={creating === 'project'} onClose={() => setCreating(null)} onSaved={(p) => void navigate(recordPath(community.slug, 'project', p.id))} />
    </div>
  );
}
