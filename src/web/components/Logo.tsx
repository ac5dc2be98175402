import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** The BioBridge mark: a double helix bridged by rungs, drawn in SVG. */
export function LogoMark({ size = 32 }: { size?: number }) {
  // Each mark needs its own gradient id: a shared one would vanish with the first mark if that is hidden.
  const gradient = `bb-mark-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <svg width={size} height={size} viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id={gradient} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#12a39a" />
          <stop offset="1" stopColor="#2f9bd6" />
        </linearGradient>
      </defs>
      <rect width="40" height="40" rx="10" fill={`url(#${gradient})`} />
      <path d="M13 8c0 8 14 8 14 12s-14 4-14 12" stroke="#fff" strokeWidth="3" fill="none" strokeLinecap="round" />
      <path d="M27 8c0 8-14 8-14 12s14 4 14 12" stroke="#fff" strokeOpacity="0.7" strokeWidth="3" fill="none" strokeLinecap="round" />
      <path d="M15.5 12.5h9M15.5 27.5h9" stroke="#fff" strokeWidth="2" strokeLinecap="round" strokeOpacity="0.85" />
    </svg>
  );
}

export function Logo({ dark = false, compact = false }: { dark?: boolean; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="bb-logo" style={{ color: dark ? '#fff' : '#0b2530' }}>
      <LogoMark />
      {!compact && (
        <span className="bb-logo-text">
          <span className="bb-logo-name">BioBridge</span>
          <span className="bb-logo-sub">{t('app.tagline')}</span>
        </span>
      )}
    </span>
  );
}
