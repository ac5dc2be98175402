/**
 * The frame of the public event pages (event page, registration, a registrant's or applicant's
 * own page): no app menu, a narrow column that reads well on a phone, the language switch, and
 * a sign-in link for those with an account.
 */
import { Grid, Layout, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useSession } from '../../lib/session';
import { LanguageSwitch } from '../LanguageSwitch';
import { Logo } from '../Logo';

export function PublicShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const user = session.data?.user;
  // On a phone the mark alone leaves room for the sign-in link and the language switch.
  const narrow = !Grid.useBreakpoint().sm;
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Layout.Header style={{ background: '#fff', padding: '0 16px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderBottom: '1px solid #f0f0f0' }}>
        <Link to="/" aria-label="BioBridge">
          <Logo compact={narrow} />
        </Link>
        <Space size={8} style={{ whiteSpace: 'nowrap' }}>
          {user ? (
            <Link to="/me/registrations" data-testid="public-my-registrations">
              {t('nav.myRegistrations')}
            </Link>
          ) : (
            <Link to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} data-testid="public-sign-in">
              {t('signIn.submit')}
            </Link>
          )}
          <LanguageSwitch />
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: '16px 12px 48px' }}>
        <div style={{ maxWidth: 760, margin: '0 auto' }}>{children}</div>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', background: 'transparent' }}>
        <Typography.Text type="secondary">{t('layout.footer', { year: new Date().getFullYear() })}</Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
