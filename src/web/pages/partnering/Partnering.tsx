/**
 * One event's partnering for a participant (/partnering/:eventId): the profile and opt-in, the
 * other participants, requests, the wish list (wish-list mode) and the personal agenda. The tab
 * is in the address (`?tab=people`) so links and the back button land where the user was.
 */
import { ArrowLeftOutlined, CalendarOutlined, EnvironmentOutlined, SettingOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Space, Statistic, Tabs, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, NotFoundResult, PageSkeleton } from '../../components/States';
import { formatEventRange } from '../../components/events/EventTime';
import { AgendaTab } from '../../components/partnering/AgendaTab';
import { PeopleTab } from '../../components/partnering/PeopleTab';
import { ProfileTab } from '../../components/partnering/ProfileTab';
import { RequestsTab } from '../../components/partnering/RequestsTab';
import { WishesTab } from '../../components/partnering/WishesTab';
import '../../components/partnering/partnering.css';
import { formatDateTime, zoneOffsetLabel } from '../../lib/format';
import { ApiError } from '../../services/api';
import { partneringApi, partneringKeys, type PartneringOverview } from '../../services/partnering';

function RulesLine({ overview }: { overview: PartneringOverview }) {
  const { t, i18n } = useTranslation();
  const { rules, event } = overview;
  // Fixed when the page opens, like the rest of what it shows.
  const [now] = useState(() => Date.now());
  const deadlinePassed = Date.parse(rules.requestDeadline) <= now;
  return (
    <Space wrap size={[12, 4]} style={{ marginBottom: 8 }} data-testid="partnering-rules">
      <Tag color={rules.mode === 'wishlist' ? 'magenta' : 'blue'}>{t(`partnering.modes.${rules.mode}`)}</Tag>
      <Typography.Text type={deadlinePassed ? 'danger' : 'secondary'}>
        {t(rules.mode === 'wishlist' ? 'partnering.header.wishDeadline' : 'partnering.header.deadline', {
          time: formatDateTime(rules.requestDeadline, i18n.language, event.timeZone),
        })}
      </Typography.Text>
      {rules.maxRequestsPerParticipant !== null && rules.mode === 'requests' && (
        <Typography.Text type="secondary">{t('partnering.header.maxRequests', { count: rules.maxRequestsPerParticipant })}</Typography.Text>
      )}
      {rules.allowedPairs !== null && <Typography.Text type="secondary">{t('partnering.header.pairsLimited')}</Typography.Text>}
    </Space>
  );
}

export function PartneringPage() {
  const { t, i18n } = useTranslation();
  const { eventId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const query = useQuery({ queryKey: partneringKeys.overview(eventId), queryFn: () => partneringApi.overview(eventId), retry: false });

  if (query.isPending) return <PageSkeleton />;
  if (query.isError) {
    if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) return <NotFoundResult />;
    return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const overview = query.data;
  const { event, counts, me } = overview;
  const lang = i18n.language;
  const joined = me?.status === 'active';

  const tab = (key: string, label: ReactNode, children: ReactNode) => ({ key, label: <span data-testid={`partnering-tab-${key}`}>{label}</span>, children });
  const tabs = [
    tab('profile', t('partnering.tabs.profile'), <ProfileTab overview={overview} />),
    tab('people', t('partnering.tabs.people'), <PeopleTab overview={overview} />),
  ];
  if (me) {
    if (overview.rules.mode === 'requests' || counts.incomingPending + counts.outgoingLive + counts.accepted > 0) {
      tabs.push(
        tab(
          'requests',
          <Badge count={counts.incomingPending} size="small" offset={[8, -2]}>
            {t('partnering.tabs.requests')}
          </Badge>,
          <RequestsTab overview={overview} />,
        ),
      );
    }
    if (overview.rules.mode === 'wishlist') {
      tabs.push(tab('wishes', t('partnering.tabs.wishes'), <WishesTab overview={overview} onBrowse={() => setTab('people')} />));
    }
    tabs.push(tab('agenda', t('partnering.tabs.agenda'), <AgendaTab overview={overview} />));
  }
  const fallback = !joined ? 'profile' : overview.schedule.publishedAt ? 'agenda' : 'people';
  const requested = params.get('tab') ?? fallback;
  const active = tabs.some((x) => x.key === requested) ? requested : fallback;
  function setTab(key: string) {
    const next = new URLSearchParams(params);
    next.set('tab', key);
    setParams(next, { replace: true });
  }

  return (
    <div data-testid="partnering-page">
      <PageHeader
        title={
          <Space wrap size={8}>
            <span data-testid="partnering-event-title">{event.title}</span>
            <Tag color="geekblue">{t('partnering.title')}</Tag>
          </Space>
        }
        subtitle={
          <Space wrap size={[16, 4]}>
            <span>
              <CalendarOutlined /> {formatEventRange(event.startsAt, event.endsAt, lang, event.timeZone)} {zoneOffsetLabel(event.timeZone)}
            </span>
            {event.venue && (
              <span>
                <EnvironmentOutlined /> {event.venue}
              </span>
            )}
          </Space>
        }
        extra={
          <Space wrap>
            <Link to="/me/partnering">
              <Button icon={<ArrowLeftOutlined />}>{t('partnering.header.back')}</Button>
            </Link>
            {overview.canManage && (
              <Link to={`/c/${event.communitySlug}/events/${event.id}/partnering`} data-testid="partnering-manage-link">
                <Button icon={<SettingOutlined />}>{t('partnering.header.manage')}</Button>
              </Link>
            )}
          </Space>
        }
      />
      <RulesLine overview={overview} />
      <div className="bb-partnering-counts">
        <Statistic title={t('partnering.header.participants')} value={counts.participants} data-testid="partnering-count-participants" />
        {me && (
          <>
            {overview.rules.mode === 'requests' && (
              <>
                <Statistic title={t('partnering.header.incoming')} value={counts.incomingPending} />
                <Statistic title={t('partnering.header.outgoing')} value={counts.outgoingLive} />
              </>
            )}
            <Statistic title={t('partnering.header.accepted')} value={counts.accepted} />
            <Statistic title={t('partnering.header.scheduled')} value={counts.scheduled} />
          </>
        )}
      </div>
      <Tabs activeKey={active} onChange={setTab} items={tabs} destroyOnHidden data-testid="partnering-tabs" />
    </div>
  );
}
