/** How one message reads in a phone-width list (the platform log and an event's log share it). */
import { Typography } from 'antd';
import { isLanguage } from '../../i18n';
import { LANGUAGE_NAMES } from '../LanguageSwitch';

/** The recipient's language, named in itself ("简体中文", "English"). */
export function languageName(code: string): string {
  return isLanguage(code) ? LANGUAGE_NAMES[code] : code;
}

export function MessageSummary({ subject, recipient, when, locale }: { subject: string | null; recipient: string; when: string; locale: string }) {
  return (
    <div style={{ display: 'grid', gap: 2 }}>
      <Typography.Text>{subject ?? '—'}</Typography.Text>
      <Typography.Text type="secondary">{recipient}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {when} · {languageName(locale)}
      </Typography.Text>
    </div>
  );
}
