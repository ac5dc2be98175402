/**
 * The agenda builder: sessions day by day on a timeline, each with its time, room, kind and
 * people; conflict warnings (a speaker or room double-booked here or in another of the
 * community's events, a session outside the event) shown on the sessions they concern. Adding
 * and editing happen in a drawer; warnings never block saving. Members see the agenda read-only.
 */
import { DeleteOutlined, EditOutlined, EnvironmentOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, AutoComplete, Button, Card, DatePicker, Empty, Form, Input, Popconfirm, Select, Space, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_KINDS, SESSION_ROLES } from '../../../domain/events/vocabularies';
import { useCommunity } from '../../lib/community';
import { recordName } from '../../lib/directory';
import { errorText, fieldText } from '../../lib/errors';
import { ApiError } from '../../services/api';
import type { EntityRef } from '../../services/directory';
import { eventKeys, eventsApi, type AgendaConflictView, type EventSession, type SessionKind, type SessionRole } from '../../services/events';
import { LoadError } from '../States';
import { RecordDrawer, RecordSelect } from '../directory/formSupport';
import { formatEventRange, fromPicker, toPicker } from './EventTime';
import type { EventTabProps } from './types';

interface PersonValue {
  personId: string | null;
  role: SessionRole;
}

interface FormValues {
  kind: SessionKind;
  title: string;
  description: string;
  startsAt: Dayjs | null;
  endsAt: Dayjs | null;
  room: string;
  people: PersonValue[];
}

const FIELDS = ['kind', 'title', 'description', 'startsAt', 'endsAt', 'room', 'people'];

/** One warning in words, from the point of view of `sessionId`. */
function useConflictText(sessions: EventSession[]) {
  const { t } = useTranslation();
  const titles = new Map(sessions.map((s) => [s.id, s.title]));
  return (c: AgendaConflictView, sessionId?: string) => {
    const name = c.personName ?? t('events.conflicts.someone');
    let text: string;
    if (c.kind === 'person_elsewhere') text = t('events.conflicts.person_elsewhere', { name, event: c.other?.eventTitle ?? '', session: c.other?.sessionTitle ?? '' });
    else if (c.kind === 'room') text = t('events.conflicts.room', { room: c.room ?? '' });
    else if (c.kind === 'person') text = t('events.conflicts.person', { name });
    else text = t('events.conflicts.outside_event');
    const otherId = c.sessionIds.find((id) => id !== sessionId);
    if ((c.kind === 'person' || c.kind === 'room') && otherId && sessionId) text += ` · ${t('events.conflicts.with', { title: titles.get(otherId) ?? '' })}`;
    return text;
  };
}

function SessionDrawer(props: { eventId: string; timeZone: string; eventStart: string; session: EventSession | null; rooms: string[]; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { community } = useCommunity();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const editing = props.session;
  const tz = props.timeZone;
  const knownPeople: EntityRef[] = editing?.people.map((p) => ({ entityType: 'person', id: p.person.id, nameZh: p.person.nameZh, nameEn: p.person.nameEn })) ?? [];
  const start = toPicker(props.eventStart, tz);
  const initial: FormValues = editing
    ? {
        kind: editing.kind,
        title: editing.title,
        description: editing.description,
        startsAt: toPicker(editing.startsAt, tz),
        endsAt: toPicker(editing.endsAt, tz),
        room: editing.room,
        people: editing.people.map((p) => ({ personId: p.person.id, role: p.role })),
      }
    : { kind: 'keynote', title: '', description: '', startsAt: start, endsAt: start ? start.add(30, 'minute') : null, room: '', people: [] };

  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const body = {
        kind: v.kind,
        title: v.title.trim(),
        description: v.description?.trim() ?? '',
        startsAt: fromPicker(v.startsAt!, tz),
        endsAt: fromPicker(v.endsAt!, tz),
        room: v.room?.trim() ?? '',
        people: (v.people ?? []).filter((p) => p.personId).map((p) => ({ personId: p.personId!, role: p.role })),
      };
      return editing ? eventsApi.updateSession(community.id, props.eventId, editing.id, { ...body, version: editing.version }) : eventsApi.addSession(community.id, props.eventId, body);
    },
    onSuccess: (reply) => {
      const mine = reply.conflicts.filter((c) => c.sessionIds.includes(reply.session.id)).length;
      if (mine > 0) void message.warning(t('events.agenda.savedWithWarnings', { count: mine }));
      else void message.success(t('events.agenda.saved'));
      void queryClient.invalidateQueries({ queryKey: eventKeys.agenda(community.id, props.eventId) });
      props.onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        void message.warning(t('errors.version_conflict'));
        void queryClient.invalidateQueries({ queryKey: eventKeys.agenda(community.id, props.eventId) });
        props.onClose();
        return;
      }
      if (error instanceof ApiError && error.fields) {
        const rest: string[] = [];
        const onForm: { name: (string | number)[]; errors: string[] }[] = [];
        for (const [name, text] of Object.entries(error.fields)) {
          const path = name.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
          if (FIELDS.includes(String(path[0])) && name !== 'people') onForm.push({ name: path, errors: [fieldText(t, text)] });
          else rest.push(fieldText(t, text));
        }
        form.setFields(onForm as never);
        if (rest.length) void message.error(rest.join(' · '));
        return;
      }
      void message.error(errorText(t, error));
    },
  });

  const roomOptions = props.rooms.map((r) => ({ value: r }));
  return (
    <RecordDrawer open={props.open} onClose={props.onClose} title={editing ? t('events.agenda.edit') : t('events.agenda.add')} width={560} testId="events-session-drawer">
      <Form<FormValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} data-testid="events-session-form">
        <Form.Item name="kind" label={t('events.agenda.kind')} rules={[{ required: true }]}>
          <Select options={SESSION_KINDS.map((k) => ({ value: k, label: t(`events.sessionKinds.${k}`) }))} data-testid="events-session-kind" />
        </Form.Item>
        <Form.Item name="title" label={t('events.agenda.title')} rules={[{ required: true, whitespace: true, message: t('events.form.required', { field: t('events.agenda.title') }) }]}>
          <Input maxLength={200} data-testid="events-session-title" />
        </Form.Item>
        <Space wrap style={{ width: '100%' }} styles={{ item: { flex: '1 1 200px' } }}>
          <Form.Item name="startsAt" label={t('events.agenda.startsAt')} rules={[{ required: true, message: t('events.form.required', { field: t('events.agenda.startsAt') }) }]}>
            <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="events-session-starts" />
          </Form.Item>
          <Form.Item
            name="endsAt"
            label={t('events.agenda.endsAt')}
            dependencies={['startsAt']}
            rules={[
              { required: true, message: t('events.form.required', { field: t('events.agenda.endsAt') }) },
              ({ getFieldValue }) => ({
                validator: async (_, v: Dayjs | null) => {
                  const s = getFieldValue('startsAt') as Dayjs | null;
                  if (v && s && !v.isAfter(s)) throw new Error(t('fieldErrors.events_session_ends_before_start'));
                },
              }),
            ]}
          >
            <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="events-session-ends" />
          </Form.Item>
        </Space>
        <Form.Item name="room" label={t('events.agenda.room')}>
          <AutoComplete options={roomOptions} filterOption={(input, option) => String(option?.value ?? '').toLowerCase().includes(input.toLowerCase())} data-testid="events-session-room">
            <Input maxLength={100} placeholder={t('events.agenda.roomPlaceholder')} />
          </AutoComplete>
        </Form.Item>
        <Form.Item label={t('events.agenda.people')}>
          <Form.List name="people">
            {(fields, { add, remove }) => (
              <div data-testid="events-session-people">
                {fields.map((field, index) => (
                  <Space key={field.key} align="start" style={{ display: 'flex', marginBottom: 8 }} styles={{ item: { minWidth: 0 } }}>
                    <Form.Item name={[field.name, 'personId']} style={{ marginBottom: 0, width: 280, maxWidth: '50vw' }}>
                      <RecordSelect type="person" known={knownPeople} testId={`events-session-person-${index}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'role']} style={{ marginBottom: 0, width: 120 }}>
                      <Select aria-label={t('events.agenda.role')} options={SESSION_ROLES.map((r) => ({ value: r, label: t(`events.roleSingular.${r}`) }))} data-testid={`events-session-role-${index}`} />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} aria-label={t('events.form.remove')} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ personId: null, role: 'speaker' })} data-testid="events-session-add-person">
                  {t('events.agenda.addPerson')}
                </Button>
              </div>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="description" label={t('events.agenda.description')}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="events-session-description" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="events-session-save">
            {t('events.agenda.save')}
          </Button>
          <Button onClick={props.onClose}>{t('events.agenda.cancel')}</Button>
        </Space>
      </Form>
    </RecordDrawer>
  );
}

export function AgendaTab({ event }: EventTabProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { community } = useCommunity();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const tz = event.timeZone;
  const manage = event.canManage && event.status !== 'cancelled';
  const [drawer, setDrawer] = useState<{ session: EventSession | null } | null>(null);
  const agenda = useQuery({ queryKey: eventKeys.agenda(community.id, event.id), queryFn: () => eventsApi.agenda(community.id, event.id) });
  const sessions = useMemo(() => agenda.data?.sessions ?? [], [agenda.data]);
  const conflicts = agenda.data?.conflicts ?? [];
  const describe = useConflictText(sessions);
  const rooms = useMemo(() => [...new Set([...sessions.map((s) => s.room).filter(Boolean), ...(agenda.data?.rooms ?? [])])], [sessions, agenda.data]);

  const remove = useMutation({
    mutationFn: (s: EventSession) => eventsApi.removeSession(community.id, event.id, s.id, s.version),
    onSuccess: () => {
      void message.success(t('events.agenda.deleted'));
      void queryClient.invalidateQueries({ queryKey: eventKeys.agenda(community.id, event.id) });
    },
    onError: (error) => {
      void message.error(errorText(t, error));
      void queryClient.invalidateQueries({ queryKey: eventKeys.agenda(community.id, event.id) });
    },
  });

  const days = useMemo(() => {
    const out = new Map<string, EventSession[]>();
    for (const s of sessions) {
      const day = dayjs(s.startsAt).tz(tz).format('YYYY-MM-DD');
      out.set(day, [...(out.get(day) ?? []), s]);
    }
    return [...out];
  }, [sessions, tz]);

  if (agenda.isError) return <LoadError error={agenda.error} onRetry={() => void agenda.refetch()} />;

  const dayTitle = (day: string) => dayjs.tz(day, tz).format(lang === 'en' ? 'ddd D MMM YYYY' : 'YYYY-MM-DD dddd');
  const time = (iso: string) => dayjs(iso).tz(tz).format('HH:mm');

  return (
    <div data-testid="events-agenda">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('events.agenda.eventTimes', { range: formatEventRange(event.startsAt, event.endsAt, lang, tz) })}</Typography.Text>
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ session: null })} data-testid="events-agenda-add">
            {t('events.agenda.add')}
          </Button>
        )}
      </Space>
      {conflicts.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('events.agenda.warnings', { count: conflicts.length })}
          description={t('events.agenda.warningsHelp')}
          data-testid="events-agenda-warnings"
        />
      )}
      {agenda.isPending ? (
        <Card variant="borderless" loading />
      ) : sessions.length === 0 ? (
        <Empty description={manage ? t('events.agenda.empty') : t('events.agenda.emptyReadOnly')} data-testid="events-agenda-empty">
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ session: null })}>
              {t('events.agenda.add')}
            </Button>
          )}
        </Empty>
      ) : (
        days.map(([day, list]) => (
          <Card key={day} variant="borderless" title={dayTitle(day)} style={{ marginBottom: 16 }} data-testid="events-agenda-day">
            <Timeline
              items={list.map((s) => {
                const mine = conflicts.filter((c) => c.sessionIds.includes(s.id));
                return {
                  key: s.id,
                  color: mine.length ? 'orange' : 'blue',
                  icon: mine.length ? <WarningOutlined /> : undefined,
                  content: (
                    <div data-testid="events-agenda-session">
                      <Space wrap size={8} style={{ width: '100%', justifyContent: 'space-between' }}>
                        <Space wrap size={8}>
                          <Typography.Text strong>{`${time(s.startsAt)}–${time(s.endsAt)}`}</Typography.Text>
                          <Typography.Text strong>{s.title}</Typography.Text>
                          <Tag>{t(`events.sessionKinds.${s.kind}`)}</Tag>
                          {s.room && (
                            <Typography.Text type="secondary">
                              <EnvironmentOutlined style={{ marginInlineEnd: 4 }} />
                              {s.room}
                            </Typography.Text>
                          )}
                        </Space>
                        {manage && (
                          <Space size={0}>
                            <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('events.agenda.edit')} onClick={() => setDrawer({ session: s })} data-testid="events-agenda-edit" />
                            <Popconfirm title={t('events.agenda.deleteConfirm')} okText={t('events.agenda.delete')} okButtonProps={{ danger: true }} cancelText={t('events.agenda.cancel')} onConfirm={() => remove.mutate(s)}>
                              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('events.agenda.delete')} data-testid="events-agenda-delete" />
                            </Popconfirm>
                          </Space>
                        )}
                      </Space>
                      {(['moderator', 'speaker'] as const).map((role) => {
                        const people = s.people.filter((p) => p.role === role);
                        return people.length ? (
                          <div key={role}>
                            <Typography.Text type="secondary">{t(`events.sessionRoles.${role}`)}{lang === 'en' ? ': ' : '：'}</Typography.Text>
                            {people.map((p) => `${recordName(p.person.nameZh, p.person.nameEn, lang)}${p.person.title ? ` (${p.person.title})` : ''}`).join(lang === 'en' ? ', ' : '、')}
                          </div>
                        ) : null;
                      })}
                      {s.description && <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{s.description}</Typography.Paragraph>}
                      {mine.map((c, i) => (
                        <Alert key={i} type="warning" showIcon banner style={{ marginTop: 6 }} title={describe(c, s.id)} data-testid="events-agenda-conflict" />
                      ))}
                    </div>
                  ),
                };
              })}
            />
          </Card>
        ))
      )}
      {drawer && (
        <SessionDrawer
          key={drawer.session?.id ?? 'new'}
          eventId={event.id}
          timeZone={tz}
          eventStart={event.startsAt}
          session={drawer.session}
          rooms={rooms}
          open
          onClose={() => setDrawer(null)}
        />
      )}
    </div>
  );
}
