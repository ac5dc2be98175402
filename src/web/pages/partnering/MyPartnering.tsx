/**
 * The signed-in user's partnering events (/me/partnering): those they take part in and those they
 * may join (a confirmed registration for an event with partnering), soonest first.
 */
import { CalendarOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, PageSkeleton } from '../../components/States';
import { formatEventRange } from '../../components/events/EventTime';
import '../../components/partnering/partnering.css';
import { zoneOffsetLabel } from '../../lib/format';
import { partneringApi, partneringKeys, type MyPartneringEvent } from '../../services/partnering';

function StatusTag({ item }: { item: MyPartneringEvent }) {
  const { t } = useTranslation();
  if (item.participantStatus === 'active') return <Tag color="success">{t('partnering.mine.optedIn')}</Tag>;
  if (item.participantStatus === 'withdrawn') return <Tag>{t('partnering.mine.withdrawn')}</Tag>;
  return <Tag color="processing">{t('partnering.mine.notOptedIn')}</Tag>;
}

function EventCard({ item, past }: { item: MyPartneringEvent; past: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Card size="small" variant="borderless" className="bb-partnering-card" data-testid={`my-partnering-${item.eventId}`}>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={4}>
          <StatusTag item={item} />
          {past && <Tag>{t('partnering.mine.past')}</Tag>}
        </Space>
        <Link to={`/partnering/${item.eventId}`}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {item.title}
          </Typography.Text>
        </Link>
        <Typography.Text type="secondary">
          <CalendarOutlined /> {formatEventRange(item.startsAt, item.endsAt, i18n.language, item.timeZone)} {zoneOffsetLabel(item.timeZone)}
        </Typography.Text>
        <Typography.Text type="secondary">{item.communityName}</Typography.Text>
        {item.participantStatus === 'active' && (
          <Space wrap size={16}>
            <Typography.Text type={item.incomingPending > 0 ? 'warning' : undefined} strong={item.incomingPending > 0}>
              {t('partnering.mine.pending', { count: item.incomingPending })}
            </Typography.Text>
            <Typography.Text>{t('partnering.mine.meetings', { count: item.publishedMeetings })}</Typography.Text>
          </Space>
        )}
        <div className="bb-partnering-card-foot">
          <span />
          <Link to={`/partnering/${item.eventId}`}>
            <Button type={item.participantStatus === null && !past ? 'primary' : 'default'} data-testid={`my-partnering-open-${item.eventId}`}>
              {item.participantStatus === null && !past ? t('partnering.mine.join') : t('partnering.mine.open')} <RightOutlined />
            </Button>
          </Link>
        </div>
      </Space>
    </Card>
  );
}

export function MyPartneringPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: partneringKeys.mine, queryFn: partneringApi.mine });
  const items = query.data?.items ?? [];
  const now = query.dataUpdatedAt || 0;
  return (
    <>
      <PageHeader title={t('partnering.mine.title')} subtitle={t('partnering.mine.subtitle')} />
      {query.isPending ? (
        <PageSkeleton />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Card variant="borderless">
          <Empty description={t('partnering.mine.empty')} data-testid="my-partnering-empty">
            <Typography.Paragraph type="secondary" style={{ maxWidth: 460, margin: '0 auto 12px' }}>
              {t('partnering.mine.emptyHint')}
            </Typography.Paragraph>
            <Link to="/me/registrations">
              <Button>{t('partnering.mine.toRegistrations')}</Button>
            </Link>
          </Empty>
        </Card>
      ) : (
        <div className="bb-partnering-event-list" data-testid="my-partnering">
          {items.map((item) => (
            <EventCard key={item.eventId} item={item} past={Date.parse(item.endsAt) <= now} />
          ))}
        </div>
      )}
    </>
  );
}
