/**
 * The table view of a pipeline: every item (open or lost) with filters by stage, owner, status,
 * overdue and text, the API's sort orders, and cursor paging ("load more"). The filters live in
 * the address so a filtered view can be shared and survives a reload.
 */
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Button, Checkbox, Input, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCommunity } from '../../lib/community';
import { recordName } from '../../lib/directory';
import { formatMoney } from '../../lib/money';
import { LoadError } from '../States';
import { pipelineKeys, pipelinesApi, type ItemQuery, type Pipeline, type PipelineItem } from '../../services/pipelines';
import { daysInStage, localStageName, NextActionDate, stageById, useMemberOptions } from './common';

const SORTS = ['rank', 'updated', 'next_action', 'investment', 'stage_age'] as const;
type Sort = (typeof SORTS)[number];
const STATUSES = ['open', 'lost', 'all'] as const;
type Status = (typeof STATUSES)[number];
const TABLE_PAGE = 50;

export function ItemTable({ pipeline, onOpen }: { pipeline: Pipeline; onOpen: (item: PipelineItem) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { community } = useCommunity();
  const [params, setParams] = useSearchParams();
  const owners = useMemberOptions();
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as Status) : 'open';
  const sort = (SORTS as readonly string[]).includes(params.get('sort') ?? '') ? (params.get('sort') as Sort) : 'rank';
  const query: ItemQuery = {
    stageId: params.get('stage') || undefined,
    ownerUserId: params.get('owner') || undefined,
    status,
    overdue: params.get('overdue') === 'true' ? 'true' : undefined,
    q: params.get('q') || undefined,
    sort,
    limit: TABLE_PAGE,
  };

  const setParam = (key: string, value: string | undefined | null) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  };

  const list = useInfiniteQuery({
    queryKey: pipelineKeys.table(community.id, pipeline.id, query),
    queryFn: ({ pageParam, signal }) => pipelinesApi.items(community.id, pipeline.id, { ...query, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;

  const columns: TableColumnsType<PipelineItem> = [
    {
      key: 'title',
      title: t('pipelines.field.title'),
      render: (_, item) => (
        <div style={{ minWidth: 160 }}>
          <Typography.Link onClick={() => onOpen(item)} data-testid="row-title">
            {item.title}
          </Typography.Link>
          {(item.project ?? item.organisation) && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {recordName((item.project ?? item.organisation)!.nameZh, (item.project ?? item.organisation)!.nameEn, lang)}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      key: 'stage',
      title: t('pipelines.field.stage'),
      render: (_, item) =>
        item.lostAt ? (
          <Tag color="red">
            {t('pipelines.status.lost')} · {localStageName(stageById(pipeline, item.stageId), lang)}
          </Tag>
        ) : (
          <Tag color="cyan">{localStageName(stageById(pipeline, item.stageId), lang)}</Tag>
        ),
    },
    { key: 'owner', title: t('pipelines.field.owner'), render: (_, item) => item.owner?.displayName ?? '—' },
    {
      key: 'investment',
      title: t('pipelines.field.expectedInvestment'),
      align: 'right',
      render: (_, item) => (item.expectedInvestmentFen === null ? '—' : formatMoney(item.expectedInvestmentFen, lang)),
    },
    { key: 'probability', title: t('pipelines.field.probability'), align: 'right', render: (_, item) => `${item.probability}%` },
    {
      key: 'next',
      title: t('pipelines.field.nextAction'),
      render: (_, item) => (
        <div style={{ maxWidth: 240 }}>
          <div>
            <NextActionDate item={item} />
          </div>
          <Typography.Text ellipsis={{ tooltip: item.nextAction }}>{item.nextAction}</Typography.Text>
        </div>
      ),
    },
    { key: 'days', title: t('pipelines.field.daysInStage'), align: 'right', render: (_, item) => daysInStage(item) },
  ];

  return (
    <div data-testid="item-table">
      <div className="bb-pl-toolbar">
        <Input.Search
          allowClear
          defaultValue={query.q}
          placeholder={t('pipelines.table.search')}
          style={{ width: 220 }}
          onSearch={(v) => setParam('q', v.trim())}
          data-testid="table-search"
        />
        <Select
          allowClear
          placeholder={t('pipelines.field.stage')}
          style={{ width: 160 }}
          value={query.stageId}
          onChange={(v: string | undefined) => setParam('stage', v)}
          options={pipeline.stages.map((s) => ({ value: s.id, label: localStageName(s, lang) }))}
          data-testid="table-stage"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('pipelines.field.owner')}
          style={{ width: 160 }}
          value={query.ownerUserId}
          onChange={(v: string | undefined) => setParam('owner', v)}
          options={owners}
          data-testid="table-owner"
        />
        <Select
          style={{ width: 120 }}
          value={status}
          onChange={(v: Status) => setParam('status', v === 'open' ? undefined : v)}
          options={STATUSES.map((s) => ({ value: s, label: t(`pipelines.status.${s}`) }))}
          data-testid="table-status"
        />
        <Checkbox checked={query.overdue === 'true'} onChange={(e) => setParam('overdue', e.target.checked ? 'true' : undefined)} data-testid="table-overdue">
          {t('pipelines.table.overdueOnly')}
        </Checkbox>
        <span style={{ marginLeft: 'auto' }}>
          <Typography.Text type="secondary">{t('pipelines.table.sort')} </Typography.Text>
          <Select
            style={{ width: 150 }}
            value={sort}
            onChange={(v: Sort) => setParam('sort', v === 'rank' ? undefined : v)}
            options={SORTS.map((s) => ({ value: s, label: t(`pipelines.sort.${s}`) }))}
            data-testid="table-sort"
          />
        </span>
      </div>
      {list.isError && !list.data ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Table<PipelineItem>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={list.isFetching && !list.isFetchingNextPage}
            pagination={false}
            scroll={{ x: 900 }}
            onRow={(item) => ({ 'data-testid': 'item-row', 'data-item-id': item.id }) as never}
          />
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 12 }}>
            <Typography.Text type="secondary" data-testid="table-total">
              {t('pipelines.table.shown', { shown: rows.length, total })}
            </Typography.Text>
            {list.hasNextPage && (
              <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="table-more">
                {t('pipelines.table.more')}
              </Button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
