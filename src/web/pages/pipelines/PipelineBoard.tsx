/**
 * One pipeline: the kanban (virtualised columns, drag and drop) or the table (filters, sorting,
 * cursor paging), chosen by `?view=` in the address; `?item=<id>` opens an item's drawer (the
 * home page's reminders link there).
 */
import { AppstoreOutlined, BarChartOutlined, PlusOutlined, SettingOutlined, TableOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Segmented, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, NotFoundResult, PageSkeleton } from '../../components/States';
import { localStageName, usePipeline } from '../../components/pipelines/common';
import { ItemDrawer } from '../../components/pipelines/ItemDrawer';
import { ItemTable } from '../../components/pipelines/ItemTable';
import { KanbanBoard } from '../../components/pipelines/KanbanBoard';
import { useCommunity } from '../../lib/community';
import { formatMoney } from '../../lib/money';
import { ApiError } from '../../services/api';

export function PipelineBoardPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { pipelineId } = useParams();
  const { community, can } = useCommunity();
  const [params, setParams] = useSearchParams();
  const [newStage, setNewStage] = useState<string | null>(null);
  const pipeline = usePipeline(pipelineId);
  const view = params.get('view') === 'table' ? 'table' : 'kanban';
  const itemParam = params.get('item');

  const update = (changes: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });

  if (pipeline.isPending) return <PageSkeleton />;
  if (pipeline.isError) {
    if (pipeline.error instanceof ApiError && pipeline.error.status === 404) return <NotFoundResult />;
    return <LoadError error={pipeline.error} onRetry={() => void pipeline.refetch()} />;
  }
  const p = pipeline.data;
  const base = `/c/${community.slug}/pipelines`;
  const canWrite = can('pipeline.write') && !p.archived;
  const openCount = p.summary.reduce((n, s) => n + s.openCount, 0);
  const expected = p.summary.reduce((n, s) => n + s.expectedInvestmentFen, 0);
  const weighted = p.summary.reduce((n, s) => n + s.weightedInvestmentFen, 0);

  return (
    <div data-testid="pipeline-board">
      <PageHeader
        title={
          <span>
            {localStageName(p, lang)} {p.archived && <Tag>{t('pipelines.list.archived')}</Tag>}
          </span>
        }
        subtitle={
          <span data-testid="board-totals">
            <Link to={`${base}?all=1`}>
              <UnorderedListOutlined /> {t('pipelines.list.all')}
            </Link>
            {' · '}
            {t('pipelines.board.totals', { open: openCount, lost: p.lostCount })}
            {expected > 0 && ` · ${t('pipelines.summary.expected')} ${formatMoney(expected, lang)} · ${t('pipelines.summary.weighted')} ${formatMoney(weighted, lang)}`}
          </span>
        }
        extra={
          <Space wrap>
            <Segmented
              value={view}
              onChange={(v) => update({ view: v === 'table' ? 'table' : null })}
              options={[
                { value: 'kanban', label: t('pipelines.board.kanban'), icon: <AppstoreOutlined /> },
                { value: 'table', label: t('pipelines.board.table'), icon: <TableOutlined /> },
              ]}
              data-testid="view-toggle"
            />
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setNewStage(p.stages[0]?.id ?? '')} data-testid="new-item">
                {t('pipelines.item.new')}
              </Button>
            )}
            <Link to={`${base}/${p.id}/conversion`}>
              <Button icon={<BarChartOutlined />} data-testid="to-conversion">
                {t('pipelines.conversion.title')}
              </Button>
            </Link>
            {can('pipeline.configure') && (
              <Link to={`${base}/${p.id}/settings`}>
                <Button icon={<SettingOutlined />} data-testid="to-settings">
                  {t('pipelines.settings.title')}
                </Button>
              </Link>
            )}
          </Space>
        }
      />
      {view === 'kanban' ? (
        <KanbanBoard pipeline={p} canWrite={canWrite} onOpen={(item) => update({ item: item.id })} onAdd={(stageId) => setNewStage(stageId)} />
      ) : (
        <ItemTable pipeline={p} onOpen={(item) => update({ item: item.id })} />
      )}
      <ItemDrawer pipeline={p} itemId={itemParam} open={Boolean(itemParam)} onClose={() => update({ item: null })} />
      <ItemDrawer
        pipeline={p}
        itemId={null}
        newStageId={newStage ?? undefined}
        open={newStage !== null}
        onClose={() => setNewStage(null)}
        onCreated={(id) => {
          setNewStage(null);
          update({ item: id });
        }}
      />
    </div>
  );
}
