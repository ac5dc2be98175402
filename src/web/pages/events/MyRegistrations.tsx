/** The signed-in user's registrations in every community (/me/registrations): upcoming first, then past ones. */
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, PageSkeleton } from '../../components/States';
import { EventKindTag } from '../../components/events/EventTags';
import { formatEventRange } from '../../components/events/EventTime';
import { RegistrationStatusTag } from '../../components/events/RegistrationStatusTag';
import { localName, zoneOffsetLabel } from '../../lib/format';
import { partneringApi, partneringKeys } from '../../services/partnering';
import { registrationKeys, registrationsApi, type MyRegistration } from '../../services/registrations';

function Item({ reg, partnering }: { reg: MyRegistration; partnering: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <List.Item
      key={reg.id}
      data-testid="registrations-mine-item"
      actions={[
        ...(partnering
          ? [
              <Link key="partnering" to={`/partnering/${reg.event.id}`} data-testid="registrations-mine-partnering">
                {t('partnering.mine.fromRegistration')}
              </Link>,
            ]
          : []),
        <Link key="open" to={`/r/${reg.manageToken}`} data-testid="registrations-mine-open">
          {t('registrations.mine.open')}
        </Link>,
      ]}
    >
      <List.Item.Meta
        title={
          <Space wrap>
            <Link to={`/e/${reg.event.id}`}>{reg.event.title}</Link>
            <RegistrationStatusTag status={reg.status} />
          </Space>
        }
        description={
          <Space orientation="vertical" size={0}>
            <Typography.Text type="secondary">
              {formatEventRange(reg.event.startsAt, reg.event.endsAt, i18n.language, reg.event.timeZone)} {zoneOffsetLabel(reg.event.timeZone)}
              {reg.event.venue ? ` · ${reg.event.venue}` : ''}
            </Typography.Text>
            <Space size={8} wrap>
              <EventKindTag kind={reg.event.kind} />
              <Typography.Text type="secondary">{localName(reg.event.community, i18n.language)}</Typography.Text>
              <Typography.Text type="secondary">· {reg.ticketType.name}</Typography.Text>
              {reg.waitlistPosition !== null && <Typography.Text type="warning">{t('registrations.own.position', { position: reg.waitlistPosition })}</Typography.Text>}
            </Space>
          </Space>
        }
      />
    </List.Item>
  );
}

export function MyRegistrationsPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: registrationKeys.mine(), queryFn: registrationsApi.mine });
  // Events with partnering the user may join or takes part in: their registrations link to it.
  const partnering = useQuery({ queryKey: partneringKeys.mine, queryFn: partneringApi.mine });
  const withPartnering = new Set(partnering.data?.items.map((p) => p.eventId) ?? []);
  // Fixed when the page opens: which registrations count as upcoming does not change while it is open.
  const [now] = useState(() => Date.now());
  const items = query.data?.items ?? [];
  const upcoming = items.filter((r) => Date.parse(r.event.endsAt) > now);
  const past = items.filter((r) => Date.parse(r.event.endsAt) <= now);
  return (
    <>
      <PageHeader title={t('registrations.mine.title')} subtitle={t('registrations.mine.subtitle')} />
      {query.isPending ? (
        <PageSkeleton />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Card variant="borderless">
          <Empty description={t('registrations.mine.empty')} data-testid="registrations-mine-empty" />
        </Card>
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="registrations-mine">
          {upcoming.length > 0 && (
            <Card variant="borderless" title={t('registrations.mine.upcoming')}>
              <List dataSource={upcoming} renderItem={(r) => <Item reg={r} partnering={r.status === 'confirmed' && withPartnering.has(r.event.id)} />} />
            </Card>
          )}
          {past.length > 0 && (
            <Card variant="borderless" title={t('registrations.mine.past')}>
              <List dataSource={past} renderItem={(r) => <Item reg={r} partnering={r.status === 'confirmed' && withPartnering.has(r.event.id)} />} />
            </Card>
          )}
        </Space>
      )}
    </>
  );
}
