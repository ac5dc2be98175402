import {
  BookOutlined,
  BulbOutlined,
  ExperimentOutlined,
  FileTextOutlined,
  FlagOutlined,
  SyncOutlined,
  AuditOutlined,
  DashboardOutlined,
  DownOutlined,
  KeyOutlined,
  LogoutOutlined,
  MailOutlined,
  MenuFoldOutlined,
  MenuOutlined,
  MenuUnfoldOutlined,
  SettingOutlined,
  ApartmentOutlined,
  CloudUploadOutlined,
  ContactsOutlined,
  InteractionOutlined,
  TeamOutlined,
  UserOutlined,
  FunnelPlotOutlined,
  NodeIndexOutlined,
  SendOutlined,
  HomeOutlined,
  FileDoneOutlined,
  CalendarOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Button, Drawer, Dropdown, Grid, Layout, Menu, Select, Space, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useMatch, useNavigate } from 'react-router-dom';
import { api } from '../services/api';
import type { MyCommunity } from '../services/types';
import { LAST_COMMUNITY_KEY } from '../lib/community';
import { localName } from '../lib/format';
import { clearSession, useSession } from '../lib/session';
import { ErrorBoundary } from './ErrorBoundary';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';
import { PlatformAdminTag, RoleTag } from './RoleTag';

function lastCommunitySlug(): string | undefined {
  try {
    return localStorage.getItem(LAST_COMMUNITY_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function CommunitySwitcher({ communities, current, isPlatformAdmin }: { communities: MyCommunity[]; current: string | undefined; isPlatformAdmin: boolean }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  if (communities.length === 0) return null;
  return (
    <Select
      className="bb-switcher"
      data-testid="community-switcher"
      value={communities.some((c) => c.slug === current) ? current : undefined}
      placeholder={t('layout.chooseCommunity')}
      aria-label={t('layout.community')}
      onChange={(slug: string) => void navigate(`/c/${slug}`)}
      optionLabelProp="label"
      popupMatchSelectWidth={false}
      classNames={{ popup: { root: 'bb-switcher-popup' } }}
      showSearch={{ optionFilterProp: 'search' }}
      options={communities.map((c) => ({
        value: c.slug,
        search: `${c.nameZhHans} ${c.nameZhHant} ${c.nameEn} ${c.slug}`,
        label: <span data-testid={`switcher-current-${c.slug}`}>{localName(c, i18n.language)}</span>,
        title: localName(c, i18n.language),
      }))}
      optionRender={(option) => {
        const c = communities.find((x) => x.slug === option.value);
        if (!c) return null;
        return (
          <div className="bb-switcher-option" data-testid={`switcher-option-${c.slug}`}>
            <span>{localName(c, i18n.language)}</span>
            {c.role ? <RoleTag role={c.role} style={{ marginInlineEnd: 0 }} /> : isPlatformAdmin && <PlatformAdminTag />}
          </div>
        );
      }}
    />
  );
}

type MenuItem = Required<MenuProps>['items'][number];

export function AppLayout({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const isMobile = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { modal } = App.useApp();
  const match = useMatch('/c/:slug/*');
  const routeSlug = match?.params.slug;
  const user = session.data?.user;
  const communities = useMemo(() => session.data?.communities ?? [], [session.data]);
  // Outside a community's pages the menu keeps pointing at the last community visited.
  const slug = routeSlug ?? lastCommunitySlug();
  const current = communities.find((c) => c.slug === slug);

  const items = useMemo<MenuItem[]>(() => {
    const result: MenuItem[] = [];
    if (current) {
      const perms = current.permissions;
      const base = `/c/${current.slug}`;
      const children: MenuItem[] = [
        { key: base, icon: <DashboardOutlined />, label: <Link to={base}>{t('nav.overview')}</Link> },
        { key: `${base}/directory`, icon: <ContactsOutlined />, label: <Link to={`${base}/directory`} data-testid="nav-directory">{t('dirNav.directory')}</Link> },
      ];
      if (perms.includes('directory.import'))
        children.push({ key: `${base}/directory/import`, icon: <CloudUploadOutlined />, label: <Link to={`${base}/directory/import`} data-testid="nav-import">{t('dirNav.import')}</Link> });
      const link = (path: string, testId: string, label: string) => <Link to={`${base}/${path}`} data-testid={testId}>{label}</Link>;
      children.push({ key: `${base}/events`, icon: <CalendarOutlined />, label: link('events', 'nav-events', t('nav.events')) });
      if (perms.includes('pipeline.read')) {
        children.push({ key: `${base}/pipelines`, icon: <FunnelPlotOutlined />, label: link('pipelines', 'nav-pipelines', t('nav.pipelines')) });
        children.push({ key: `${base}/referrals`, icon: <SendOutlined />, label: link('referrals', 'nav-referrals', t('nav.referrals')) });
        children.push({ key: `${base}/lifecycle`, icon: <NodeIndexOutlined />, label: link('lifecycle', 'nav-lifecycle', t('nav.lifecycle')) });
      }
      if (perms.includes('landing.read'))
        children.push({ key: `${base}/landing`, icon: <HomeOutlined />, label: link('landing', 'nav-landing', t('nav.landing')) });
      // A resident company's representative (a member or provider) enters its yearly figures.
      else if (current.role === 'member' || current.role === 'service_provider')
        children.push({ key: `${base}/companies`, icon: <HomeOutlined />, label: link('companies/mine/figures', 'nav-my-company', t('nav.myCompany')) });
      if (perms.includes('agreements.read'))
        children.push({ key: `${base}/agreements`, icon: <FileDoneOutlined />, label: link('agreements', 'nav-agreements', t('nav.agreements')) });
      if (perms.includes('members.read'))
        children.push({ key: `${base}/members`, icon: <TeamOutlined />, label: <Link to={`${base}/members`} data-testid="nav-members">{t('nav.members')}</Link> });
      if (perms.includes('audit.read'))
        children.push({ key: `${base}/audit`, icon: <AuditOutlined />, label: <Link to={`${base}/audit`} data-testid="nav-audit">{t('nav.audit')}</Link> });
      if (perms.includes('community.update'))
        children.push({ key: `${base}/settings`, icon: <SettingOutlined />, label: <Link to={`${base}/settings`} data-testid="nav-settings">{t('nav.settings')}</Link> });
      result.push({ type: 'group', key: 'community', label: t('nav.community'), children });
    }
    if (user?.isPlatformAdmin) {
      result.push({
        type: 'group',
        key: 'platform',
        label: t('nav.platform'),
        children: [
          { key: '/admin/communities', icon: <ApartmentOutlined />, label: <Link to="/admin/communities" data-testid="nav-admin-communities">{t('nav.adminCommunities')}</Link> },
          { key: '/admin/outbox', icon: <MailOutlined />, label: <Link to="/admin/outbox" data-testid="nav-admin-outbox">{t('nav.adminOutbox')}</Link> },
          { key: '/admin/thesaurus', icon: <BookOutlined />, label: <Link to="/admin/thesaurus" data-testid="nav-admin-thesaurus">{t('nav.adminThesaurus')}</Link> },
          { key: '/admin/matching', icon: <SyncOutlined />, label: <Link to="/admin/matching" data-testid="nav-admin-matching">{t('nav.adminMatching')}</Link> },
        ],
      });
    }
    result.push({
      type: 'group',
      key: 'matchmaking',
      label: t('nav.matchmaking'),
      children: [
        { key: '/suggestions', icon: <BulbOutlined />, label: <Link to="/suggestions" data-testid="nav-suggestions">{t('nav.suggestions')}</Link> },
        { key: '/briefs', icon: <ExperimentOutlined />, label: <Link to="/briefs" data-testid="nav-briefs">{t('nav.briefs')}</Link> },
        { key: '/challenges', icon: <FlagOutlined />, label: <Link to="/challenges" data-testid="nav-challenges">{t('nav.challenges')}</Link> },
        { key: '/me/answers', icon: <FileTextOutlined />, label: <Link to="/me/answers" data-testid="nav-my-answers">{t('nav.myAnswers')}</Link> },
      ],
    });
    result.push({
      type: 'group',
      key: 'personal',
      label: t('nav.personal'),
      children: [
        { key: '/me/registrations', icon: <ScheduleOutlined />, label: <Link to="/me/registrations" data-testid="nav-my-registrations">{t('nav.myRegistrations')}</Link> },
        { key: '/me/applications', icon: <SolutionOutlined />, label: <Link to="/me/applications" data-testid="nav-my-applications">{t('nav.myApplications')}</Link> },
        { key: '/me/partnering', icon: <InteractionOutlined />, label: <Link to="/me/partnering" data-testid="nav-my-partnering">{t('nav.myPartnering')}</Link> },
        { key: '/judging', icon: <TrophyOutlined />, label: <Link to="/judging" data-testid="nav-judging">{t('nav.judging')}</Link> },
        { key: '/account', icon: <UserOutlined />, label: <Link to="/account">{t('nav.account')}</Link> },
      ],
    });
    return result;
  }, [current, user, t]);

  const selectedKey = useMemo(() => {
    const path = location.pathname.replace(/\/+$/, '');
    const keys: string[] = [];
    const collect = (list: MenuItem[]) => {
      for (const item of list) {
        if (!item) continue;
        if ('children' in item && item.children) collect(item.children as MenuItem[]);
        else if (item.key) keys.push(String(item.key));
      }
    };
    collect(items);
    return keys.filter((k) => path === k || path.startsWith(`${k}/`)).sort((a, b) => b.length - a.length)[0] ?? '';
  }, [items, location.pathname]);

  const signOut = async () => {
    try {
      await api.post('/api/auth/sign-out');
    } finally {
      clearSession(queryClient);
      void navigate('/sign-in', { replace: true });
    }
  };

  const confirmSignOut = () => {
    modal.confirm({
      title: t('layout.signOutConfirm'),
      okText: t('layout.signOut'),
      cancelText: t('common.cancel'),
      onOk: signOut,
    });
  };

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      className="bb-sider-menu"
      selectedKeys={[selectedKey]}
      items={items}
      onClick={() => setDrawerOpen(false)}
      inlineCollapsed={!isMobile && collapsed}
    />
  );

  const siderLogo = (
    <Link to="/" className="bb-sider-logo" aria-label="BioBridge">
      <Logo dark compact={!isMobile && collapsed} />
    </Link>
  );

  return (
    <Layout className="bb-shell">
      {!isMobile && (
        <Layout.Sider width={236} collapsedWidth={72} collapsed={collapsed} className="bb-sider" data-testid="sider">
          <div className="bb-sider-inner">
            {siderLogo}
            {menu}
          </div>
        </Layout.Sider>
      )}
      {isMobile && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          closable={false}
          styles={{ body: { padding: 0, background: '#0b2530' }, header: { display: 'none' } }}
        >
          {siderLogo}
          {menu}
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header className="bb-header">
          <div className="bb-header-left">
            <Button
              type="text"
              aria-label={t('layout.toggleMenu')}
              data-testid="menu-toggle"
              icon={isMobile ? <MenuOutlined /> : collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => (isMobile ? setDrawerOpen(true) : setCollapsed((c) => !c))}
            />
            <CommunitySwitcher communities={communities} current={current?.slug} isPlatformAdmin={Boolean(user?.isPlatformAdmin)} />
            {!isMobile && current && <RoleTag role={current.role} />}
          </div>
          <div className="bb-header-right">
            <LanguageSwitch compact={isMobile} />
            {user && (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    { key: 'who', disabled: true, label: <Typography.Text type="secondary">{user.email}</Typography.Text> },
                    { type: 'divider' },
                    { key: 'account', icon: <KeyOutlined />, label: <span data-testid="menu-account">{t('layout.changePassword')}</span> },
                    { key: 'sign-out', icon: <LogoutOutlined />, label: <span data-testid="menu-sign-out">{t('layout.signOut')}</span> },
                  ],
                  onClick: ({ key }) => {
                    if (key === 'account') void navigate('/account');
                    if (key === 'sign-out') confirmSignOut();
                  },
                }}
              >
                <Button type="text" data-testid="user-menu" style={{ paddingInline: 6 }}>
                  <Space size={8}>
                    <Avatar size={28} style={{ background: '#0b7a85' }}>
                      {user.displayName.slice(0, 1).toUpperCase()}
                    </Avatar>
                    {!isMobile && <span data-testid="user-name">{user.displayName}</span>}
                    {!isMobile && <DownOutlined style={{ fontSize: 10 }} />}
                  </Space>
                </Button>
              </Dropdown>
            )}
          </div>
        </Layout.Header>
        <Layout.Content className="bb-content">
          <ErrorBoundary key={location.pathname}>{children ?? <Outlet />}</ErrorBoundary>
        </Layout.Content>
        <Layout.Footer className="bb-footer">
          {t('layout.footer', { year: new Date().getFullYear() })}
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
