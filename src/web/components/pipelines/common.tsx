/**
 * What the pipeline pages share: names in the UI language, the pipeline and member queries, the
 * refresh after a write, and small bits of display (a due date that turns red, days in a stage).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommunity } from '../../lib/community';
import { pipelineKeys, pipelinesApi, type Pipeline, type PipelineItem, type PipelineStage } from '../../services/pipelines';
import './pipelines.css';

/** A stage's (or pipeline's) name: the English one in English when there is one, else the Chinese. */
export function localStageName(item: { nameZh: string; nameEn: string | null } | undefined, lang: string): string {
  if (!item) return '';
  return lang === 'en' && item.nameEn ? item.nameEn : item.nameZh;
}

export function usePipeline(pipelineId: string | undefined) {
  const { community } = useCommunity();
  return useQuery({
    queryKey: pipelineKeys.pipeline(community.id, pipelineId ?? ''),
    queryFn: () => pipelinesApi.get(community.id, pipelineId ?? ''),
    enabled: Boolean(pipelineId),
  });
}

/**
 * The community's staff (admins and staff, who hold pipeline.write) as owner options; empty (not
 * an error) for someone who may not list members.
 */
export function useMemberOptions(known: ({ userId: string; displayName: string } | null | undefined)[] = []) {
  const { community } = useCommunity();
  const members = useQuery({
    queryKey: pipelineKeys.members(community.id),
    queryFn: () => pipelinesApi.members(community.id),
    staleTime: 5 * 60_000,
    retry: false,
  });
  const options = new Map<string, string>();
  for (const k of known) if (k) options.set(k.userId, k.displayName);
  for (const m of members.data?.items ?? []) if (m.role === 'community_admin' || m.role === 'staff') options.set(m.userId, m.displayName);
  return [...options].map(([value, label]) => ({ value, label }));
}

/** After a write: the pipeline's summary, its columns, the table, the item and the reminders are refetched. */
export function useRefreshPipeline() {
  const { community } = useCommunity();
  const queryClient = useQueryClient();
  return useCallback(
    (pipelineId: string, itemId?: string) => {
      void queryClient.invalidateQueries({ queryKey: pipelineKeys.pipeline(community.id, pipelineId) });
      void queryClient.invalidateQueries({ queryKey: pipelineKeys.list(community.id) });
      void queryClient.invalidateQueries({ queryKey: pipelineKeys.columns(community.id, pipelineId) });
      void queryClient.invalidateQueries({ queryKey: ['pipelines', community.id, 'table', pipelineId] });
      void queryClient.invalidateQueries({ queryKey: pipelineKeys.reminders });
      if (itemId) {
        void queryClient.invalidateQueries({ queryKey: pipelineKeys.item(community.id, itemId) });
        void queryClient.invalidateQueries({ queryKey: pipelineKeys.activities(community.id, itemId) });
      }
    },
    [community.id, queryClient],
  );
}

/** An ISO calendar date (no time, no zone) as the UI writes dates. */
export function formatIsoDate(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.format(lang === 'en' ? 'D MMM YYYY' : 'YYYY-MM-DD') : iso;
}

/** Whole days since the item entered its stage. */
export function daysInStage(item: Pick<PipelineItem, 'stageEnteredAt'>): number {
  return Math.max(0, dayjs().diff(dayjs(item.stageEnteredAt), 'day'));
}

/** The next action's date, red when overdue. */
export function NextActionDate({ item, testId }: { item: Pick<PipelineItem, 'nextActionOn' | 'overdue'>; testId?: string }) {
  const { i18n } = useTranslation();
  if (!item.nextActionOn) return null;
  return (
    <Typography.Text type={item.overdue ? 'danger' : 'secondary'} strong={item.overdue} data-testid={testId} data-overdue={item.overdue ? 'true' : 'false'}>
      {formatIsoDate(item.nextActionOn, i18n.language)}
    </Typography.Text>
  );
}

export function stageById(pipeline: Pipeline | undefined, stageId: string | null | undefined): PipelineStage | undefined {
  return pipeline?.stages.find((s) => s.id === stageId);
}

/** "50%" */
export function percent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${Math.round(value * 1000) / 10}%`;
}
