import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../lib/errors';
import { ApiError } from '../../services/api';
import { renameFields } from './ChallengeBits';
import { ANSWER_STAGES, challengeKeys, challengesApi, type Answer, type ScreenInput } from '../../services/challenges';

type Dialog = { kind: 'back' | 'decline' | 'note' } | null;

/**
 * The poster side's moves on one answer: forward one stage (or pick any later one from the
 * board), back one stage with a note, decline with a reason told to the team, reopen, and the
 * private screening note. A stale version (another screener moved first) reloads the board.
 */
export function ScreeningActions({ challengeId, answer, size = 'middle' }: { challengeId: string; answer: Answer; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<{ text: string }>();
  const at = ANSWER_STAGES.indexOf(answer.stage);
  const next = ANSWER_STAGES[at + 1];
  const previous = at > 0 ? ANSWER_STAGES[at - 1] : undefined;

  const refresh = () => void queryClient.invalidateQueries({ queryKey: challengeKeys.one(challengeId) });
  const handle = (error: unknown) => {
    if (error instanceof ApiError && (error.code === 'version_conflict' || error.code === 'state_conflict')) {
      void message.warning(t('challenges.screen.conflict'));
      refresh();
      return;
    }
    onError(error, form, ['text']);
  };
  const screen = useMutation({
    mutationFn: (body: ScreenInput) => challengesApi.screen(challengeId, answer.id, body),
    onSuccess: () => {
      void message.success(t('challenges.screen.done'));
      setDialog(null);
      form.resetFields();
      refresh();
    },
    onError: (error) => {
      handle(renameFields(error, (f) => ({ text: Object.values(f)[0]! })));
    },
  });
  const note = useMutation({
    mutationFn: (text: string) => challengesApi.setNote(challengeId, answer.id, text, answer.version),
    onSuccess: () => {
      void message.success(t('challenges.screen.noteSaved'));
      setDialog(null);
      refresh();
    },
    onError: handle,
  });

  const submit = (v: { text: string }) => {
    if (dialog?.kind === 'back' && previous) screen.mutate({ toStage: previous, note: v.text, version: answer.version });
    else if (dialog?.kind === 'decline') screen.mutate({ toStage: 'decline', reason: v.text, version: answer.version });
    else if (dialog?.kind === 'note') note.mutate(v.text ?? '');
  };

  const active = answer.status === 'active';
  return (
    <Space wrap size={4} data-testid="screening-actions">
      {active && next && (
        <Button size={size} type="primary" loading={screen.isPending} onClick={() => screen.mutate({ toStage: next, version: answer.version })} data-testid="screen-forward">
          {t('challenges.screen.forward', { stage: t(`challenges.stages.${next}`) })}
        </Button>
      )}
      {active && previous && (
        <Button size={size} onClick={() => setDialog({ kind: 'back' })} data-testid="screen-back">
          {t('challenges.screen.back', { stage: t(`challenges.stages.${previous}`) })}
        </Button>
      )}
      {active && (
        <Button size={size} danger onClick={() => setDialog({ kind: 'decline' })} data-testid="screen-decline">
          {t('challenges.screen.decline')}
        </Button>
      )}
      {answer.status === 'declined' && (
        <Button size={size} onClick={() => screen.mutate({ toStage: 'reopen', version: answer.version })} data-testid="screen-reopen">
          {t('challenges.screen.reopen')}
        </Button>
      )}
      <Button
        size={size}
        type="link"
        onClick={() => {
          form.setFieldsValue({ text: answer.screeningNote ?? '' });
          setDialog({ kind: 'note' });
        }}
        data-testid="screen-note"
      >
        {t('challenges.screen.note')}
      </Button>
      <Modal
        open={dialog !== null}
        title={dialog ? t(`challenges.screen.dialogs.${dialog.kind}`) : ''}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        confirmLoading={screen.isPending || note.isPending}
        okText={t('common.save')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          <Form.Item
            name="text"
            label={dialog ? t(`challenges.screen.dialogLabels.${dialog.kind}`) : ''}
            extra={dialog?.kind === 'note' ? t('challenges.screen.noteHint') : dialog?.kind === 'decline' ? t('challenges.screen.declineHint') : undefined}
            rules={dialog?.kind === 'note' ? [] : [{ required: true, whitespace: true, message: t('challenges.form.required') }]}
          >
            <Input.TextArea rows={4} maxLength={dialog?.kind === 'note' ? 4000 : 2000} data-testid="screen-text" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
