/** Adding or changing a ticket type: name, description, seats, open or closed. */
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../lib/errors';
import { registrationsApi, type TicketType } from '../../services/registrations';

interface Values {
  name: string;
  description?: string;
  capacity: number;
  isOpen: boolean;
}
const FIELDS = ['name', 'description', 'capacity', 'isOpen'] as const;

export function TicketTypeModal(props: { communityId: string; eventId: string; ticketType: TicketType | null; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const editing = props.ticketType;

  useEffect(() => {
    if (!props.open) return;
    form.setFieldsValue(editing ? { name: editing.name, description: editing.description, capacity: editing.capacity, isOpen: editing.isOpen } : { name: '', description: '', capacity: 50, isOpen: true });
  }, [props.open, editing, form]);

  const save = useMutation({
    mutationFn: async (values: Values) => {
      const body = { name: values.name, description: values.description ?? '', capacity: values.capacity, isOpen: values.isOpen };
      if (!editing) {
        await registrationsApi.createTicketType(props.communityId, props.eventId, body);
        return 0;
      }
      return (await registrationsApi.updateTicketType(props.communityId, props.eventId, editing.id, { ...body, version: editing.version })).promoted;
    },
    onSuccess: (promoted) => {
      void message.success(promoted > 0 ? t('registrations.tickets.promoted', { count: promoted }) : t('registrations.tickets.saved'));
      props.onSaved();
      props.onClose();
    },
    onError: (error) => onError(error, form, FIELDS),
  });

  return (
    <Modal
      open={props.open}
      title={editing ? t('registrations.tickets.edit') : t('registrations.tickets.add')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'registrations-ticket-save' } as never}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="registrations-ticket-form">
        <Form.Item name="name" label={t('registrations.tickets.name')} rules={[{ required: true, whitespace: true }, { max: 60 }]}>
          <Input placeholder={t('registrations.tickets.namePlaceholder')} maxLength={60} data-testid="registrations-ticket-name" />
        </Form.Item>
        <Form.Item name="description" label={t('registrations.tickets.description')} rules={[{ max: 500 }]}>
          <Input maxLength={500} data-testid="registrations-ticket-description" />
        </Form.Item>
        <Form.Item
          name="capacity"
          label={t('registrations.tickets.capacity')}
          rules={[{ required: true }]}
          extra={editing ? t('registrations.tickets.capacityHint', { confirmed: editing.confirmedCount }) : undefined}
        >
          <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} data-testid="registrations-ticket-capacity" />
        </Form.Item>
        <Form.Item name="isOpen" label={t('registrations.tickets.isOpen')} valuePropName="checked" extra={t('registrations.tickets.closedHint')}>
          <Switch data-testid="registrations-ticket-open" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
