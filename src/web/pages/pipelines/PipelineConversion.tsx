/**
 * Conversion statistics of a pipeline: per stage, how many items entered, moved on, were lost
 * (and why), the conversion rate and the median days before moving on — for the whole range
 * and per month, quarter or year. A table with plain CSS bars (no chart library).
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Collapse, DatePicker, Empty, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import type { stageConversionSchema } from '../../../shared/schemas/pipelines';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, NotFoundResult, PageSkeleton } from '../../components/States';
import { localStageName, percent, stageById, usePipeline } from '../../components/pipelines/common';
import { useCommunity } from '../../lib/community';
import { ApiError } from '../../services/api';
import { pipelineKeys, pipelinesApi, type Pipeline } from '../../services/pipelines';

type StageConversion = z.infer<typeof stageConversionSchema>;
const PERIODS = ['month', 'quarter', 'year'] as const;
type Period = (typeof PERIODS)[number];

function Bar({ value, max, color, testId }: { value: number; max: number; color: string; testId?: string }) {
  return (
    <div className="bb-pl-bar" data-testid={testId}>
      <div className="bb-pl-bar-track">
        <div className="bb-pl-bar-fill" style={{ width: `${max > 0 ? (value / max) * 100 : 0}%`, background: color }} />
      </div>
      <span style={{ minWidth: 32, textAlign: 'right' }}>{value}</span>
    </div>
  );
}

function StageTable({ pipeline, rows, testId }: { pipeline: Pipeline; rows: StageConversion[]; testId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const max = Math.max(1, ...rows.map((r) => r.entered));
  const ordered = [...rows].sort((a, b) => (stageById(pipeline, a.stageId)?.position ?? 0) - (stageById(pipeline, b.stageId)?.position ?? 0));
  const columns: TableColumnsType<StageConversion> = [
    { key: 'stage', title: t('pipelines.field.stage'), width: 140, render: (_, r) => localStageName(stageById(pipeline, r.stageId), lang) || '—' },
    { key: 'entered', title: t('pipelines.conversion.entered'), width: 180, render: (_, r) => <Bar value={r.entered} max={max} color="#1677ff" testId="conv-entered" /> },
    { key: 'movedOn', title: t('pipelines.conversion.movedOn'), width: 180, render: (_, r) => <Bar value={r.movedOn} max={max} color="#389e0d" testId="conv-moved" /> },
    {
      key: 'lost',
      title: t('pipelines.conversion.lost'),
      width: 220,
      render: (_, r) => (
        <div>
          <Bar value={r.lost} max={max} color="#cf1322" testId="conv-lost" />
          <Space size={[4, 4]} wrap style={{ marginTop: 4 }}>
            {Object.entries(r.lostByReason)
              .filter(([, n]) => n > 0)
              .sort((a, b) => b[1] - a[1])
              .map(([reason, n]) => (
                <Tag key={reason} color="red" data-testid={`conv-reason-${reason}`}>
                  {t(`pipelines.lossReason.${reason}`, { defaultValue: reason })} {n}
                </Tag>
              ))}
          </Space>
        </div>
      ),
    },
    {
      key: 'rate',
      title: t('pipelines.conversion.rate'),
      width: 150,
      render: (_, r) =>
        r.conversionRate === null ? (
          '—'
        ) : (
          <div className="bb-pl-bar">
            <div className="bb-pl-bar-track">
              <div className="bb-pl-bar-fill" style={{ width: `${Math.min(100, r.conversionRate * 100)}%`, background: '#13a8a8' }} />
            </div>
            <span style={{ minWidth: 48, textAlign: 'right' }} data-testid="conv-rate">
              {percent(r.conversionRate)}
            </span>
          </div>
        ),
    },
    {
      key: 'median',
      title: (
        <Tooltip title={t('pipelines.conversion.medianHelp')}>
          <span>{t('pipelines.conversion.median')}</span>
        </Tooltip>
      ),
      width: 110,
      align: 'right',
      render: (_, r) => (r.medianDays === null ? '—' : t('pipelines.card.days', { count: Math.round(r.medianDays * 10) / 10 })),
    },
  ];
  return <Table<StageConversion> rowKey="stageId" size="small" pagination={false} columns={columns} dataSource={ordered} scroll={{ x: 900 }} data-testid={testId} />;
}

export function PipelineConversionPage() {
  const { t, i18n } = useTranslation();
  const { pipelineId } = useParams();
  const { community } = useCommunity();
  const [params, setParams] = useSearchParams();
  const pipeline = usePipeline(pipelineId);
  const period: Period = (PERIODS as readonly string[]).includes(params.get('period') ?? '') ? (params.get('period') as Period) : 'month';
  // "Today" is the community's, not the browser's: the statistics count days in the community's zone.
  const today = dayjs().tz(community.timeZone);
  const from = params.get('from') ?? today.subtract(5, 'month').startOf('month').format('YYYY-MM-DD');
  const to = params.get('to') ?? today.format('YYYY-MM-DD');
  const query = { from, to, period };
  const conversion = useQuery({
    queryKey: pipelineKeys.conversion(community.id, pipelineId ?? '', query),
    queryFn: () => pipelinesApi.conversion(community.id, pipelineId ?? '', query),
    enabled: Boolean(pipelineId),
    placeholderData: keepPreviousData,
  });
  const set = (changes: Record<string, string>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) next.set(k, v);
        return next;
      },
      { replace: true },
    );

  if (pipeline.isPending) return <PageSkeleton />;
  if (pipeline.isError) {
    if (pipeline.error instanceof ApiError && pipeline.error.status === 404) return <NotFoundResult />;
    return <LoadError error={pipeline.error} onRetry={() => void pipeline.refetch()} />;
  }
  const p = pipeline.data;
  const periods = [...(conversion.data?.periods ?? [])].sort((a, b) => b.period.localeCompare(a.period));
  return (
    <div data-testid="pipeline-conversion">
      <PageHeader
        title={`${t('pipelines.conversion.title')} · ${localStageName(p, i18n.language)}`}
        subtitle={
          <Link to={`/c/${community.slug}/pipelines/${p.id}`}>
            <ArrowLeftOutlined /> {t('pipelines.settings.backToBoard')}
          </Link>
        }
        extra={
          <Space wrap>
            <DatePicker.RangePicker
              allowClear={false}
              value={[dayjs(from), dayjs(to)]}
              onChange={(v) => {
                const [a, b] = (v ?? []) as [Dayjs | null, Dayjs | null];
                if (a && b) set({ from: a.format('YYYY-MM-DD'), to: b.format('YYYY-MM-DD') });
              }}
              data-testid="conv-range"
            />
            <Segmented value={period} onChange={(v) => set({ period: String(v) })} options={PERIODS.map((x) => ({ value: x, label: t(`pipelines.conversion.period.${x}`) }))} data-testid="conv-period" />
          </Space>
        }
      />
      {conversion.isError && !conversion.data ? (
        <LoadError error={conversion.error} onRetry={() => void conversion.refetch()} />
      ) : (
        <>
          <Card variant="borderless" title={t('pipelines.conversion.totals')} style={{ marginBottom: 16 }} loading={conversion.isPending}>
            <Typography.Paragraph type="secondary">{t('pipelines.conversion.help')}</Typography.Paragraph>
            {conversion.data && <StageTable pipeline={p} rows={conversion.data.totals} testId="conv-totals" />}
          </Card>
          <Card variant="borderless" title={t('pipelines.conversion.byPeriod')} loading={conversion.isPending}>
            {periods.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <Collapse
                defaultActiveKey={periods[0] ? [periods[0].period] : []}
                items={periods.map((x) => ({
                  key: x.period,
                  label: (
                    <span>
                      {x.period} · {t('pipelines.conversion.periodLine', { entered: x.stages.reduce((n, s) => n + s.entered, 0), lost: x.stages.reduce((n, s) => n + s.lost, 0) })}
                    </span>
                  ),
                  children: <StageTable pipeline={p} rows={x.stages} testId={`conv-period-${x.period}`} />,
                }))}
              />
            )}
          </Card>
        </>
      )}
    </div>
  );
}
