/**
 * "参会者": the other participants, likely matches first. Search, side and segment filters, sort;
 * each card says why the person is suggested, how the viewer stands with them, and offers
 * "约见" (request mode) or a wish priority (wish-list mode). A drawer shows the full card.
 */
import { SearchOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Input, Segmented, Select, Skeleton, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartneringSide } from '../../../domain/partnering/vocabularies';
import { useTaxonomy } from '../../lib/taxonomy';
import { partneringApi, partneringKeys, type ParticipantFilters, type ParticipantListItem, type PartneringOverview } from '../../services/partnering';
import { LoadError } from '../States';
import { MatchReasons, SideTag, useSideOptions } from './common';
import { BlockedReason, ParticipantActions, RelationTags } from './ParticipantActions';
import { ParticipantDrawer } from './ParticipantDrawer';
import { RequestModal } from './RequestModal';

function ParticipantItem({
  item,
  overview,
  canAct,
  onOpen,
  onRequest,
}: {
  item: ParticipantListItem;
  overview: PartneringOverview;
  canAct: boolean;
  onOpen: (item: ParticipantListItem) => void;
  onRequest: (item: ParticipantListItem) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" variant="borderless" className="bb-partnering-card" data-testid={`participant-card-${item.id}`}>
      <div className="bb-partnering-card-head">
        <div style={{ minWidth: 0 }}>
          <Typography.Link strong className="bb-partnering-card-name" onClick={() => onOpen(item)} data-testid={`participant-open-${item.id}`}>
            {item.displayName}
          </Typography.Link>
          <div className="bb-partnering-card-org">
            {[item.organisationName, item.jobTitle].filter(Boolean).join(' · ')}
          </div>
        </div>
        <SideTag side={item.side} />
      </div>
      {item.headline && <Typography.Paragraph className="bb-partnering-card-headline">{item.headline}</Typography.Paragraph>}
      {item.offer && (
        <Typography.Paragraph ellipsis={{ rows: 2 }} className="bb-partnering-card-text">
          <Typography.Text type="secondary">{t('partnering.fields.offer')}：</Typography.Text>
          {item.offer}
        </Typography.Paragraph>
      )}
      {item.seek && (
        <Typography.Paragraph ellipsis={{ rows: 2 }} className="bb-partnering-card-text">
          <Typography.Text type="secondary">{t('partnering.fields.seek')}：</Typography.Text>
          {item.seek}
        </Typography.Paragraph>
      )}
      <MatchReasons reasons={item.reasons} />
      <div className="bb-partnering-card-foot">
        <Space size={4} wrap>
          <RelationTags item={item} />
          <BlockedReason item={item} canAct={canAct} />
        </Space>
        <Space size={8}>
          <Button onClick={() => onOpen(item)}>{t('partnering.people.details')}</Button>
          <ParticipantActions item={item} mode={overview.rules.mode} eventId={overview.event.id} canAct={canAct} onRequest={onRequest} />
        </Space>
      </div>
    </Card>
  );
}

export function PeopleTab({ overview }: { overview: PartneringOverview }) {
  const { t } = useTranslation();
  const tax = useTaxonomy();
  const sideOptions = useSideOptions();
  const eventId = overview.event.id;
  const canAct = overview.me?.status === 'active';
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<ParticipantFilters>({ sort: 'match' });
  const [open, setOpen] = useState<ParticipantListItem | null>(null);
  const [target, setTarget] = useState<ParticipantListItem | null>(null);

  const list = useInfiniteQuery({
    queryKey: partneringKeys.participants(eventId, filters),
    queryFn: ({ pageParam }) => partneringApi.participants(eventId, filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  // The drawer shows the freshest version of the open participant (a request changes its relation).
  const openItem = open ? (items.find((i) => i.id === open.id) ?? open) : null;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="partnering-people">
      {!canAct && <Alert type="info" showIcon title={t('partnering.people.joinFirst')} description={t('partnering.people.joinFirstText')} />}
      {overview.rules.mode === 'wishlist' && canAct && <Alert type="info" showIcon title={t('partnering.people.wishlistMode')} />}
      <div className="bb-partnering-filters">
        <Input.Search
          allowClear
          enterButton={<SearchOutlined />}
          placeholder={t('partnering.people.search')}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            if (!e.target.value) setFilters((f) => ({ ...f, q: undefined }));
          }}
          onSearch={(v) => setFilters((f) => ({ ...f, q: v.trim() || undefined }))}
          maxLength={100}
          data-testid="partnering-search"
          className="bb-partnering-search"
        />
        <Select<PartneringSide>
          allowClear
          placeholder={t('partnering.people.allSides')}
          options={sideOptions}
          value={filters.side}
          onChange={(side) => setFilters((f) => ({ ...f, side }))}
          style={{ minWidth: 130 }}
          data-testid="partnering-side-filter"
        />
        <Select<string>
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('partnering.people.allSegments')}
          options={tax.options('segment')}
          value={filters.segment}
          onChange={(segment) => setFilters((f) => ({ ...f, segment }))}
          style={{ minWidth: 150 }}
          data-testid="partnering-segment-filter"
        />
        <Segmented
          value={filters.sort}
          onChange={(sort) => setFilters((f) => ({ ...f, sort: sort as ParticipantFilters['sort'] }))}
          options={[
            { value: 'match', label: t('partnering.people.sortMatch') },
            { value: 'name', label: t('partnering.people.sortName') },
          ]}
          data-testid="partnering-sort"
        />
      </div>
      {list.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Card variant="borderless">
          <Empty description={filters.q || filters.side || filters.segment ? t('partnering.people.noMatch') : t('partnering.people.empty')} />
        </Card>
      ) : (
        <>
          <Typography.Text type="secondary">{t('partnering.people.total', { count: total })}</Typography.Text>
          <div className="bb-partnering-cards">
            {items.map((item) => (
              <ParticipantItem key={item.id} item={item} overview={overview} canAct={canAct} onOpen={setOpen} onRequest={setTarget} />
            ))}
          </div>
          {list.hasNextPage && (
            <Button block onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="partnering-people-more">
              {t('partnering.loadMore')}
            </Button>
          )}
        </>
      )}
      <ParticipantDrawer
        card={openItem}
        onClose={() => setOpen(null)}
        extra={openItem ? <ParticipantActions item={openItem} mode={overview.rules.mode} eventId={eventId} canAct={canAct} onRequest={setTarget} /> : undefined}
      >
        {openItem && (
          <Space size={4} wrap>
            <RelationTags item={openItem} />
            <BlockedReason item={openItem} canAct={canAct} />
            <MatchReasons reasons={openItem.reasons} />
          </Space>
        )}
      </ParticipantDrawer>
      <RequestModal eventId={eventId} target={target} onClose={() => setTarget(null)} />
    </Space>
  );
}
