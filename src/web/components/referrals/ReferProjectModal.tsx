import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { RecordSelect } from '../directory/formSupport';
import { localName } from '../../lib/format';
import { useApiErrorHandler } from '../../lib/errors';
import { referralKeys, referralsApi } from '../../services/referrals';

interface Values {
  projectId: string | null;
  toCommunityId: string | null;
  note: string;
}

const FIELDS = ['projectId', 'toCommunityId', 'note'] as const;

/**
 * Refers a project of the directory to another community. With `projectId` the project is
 * fixed (the button on a project's profile); without it the user picks one.
 */
export function ReferProjectModal(props: {
  open: boolean;
  onClose: () => void;
  communityId: string;
  projectId?: string;
  projectName?: string;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const targets = useQuery({ queryKey: referralKeys.targets, queryFn: referralsApi.targets, enabled: props.open, staleTime: 5 * 60_000 });

  const create = useMutation({
    mutationFn: (values: Values) =>
      referralsApi.create(props.communityId, { projectId: (props.projectId ?? values.projectId)!, toCommunityId: values.toCommunityId!, note: values.note ?? '' }),
    onSuccess: async () => {
      void message.success(t('referrals.create.done'));
      await queryClient.invalidateQueries({ queryKey: referralKeys.all(props.communityId) });
      form.resetFields();
      props.onClose();
    },
    onError: (error) => onError(error, form, FIELDS),
  });

  const options = (targets.data ?? []).filter((c) => c.id !== props.communityId).map((c) => ({ value: c.id, label: localName(c, i18n.language) }));

  return (
    <Modal
      open={props.open}
      title={t('referrals.create.title')}
      okText={t('referrals.create.ok')}
      cancelText={t('common.cancel')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'referral-create-submit' } as never}
      destroyOnHidden
      data-testid="referral-create-modal"
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ projectId: null, toCommunityId: null, note: '' }} onFinish={(v) => create.mutate(v)} preserve={false}>
        {props.projectId ? (
          <Form.Item label={t('referrals.create.project')}>
            <span data-testid="referral-create-project-name">{props.projectName}</span>
          </Form.Item>
        ) : (
          <Form.Item name="projectId" label={t('referrals.create.project')} extra={t('referrals.create.projectHelp')} rules={[{ required: true, message: t('referrals.create.projectRequired') }]}>
            <RecordSelect type="project" testId="referral-create-project" />
          </Form.Item>
        )}
        <Form.Item name="toCommunityId" label={t('referrals.create.target')} rules={[{ required: true, message: t('referrals.create.targetRequired') }]}>
          <Select options={options} loading={targets.isPending} showSearch={{ optionFilterProp: 'label' }} data-testid="referral-create-target" />
        </Form.Item>
        <Form.Item name="note" label={t('referrals.create.note')}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('referrals.create.notePlaceholder')} data-testid="referral-create-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
