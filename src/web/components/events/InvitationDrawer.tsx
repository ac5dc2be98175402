/**
 * Inviting people: rows typed one by one, pasted from a spreadsheet or a list ("name, e-mail"
 * per line, tab or comma separated), or picked from the directory; each with a ticket type and
 * a language (blank: the invitee's account language, else Chinese), and one note for all.
 * The server checks every row at once; its field errors come back on the rows they name.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Empty, Form, Grid, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseInviteeLines } from '../../../domain/events/door';
import { LOCALES, type Locale } from '../../../domain/locales';
import { fieldText } from '../../lib/errors';
import { ApiError } from '../../services/api';
import { directoryApi } from '../../services/directory';
import { eventDoorApi, type InviteeInput, type TicketTypeRef } from '../../services/eventDoor';
import { RecordSelect } from '../directory/formSupport';
import { useApiErrorHandler } from '../../lib/errors';

const MAX_ROWS = 500;

interface Row {
  key: number;
  name: string;
  email: string;
  ticketTypeId: string | undefined;
  locale: Locale | '';
  personId?: string;
}

let nextKey = 1;

export function InvitationDrawer(props: { open: boolean; onClose: () => void; onInvited: (count: number) => void; communityId: string; eventId: string; ticketTypes: TicketTypeRef[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const screens = Grid.useBreakpoint();
  const [rows, setRows] = useState<Row[]>([]);
  const [paste, setPaste] = useState('');
  const [note, setNote] = useState('');
  const [defaultTicket, setDefaultTicket] = useState<string | undefined>(props.ticketTypes.find((tt) => tt.isOpen)?.id ?? props.ticketTypes[0]?.id);
  const [defaultLocale, setDefaultLocale] = useState<Locale | ''>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [picking, setPicking] = useState(false);

  const add = (items: Omit<Row, 'key' | 'ticketTypeId' | 'locale'>[]) => {
    setRows((current) => [...current, ...items.map((i) => ({ ...i, key: nextKey++, ticketTypeId: defaultTicket, locale: defaultLocale }))].slice(0, MAX_ROWS));
    setErrors({});
  };
  const update = (key: number, patch: Partial<Row>) => setRows((current) => current.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const pick = async (personId: string | string[] | null) => {
    if (typeof personId !== 'string') return;
    setPicking(true);
    try {
      const person = await directoryApi.person(personId);
      add([{ name: person.nameZh, email: person.email ?? '', personId }]);
      if (!person.email) void message.warning(t('eventDoor.invite.noEmail', { name: person.nameZh }));
    } catch (e) {
      onError(e);
    } finally {
      setPicking(false);
    }
  };

  const submit = useMutation({
    mutationFn: () =>
      eventDoorApi.invite(props.communityId, props.eventId, {
        invitees: rows.map((r): InviteeInput => ({
          name: r.name.trim() || undefined,
          email: r.email.trim() || undefined,
          ticketTypeId: r.ticketTypeId ?? '',
          ...(r.locale ? { locale: r.locale } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
          ...(r.personId ? { personId: r.personId } : {}),
        })),
      }),
    onSuccess: (res) => {
      props.onInvited(res.items.length);
      setRows([]);
      setPaste('');
      setNote('');
      setErrors({});
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields && Object.keys(e.fields).some((k) => k.startsWith('invitees.'))) {
        setErrors(e.fields);
        void message.error(t('eventDoor.invite.fixRows'));
        return;
      }
      onError(e);
    },
  });

  const rowError = (index: number, field: string) => {
    const text = errors[`invitees.${index}.${field}`];
    return text ? fieldText(t, text) : undefined;
  };
  const localeOptions = [{ value: '', label: t('eventDoor.invite.localeAuto') }, ...LOCALES.map((l) => ({ value: l, label: t(`eventDoor.locales.${l}`) }))];
  const ticketOptions = props.ticketTypes.map((tt) => ({ value: tt.id, label: tt.isOpen ? tt.name : `${tt.name} (${t('eventDoor.invite.closed')})` }));
  const ready = rows.length > 0 && rows.every((r) => r.ticketTypeId);

  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      title={t('eventDoor.invite.title')}
      size={screens.md ? 760 : '100%'}
      data-testid="eventDoor-invite-drawer"
      extra={
        <Button type="primary" disabled={!ready} loading={submit.isPending} onClick={() => submit.mutate()} data-testid="eventDoor-invite-submit">
          {t('eventDoor.invite.send', { count: rows.length })}
        </Button>
      }
    >
      {props.ticketTypes.length === 0 && <Alert type="warning" showIcon title={t('eventDoor.invite.noTicketTypes')} style={{ marginBottom: 16 }} />}
      <Form layout="vertical">
        <Space wrap style={{ width: '100%' }} size={16}>
          <Form.Item label={t('eventDoor.invite.defaultTicket')} style={{ minWidth: 200 }}>
            <Select value={defaultTicket} onChange={(v: string) => setDefaultTicket(v)} options={ticketOptions} data-testid="eventDoor-invite-default-ticket" />
          </Form.Item>
          <Form.Item label={t('eventDoor.invite.defaultLocale')} style={{ minWidth: 200 }}>
            <Select value={defaultLocale} onChange={(v: Locale | '') => setDefaultLocale(v)} options={localeOptions} />
          </Form.Item>
        </Space>
        <Form.Item label={t('eventDoor.invite.paste')} extra={t('eventDoor.invite.pasteHelp')}>
          <Input.TextArea rows={4} value={paste} onChange={(e) => setPaste(e.target.value)} placeholder={t('eventDoor.invite.pastePlaceholder')} maxLength={100_000} data-testid="eventDoor-invite-paste" />
          <Button
            style={{ marginTop: 8 }}
            disabled={!paste.trim()}
            onClick={() => {
              add(parseInviteeLines(paste));
              setPaste('');
            }}
            data-testid="eventDoor-invite-parse"
          >
            {t('eventDoor.invite.addPasted')}
          </Button>
        </Form.Item>
        <Form.Item label={t('eventDoor.invite.fromDirectory')}>
          <Space.Compact style={{ width: '100%' }}>
            <div style={{ flex: 1 }}>
              <RecordSelect type="person" value={null} onChange={(v) => void pick(v)} testId="eventDoor-invite-person" />
            </div>
            <Button icon={<PlusOutlined />} loading={picking} onClick={() => add([{ name: '', email: '' }])} data-testid="eventDoor-invite-add-row">
              {t('eventDoor.invite.addRow')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>

      <Typography.Title level={5}>{t('eventDoor.invite.rows', { count: rows.length, max: MAX_ROWS })}</Typography.Title>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('eventDoor.invite.noRows')} />
      ) : (
        <div data-testid="eventDoor-invite-rows">
          {rows.map((r, index) => (
            <div key={r.key} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'flex-start', padding: '8px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="eventDoor-invite-row">
                <Input style={{ width: screens.md ? 130 : '100%' }} value={r.name} status={rowError(index, 'name') ? 'error' : undefined} placeholder={t('eventDoor.invite.name')} maxLength={100} onChange={(e) => update(r.key, { name: e.target.value })} />
                <Input style={{ width: screens.md ? 210 : '100%' }} value={r.email} status={rowError(index, 'email') ? 'error' : undefined} placeholder={t('eventDoor.invite.email')} maxLength={254} onChange={(e) => update(r.key, { email: e.target.value })} />
              <Select style={{ width: screens.md ? 140 : '48%' }} value={r.ticketTypeId} status={rowError(index, 'ticketTypeId') ? 'error' : undefined} options={ticketOptions} placeholder={t('eventDoor.invite.ticketType')} onChange={(v: string) => update(r.key, { ticketTypeId: v })} />
              <Select style={{ width: screens.md ? 120 : '40%' }} value={r.locale} options={localeOptions} onChange={(v: Locale | '') => update(r.key, { locale: v })} />
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('eventDoor.invite.removeRow')} onClick={() => setRows((current) => current.filter((x) => x.key !== r.key))} />
              {Object.keys(errors)
                .filter((k) => k.startsWith(`invitees.${index}.`))
                .map((k) => (
                  <Typography.Text key={k} type="danger" style={{ width: '100%' }} data-testid="eventDoor-invite-row-error">
                    {fieldText(t, errors[k]!)}
                  </Typography.Text>
                ))}
            </div>
          ))}
        </div>
      )}
      <Form layout="vertical" style={{ marginTop: 16 }}>
        <Form.Item label={t('eventDoor.invite.note')} extra={t('eventDoor.invite.noteHelp')}>
          <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} showCount data-testid="eventDoor-invite-note" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
