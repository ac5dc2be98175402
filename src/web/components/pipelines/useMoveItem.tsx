/**
 * Moving an item to a stage (and a place in its column), as the kanban's drag and drop and the
 * card's "move to…" menu both do: a move back first asks for a reason; the columns change at
 * once (optimistic) and go back on an error; a 409 says so in words and reloads the columns; a
 * stage whose action is an agreement or a landing offers to record it.
 */
import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { classifyMove, needsReason } from '../../../domain/lifecycle/moves';
import { useCommunity } from '../../lib/community';
import { errorText, fieldText, useApiErrorHandler } from '../../lib/errors';
import { ApiError } from '../../services/api';
import { pipelineKeys, pipelinesApi, type ItemPage, type Pipeline, type PipelineItem } from '../../services/pipelines';
import { localStageName, useRefreshPipeline } from './common';

export type ColumnData = InfiniteData<ItemPage, string | undefined>;

export interface MoveTarget {
  stageId: string;
  afterId?: string | null;
  beforeId?: string | null;
}

/** The column's data with `item` taken out. */
function without(data: ColumnData | undefined, itemId: string): ColumnData | undefined {
  if (!data) return data;
  let removed = false;
  const pages = data.pages.map((page) => {
    const items = page.items.filter((i) => i.id !== itemId);
    if (items.length !== page.items.length) removed = true;
    return { ...page, items };
  });
  return { ...data, pages: pages.map((p) => ({ ...p, total: removed ? Math.max(0, p.total - 1) : p.total })) };
}

/** The column's data with `item` put between afterId and beforeId (at the loaded end when neither is given). */
function withItem(data: ColumnData | undefined, item: PipelineItem, target: MoveTarget): ColumnData | undefined {
  if (!data) return data;
  const pages = data.pages.map((p) => ({ ...p, items: [...p.items], total: p.total + 1 }));
  for (const page of pages) {
    const before = target.beforeId ? page.items.findIndex((i) => i.id === target.beforeId) : -1;
    if (before >= 0) {
      page.items.splice(before, 0, item);
      return { ...data, pages };
    }
    const after = target.afterId ? page.items.findIndex((i) => i.id === target.afterId) : -1;
    if (after >= 0) {
      page.items.splice(after + 1, 0, item);
      return { ...data, pages };
    }
  }
  const last = pages[pages.length - 1];
  // Cards past the loaded ones come first: only show it at the end once the column is whole.
  if (last && !last.nextCursor) last.items.push(item);
  return { ...data, pages };
}

/** Replaces an item wherever it shows in the column. */
export function replaceInColumn(data: ColumnData | undefined, item: PipelineItem): ColumnData | undefined {
  if (!data) return data;
  return { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((i) => (i.id === item.id ? item : i)) })) };
}

export function useMoveItem(pipeline: Pipeline | undefined) {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const { message, notification } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const refresh = useRefreshPipeline();
  const navigate = useNavigate();
  const [pending, setPending] = useState<{ item: PipelineItem; target: MoveTarget } | null>(null);
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);

  const offerAction = useCallback(
    (item: PipelineItem, stageId: string) => {
      const stage = pipeline?.stages.find((s) => s.id === stageId);
      if (!stage || stage.action === 'none') return;
      const key = `stage-action-${item.id}`;
      const to = stage.action === 'agreement' ? 'agreements' : 'landing';
      notification.info({
        key,
        title: t(`pipelines.action.${stage.action}.title`),
        description: t(`pipelines.action.${stage.action}.text`, { title: item.title, stage: localStageName(stage, i18n.language) }),
        duration: 0,
        actions: (
          <Button
            type="primary"
            size="small"
            data-testid={`offer-${stage.action}`}
            onClick={() => {
              notification.destroy(key);
              void navigate(`/c/${community.slug}/${to}?new=1&itemId=${item.id}`);
            }}
          >
            {t(`pipelines.action.${stage.action}.button`)}
          </Button>
        ),
      });
    },
    [community.slug, i18n.language, navigate, notification, pipeline, t],
  );

  const perform = useCallback(
    async (item: PipelineItem, target: MoveTarget, reason?: string): Promise<boolean> => {
      if (!pipeline) return false;
      const fromKey = pipelineKeys.column(community.id, pipeline.id, item.stageId);
      const toKey = pipelineKeys.column(community.id, pipeline.id, target.stageId);
      await queryClient.cancelQueries({ queryKey: pipelineKeys.columns(community.id, pipeline.id) });
      const fromBefore = queryClient.getQueryData<ColumnData>(fromKey);
      const toBefore = queryClient.getQueryData<ColumnData>(toKey);
      const moved: PipelineItem = { ...item, stageId: target.stageId, stageEnteredAt: target.stageId === item.stageId ? item.stageEnteredAt : new Date().toISOString() };
      queryClient.setQueryData<ColumnData>(fromKey, (d) => without(d, item.id));
      queryClient.setQueryData<ColumnData>(toKey, (d) => withItem(d, moved, target));
      try {
        const saved = await pipelinesApi.move(community.id, item.id, {
          version: item.version,
          stageId: target.stageId,
          afterId: target.afterId ?? undefined,
          beforeId: target.beforeId ?? undefined,
          reason: reason || undefined,
        });
        queryClient.setQueryData<ColumnData>(toKey, (d) => replaceInColumn(d, saved));
        // Dropped past the loaded cards of a long column: it shows once the column reloads.
        const shown = queryClient.getQueryData<ColumnData>(toKey)?.pages.some((p) => p.items.some((i) => i.id === saved.id));
        if (!shown) void queryClient.invalidateQueries({ queryKey: toKey });
        void queryClient.invalidateQueries({ queryKey: pipelineKeys.pipeline(community.id, pipeline.id) });
        void queryClient.invalidateQueries({ queryKey: ['pipelines', community.id, 'table', pipeline.id] });
        void queryClient.invalidateQueries({ queryKey: pipelineKeys.item(community.id, item.id) });
        if (target.stageId !== item.stageId) offerAction(saved, target.stageId);
        return true;
      } catch (error) {
        queryClient.setQueryData(fromKey, fromBefore);
        if (target.stageId !== item.stageId) queryClient.setQueryData(toKey, toBefore);
        if (error instanceof ApiError && error.status === 409) {
          void message.error({ content: errorText(t, error), key: 'move-conflict' });
          refresh(pipeline.id, item.id);
        } else if (error instanceof ApiError && error.fields?.reason) {
          void message.error(fieldText(t, error.fields.reason));
        } else {
          onError(error);
        }
        return false;
      }
    },
    [community.id, message, offerAction, onError, pipeline, queryClient, refresh, t],
  );

  /** Moves, asking for a reason first when it is a move back. Resolves once the move is sent (or declined). */
  const move = useCallback(
    (item: PipelineItem, target: MoveTarget) => {
      if (!pipeline) return;
      const order = pipeline.stages.map((s) => s.id);
      const kind = classifyMove(order, item.stageId, target.stageId);
      if (kind.ok && needsReason(kind)) {
        reasonForm.resetFields();
        setPending({ item, target });
        return;
      }
      void perform(item, target);
    },
    [perform, pipeline, reasonForm],
  );

  const fromStage = pipeline?.stages.find((s) => s.id === pending?.item.stageId);
  const toStage = pipeline?.stages.find((s) => s.id === pending?.target.stageId);
  const holder: ReactNode = (
    <Modal
      open={Boolean(pending)}
      title={t('pipelines.move.reasonTitle')}
      okText={t('pipelines.move.moveBack')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onCancel={() => setPending(null)}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'move-reason-ok' } as never}
      onOk={async () => {
        const values = await reasonForm.validateFields().catch(() => null);
        if (!values || !pending) return;
        setBusy(true);
        const { item, target } = pending;
        setPending(null);
        try {
          await perform(item, target, values.reason);
        } finally {
          setBusy(false);
        }
      }}
    >
      <p>
        {t('pipelines.move.reasonText', {
          title: pending?.item.title ?? '',
          from: localStageName(fromStage, i18n.language),
          to: localStageName(toStage, i18n.language),
        })}
      </p>
      <Form form={reasonForm} layout="vertical">
        <Form.Item name="reason" label={t('pipelines.move.reason')} rules={[{ required: true, whitespace: true, message: t('fieldErrors.reason_required') }]}>
          <Input.TextArea rows={3} maxLength={500} autoFocus data-testid="move-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );

  return { move, holder };
}
