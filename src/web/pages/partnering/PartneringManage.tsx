/**
 * The organisers' partnering page of one event (`/c/:slug/events/:eventId/partnering`), desktop
 * first: settings, slots, locations, participants, the schedule (run, review, hand moves, publish)
 * and statistics, one tab each; the tab is in the address (`?tab=schedule`) so links and reloads
 * keep it. Until partnering is enabled only the settings tab (the "enable" card) is open.
 */
import { ArrowLeftOutlined, GlobalOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Space, Tabs, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { formatEventRange } from '../../components/events/EventTime';
import { EventStatusTag } from '../../components/events/EventTags';
import { PageHeader } from '../../components/PageHeader';
import type { OrgTabProps } from '../../components/partnering-org/common';
import { LocationsTab } from '../../components/partnering-org/LocationsTab';
import { ParticipantsTab } from '../../components/partnering-org/ParticipantsTab';
import { ScheduleTab } from '../../components/partnering-org/ScheduleTab';
import { EnableCard, SettingsTab } from '../../components/partnering-org/SettingsTab';
import { SlotsTab } from '../../components/partnering-org/SlotsTab';
import { StatsTab } from '../../components/partnering-org/StatsTab';
import { LoadError, NotFoundResult, PageSkeleton } from '../../components/States';
import { useCommunity } from '../../lib/community';
import { ApiError } from '../../services/api';
import { eventKeys, eventsApi } from '../../services/events';
import { partneringOrgApi, partneringOrgKeys } from '../../services/partneringOrg';

const TABS = ['settings', 'slots', 'locations', 'participants', 'schedule', 'stats'] as const;
type TabKey = (typeof TABS)[number];

export function PartneringManagePage() {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const { eventId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const event = useQuery({ queryKey: eventKeys.detail(community.id, eventId), queryFn: () => eventsApi.get(community.id, eventId), retry: false });
  const settings = useQuery({ queryKey: partneringOrgKeys.settings(eventId), queryFn: () => partneringOrgApi.settings(community.id, eventId), retry: false, enabled: event.isSuccess });

  const notFound = (e: unknown) => e instanceof ApiError && (e.status === 404 || e.status === 400);
  if (event.isError) return notFound(event.error) ? <NotFoundResult /> : <LoadError error={event.error} onRetry={() => void event.refetch()} />;
  if (settings.isError) return notFound(settings.error) ? <NotFoundResult /> : <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;
  if (!event.data || !settings.data) return <PageSkeleton />;

  const ev = event.data;
  const s = settings.data;
  const timeZone = s.timeZone || ev.timeZone;
  const props: OrgTabProps = { communityId: community.id, event: ev, settings: s, timeZone };
  const requested = TABS.find((key) => key === params.get('tab'));
  const active: TabKey = !s.enabled ? 'settings' : (requested ?? 'schedule');

  const content: Record<TabKey, ReactNode> = {
    settings: s.enabled ? (
      <SettingsTab key={s.version} {...props} />
    ) : (
      <EnableCard
        communityId={community.id}
        event={ev}
        onEnabled={(saved) => {
          queryClient.setQueryData(partneringOrgKeys.settings(eventId), saved);
          void queryClient.invalidateQueries({ queryKey: partneringOrgKeys.event(eventId) });
          const next = new URLSearchParams(params);
          next.set('tab', 'slots');
          setParams(next, { replace: true });
        }}
      />
    ),
    slots: <SlotsTab {...props} />,
    locations: <LocationsTab {...props} />,
    participants: <ParticipantsTab {...props} />,
    schedule: <ScheduleTab {...props} />,
    stats: <StatsTab {...props} />,
  };

  return (
    <div data-testid="partnering-org-page">
      <PageHeader
        title={
          <Space wrap size={8}>
            <span>{t('partneringOrg.title')}</span>
            {s.enabled ? <Tag color="success">{t(`partneringOrg.modes.${s.mode}`)}</Tag> : <Tag>{t('partneringOrg.notEnabled')}</Tag>}
          </Space>
        }
        subtitle={
          <Space wrap size={16}>
            <Link to={`/c/${community.slug}/events/${ev.id}`} data-testid="partnering-org-event">
              {ev.title}
            </Link>
            <EventStatusTag status={ev.status} />
            <span>{formatEventRange(ev.startsAt, ev.endsAt, i18n.language, timeZone)}</span>
          </Space>
        }
        extra={
          <Space wrap>
            <Link to={`/c/${community.slug}/events/${ev.id}`}>
              <Button icon={<ArrowLeftOutlined />}>{t('partneringOrg.backToEvent')}</Button>
            </Link>
            {s.enabled && (
              <Link to={`/partnering/${ev.id}`}>
                <Button icon={<GlobalOutlined />} data-testid="partnering-org-participant-page">
                  {t('partneringOrg.participantPage')}
                </Button>
              </Link>
            )}
          </Space>
        }
      />
      <Tabs
        activeKey={active}
        onChange={(key) => {
          const next = new URLSearchParams(params);
          next.set('tab', key);
          // The schedule's own view/day/show belong to that tab only.
          if (key !== 'schedule') ['view', 'day', 'show'].forEach((k) => next.delete(k));
          setParams(next, { replace: true });
        }}
        items={TABS.map((key) => ({
          key,
          disabled: !s.enabled && key !== 'settings',
          label: <span data-testid={`partnering-org-tab-${key}`}>{t(`partneringOrg.tabs.${key}`)}</span>,
          children: content[key],
        }))}
        destroyOnHidden
        data-testid="partnering-org-tabs"
      />
    </div>
  );
}
