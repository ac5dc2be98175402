import { Link } from 'react-router-dom';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Logo } from '../components/Logo';
import { StatusResult } from '../components/States';

/** The 404 page for visitors who are not signed in. */
export function NotFoundPage() {
  return (
    <div style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <div className="bb-auth-top" style={{ background: '#fff', borderBottom: '1px solid #e8edf1' }}>
        <Link to="/" aria-label="BioBridge">
          <Logo />
        </Link>
        <LanguageSwitch />
      </div>
      <StatusResult
        status="404"
        titleKey="notFound.title"
        descriptionKey="notFound.description"
        testId="not-found"
        to="/sign-in"
        actionKey="signIn.submit"
        style={{ flex: 1 }}
      />
    </div>
  );
}
