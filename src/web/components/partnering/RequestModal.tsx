/** "约见": a meeting request to one participant, with a priority and a message. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PARTNERING_PRIORITIES, type PartneringPriority } from '../../../domain/partnering/vocabularies';
import { PARTNERING_LIMITS } from '../../../shared/schemas/partnering';
import { useApiErrorHandler } from '../../lib/errors';
import { partneringApi, partneringKeys, type ParticipantCard } from '../../services/partnering';

interface Values {
  priority: PartneringPriority;
  message: string;
}

export function RequestModal({ eventId, target, onClose }: { eventId: string; target: ParticipantCard | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const send = useMutation({
    mutationFn: (v: Values) => partneringApi.sendRequest(eventId, { toParticipantId: target!.id, priority: v.priority, message: v.message?.trim() ?? '' }),
    onSuccess: () => {
      void message.success(t('partnering.request.sent', { name: target?.displayName }));
      void queryClient.invalidateQueries({ queryKey: partneringKeys.event(eventId) });
      form.resetFields();
      onClose();
    },
    onError: (error) => {
      onError(error, form, ['priority', 'message']);
      // A refused request (rules, an existing request) changes what the list shows: refresh it.
      void queryClient.invalidateQueries({ queryKey: partneringKeys.event(eventId) });
    },
  });
  return (
    <Modal
      open={target !== null}
      title={t('partnering.request.title', { name: target?.displayName ?? '' })}
      okText={t('partnering.request.send')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={send.isPending}
      okButtonProps={{ 'data-testid': 'request-submit' } as never}
      destroyOnHidden
    >
      {target && (
        <Typography.Paragraph type="secondary">
          {[target.organisationName, target.jobTitle].filter(Boolean).join(' · ')}
        </Typography.Paragraph>
      )}
      <Form<Values> form={form} layout="vertical" initialValues={{ priority: 'would_like', message: '' }} onFinish={(v) => send.mutate(v)} preserve={false}>
        <Form.Item name="priority" label={t('partnering.request.priority')} extra={t('partnering.request.priorityHelp')} rules={[{ required: true }]}>
          <Radio.Group data-testid="request-priority" className="bb-partnering-priority-radios">
            {PARTNERING_PRIORITIES.map((p) => (
              <Radio key={p} value={p} data-testid={`request-priority-${p}`}>
                {t(`partnering.priorities.${p}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="message" label={t('partnering.request.message')} extra={t('partnering.request.messageHelp')} rules={[{ max: PARTNERING_LIMITS.message }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={PARTNERING_LIMITS.message} showCount data-testid="request-message" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
