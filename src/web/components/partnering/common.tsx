/** Small pieces the participants' partnering pages share: tags for sides, priorities and statuses, match reasons, slot times. */
import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  PARTNERING_PRIORITIES,
  PARTNERING_SIDES,
  type PartneringPriority,
  type PartneringSide,
  type RequestStatus,
} from '../../../domain/partnering/vocabularies';
import { useTaxonomy } from '../../lib/taxonomy';
import type { ParticipantListItem, PartneringSlot } from '../../services/partnering';

const SIDE_COLORS: Record<PartneringSide, string> = {
  startup: 'green',
  investor: 'gold',
  pharma: 'purple',
  research: 'cyan',
  hospital: 'red',
  park: 'blue',
  service: 'geekblue',
  other: 'default',
};

export function SideTag({ side }: { side: PartneringSide }) {
  const { t } = useTranslation();
  return <Tag color={SIDE_COLORS[side]}>{t(`partnering.sides.${side}`)}</Tag>;
}

const PRIORITY_COLORS: Record<PartneringPriority, string> = { must: 'red', would_like: 'blue', if_time: 'default' };

export function PriorityTag({ priority }: { priority: PartneringPriority }) {
  const { t } = useTranslation();
  return <Tag color={PRIORITY_COLORS[priority]}>{t(`partnering.priorities.${priority}`)}</Tag>;
}

const STATUS_COLORS: Record<RequestStatus, string> = { pending: 'processing', accepted: 'success', declined: 'error', cancelled: 'default' };

export function RequestStatusTag({ status, direction }: { status: RequestStatus; direction?: 'incoming' | 'outgoing' }) {
  const { t } = useTranslation();
  const label = status === 'pending' && direction ? t(`partnering.requestStatuses.pending_${direction}`) : t(`partnering.requestStatuses.${status}`);
  return <Tag color={STATUS_COLORS[status]}>{label}</Tag>;
}

export function useSideOptions() {
  const { t } = useTranslation();
  return PARTNERING_SIDES.map((s) => ({ value: s, label: t(`partnering.sides.${s}`) }));
}

export function usePriorityOptions() {
  const { t } = useTranslation();
  return PARTNERING_PRIORITIES.map((p) => ({ value: p, label: t(`partnering.priorities.${p}`) }));
}

/** Why a participant is suggested, as tags: "同属 ADC", "符合投资阶段" … */
export function MatchReasons({ reasons }: { reasons: ParticipantListItem['reasons'] }) {
  const { t } = useTranslation();
  const tax = useTaxonomy();
  if (reasons.length === 0) return null;
  const termName = (code: string) => {
    const segment = tax.name('segment', code);
    if (segment !== code) return segment;
    return tax.stageName(code);
  };
  return (
    <span className="bb-partnering-reasons">
      {reasons.map((r) => {
        const terms = r.terms.map(termName).join(t('partnering.listSeparator'));
        return (
          <Tag key={r.code} color="green" variant="filled">
            {t(`partnering.reasons.${r.code}`, { terms })}
          </Tag>
        );
      })}
    </span>
  );
}

/** Segment or stage codes named in the UI language. */
export function TermTags({ codes, taxonomy, max }: { codes: string[]; taxonomy: 'segment' | 'stage'; max?: number }) {
  const tax = useTaxonomy();
  const shown = max === undefined ? codes : codes.slice(0, max);
  const rest = codes.length - shown.length;
  return (
    <>
      {shown.map((c) => (
        <Tag key={c}>{taxonomy === 'segment' ? tax.name('segment', c) : tax.stageName(c)}</Tag>
      ))}
      {rest > 0 && (
        <Tooltip title={codes.slice(shown.length).map((c) => (taxonomy === 'segment' ? tax.name('segment', c) : tax.stageName(c))).join(', ')}>
          <Tag>+{rest}</Tag>
        </Tooltip>
      )}
    </>
  );
}

/** "09:00–09:30" in the community's zone. */
export function slotTime(slot: Pick<PartneringSlot, 'startsAt' | 'endsAt'>, timeZone: string): string {
  return `${dayjs(slot.startsAt).tz(timeZone).format('HH:mm')}–${dayjs(slot.endsAt).tz(timeZone).format('HH:mm')}`;
}

/** A calendar day 'YYYY-MM-DD' with its weekday, in the UI language. */
export function dayLabel(day: string, lang: string): string {
  const d = dayjs(day);
  const weekday = new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
  return lang === 'en' ? `${d.format('D MMM YYYY')} (${weekday})` : `${d.format('YYYY-MM-DD')}（${weekday}）`;
}
