/**
 * The kanban: one column per stage, each a virtualised list (only the cards in view are in the
 * page, so a stage of 500 items scrolls smoothly) that loads pages of 200 as it scrolls. Cards
 * move by drag and drop (@dnd-kit/core) between and within columns, or by the card's
 * "move to…" menu (keyboard and phones).
 */
import { DragOutlined, MoreOutlined, PlusOutlined, UserOutlined } from '@ant-design/icons';
import {
  DndContext,
  DragOverlay,
  MeasuringStrategy,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Button, Dropdown, Empty, Spin, Tooltip, Typography } from 'antd';
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommunity } from '../../lib/community';
import { formatMoney } from '../../lib/money';
import { recordName } from '../../lib/directory';
import { pipelineKeys, pipelinesApi, type ItemPage, type Pipeline, type PipelineItem, type PipelineStage } from '../../services/pipelines';
import { daysInStage, localStageName, NextActionDate } from './common';
import { useMoveItem, type ColumnData, type MoveTarget } from './useMoveItem';

export const COLUMN_PAGE = 200;
const CARD_HEIGHT = 116;
const CARD_GAP = 8;

/** Prefer the card under the pointer, then the column; fall back to overlap when the pointer is outside. */
const collision: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  const cards = within.filter((c) => String(c.id).startsWith('card:'));
  if (cards.length > 0) return cards;
  if (within.length > 0) return within;
  return rectIntersection(args);
};

function useColumn(pipelineId: string, stageId: string) {
  const { community } = useCommunity();
  return useInfiniteQuery({
    queryKey: pipelineKeys.column(community.id, pipelineId, stageId),
    queryFn: ({ pageParam, signal }) => pipelinesApi.items(community.id, pipelineId, { stageId, status: 'open', sort: 'rank', limit: COLUMN_PAGE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

function columnItems(data: { pages: ItemPage[] } | undefined): PipelineItem[] {
  return data?.pages.flatMap((p) => p.items) ?? [];
}

interface CardProps {
  item: PipelineItem;
  pipeline: Pipeline;
  canWrite: boolean;
  onOpen: (item: PipelineItem) => void;
  onMove: (item: PipelineItem, target: MoveTarget) => void;
  dragging?: boolean;
  overlay?: boolean;
}

function CardBody({ item, pipeline, canWrite, onMove, overlay }: CardProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const subject = item.project ?? item.organisation;
  const days = daysInStage(item);
  const stages = pipeline.stages.filter((s) => s.id !== item.stageId);
  return (
    <>
      <div className="bb-pl-card-top">
        <Typography.Text strong ellipsis={{ tooltip: item.title }} className="bb-pl-card-title" data-testid="card-title">
          {item.title}
        </Typography.Text>
        {canWrite && !overlay && (
          <span onClick={(e) => e.stopPropagation()} onPointerDown={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'label', type: 'group', label: t('pipelines.card.moveTo'), children: stages.map((s) => ({ key: s.id, label: localStageName(s, lang), 'data-testid': `move-to-${s.code}` })) },
                ],
                onClick: ({ key, domEvent }) => {
                  domEvent.stopPropagation();
                  onMove(item, { stageId: key });
                },
              }}
            >
              <Button type="text" size="small" icon={<MoreOutlined />} aria-label={t('pipelines.card.moveTo')} data-testid="card-move-menu" />
            </Dropdown>
          </span>
        )}
      </div>
      <div className="bb-pl-card-line">
        <Typography.Text type="secondary" ellipsis>
          {subject ? recordName(subject.nameZh, subject.nameEn, lang) : '\u00a0'}
        </Typography.Text>
      </div>
      <div className="bb-pl-card-line bb-pl-card-meta">
        <span>
          <UserOutlined /> {item.owner?.displayName ?? t('pipelines.card.noOwner')}
        </span>
        {item.expectedInvestmentFen !== null && <span className="bb-pl-money">{formatMoney(item.expectedInvestmentFen, lang)}</span>}
      </div>
      <div className="bb-pl-card-line bb-pl-card-meta">
        <NextActionDate item={item} testId="card-next-action" />
        <Tooltip title={t('pipelines.card.daysInStage', { count: days })}>
          <span className="bb-pl-days">{t('pipelines.card.days', { count: days })}</span>
        </Tooltip>
      </div>
    </>
  );
}

const Card = memo(function Card(props: CardProps & { top: number }) {
  const { item, canWrite, onOpen, top } = props;
  const drag = useDraggable({ id: `item:${item.id}`, data: { item }, disabled: !canWrite });
  const drop = useDroppable({ id: `card:${item.id}`, data: { item } });
  return (
    <div
      ref={(node) => {
        drag.setNodeRef(node);
        drop.setNodeRef(node);
      }}
      className={`bb-pl-card${item.overdue ? ' bb-pl-card-overdue' : ''}${drag.isDragging ? ' bb-pl-card-dragging' : ''}${drop.isOver ? ' bb-pl-card-over' : ''}`}
      style={{ position: 'absolute', top, left: 0, right: 0, height: CARD_HEIGHT }}
      data-testid="pipeline-card"
      data-item-id={item.id}
      {...drag.attributes}
      {...drag.listeners}
      role="button"
      tabIndex={0}
      onClick={() => onOpen(item)}
      onKeyDown={(e: KeyboardEvent) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen(item);
        }
      }}
    >
      <CardBody {...props} />
    </div>
  );
});

function Column({
  pipeline,
  stage,
  canWrite,
  onOpen,
  onMove,
  onAdd,
}: {
  pipeline: Pipeline;
  stage: PipelineStage;
  canWrite: boolean;
  onOpen: (item: PipelineItem) => void;
  onMove: (item: PipelineItem, target: MoveTarget) => void;
  onAdd: (stageId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const column = useColumn(pipeline.id, stage.id);
  const items = columnItems(column.data);
  const total = column.data?.pages[0]?.total;
  const summary = pipeline.summary.find((s) => s.stageId === stage.id);
  const count = total ?? summary?.openCount ?? 0;
  const scrollRef = useRef<HTMLDivElement>(null);
  const drop = useDroppable({ id: `col:${stage.id}`, data: { stageId: stage.id } });
  const rows = items.length + (column.hasNextPage ? 1 : 0);
  // The virtualizer's functions change identity on purpose (React Compiler skips this component: fine).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_HEIGHT + CARD_GAP,
    overscan: 6,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = column;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= items.length - 10) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastIndex, items.length]);

  return (
    <section className={`bb-pl-column${drop.isOver ? ' bb-pl-column-over' : ''}`} data-testid={`column-${stage.code}`} data-stage-id={stage.id} aria-label={localStageName(stage, lang)}>
      <header className="bb-pl-column-head">
        <div className="bb-pl-column-title">
          <Typography.Text strong ellipsis>
            {localStageName(stage, lang)}
          </Typography.Text>
          <span className="bb-pl-count" data-testid="column-count">
            {count}
          </span>
          {canWrite && <Button type="text" size="small" icon={<PlusOutlined />} onClick={() => onAdd(stage.id)} aria-label={t('pipelines.item.new')} data-testid="column-add" />}
        </div>
        <div className="bb-pl-column-sums">
          <span title={t('pipelines.summary.expected')}>{summary && summary.expectedInvestmentFen > 0 ? formatMoney(summary.expectedInvestmentFen, lang) : '—'}</span>
          <span title={t('pipelines.summary.weighted')} className="bb-pl-weighted">
            {t('pipelines.summary.weightedShort')} {summary && summary.weightedInvestmentFen > 0 ? formatMoney(summary.weightedInvestmentFen, lang) : '—'}
          </span>
          <span className="bb-pl-prob">{stage.probability}%</span>
        </div>
      </header>
      <div ref={drop.setNodeRef} className="bb-pl-column-body">
        <div ref={scrollRef} className="bb-pl-column-scroll" data-testid="column-scroll">
          {column.isPending ? (
            <div className="bb-pl-column-empty">
              <Spin />
            </div>
          ) : column.isError ? (
            <div className="bb-pl-column-empty">
              <Button size="small" onClick={() => void column.refetch()}>
                {t('common.retry')}
              </Button>
            </div>
          ) : items.length === 0 ? (
            <div className="bb-pl-column-empty">
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pipelines.board.emptyColumn')} />
            </div>
          ) : (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualItems.map((row) => {
                const item = items[row.index];
                if (!item)
                  return (
                    <div key="loader" className="bb-pl-loader" style={{ position: 'absolute', top: row.start, left: 0, right: 0 }}>
                      <Spin size="small" />
                    </div>
                  );
                return <Card key={item.id} item={item} pipeline={pipeline} canWrite={canWrite} onOpen={onOpen} onMove={onMove} top={row.start} />;
              })}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}

export function KanbanBoard({
  pipeline,
  canWrite,
  onOpen,
  onAdd,
}: {
  pipeline: Pipeline;
  canWrite: boolean;
  onOpen: (item: PipelineItem) => void;
  onAdd: (stageId: string) => void;
}) {
  const { t } = useTranslation();
  const { community } = useCommunity();
  const queryClient = useQueryClient();
  const { move, holder } = useMoveItem(pipeline);
  const [active, setActive] = useState<PipelineItem | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));

  const onDragStart = (event: DragStartEvent) => {
    setActive((event.active.data.current as { item: PipelineItem } | undefined)?.item ?? null);
  };

  const onDragEnd = (event: DragEndEvent) => {
    setActive(null);
    const item = (event.active.data.current as { item: PipelineItem } | undefined)?.item;
    const over = event.over;
    if (!item || !over) return;
    const overId = String(over.id);
    if (overId.startsWith('col:')) {
      const stageId = overId.slice(4);
      if (stageId === item.stageId) return;
      move(item, { stageId });
      return;
    }
    const target = (over.data.current as { item: PipelineItem } | undefined)?.item;
    if (!target || target.id === item.id) return;
    const list = columnItems(queryClient.getQueryData<ColumnData>(pipelineKeys.column(community.id, pipeline.id, target.stageId))).filter((i) => i.id !== item.id);
    const index = list.findIndex((i) => i.id === target.id);
    const dragged = event.active.rect.current.translated;
    const below = dragged ? dragged.top + dragged.height / 2 > over.rect.top + over.rect.height / 2 : false;
    const afterId = below ? target.id : (list[index - 1]?.id ?? null);
    const beforeId = below ? (list[index + 1]?.id ?? null) : target.id;
    if (target.stageId === item.stageId) {
      // Dropped where it already was: nothing to do.
      const original = columnItems(queryClient.getQueryData<ColumnData>(pipelineKeys.column(community.id, pipeline.id, item.stageId)));
      const at = original.findIndex((i) => i.id === item.id);
      if (original[at - 1]?.id === (afterId ?? undefined) && original[at + 1]?.id === (beforeId ?? undefined)) return;
    }
    move(item, { stageId: target.stageId, afterId, beforeId });
  };

  return (
    <>
      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setActive(null)}
        accessibility={{
          screenReaderInstructions: { draggable: t('pipelines.board.dragHint') },
        }}
      >
        <div className="bb-pl-board" data-testid="kanban">
          {pipeline.stages.map((stage) => (
            <Column key={stage.id} pipeline={pipeline} stage={stage} canWrite={canWrite} onOpen={onOpen} onMove={move} onAdd={onAdd} />
          ))}
        </div>
        <DragOverlay dropAnimation={null}>
          {active ? (
            <div className="bb-pl-card bb-pl-card-overlay" style={{ height: CARD_HEIGHT }}>
              <CardBody item={active} pipeline={pipeline} canWrite={false} onOpen={() => undefined} onMove={() => undefined} overlay />
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
      {canWrite && (
        <Typography.Paragraph type="secondary" className="bb-pl-hint">
          <DragOutlined /> {t('pipelines.board.dragHint')}
        </Typography.Paragraph>
      )}
      {holder}
    </>
  );
}
