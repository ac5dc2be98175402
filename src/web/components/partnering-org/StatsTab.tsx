/**
 * Statistics: requests (sent, accepted, declined, pending, cancelled, by priority), the response
 * rate, participants by side, meetings scheduled, held and no-shows, and satisfaction in stars.
 */
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Progress, Rate, Row, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { partneringOrgApi, partneringOrgKeys } from '../../services/partneringOrg';
import { LoadError } from '../States';
import type { OrgTabProps } from './common';

function Bars({ rows, total, testId }: { rows: { key: string; label: string; count: number }[]; total: number; testId: string }) {
  const { i18n } = useTranslation();
  if (total === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={4} data-testid={testId}>
      {rows.map((r) => (
        <Row key={r.key} gutter={8} align="middle" wrap={false}>
          <Col flex="96px">
            <Typography.Text ellipsis>{r.label}</Typography.Text>
          </Col>
          <Col flex="auto">
            <Progress percent={total ? Math.round((r.count / total) * 100) : 0} showInfo={false} size="small" status="normal" />
          </Col>
          <Col flex="56px" style={{ textAlign: 'right' }}>
            <Typography.Text>{formatNumber(r.count, i18n.language)}</Typography.Text>
          </Col>
        </Row>
      ))}
    </Space>
  );
}

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);

export function StatsTab({ communityId, event, settings }: OrgTabProps) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: partneringOrgKeys.stats(event.id), queryFn: () => partneringOrgApi.stats(communityId, event.id) });
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Card loading variant="borderless" />;
  const s = query.data;
  const r = s.requests;
  const m = s.meetings;
  const card = (title: string, value: number | string, testId: string, suffix?: string) => (
    <Col xs={12} md={8} xl={4}>
      <Card variant="borderless" size="small">
        <Statistic title={title} value={value} suffix={suffix} data-testid={testId} />
      </Card>
    </Col>
  );
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="partnering-stats">
      <Row gutter={[16, 16]}>
        {card(t('partneringOrg.stats.participants'), s.participants, 'stats-participants')}
        {settings.mode === 'requests' ? (
          <>
            {card(t('partneringOrg.stats.sent'), r.sent, 'stats-sent')}
            {card(t('partneringOrg.stats.accepted'), r.accepted, 'stats-accepted')}
            {card(t('partneringOrg.stats.declined'), r.declined, 'stats-declined')}
            {card(t('partneringOrg.stats.pending'), r.pending, 'stats-pending')}
            {card(t('partneringOrg.stats.cancelled'), r.cancelled, 'stats-cancelled')}
          </>
        ) : (
          <>
            {card(t('partneringOrg.stats.wishes'), s.wishes.total, 'stats-wishes')}
            {card(t('partneringOrg.stats.mutualPairs'), s.wishes.mutualPairs, 'stats-mutual')}
          </>
        )}
      </Row>
      <Row gutter={[16, 16]}>
        {card(t('partneringOrg.stats.activeMeetings'), m.active, 'stats-meetings')}
        {card(t('partneringOrg.stats.scheduled'), m.scheduled, 'stats-scheduled')}
        {card(t('partneringOrg.stats.held'), m.held, 'stats-held')}
        {card(t('partneringOrg.stats.noShows'), m.noShows, 'stats-no-shows')}
        {card(t('partneringOrg.stats.withFeedback'), m.withFeedback, 'stats-feedback')}
        {card(t('partneringOrg.stats.responseRate'), pct(s.responseRate), 'stats-response-rate')}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card variant="borderless" title={t('partneringOrg.stats.satisfaction')} style={{ height: '100%' }}>
            {s.satisfaction === null ? (
              <Typography.Text type="secondary">{t('partneringOrg.stats.noRatings')}</Typography.Text>
            ) : (
              <Space orientation="vertical" data-testid="stats-satisfaction">
                <Space align="center">
                  <Rate disabled allowHalf value={Math.round(s.satisfaction * 2) / 2} />
                  <Typography.Title level={3} style={{ margin: 0 }}>
                    {s.satisfaction.toFixed(1)}
                  </Typography.Title>
                </Space>
                <Typography.Text type="secondary">{t('partneringOrg.stats.ratings', { count: s.ratings })}</Typography.Text>
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card variant="borderless" title={t('partneringOrg.stats.byPriority')} style={{ height: '100%' }}>
            <Bars testId="stats-by-priority" total={r.byPriority.reduce((a, b) => a + b.count, 0)} rows={r.byPriority.map((p) => ({ key: p.priority, label: t(`partneringOrg.priorities.${p.priority}`), count: p.count }))} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card variant="borderless" title={t('partneringOrg.stats.bySide')} style={{ height: '100%' }}>
            <Bars testId="stats-by-side" total={s.participants} rows={s.participantsBySide.map((p) => ({ key: p.side, label: t(`partneringOrg.sides.${p.side}`), count: p.count }))} />
          </Card>
        </Col>
      </Row>
      <Card variant="borderless" title={t('partneringOrg.stats.funnel')}>
        <Bars
          testId="stats-funnel"
          total={Math.max(settings.mode === 'requests' ? r.sent : m.active, 1)}
          rows={[
            ...(settings.mode === 'requests' ? [{ key: 'sent', label: t('partneringOrg.stats.sent'), count: r.sent }, { key: 'accepted', label: t('partneringOrg.stats.accepted'), count: r.accepted }] : []),
            { key: 'active', label: t('partneringOrg.stats.activeMeetings'), count: m.active },
            { key: 'scheduled', label: t('partneringOrg.stats.scheduled'), count: m.scheduled },
            { key: 'held', label: t('partneringOrg.stats.held'), count: m.held },
          ]}
        />
      </Card>
    </Space>
  );
}
