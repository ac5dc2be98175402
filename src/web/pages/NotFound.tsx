import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Logo } from '../components/Logo';

/** The 404 page for visitors who are not signed in. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <div className="bb-auth-top" style={{ background: '#fff', borderBottom: '1px solid #e8edf1' }}>
        <Link to="/" aria-label="BioBridge">
          <Logo />
        </Link>
        <LanguageSwitch />
      </div>
      <div className="bb-center-page" style={{ flex: 1 }} data-testid="not-found">
        <Result
          status="404"
          title={t('notFound.title')}
          subTitle={t('notFound.description')}
          extra={
            <Link to="/sign-in">
              <Button type="primary">{t('signIn.submit')}</Button>
            </Link>
          }
        />
      </div>
    </div>
  );
}
