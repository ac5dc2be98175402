/**
 * Ticket types with their seats (capacity, confirmed, left, waiting, pending) and the event's
 * registration settings: approval mode, when registration closes, the custom questions. The
 * settings are saved through the event's own PATCH (with its version).
 */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Empty, Form, Popconfirm, Radio, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../domain/events/questions';
import type { ApprovalMode } from '../../../domain/events/vocabularies';
import { useApiErrorHandler } from '../../lib/errors';
import { zoneOffsetLabel } from '../../lib/format';
import { eventKeys, eventsApi } from '../../services/events';
import { registrationKeys, registrationsApi, type TicketType } from '../../services/registrations';
import { LoadError } from '../States';
import { fromPicker, toPicker } from './EventTime';
import { QuestionsEditor } from './QuestionsEditor';
import { TicketTypeModal } from './TicketTypeModal';
import type { EventTabProps } from './types';

function TicketTypes({ event }: EventTabProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const [editing, setEditing] = useState<TicketType | null>(null);
  const [open, setOpen] = useState(false);
  const query = useQuery({ queryKey: registrationKeys.ticketTypes(event.id), queryFn: () => registrationsApi.ticketTypes(event.communityId, event.id) });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: registrationKeys.event(event.id) });
    void queryClient.invalidateQueries({ queryKey: eventKeys.all(event.communityId) });
  };
  const remove = useMutation({
    mutationFn: (id: string) => registrationsApi.removeTicketType(event.communityId, event.id, id),
    onSuccess: () => {
      void message.success(t('registrations.tickets.saved'));
      refresh();
    },
    onError: (error) => onError(error),
  });

  const columns: TableColumnsType<TicketType> = [
    {
      title: t('registrations.tickets.name'),
      dataIndex: 'name',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{r.name}</Typography.Text>
          {r.description && <Typography.Text type="secondary">{r.description}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('registrations.tickets.capacity'), dataIndex: 'capacity', align: 'right' },
    { title: t('registrations.tickets.confirmed'), dataIndex: 'confirmedCount', align: 'right' },
    { title: t('registrations.tickets.seatsLeft'), dataIndex: 'seatsLeft', align: 'right' },
    { title: t('registrations.tickets.waitlist'), dataIndex: 'waitlistLength', align: 'right' },
    { title: t('registrations.tickets.pending'), dataIndex: 'pendingCount', align: 'right' },
    {
      title: t('registrations.tickets.isOpen'),
      dataIndex: 'isOpen',
      render: (v: boolean) => (v ? <Tag color="success">{t('registrations.tickets.openYes')}</Tag> : <Tag>{t('registrations.tickets.openNo')}</Tag>),
    },
    {
      title: t('registrations.tickets.actions'),
      key: 'actions',
      render: (_, r) => (
        <Space>
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => {
              setEditing(r);
              setOpen(true);
            }}
            data-testid="registrations-ticket-edit"
          >
            {t('registrations.tickets.edit')}
          </Button>
          <Popconfirm title={t('registrations.tickets.deleteConfirm')} onConfirm={() => remove.mutateAsync(r.id).catch(() => undefined)}>
            <Button size="small" danger icon={<DeleteOutlined />} data-testid="registrations-ticket-delete" aria-label={t('registrations.tickets.delete')} />
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      variant="borderless"
      title={t('registrations.tickets.title')}
      extra={
        event.canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(null);
              setOpen(true);
            }}
            data-testid="registrations-ticket-add"
          >
            {t('registrations.tickets.add')}
          </Button>
        )
      }
    >
      {query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<TicketType>
          rowKey="id"
          size="middle"
          loading={query.isPending}
          columns={columns}
          dataSource={query.data ?? []}
          pagination={false}
          scroll={{ x: 760 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registrations.tickets.empty')} /> }}
          data-testid="registrations-ticket-table"
        />
      )}
      <TicketTypeModal communityId={event.communityId} eventId={event.id} ticketType={editing} open={open} onClose={() => setOpen(false)} onSaved={refresh} />
    </Card>
  );
}

interface SettingsValues {
  approvalMode: ApprovalMode;
  registrationClosesAt: Dayjs | null;
  registrationQuestions: Question[];
}

function RegistrationSettings({ event }: EventTabProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<SettingsValues>();
  const zone = zoneOffsetLabel(event.timeZone);

  useEffect(() => {
    form.setFieldsValue({
      approvalMode: event.approvalMode,
      registrationClosesAt: toPicker(event.registrationClosesAt, event.timeZone),
      registrationQuestions: event.registrationQuestions,
    });
  }, [event, form]);

  const save = useMutation({
    mutationFn: (values: SettingsValues) =>
      eventsApi.update(event.communityId, event.id, {
        version: event.version,
        approvalMode: values.approvalMode,
        registrationClosesAt: values.registrationClosesAt ? fromPicker(values.registrationClosesAt, event.timeZone) : null,
        registrationQuestions: values.registrationQuestions,
      }),
    onSuccess: (updated) => {
      void message.success(t('registrations.settings.saved'));
      queryClient.setQueryData(eventKeys.detail(event.communityId, event.id), updated);
      void queryClient.invalidateQueries({ queryKey: eventKeys.all(event.communityId) });
    },
    onError: (error) => onError(error, form, ['approvalMode', 'registrationClosesAt', 'registrationQuestions']),
  });

  return (
    <Card variant="borderless" title={t('registrations.settings.title')}>
      <Form<SettingsValues> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} disabled={!event.canManage} data-testid="registrations-settings-form">
        <Form.Item name="approvalMode" label={t('registrations.settings.approvalMode')}>
          <Radio.Group data-testid="registrations-settings-approval">
            <Space orientation="vertical">
              <Radio value="automatic">{t('registrations.settings.automatic')}</Radio>
              <Radio value="reviewed">{t('registrations.settings.reviewed')}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="registrationClosesAt" label={t('registrations.settings.closesAt')} extra={t('registrations.settings.closesAtHint', { zone })}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowClear data-testid="registrations-settings-closes" />
        </Form.Item>
        <Form.Item name="registrationQuestions" label={t('registrations.settings.questions')} extra={t('registrations.settings.questionsHint')}>
          <QuestionsEditor testId="registrations-questions" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="registrations-settings-save">
          {t('registrations.settings.save')}
        </Button>
      </Form>
    </Card>
  );
}

export function TicketsTab({ event }: EventTabProps) {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="registrations-tickets-tab">
      <TicketTypes event={event} />
      <RegistrationSettings event={event} />
    </Space>
  );
}
