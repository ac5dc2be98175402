/**
 * What the door sees after a scan, readable at arm's length: green with the name, organisation
 * and ticket type for a success; orange for a repeat (when and by whom); red for an unknown code
 * or a registration that holds no seat.
 */
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import type { CheckInOutcome } from '../../services/eventDoor';

const TONES = {
  checked_in: { background: '#f6ffed', border: '#52c41a', colour: '#237804', Icon: CheckCircleFilled },
  already_checked_in: { background: '#fff7e6', border: '#fa8c16', colour: '#ad4e00', Icon: ExclamationCircleFilled },
  not_confirmed: { background: '#fff1f0', border: '#f5222d', colour: '#a8071a', Icon: CloseCircleFilled },
  unknown_code: { background: '#fff1f0', border: '#f5222d', colour: '#a8071a', Icon: CloseCircleFilled },
} as const;

export function CheckInResultCard({ outcome, code, timeZone }: { outcome: CheckInOutcome; code: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const tone = TONES[outcome.kind];
  const person = outcome.kind === 'unknown_code' ? null : outcome.person;
  const time = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language, timeZone).slice(-5) : '');
  let headline: string;
  switch (outcome.kind) {
    case 'checked_in':
      headline = t('eventDoor.result.checkedIn');
      break;
    case 'already_checked_in':
      headline = person ? t('eventDoor.result.already', { time: time(person.checkedInAt), by: person.checkedInBy ?? t('eventDoor.result.someone') }) : outcome.message;
      break;
    case 'not_confirmed':
      headline = person ? t('eventDoor.result.notConfirmed', { status: t(`eventDoor.statuses.${person.status}`) }) : outcome.message;
      break;
    case 'unknown_code':
      headline = t('eventDoor.result.unknown');
      break;
  }
  return (
    <div
      role="status"
      aria-live="assertive"
      data-testid="eventDoor-result"
      data-result={outcome.kind}
      style={{ background: tone.background, border: `3px solid ${tone.border}`, borderRadius: 12, padding: '16px 18px', width: '100%' }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, color: tone.colour }}>
        <tone.Icon style={{ fontSize: 36 }} />
        <Typography.Text strong style={{ fontSize: 22, color: tone.colour }}>
          {headline}
        </Typography.Text>
      </div>
      {person ? (
        <div style={{ marginTop: 10 }}>
          <div style={{ fontSize: 30, fontWeight: 700, lineHeight: 1.25, wordBreak: 'break-word' }} data-testid="eventDoor-result-name">
            {person.name}
          </div>
          {person.organisationName && <div style={{ fontSize: 18, wordBreak: 'break-word' }}>{person.organisationName}</div>}
          {person.jobTitle && <Typography.Text type="secondary">{person.jobTitle}</Typography.Text>}
          <div style={{ marginTop: 8, display: 'flex', gap: 12, flexWrap: 'wrap', fontSize: 16 }}>
            <span style={{ background: tone.border, color: '#fff', borderRadius: 6, padding: '2px 10px' }}>{person.ticketType}</span>
            <Typography.Text type="secondary">{person.code}</Typography.Text>
          </div>
        </div>
      ) : (
        <div style={{ marginTop: 8, fontSize: 16 }}>
          <Typography.Text type="secondary">{t('eventDoor.result.codeWas', { code })}</Typography.Text>
        </div>
      )}
    </div>
  );
}
