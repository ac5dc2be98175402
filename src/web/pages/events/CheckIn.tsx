/**
 * Check-in at the door, made for a phone held in one hand: the live count (polled every 3 s, so
 * it is right with several scanners and several servers), the camera scanner, the typed code
 * (always there), a result that fills the width, a look-up by name for guests without their
 * code, and the latest check-ins with undo.
 */
import { ArrowLeftOutlined, SearchOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, List, Popconfirm, Progress, Space, Tag, Typography, type InputRef } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { CheckInResultCard } from '../../components/events/CheckInResultCard';
import { QrScanner } from '../../components/events/QrScanner';
import { LoadError, NotFoundResult, PageSkeleton } from '../../components/States';
import { useCommunity } from '../../lib/community';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session';
import { ApiError } from '../../services/api';
import { checkIn, doorKeys, eventDoorApi, type CheckInOutcome, type DoorPerson } from '../../services/eventDoor';

const POLL_MS = 3000;

function buzz(kind: CheckInOutcome['kind']) {
  // A short buzz for a welcome, a longer double one for a refusal; silently nothing where unsupported.
  try {
    navigator.vibrate?.(kind === 'checked_in' ? 80 : [200, 100, 200]);
  } catch {
    /* vibration is a nicety */
  }
}

export function CheckInPage() {
  const { t, i18n } = useTranslation();
  const { eventId = '' } = useParams();
  const { community } = useCommunity();
  const session = useSession();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const input = useRef<InputRef>(null);
  const [code, setCode] = useState('');
  const [last, setLast] = useState<{ outcome: CheckInOutcome; code: string } | null>(null);
  const [lookupText, setLookupText] = useState('');
  const [showLookup, setShowLookup] = useState(false);

  const attendance = useQuery({
    queryKey: doorKeys.attendance(eventId),
    queryFn: () => eventDoorApi.attendance(community.id, eventId),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
  });
  const timeZone = attendance.data?.event.timeZone ?? community.timeZone;

  const lookup = useQuery({
    queryKey: doorKeys.lookup(eventId, lookupText),
    queryFn: () => eventDoorApi.lookup(community.id, eventId, lookupText),
    enabled: showLookup && lookupText.trim().length > 0,
  });

  const submit = useMutation({
    mutationFn: (raw: string) => checkIn(community.id, eventId, raw, session.data?.csrfToken, i18n.language),
    onSuccess: (outcome, raw) => {
      setLast({ outcome, code: raw.trim().toUpperCase() });
      buzz(outcome.kind);
      setCode('');
      void queryClient.invalidateQueries({ queryKey: doorKeys.attendance(eventId) });
      input.current?.focus();
    },
    onError: (e) => onError(e),
  });

  const undo = useMutation({
    mutationFn: (person: DoorPerson) => eventDoorApi.undo(community.id, eventId, person.registrationId),
    onSuccess: (person) => {
      void message.success(t('eventDoor.checkIn.undone', { name: person.name }));
      if (last && last.outcome.kind !== 'unknown_code' && last.outcome.person?.registrationId === person.registrationId) setLast(null);
      void queryClient.invalidateQueries({ queryKey: doorKeys.all(eventId) });
    },
    onError: (e) => onError(e),
  });

  const send = useCallback(
    (raw: string) => {
      if (!raw.trim() || submit.isPending) return;
      submit.mutate(raw);
    },
    [submit],
  );

  if (attendance.isPending) return <PageSkeleton />;
  if (attendance.isError) {
    if (attendance.error instanceof ApiError && attendance.error.status === 404) return <NotFoundResult />;
    return <LoadError error={attendance.error} onRetry={() => void attendance.refetch()} />;
  }
  const a = attendance.data;
  const percent = a.confirmed ? Math.round((a.checkedIn / a.confirmed) * 100) : 0;

  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }} data-testid="eventDoor-checkin-page">
      <Space style={{ marginBottom: 8 }}>
        <Link to={`/c/${community.slug}/events/${eventId}`}>
          <ArrowLeftOutlined /> {t('eventDoor.checkIn.back')}
        </Link>
      </Space>
      <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
        {a.event.title}
      </Typography.Title>
      <Typography.Text type="secondary">{t('eventDoor.checkIn.title')}</Typography.Text>
      {a.event.status === 'cancelled' && <Tag color="red" style={{ marginInlineStart: 8 }}>{t('eventDoor.checkIn.cancelled')}</Tag>}

      <Card style={{ marginTop: 12 }} styles={{ body: { padding: 16 } }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
          <Progress type="circle" percent={percent} size={76} />
          <div>
            <div style={{ fontSize: 40, fontWeight: 700, lineHeight: 1.1 }} data-testid="eventDoor-count">
              {a.checkedIn}
              <span style={{ fontSize: 22, color: '#8c8c8c', fontWeight: 400 }}> / {a.confirmed}</span>
            </div>
            <Typography.Text type="secondary">{t('eventDoor.checkIn.countLabel')}</Typography.Text>
          </div>
        </div>
        {a.byTicketType.length > 1 && (
          <Space wrap style={{ marginTop: 10 }}>
            {a.byTicketType.map((tt) => (
              <Tag key={tt.id}>
                {tt.name} {tt.checkedIn}/{tt.confirmed}
              </Tag>
            ))}
          </Space>
        )}
      </Card>

      {last && (
        <div style={{ marginTop: 12 }}>
          <CheckInResultCard outcome={last.outcome} code={last.code} timeZone={timeZone} />
        </div>
      )}

      <Card style={{ marginTop: 12 }} title={t('eventDoor.checkIn.typeCode')} styles={{ body: { padding: 16 } }}>
        <Input.Search
          ref={input}
          size="large"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          onSearch={(v) => send(v)}
          placeholder={t('eventDoor.checkIn.codePlaceholder')}
          enterButton={t('eventDoor.checkIn.submit')}
          loading={submit.isPending}
          maxLength={64}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          data-testid="eventDoor-code-input"
        />
        <Button type="link" icon={<SearchOutlined />} style={{ paddingInline: 0, marginTop: 8 }} onClick={() => setShowLookup((v) => !v)} data-testid="eventDoor-lookup-toggle">
          {t('eventDoor.checkIn.noCode')}
        </Button>
        {showLookup && (
          <div data-testid="eventDoor-lookup">
            <Input.Search size="large" allowClear placeholder={t('eventDoor.checkIn.lookupPlaceholder')} onSearch={(v) => setLookupText(v.trim())} maxLength={100} data-testid="eventDoor-lookup-input" />
            {lookup.isError && <LoadError error={lookup.error} onRetry={() => void lookup.refetch()} />}
            {lookupText && lookup.data && (
              <List
                style={{ marginTop: 8 }}
                dataSource={lookup.data.items}
                locale={{ emptyText: t('eventDoor.checkIn.lookupNone') }}
                renderItem={(p) => (
                  <List.Item
                    actions={[
                      p.status === 'confirmed' && !p.checkedInAt ? (
                        <Button key="in" type="primary" size="large" onClick={() => send(p.code)} data-testid="eventDoor-lookup-checkin">
                          {t('eventDoor.checkIn.submit')}
                        </Button>
                      ) : (
                        <Tag key="state" color={p.checkedInAt ? 'orange' : 'red'}>
                          {p.checkedInAt ? t('eventDoor.checkIn.alreadyShort') : t(`eventDoor.statuses.${p.status}`)}
                        </Tag>
                      ),
                    ]}
                  >
                    <List.Item.Meta title={p.name} description={[p.organisationName, p.ticketType].filter(Boolean).join(' · ')} />
                  </List.Item>
                )}
              />
            )}
          </div>
        )}
      </Card>

      <Card style={{ marginTop: 12 }} title={t('eventDoor.checkIn.scan')} styles={{ body: { padding: 12 } }}>
        <QrScanner onCode={send} paused={submit.isPending} />
      </Card>

      <Card style={{ marginTop: 12 }} title={t('eventDoor.checkIn.recent')} styles={{ body: { padding: '4px 16px' } }}>
        <List
          dataSource={a.recent}
          locale={{ emptyText: t('eventDoor.checkIn.noneYet') }}
          data-testid="eventDoor-recent"
          renderItem={(p) => (
            <List.Item
              actions={[
                <Popconfirm key="undo" title={t('eventDoor.checkIn.undoConfirm', { name: p.name })} okText={t('eventDoor.checkIn.undo')} cancelText={t('common.cancel')} onConfirm={() => undo.mutate(p)}>
                  <Button icon={<UndoOutlined />} size="small" aria-label={t('eventDoor.checkIn.undo')} data-testid="eventDoor-undo">
                    {t('eventDoor.checkIn.undo')}
                  </Button>
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={p.name}
                description={
                  <span>
                    {formatDateTime(p.checkedInAt, i18n.language, timeZone).slice(-5)} · {p.ticketType}
                    {p.organisationName ? ` · ${p.organisationName}` : ''}
                    {p.checkedInBy ? ` · ${p.checkedInBy}` : ''}
                  </span>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, textAlign: 'center' }}>
        {t('eventDoor.checkIn.asOf', { time: formatDateTime(a.asOf, i18n.language, timeZone).slice(-5) })}
      </Typography.Paragraph>
    </div>
  );
}
