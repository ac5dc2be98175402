import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import { ModalButtons } from './ModalButtons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { classifyMove } from '../../../domain/lifecycle/moves';
import { ApiError } from '../../services/api';
import { useCommunity } from '../../lib/community';
import { useApiErrorHandler } from '../../lib/errors';
import { localName } from '../../lib/format';
import { directoryKeys } from '../../services/directory';
import { lifecycleApi, lifecycleKeys, type LifecycleModel } from '../../services/lifecycle';
import { useLifecycleCatalogue } from './support';
import { todayIn } from '../../../domain/lifecycle/models';

interface Values {
  toStage?: string;
  changedOn?: Dayjs;
  reason?: string;
}

const FIELDS = ['toStage', 'changedOn', 'reason'] as const;

/** Moves a project to another stage of its model: a skip names the stages passed over, a move back asks why. */
export function StageMoveModal(props: {
  open: boolean;
  onClose: () => void;
  projectId: string;
  model: LifecycleModel;
  stage: string;
  stageSince: string;
  version: number;
}) {
  const { t } = useTranslation();
  return (
    <Modal open={props.open} onCancel={props.onClose} title={t('lifecycle.moveTitle')} footer={null} destroyOnHidden width={520}>
      <StageMoveBody {...props} />
    </Modal>
  );
}

function StageMoveBody({ onClose, projectId, model, stage, stageSince, version }: Parameters<typeof StageMoveModal>[0]) {
  const { t } = useTranslation();
  const { community } = useCommunity();
  const { stageName, lang } = useLifecycleCatalogue();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const toStage = Form.useWatch('toStage', form);
  const today = todayIn(community.timeZone);
  const order = model.stages.map((s) => s.code);
  const move = toStage ? classifyMove(order, stage, toStage) : null;
  const rollback = move?.ok === true && move.kind === 'rollback';

  const save = useMutation({
    mutationFn: (v: Values) =>
      lifecycleApi.moveStage(projectId, {
        toStage: v.toStage ?? '',
        changedOn: (v.changedOn ?? dayjs(today)).format('YYYY-MM-DD'),
        ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
        version,
      }),
    onSuccess: () => {
      void message.success(t('lifecycle.moved'));
      void queryClient.invalidateQueries({ queryKey: lifecycleKeys.timeline(projectId) });
      void queryClient.invalidateQueries({ queryKey: directoryKeys.record('project', projectId) });
      void queryClient.invalidateQueries({ queryKey: directoryKeys.activity('project', projectId) });
      void queryClient.invalidateQueries({ queryKey: ['lifecycle-board'] });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'version_conflict') {
        void message.error(t('lifecycle.conflict'));
        void queryClient.invalidateQueries({ queryKey: lifecycleKeys.timeline(projectId) });
        return;
      }
      onError(e, form, FIELDS);
    },
  });

  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ changedOn: dayjs(today) }} onFinish={(v) => save.mutate(v)} data-testid="stage-move-form">
      <Form.Item label={t('lifecycle.currentStage')}>
        <strong>{stageName(stage)}</strong>
      </Form.Item>
      <Form.Item name="toStage" label={t('lifecycle.toStage')} rules={[{ required: true, message: t('lifecycle.toStage') }]}>
        <Select
          data-testid="stage-move-to"
          options={model.stages.map((s) => ({ value: s.code, label: localName(s, lang), disabled: s.code === stage }))}
        />
      </Form.Item>
      {move?.ok && (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          type={move.kind === 'rollback' ? 'warning' : move.kind === 'skip' ? 'info' : 'success'}
          title={
            move.kind === 'advance'
              ? t('lifecycle.willAdvance')
              : move.kind === 'skip'
                ? t('lifecycle.willSkip', { stages: move.skipped.map(stageName).join('、') })
                : t('lifecycle.willRollback')
          }
          data-testid="stage-move-preview"
        />
      )}
      <Form.Item name="changedOn" label={t('lifecycle.changedOn')} rules={[{ required: true, message: t('lifecycle.changedOn') }]}>
        <DatePicker
          style={{ width: '100%' }}
          allowClear={false}
          disabledDate={(d) => d.format('YYYY-MM-DD') > today || d.format('YYYY-MM-DD') < stageSince}
          data-testid="stage-move-date"
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('lifecycle.reasonLabel')}
        extra={rollback ? t('lifecycle.reasonHelpRollback') : undefined}
        rules={rollback ? [{ required: true, whitespace: true, message: t('fieldErrors.lifecycle_reason_required') }] : []}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} data-testid="stage-move-reason" />
      </Form.Item>
      <ModalButtons onCancel={onClose} pending={save.isPending} testId="stage-move-save" />
    </Form>
  );
}
