import {
  AuditOutlined,
  CalendarOutlined,
  CheckOutlined,
  ClockCircleOutlined,
  EnvironmentOutlined,
  GlobalOutlined,
  MailOutlined,
  RightOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Divider, Empty, Progress, Row, Skeleton, Statistic, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, withQuery } from '../services/api';
import type { AuditPage, CommunityAction, MembershipRole } from '../services/types';
import { actionColor, actionLabel, summarise } from './Audit';
import { ROLE_COLORS, RoleTag } from '../components/RoleTag';
import { MEMBERSHIP_ROLES } from '../../domain/roles';
import { useCommunity, useCommunityKinds } from '../lib/community';
import { formatDate, formatDateTime, localDescription, localName, zoneOffsetLabel } from '../lib/format';
import { ReminderList } from '../components/pipelines/ReminderList';
import { HomeSuggestions } from '../components/matching/HomeSuggestions';
import { MatchPanel } from '../components/matching/MatchPanel';

const BAR_COLORS: Record<string, string> = {
  gold: '#d89614',
  cyan: '#13a8a8',
  blue: '#1677ff',
  purple: '#722ed1',
  magenta: '#c41d7f',
  green: '#389e0d',
  default: '#8c8c8c',
};

const TIMELINE_COLORS: Record<string, string> = {
  green: 'green',
  blue: 'blue',
  red: 'red',
  geekblue: '#2f54eb',
  orange: '#fa8c16',
  cyan: '#13c2c2',
};

/** The latest entries of the audit log, for those who may read it. */
function RecentActivity() {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const recent = useQuery({
    queryKey: ['audit', community.id, 'recent'],
    queryFn: () => api.get<AuditPage>(withQuery(`/api/communities/${community.id}/audit`, { limit: 6 })),
  });
  return (
    <Card
      variant="borderless"
      title={t('home.recent')}
      style={{ marginTop: 16 }}
      extra={<Link to={`/c/${community.slug}/audit`}>{t('home.viewAll')}</Link>}
      data-testid="recent-activity"
    >
      {recent.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} title={false} />
      ) : (recent.data?.items ?? []).length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.emptyList')} />
      ) : (
        <Timeline
          style={{ marginTop: 8, marginBottom: -16 }}
          items={(recent.data?.items ?? []).map((e) => ({
            key: e.id,
            color: TIMELINE_COLORS[actionColor(e.action)] ?? 'gray',
            content: (
              <div>
                <div>
                  <strong>{e.actor ? e.actor.displayName : t('audit.system')}</strong> · {actionLabel(t, e.action)}
                </div>
                {summarise(t, e) && <div style={{ wordBreak: 'break-word' }}>{summarise(t, e)}</div>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(e.at, i18n.language, community.timeZone)}
                </Typography.Text>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}

export function CommunityHomePage() {
  const { t, i18n } = useTranslation();
  const { community, can } = useCommunity();
  const kinds = useCommunityKinds();
  const lang = i18n.language;
  const kind = kinds.data?.find((k) => k.code === community.kind);
  const kindName = kind ? localName(kind, lang) : t(`kinds.${community.kind}`, { defaultValue: community.kind });
  const location = [community.province, community.city].filter(Boolean).join(lang === 'en' ? ', ' : ' · ');
  const description = localDescription(community, lang);
  const base = `/c/${community.slug}`;
  const roleCounts = MEMBERSHIP_ROLES.map((role) => ({ role, count: community.membersByRole[role] ?? 0 })).filter((r) => r.count > 0);
  const maxCount = Math.max(1, ...roleCounts.map((r) => r.count));
  const adminCount = community.membersByRole.community_admin ?? 0;
  const canSeeMembers = can('members.read');
  const stats: { key: string; title: string; value: number | string; icon: React.ReactNode; small?: boolean }[] = [
    { key: 'members', title: t('home.stats.members'), value: community.memberCount, icon: <TeamOutlined /> },
    { key: 'admins', title: t('home.stats.admins'), value: adminCount, icon: <CheckOutlined /> },
    ...(canSeeMembers ? [{ key: 'invitations', title: t('home.stats.openInvitations'), value: community.openInvitations, icon: <MailOutlined /> }] : []),
    { key: 'since', title: t('home.stats.since'), value: formatDate(community.createdAt, lang, community.timeZone), icon: <CalendarOutlined />, small: true },
  ];
  const notSet = <Typography.Text type="secondary">{t('home.notSet')}</Typography.Text>;

  const quickLinks: { action: CommunityAction; to: string; icon: React.ReactNode; title: string; desc: string; testId: string }[] = [
    { action: 'members.read', to: `${base}/members`, icon: <TeamOutlined />, title: t('nav.members'), desc: t('home.quick.members'), testId: 'quick-members' },
    { action: 'audit.read', to: `${base}/audit`, icon: <AuditOutlined />, title: t('nav.audit'), desc: t('home.quick.audit'), testId: 'quick-audit' },
    { action: 'community.update', to: `${base}/settings`, icon: <SettingOutlined />, title: t('nav.settings'), desc: t('home.quick.settings'), testId: 'quick-settings' },
  ];
  const visibleLinks = quickLinks.filter((l) => can(l.action));

  return (
    <div data-testid="community-home">
      <section className="bb-hero">
        <Typography.Title level={1} data-testid="community-name">
          {localName(community, lang)}
        </Typography.Title>
        <div className="bb-hero-meta">
          {lang !== 'en' && community.nameEn && <span style={{ opacity: 0.85 }}>{community.nameEn}</span>}
          {location && (
            <span>
              <EnvironmentOutlined />
              {location}
            </span>
          )}
          <span>
            <ClockCircleOutlined />
            {community.timeZone} ({zoneOffsetLabel(community.timeZone)})
          </span>
          {community.website && (
            <span>
              <GlobalOutlined />
              <a href={community.website} target="_blank" rel="noreferrer" style={{ color: '#fff', textDecoration: 'underline' }}>
                {community.website.replace(/^https?:\/\//, '')}
              </a>
            </span>
          )}
        </div>
        <div className="bb-hero-tags">
          <Tag style={{ background: 'rgba(255,255,255,0.16)', color: '#fff', borderColor: 'rgba(255,255,255,0.5)' }} data-testid="community-kind">
            {kindName}
          </Tag>
          {community.myRole ? (
            <Tag color="#ffffff" style={{ color: '#0b5f6a' }} data-testid="my-role">
              {t('home.myRoleIs', { role: t(`roles.${community.myRole}`) })}
            </Tag>
          ) : (
            <Tag color="#ffffff" style={{ color: '#0b5f6a' }}>
              {t('roles.platform_admin')}
            </Tag>
          )}
        </div>
      </section>

      <Row gutter={[16, 16]}>
        {stats.map((stat) => (
          <Col xs={12} lg={24 / stats.length} key={stat.key}>
            <Card variant="borderless" className="bb-stat-card">
              <Statistic
                title={stat.title}
                value={stat.value}
                prefix={stat.icon}
                data-testid={`stat-${stat.key}`}
                styles={stat.small ? { content: { fontSize: 20, whiteSpace: 'nowrap' } } : undefined}
              />
            </Card>
          </Col>
        ))}
      </Row>

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={14}>
          <Card variant="borderless" title={t('home.about')}>
            {description ? (
              <p className="bb-description" data-testid="community-description">
                {description}
              </p>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noDescription')} />
            )}
            <Divider titlePlacement="start" plain style={{ marginTop: 24 }}>
              {t('home.details')}
            </Divider>
            <Descriptions
              column={{ xs: 1, sm: 2 }}
              size="small"
              items={[
                { key: 'kind', label: t('community.kind'), children: kindName },
                { key: 'location', label: t('home.location'), children: location || notSet },
                { key: 'tz', label: t('community.timeZone'), children: `${community.timeZone} (${zoneOffsetLabel(community.timeZone)})` },
                {
                  key: 'website',
                  label: t('community.website'),
                  children: community.website ? (
                    <a href={community.website} target="_blank" rel="noreferrer">
                      {community.website.replace(/^https?:\/\//, '')}
                    </a>
                  ) : (
                    notSet
                  ),
                },
                { key: 'slug', label: t('community.slug'), children: <span className="bb-mono">{community.slug}</span> },
                { key: 'updated', label: t('home.updatedAt'), children: formatDateTime(community.updatedAt, lang, community.timeZone) },
              ]}
            />
          </Card>
          {can('pipeline.read') && (
            <div style={{ marginTop: 16 }}>
              <MatchPanel subjectType="community" subjectId={community.id} targets={['projects']} title={t('matching.home.forPark')} />
            </div>
          )}
          {can('audit.read') && <RecentActivity />}
        </Col>
        <Col xs={24} lg={10}>
          {can('pipeline.read') && <ReminderList />}
          <HomeSuggestions />
          <Card variant="borderless" title={t('home.byRole')} style={{ marginBottom: 16 }}>
            {roleCounts.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noMembers')} />
            ) : (
              <div className="bb-role-bars">
                {roleCounts.map(({ role, count }) => (
                  <div className="bb-role-bar" key={role}>
                    <span className="bb-role-bar-label">
                      <RoleTag role={role as MembershipRole} />
                    </span>
                    <Progress percent={(count / maxCount) * 100} showInfo={false} strokeColor={BAR_COLORS[ROLE_COLORS[role]]} size="small" />
                    <span className="bb-role-bar-count">{count}</span>
                  </div>
                ))}
              </div>
            )}
          </Card>
          {visibleLinks.length > 0 && (
            <Card variant="borderless" title={t('home.quickLinks')}>
              {visibleLinks.map((l) => (
                <Link key={l.to} to={l.to} className="bb-quick-link" data-testid={l.testId}>
                  <span className="bb-quick-icon">{l.icon}</span>
                  <span style={{ flex: 1, minWidth: 0 }}>
                    <div className="bb-quick-title">{l.title}</div>
                    <div className="bb-quick-desc">{l.desc}</div>
                  </span>
                  <RightOutlined style={{ color: 'rgba(0,0,0,0.3)' }} />
                </Link>
              ))}
            </Card>
          )}
          {visibleLinks.length === 0 && (
            <Card variant="borderless" title={t('home.yourAccess')}>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                {t('home.readOnly')}
              </Typography.Paragraph>
            </Card>
          )}
        </Col>
      </Row>
    </div>
  );
}
