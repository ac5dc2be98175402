/**
 * A registrant's own page from the e-mailed link (/r/:token), no account needed: status, the
 * QR code and code while confirmed, the place in line while waitlisted, the event's facts, the
 * calendar file, and cancelling (with a confirmation: the seat goes to the next in line).
 */
import { CalendarOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LoadError, PageSkeleton } from '../../components/States';
import { EventKindTag } from '../../components/events/EventTags';
import { formatEventRange } from '../../components/events/EventTime';
import { PublicShell } from '../../components/events/PublicShell';
import { RegistrationStatusTag } from '../../components/events/RegistrationStatusTag';
import { RegistrationTicketCode } from '../../components/events/RegistrationTicketCode';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDateTime, localName, zoneOffsetLabel } from '../../lib/format';
import { ApiError } from '../../services/api';
import { registrationKeys, registrationsApi, type MyRegistration } from '../../services/registrations';

function StatusPanel({ reg }: { reg: MyRegistration }) {
  const { t, i18n } = useTranslation();
  switch (reg.status) {
    case 'confirmed':
      return (
        <>
          {reg.checkedInAt && <Alert type="success" showIcon title={t('registrations.own.checkedIn', { time: formatDateTime(reg.checkedInAt, i18n.language, reg.event.timeZone) })} style={{ marginBottom: 16 }} />}
          {reg.code && <RegistrationTicketCode token={reg.manageToken} code={reg.code} />}
        </>
      );
    case 'waitlisted':
      return <Alert type="warning" showIcon data-testid="registrations-own-position" title={t('registrations.own.position', { position: reg.waitlistPosition ?? 1 })} description={t('registrations.own.positionText')} />;
    case 'pending':
      return <Alert type="info" showIcon title={t('registrations.own.pendingText')} />;
    case 'declined':
      return <Alert type="error" showIcon title={t('registrations.own.declinedText')} description={reg.declineReason ? t('registrations.own.declineReason', { reason: reg.declineReason }) : undefined} />;
    case 'cancelled':
      return <Alert type="info" showIcon title={t('registrations.own.cancelledText')} />;
  }
}

export function MyRegistrationPage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const query = useQuery({ queryKey: registrationKeys.own(token), queryFn: () => registrationsApi.own(token), retry: false });
  const cancel = useMutation({
    mutationFn: () => registrationsApi.cancelOwn(token),
    onSuccess: () => {
      void message.success(t('registrations.own.cancelDone'));
      void queryClient.invalidateQueries({ queryKey: ['registrations'] });
    },
    onError: (error) => onError(error),
  });

  if (query.isPending) return <PublicShell><PageSkeleton /></PublicShell>;
  if (query.isError) {
    const missing = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return (
      <PublicShell>
        {missing ? (
          <Result status="404" title={t('registrations.own.notFoundTitle')} subTitle={t('registrations.own.notFoundText')} data-testid="registrations-own-not-found" />
        ) : (
          <LoadError error={query.error} onRetry={() => void query.refetch()} />
        )}
      </PublicShell>
    );
  }
  const reg = query.data;
  const lang = i18n.language;
  const zone = zoneOffsetLabel(reg.event.timeZone);
  return (
    <PublicShell>
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="registrations-own">
        <Card variant="borderless">
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text type="secondary">{t('registrations.own.title')}</Typography.Text>
              <RegistrationStatusTag status={reg.status} />
            </Space>
            <Space wrap>
              <EventKindTag kind={reg.event.kind} />
            </Space>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {reg.event.title}
            </Typography.Title>
            {reg.event.status === 'cancelled' && <Alert type="error" showIcon title={t('registrations.public.cancelledBanner')} />}
            <Typography.Text>
              <CalendarOutlined /> {formatEventRange(reg.event.startsAt, reg.event.endsAt, lang, reg.event.timeZone)}
              {t('registrations.public.zone', { zone })}
            </Typography.Text>
            {reg.event.venue && (
              <Typography.Text>
                <EnvironmentOutlined /> {reg.event.venue}
              </Typography.Text>
            )}
            <Typography.Text type="secondary">{localName(reg.event.community, lang)}</Typography.Text>
          </Space>
        </Card>
        <Card variant="borderless">
          <StatusPanel reg={reg} />
        </Card>
        <Card variant="borderless">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('registrations.own.registrant')}>{reg.name}</Descriptions.Item>
            <Descriptions.Item label={t('registrations.public.email')}>{reg.email}</Descriptions.Item>
            {reg.organisationName && <Descriptions.Item label={t('registrations.public.organisation')}>{reg.organisationName}</Descriptions.Item>}
            <Descriptions.Item label={t('registrations.own.ticket')}>{reg.ticketType.name}</Descriptions.Item>
            <Descriptions.Item label={t('registrations.own.registeredAt')}>{formatDateTime(reg.createdAt, lang, reg.event.timeZone)}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {(reg.status === 'confirmed' || reg.status === 'waitlisted' || reg.status === 'pending') && (
            <Button block size="large" icon={<CalendarOutlined />} href={registrationsApi.icsUrl(token)} data-testid="registrations-own-ics">
              {t('registrations.own.ics')}
            </Button>
          )}
          <Link to={`/e/${reg.event.id}`}>
            <Button block size="large">
              {t('registrations.own.openEvent')}
            </Button>
          </Link>
          {reg.canCancel && (
            <Popconfirm
              title={t('registrations.own.cancel')}
              description={<div style={{ maxWidth: 280 }}>{t('registrations.own.cancelConfirm')}</div>}
              okText={t('registrations.own.cancelOk')}
              cancelText={t('registrations.own.keep')}
              okButtonProps={{ danger: true, 'data-testid': 'registrations-own-cancel-confirm' } as never}
              onConfirm={() => cancel.mutateAsync().catch(() => undefined)}
            >
              <Button block size="large" danger loading={cancel.isPending} data-testid="registrations-own-cancel">
                {t('registrations.own.cancel')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Space>
    </PublicShell>
  );
}
