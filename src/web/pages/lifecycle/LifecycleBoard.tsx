import { useQuery } from '@tanstack/react-query';
import { Card, Drawer, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PROJECT_TRACKS } from '../../../domain/directory';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, PageSkeleton } from '../../components/States';
import { useCommunity } from '../../lib/community';
import { recordPath } from '../../lib/directory';
import { formatDate, localName } from '../../lib/format';
import { useTaxonomy } from '../../lib/taxonomy';
import { lifecycleApi, lifecycleKeys, type BoardModel, type BoardStage } from '../../services/lifecycle';

type BoardProject = BoardStage['projects'][number];

/** Heat of a stage tile: more projects, a deeper tint. */
function tint(count: number, max: number): string {
  if (count === 0 || max === 0) return '#fafafa';
  const alpha = 0.08 + 0.32 * (count / max);
  return `rgba(22, 119, 255, ${alpha.toFixed(2)})`;
}

function days(value: number | null): string {
  return value === null ? '–' : String(Math.round(value));
}

/**
 * The lifecycle board: for each model, a row of its stages with how many of the community's
 * projects sit there and for how long (median and longest); a stage opens its projects.
 */
export function LifecycleBoardPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { community } = useCommunity();
  const tax = useTaxonomy();
  const [params, setParams] = useSearchParams();
  const filters = { track: params.get('track') ?? undefined, segment: params.get('segment') ?? undefined };
  const query = useQuery({ queryKey: lifecycleKeys.board(community.id, filters), queryFn: () => lifecycleApi.board(community.id, filters) });
  const [open, setOpen] = useState<{ model: BoardModel; stage: BoardStage } | null>(null);

  const setFilter = (name: 'track' | 'segment', value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const header = (
    <PageHeader
      title={t('lifecycle.boardTitle')}
      subtitle={query.data ? t('lifecycle.boardSubtitle', { today: formatDate(query.data.today, lang, community.timeZone) }) : undefined}
      extra={
        <Space wrap>
          <Select
            allowClear
            style={{ width: 170 }}
            placeholder={t('lifecycle.allTracks')}
            aria-label={t('lifecycle.filterTrack')}
            value={filters.track}
            onChange={(v?: string) => setFilter('track', v)}
            options={PROJECT_TRACKS.map((tr) => ({ value: tr, label: t(`dir.tracks.${tr}`) }))}
            data-testid="board-filter-track"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 170 }}
            placeholder={t('lifecycle.allSegments')}
            aria-label={t('lifecycle.filterSegment')}
            value={filters.segment}
            onChange={(v?: string) => setFilter('segment', v)}
            options={tax.options('segment')}
            data-testid="board-filter-segment"
          />
        </Space>
      }
    />
  );

  if (query.error) {
    return (
      <>
        {header}
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  if (!query.data) return <PageSkeleton />;
  const models = query.data.models.filter((m) => m.total > 0 || filters.track);

  const columns: TableColumnsType<BoardProject> = [
    {
      title: t('dir.fields.projectNameZh'),
      key: 'name',
      render: (_, p) => (
        <Link to={recordPath(community.slug, 'project', p.id)} data-testid="board-project-link">
          {lang === 'en' ? p.nameEn || p.nameZh : p.nameZh}
        </Link>
      ),
    },
    { title: t('dir.fields.segment'), key: 'segment', responsive: ['md'], render: (_, p) => tax.name('segment', p.segment) },
    { title: t('lifecycle.daysInStage'), dataIndex: 'daysInStage', key: 'days', width: 110, align: 'right' },
    { title: t('lifecycle.since'), key: 'since', width: 130, render: (_, p) => formatDate(p.stageSince, lang, community.timeZone) },
    {
      title: t('lifecycle.via'),
      key: 'via',
      width: 120,
      render: (_, p) => (p.via === 'home' ? <Tag color="blue">{t('lifecycle.viaHome')}</Tag> : <Tag color="gold">{t('lifecycle.viaResident')}</Tag>),
    },
  ];

  return (
    <div data-testid="lifecycle-board">
      {header}
      {models.length === 0 && (
        <Card>
          <Empty description={t('lifecycle.emptyModel')} />
        </Card>
      )}
      {models.map((model) => {
        const max = Math.max(...model.stages.map((s) => s.count));
        return (
          <Card
            key={model.code}
            size="small"
            style={{ marginBottom: 16 }}
            title={
              <Space>
                <span>{localName(model, lang)}</span>
                <Tag>{t('lifecycle.projects', { count: model.total })}</Tag>
              </Space>
            }
            data-testid={`board-model-${model.code}`}
          >
            <div style={{ display: 'flex', gap: 8, overflowX: 'auto', paddingBottom: 4 }}>
              {model.stages.map((stage) => (
                <button
                  type="button"
                  key={stage.code}
                  onClick={() => setOpen({ model, stage })}
                  disabled={stage.count === 0}
                  data-testid={`board-stage-${model.code}-${stage.code}`}
                  data-count={stage.count}
                  style={{
                    flex: '1 0 112px',
                    minWidth: 112,
                    textAlign: 'start',
                    border: '1px solid #e5e6eb',
                    borderRadius: 8,
                    padding: '8px 10px',
                    background: tint(stage.count, max),
                    cursor: stage.count ? 'pointer' : 'default',
                    font: 'inherit',
                  }}
                >
                  <div style={{ fontSize: 12, color: '#595959', minHeight: 34, lineHeight: '17px' }}>{localName(stage, lang)}</div>
                  <div style={{ fontSize: 24, fontWeight: 600, lineHeight: '32px', color: stage.count ? '#1d2129' : '#bfbfbf' }}>{stage.count}</div>
                  <div style={{ fontSize: 12, color: '#8c8c8c', minHeight: 36 }}>
                    {stage.count > 0 && (
                      <>
                        <div>{t('lifecycle.median', { days: days(stage.medianDays) })}</div>
                        <div>{t('lifecycle.max', { days: days(stage.maxDays) })}</div>
                      </>
                    )}
                  </div>
                </button>
              ))}
            </div>
          </Card>
        );
      })}
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        size={720}
        title={open && t('lifecycle.stageProjects', { model: localName(open.model, lang), stage: localName(open.stage, lang) })}
        data-testid="board-stage-drawer"
      >
        {open && (
          <>
            {open.stage.projects.length < open.stage.count && (
              <Typography.Paragraph type="secondary">{t('lifecycle.moreProjects', { shown: open.stage.projects.length, count: open.stage.count })}</Typography.Paragraph>
            )}
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={open.stage.projects}
              columns={columns}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lifecycle.emptyStage')} /> }}
              data-testid="board-stage-projects"
            />
          </>
        )}
      </Drawer>
    </div>
  );
}
