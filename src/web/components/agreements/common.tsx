/**
 * Small pieces the agreements pages share: tags for kind and status, a party list, ISO dates
 * shown in the UI language (dates are calendar dates: no time-zone shift), and period presets.
 */
import { Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { recordName } from '../../lib/directory';
import type { AgreementKind, AgreementParty, AgreementStatus } from '../../services/agreements';
import { todayIn } from '../../../domain/lifecycle/models';

const KIND_COLOURS: Record<AgreementKind, string> = {
  cooperation: 'blue',
  strategic: 'geekblue',
  investment: 'gold',
  landing: 'green',
  licensing: 'purple',
  service: 'cyan',
};

const STATUS_COLOURS: Record<AgreementStatus, string> = {
  signed: 'processing',
  in_force: 'success',
  completed: 'default',
  terminated: 'error',
};

export function KindTag({ kind }: { kind: AgreementKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLOURS[kind]} data-testid="agreement-kind">
      {t(`agreements.kinds.${kind}`)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: AgreementStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="agreement-status">
      {t(`agreements.statuses.${status}`)}
    </Tag>
  );
}

/** "曜迈生物 · 投资方" one per line (or inline when `inline`). */
export function PartyList({ parties, inline = false }: { parties: AgreementParty[]; inline?: boolean }) {
  const { t, i18n } = useTranslation();
  const items = parties.map((p) => (
    <span key={p.organisation.id} data-testid="agreement-party">
      {recordName(p.organisation.nameZh, p.organisation.nameEn, i18n.language)}
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}> · {t(`agreements.roles.${p.role}`)}</Typography.Text>
    </span>
  ));
  if (inline) return <span>{items.reduce<ReactNode[]>((acc, el, i) => (i ? [...acc, '；', el] : [el]), [])}</span>;
  return (
    <Space orientation="vertical" size={0}>
      {items}
    </Space>
  );
}

/** A calendar date (YYYY-MM-DD) in the UI language, without any time-zone conversion. */
export function formatIsoDate(date: string | null | undefined, lang: string): string {
  if (!date) return '';
  return lang === 'en' ? dayjs(date).format('D MMM YYYY') : date;
}

export type PresetKey = 'thisYear' | 'lastYear' | 'thisQuarter' | 'custom';

/** The period of a preset as ISO dates, from `today` (the community's today). */
export function presetPeriod(key: Exclude<PresetKey, 'custom'>, today: dayjs.Dayjs): { from: string; to: string } {
  const iso = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
  if (key === 'thisYear') return { from: iso(today.startOf('year')), to: iso(today.endOf('year')) };
  if (key === 'lastYear') {
    const last = today.subtract(1, 'year');
    return { from: iso(last.startOf('year')), to: iso(last.endOf('year')) };
  }
  const quarterStart = today.month(Math.floor(today.month() / 3) * 3).startOf('month');
  return { from: iso(quarterStart), to: iso(quarterStart.add(2, 'month').endOf('month')) };
}

/** Today in the community's time zone, as a plain date. */
export function communityToday(timeZone: string): dayjs.Dayjs {
  return dayjs(todayIn(timeZone));
}
