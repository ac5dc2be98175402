/**
 * The public, phone-friendly event page (/e/:eventId): what, when (community time zone, zone
 * shown), where, who organises it, the description (sanitised by the server), the agenda, the
 * ticket types with seats left, and the registration form with its result screen. `?invite=`
 * carries a personal invitation: the form is prefilled and registers on the invitation's ticket.
 */
import { CalendarOutlined, EnvironmentOutlined, LinkOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Divider, List, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ORGANISER_ROLES } from '../../../domain/events/vocabularies';
import { PageSkeleton, LoadError } from '../../components/States';
import { AttendeeMaterials } from '../../components/events/AttendeeMaterials';
import { EventKindTag } from '../../components/events/EventTags';
import { formatEventRange } from '../../components/events/EventTime';
import { PublicShell } from '../../components/events/PublicShell';
import { RegistrationForm } from '../../components/events/RegistrationForm';
import { RegistrationResult } from '../../components/events/RegistrationResult';
import { RegistrationStatusTag } from '../../components/events/RegistrationStatusTag';
import { ApiError } from '../../services/api';
import { registrationKeys, registrationsApi, type PublicEvent, type RegistrationCreated } from '../../services/registrations';
import { formatDateTime, localName, zoneOffsetLabel } from '../../lib/format';

function orgName(o: { nameZh: string; nameEn: string | null }, lang: string) {
  return lang === 'en' ? (o.nameEn ?? o.nameZh) : o.nameZh;
}

function EventFacts({ event }: { event: PublicEvent }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const zone = zoneOffsetLabel(event.timeZone);
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Typography.Text data-testid="registrations-event-time">
        <CalendarOutlined /> {formatEventRange(event.startsAt, event.endsAt, lang, event.timeZone)}
        {t('registrations.public.zone', { zone })}
      </Typography.Text>
      {event.venue && (
        <Typography.Text>
          <EnvironmentOutlined /> {event.venue}
        </Typography.Text>
      )}
      {event.onlineUrl && (
        <Typography.Link href={event.onlineUrl} target="_blank" rel="noopener noreferrer">
          <LinkOutlined /> {t('registrations.public.online')}
        </Typography.Link>
      )}
      <Typography.Text type="secondary">{localName(event.community, lang)}</Typography.Text>
    </Space>
  );
}

function Organisers({ event }: { event: PublicEvent }) {
  const { t, i18n } = useTranslation();
  if (!event.organisers.length) return null;
  return (
    <Card size="small" title={t('registrations.public.organisers')} variant="borderless">
      <Space orientation="vertical" size={4}>
        {ORGANISER_ROLES.map((role) => {
          const names = event.organisers.filter((o) => o.role === role).map((o) => orgName(o.organisation, i18n.language));
          if (!names.length) return null;
          return (
            <Typography.Text key={role}>
              <Typography.Text type="secondary">{t(`registrations.organiserRoles.${role}`)}：</Typography.Text>
              {names.join('、')}
            </Typography.Text>
          );
        })}
      </Space>
    </Card>
  );
}

function Agenda({ event }: { event: PublicEvent }) {
  const { t, i18n } = useTranslation();
  if (!event.sessions.length) return null;
  return (
    <Card size="small" title={t('registrations.public.agenda')} variant="borderless" data-testid="registrations-agenda">
      <List
        dataSource={event.sessions}
        renderItem={(s) => (
          <List.Item key={s.id}>
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Typography.Text type="secondary">
                {formatEventRange(s.startsAt, s.endsAt, i18n.language, event.timeZone)}
                {s.room ? ` · ${s.room}` : ''}
              </Typography.Text>
              <Typography.Text strong>{s.title}</Typography.Text>
              {s.people.map((p, i) => (
                <Typography.Text key={`${p.name}-${i}`} type="secondary">
                  {t(`registrations.sessionRoles.${p.role}`, { defaultValue: p.role })}：{p.name}
                  {p.title ? `（${p.title}）` : ''}
                </Typography.Text>
              ))}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

function Tickets({ event }: { event: PublicEvent }) {
  const { t } = useTranslation();
  if (!event.ticketTypes.length) return null;
  return (
    <Card size="small" title={t('registrations.public.tickets')} variant="borderless" data-testid="registrations-public-tickets">
      <List
        dataSource={event.ticketTypes}
        renderItem={(tt) => (
          <List.Item key={tt.id} extra={null}>
            <Space orientation="vertical" size={0} style={{ flex: 1 }}>
              <Typography.Text strong>{tt.name}</Typography.Text>
              {tt.description && <Typography.Text type="secondary">{tt.description}</Typography.Text>}
            </Space>
            {!tt.isOpen ? (
              <Tag>{t('registrations.public.ticketClosed')}</Tag>
            ) : tt.seatsLeft > 0 ? (
              <Tag color="success">{t('registrations.public.seatsLeft', { count: tt.seatsLeft })}</Tag>
            ) : (
              <Space size={4} orientation="vertical" align="end">
                <Tag color="warning">{t('registrations.public.full')}</Tag>
                {tt.waitlistLength > 0 && <Typography.Text type="secondary">{t('registrations.public.waitlistCount', { count: tt.waitlistLength })}</Typography.Text>}
              </Space>
            )}
          </List.Item>
        )}
      />
    </Card>
  );
}

function RegistrationSection({ event, invite }: { event: PublicEvent; invite: string | null }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<RegistrationCreated | null>(null);
  const [formKey, setFormKey] = useState(0);

  if (result) {
    return (
      <RegistrationResult
        result={result}
        onAnother={() => {
          setResult(null);
          setFormKey((k) => k + 1);
        }}
      />
    );
  }
  if (event.myRegistration) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="registrations-already"
        title={
          <Space wrap>
            {t('registrations.public.alreadyRegistered', { status: '' })}
            <RegistrationStatusTag status={event.myRegistration.status} />
            {event.myRegistration.waitlistPosition !== null && t('registrations.own.position', { position: event.myRegistration.waitlistPosition })}
          </Space>
        }
        description={<Link to={`/r/${event.myRegistration.manageToken}`}>{t('registrations.public.viewMine')}</Link>}
      />
    );
  }
  const invitationNote =
    event.invitation?.status === 'revoked' ? (
      <Alert type="error" showIcon title={t('registrations.public.invitationRevoked')} style={{ marginBottom: 16 }} />
    ) : event.invitation?.status === 'registered' && invite ? (
      <Alert type="warning" showIcon title={t('registrations.public.invitationUsed')} style={{ marginBottom: 16 }} />
    ) : event.invitation ? (
      <Alert type="info" showIcon title={t('registrations.public.invited', { name: event.invitation.name })} style={{ marginBottom: 16 }} />
    ) : null;
  if (!event.registrationOpen) {
    return (
      <>
        {invitationNote}
        <Alert type="warning" showIcon data-testid="registrations-closed" title={t(`registrations.closed.${event.closedReason ?? 'deadline'}`)} />
      </>
    );
  }
  const closes = event.registrationClosesAt ?? event.startsAt;
  return (
    <>
      {invitationNote}
      <Typography.Paragraph type="secondary">
        {t('registrations.public.closesAt', { time: `${formatDateTime(closes, i18n.language, event.timeZone)} ${zoneOffsetLabel(event.timeZone)}` })}
      </Typography.Paragraph>
      <RegistrationForm
        key={formKey}
        event={event}
        inviteToken={invite}
        onDone={(r) => {
          setResult(r);
          void queryClient.invalidateQueries({ queryKey: ['registrations', 'public', event.id] });
          window.scrollTo({ top: 0, behavior: 'smooth' });
        }}
      />
    </>
  );
}

export function PublicEventPage() {
  const { t, i18n } = useTranslation();
  const { eventId = '' } = useParams();
  const [params] = useSearchParams();
  const invite = params.get('invite');
  const query = useQuery({ queryKey: registrationKeys.publicEvent(eventId, invite), queryFn: () => registrationsApi.publicEvent(eventId, invite), retry: false });

  if (query.isPending) return <PublicShell><PageSkeleton /></PublicShell>;
  if (query.isError) {
    const missing = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return (
      <PublicShell>
        {missing ? (
          <Result status="404" title={t('registrations.public.notFoundTitle')} subTitle={t('registrations.public.notFoundText')} data-testid="registrations-event-not-found" />
        ) : (
          <LoadError error={query.error} onRetry={() => void query.refetch()} />
        )}
      </PublicShell>
    );
  }
  const event = query.data;
  return (
    <PublicShell>
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="registrations-public-event">
        {event.status === 'cancelled' && <Alert type="error" showIcon title={t('registrations.public.cancelledBanner')} description={t('registrations.public.cancelledText')} data-testid="registrations-cancelled-banner" />}
        <Card variant="borderless">
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            <Space wrap>
              <EventKindTag kind={event.kind} />
            </Space>
            <Typography.Title level={2} style={{ margin: 0 }} data-testid="registrations-event-title">
              {event.title}
            </Typography.Title>
            {event.summary && <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{event.summary}</Typography.Paragraph>}
            <EventFacts event={event} />
            {event.applicationsOpen && (
              <Alert
                type="info"
                showIcon
                title={<Link to={`/e/${event.id}/apply`} data-testid="registrations-apply-link">{t('registrations.public.applyLink')}</Link>}
                description={event.applicationDeadline ? t('registrations.public.applyDeadline', { time: `${formatDateTime(event.applicationDeadline, i18n.language, event.timeZone)} ${zoneOffsetLabel(event.timeZone)}` }) : undefined}
              />
            )}
          </Space>
        </Card>
        {event.status !== 'cancelled' && (
          <Card variant="borderless" title={t('registrations.public.formTitle')} id="register">
            <RegistrationSection event={event} invite={invite} />
          </Card>
        )}
        <Tickets event={event} />
        {event.descriptionHtml && (
          <Card size="small" variant="borderless" title={t('registrations.public.description')}>
            {/* Sanitised by the server when stored (allow-listed tags, http/https/mailto links only). */}
            <div className="bb-rich-text" dangerouslySetInnerHTML={{ __html: event.descriptionHtml }} data-testid="registrations-description" />
          </Card>
        )}
        <Organisers event={event} />
        <Agenda event={event} />
        <AttendeeMaterials eventId={event.id} />
        <Divider style={{ margin: 0 }} />
      </Space>
    </PublicShell>
  );
}
