import { ExperimentOutlined, FundOutlined, NodeIndexOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';

function Helix() {
  const rungs = Array.from({ length: 9 }, (_, i) => i);
  return (
    <svg className="bb-helix" viewBox="0 0 200 400" aria-hidden="true">
      <path d="M40 0 C 160 50, 160 100, 40 150 S -80 250, 40 300 S 160 350, 40 400" stroke="#fff" strokeWidth="6" fill="none" />
      <path d="M160 0 C 40 50, 40 100, 160 150 S 280 250, 160 300 S 40 350, 160 400" stroke="#fff" strokeWidth="6" fill="none" />
      {rungs.map((i) => (
        <line key={i} x1="60" x2="140" y1={25 + i * 42} y2={25 + i * 42} stroke="#fff" strokeWidth="4" strokeLinecap="round" />
      ))}
    </svg>
  );
}

/** The frame of the pages seen before signing in: a brand panel and a form column. */
export function AuthLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const features = [
    { icon: <NodeIndexOutlined />, text: t('auth.features.ecosystem') },
    { icon: <FundOutlined />, text: t('auth.features.capital') },
    { icon: <ExperimentOutlined />, text: t('auth.features.services') },
    { icon: <SafetyCertificateOutlined />, text: t('auth.features.trust') },
  ];
  return (
    <div className="bb-auth">
      <aside className="bb-auth-brand">
        <Logo dark />
        <div style={{ position: 'relative', zIndex: 1 }}>
          <Typography.Title level={2}>{t('auth.heroTitle')}</Typography.Title>
          <p>{t('auth.heroText')}</p>
          <ul className="bb-auth-features">
            {features.map((f) => (
              <li key={f.text}>
                {f.icon}
                <span>{f.text}</span>
              </li>
            ))}
          </ul>
        </div>
        <div className="bb-auth-brand-foot">{t('layout.footer', { year: new Date().getFullYear() })}</div>
        <Helix />
      </aside>
      <main className="bb-auth-main">
        <div className="bb-auth-top">
          <Link to="/sign-in" className="bb-auth-mobile-logo" aria-label="BioBridge">
            <Logo />
          </Link>
          <LanguageSwitch />
        </div>
        <div className="bb-auth-body">
          <div className="bb-auth-card">{children}</div>
        </div>
      </main>
    </div>
  );
}
