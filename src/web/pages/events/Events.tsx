/**
 * The community's events: upcoming (soonest first) or past, filtered by kind, status and title,
 * as a table on wide screens and cards on a phone, with seats taken and people checked in.
 * Organisers see drafts too and get "New event".
 */
import { CalendarOutlined, EnvironmentOutlined, GlobalOutlined, PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Grid, Input, List, Segmented, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { EVENT_KINDS, EVENT_STATUSES } from '../../../domain/events/vocabularies';
import { EventKindTag, EventStatusTag } from '../../components/events/EventTags';
import { formatEventRange } from '../../components/events/EventTime';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/States';
import { useCommunity } from '../../lib/community';
import { eventKeys, eventsApi, type EventKind, type EventListParams, type EventStatus, type EventSummary } from '../../services/events';

const PAGE = 30;
type When = 'upcoming' | 'past' | 'all';

function Place({ event }: { event: EventSummary }) {
  const { t } = useTranslation();
  if (event.venue)
    return (
      <span>
        <EnvironmentOutlined style={{ marginInlineEnd: 4 }} />
        {event.venue}
      </span>
    );
  if (event.onlineUrl)
    return (
      <span>
        <GlobalOutlined style={{ marginInlineEnd: 4 }} />
        {t('events.list.online')}
      </span>
    );
  return <Typography.Text type="secondary">{t('events.list.noVenue')}</Typography.Text>;
}

export function EventsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { community, can } = useCommunity();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const organiser = can('events.manage');
  const when = (['upcoming', 'past', 'all'].includes(params.get('when') ?? '') ? params.get('when') : 'upcoming') as When;
  const query: EventListParams = {
    when,
    q: params.get('q') || undefined,
    kind: (params.get('kind') as EventKind | null) ?? undefined,
    status: (params.get('status') as EventStatus | null) ?? undefined,
    limit: PAGE,
  };
  const filtered = Boolean(query.q || query.kind || query.status);
  const setParam = (name: string, value: string | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const list = useInfiniteQuery({
    queryKey: eventKeys.list(community.id, query),
    queryFn: ({ pageParam }) => eventsApi.list(community.id, query, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const path = (e: EventSummary) => `/c/${community.slug}/events/${e.id}`;

  const empty = (
    <Empty
      description={filtered ? t('events.list.emptyFiltered') : organiser ? t('events.list.emptyOrganiser') : t('events.list.emptyMember')}
      data-testid="events-empty"
    >
      {organiser && !filtered && (
        <Link to={`/c/${community.slug}/events/new`}>
          <Button type="primary" icon={<PlusOutlined />}>
            {t('events.list.new')}
          </Button>
        </Link>
      )}
    </Empty>
  );

  const seats = (e: EventSummary) => t('events.list.seats', { confirmed: e.confirmedCount, capacity: e.capacity });
  const columns: TableColumnsType<EventSummary> = [
    {
      title: t('events.columns.title'),
      key: 'title',
      render: (_, e) => (
        <Space orientation="vertical" size={2}>
          <Link to={path(e)} data-testid="events-link">
            {e.title}
          </Link>
          <span>
            <EventKindTag kind={e.kind} />
            {e.summary && <Typography.Text type="secondary">{e.summary}</Typography.Text>}
          </span>
        </Space>
      ),
    },
    { title: t('events.columns.when'), key: 'when', width: 220, render: (_, e) => formatEventRange(e.startsAt, e.endsAt, lang, e.timeZone) },
    { title: t('events.columns.venue'), key: 'venue', width: 200, responsive: ['lg'], render: (_, e) => <Place event={e} /> },
    { title: t('events.columns.seats'), key: 'seats', width: 150, align: 'right', render: (_, e) => `${e.confirmedCount} / ${e.capacity}` },
    { title: t('events.columns.checkedIn'), dataIndex: 'checkedInCount', key: 'checkedIn', width: 90, align: 'right', responsive: ['md'] },
    { title: t('events.columns.status'), dataIndex: 'status', key: 'status', width: 100, render: (s: EventStatus) => <EventStatusTag status={s} /> },
  ];

  return (
    <div data-testid="events-page">
      <PageHeader
        title={t('events.title')}
        subtitle={t('events.subtitle')}
        extra={
          organiser && (
            <Link to={`/c/${community.slug}/events/new`}>
              <Button type="primary" icon={<PlusOutlined />} data-testid="events-new">
                {t('events.list.new')}
              </Button>
            </Link>
          )
        }
      />
      <Space wrap style={{ marginBottom: 16 }} data-testid="events-filters">
        <Segmented<When>
          value={when}
          onChange={(v) => setParam('when', v === 'upcoming' ? null : v)}
          options={(['upcoming', 'past', 'all'] as const).map((w) => ({ value: w, label: t(`events.list.when.${w}`) }))}
          data-testid="events-when"
        />
        <Input.Search allowClear placeholder={t('events.list.search')} defaultValue={query.q} onSearch={(v) => setParam('q', v.trim())} style={{ width: 220 }} maxLength={100} data-testid="events-search" />
        <Select
          allowClear
          placeholder={t('events.list.allKinds')}
          value={query.kind}
          onChange={(v?: string) => setParam('kind', v)}
          style={{ width: 150 }}
          options={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))}
          data-testid="events-filter-kind"
        />
        <Select
          allowClear
          placeholder={t('events.list.allStatuses')}
          value={query.status}
          onChange={(v?: string) => setParam('status', v)}
          style={{ width: 130 }}
          options={EVENT_STATUSES.filter((s) => organiser || s !== 'draft').map((s) => ({ value: s, label: t(`events.statuses.${s}`) }))}
          data-testid="events-filter-status"
        />
      </Space>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : screens.md ? (
        <Card variant="borderless">
          <Table<EventSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={list.isPending}
            pagination={false}
            locale={{ emptyText: list.isPending ? ' ' : empty }}
            onRow={(e) => ({ onDoubleClick: () => void navigate(path(e)) })}
            data-testid="events-table"
          />
        </Card>
      ) : (
        <List<EventSummary>
          loading={list.isPending}
          dataSource={rows}
          locale={{ emptyText: list.isPending ? ' ' : empty }}
          data-testid="events-cards"
          renderItem={(e) => (
            <Card size="small" style={{ marginBottom: 12 }} onClick={() => void navigate(path(e))} hoverable data-testid="events-card">
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  <EventKindTag kind={e.kind} />
                  <EventStatusTag status={e.status} />
                </Space>
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {e.title}
                </Typography.Text>
                <span>
                  <CalendarOutlined style={{ marginInlineEnd: 4 }} />
                  {formatEventRange(e.startsAt, e.endsAt, lang, e.timeZone)}
                </span>
                <Place event={e} />
                <Typography.Text type="secondary">
                  {seats(e)} · {t('events.list.checkedIn', { count: e.checkedInCount })}
                </Typography.Text>
              </Space>
            </Card>
          )}
        />
      )}
      {list.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="events-load-more">
            {t('events.list.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}
