/**
 * What the tabs of the organisers' partnering page share: the props every tab gets, refreshing
 * the event's partnering queries after a write, slot times in the community's zone, the side
 * tag, the searchable participant picker and the scheduler's reasons in words.
 */
import { useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { Select, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartneringSide } from '../../../domain/partnering/vocabularies';
import type { EventDetail } from '../../../shared/schemas/events';
import { ApiError } from '../../services/api';
import { partneringOrgApi, partneringOrgKeys, type OrgParticipantPage, type PartneringSettings, type PartneringSlot } from '../../services/partneringOrg';

export interface OrgTabProps {
  communityId: string;
  event: EventDetail;
  settings: PartneringSettings;
  timeZone: string;
}

/** Refreshes everything of this event's partnering (counts on other tabs depend on each write). */
export function useRefreshPartnering(eventId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: partneringOrgKeys.event(eventId) });
}

export function isConflict(error: unknown, code: string): boolean {
  return error instanceof ApiError && error.code === code;
}

export function clock(iso: string, timeZone: string): string {
  return dayjs(iso).tz(timeZone).format('HH:mm');
}

export function slotRange(slot: Pick<PartneringSlot, 'startsAt' | 'endsAt'>, timeZone: string): string {
  return `${clock(slot.startsAt, timeZone)}–${clock(slot.endsAt, timeZone)}`;
}

/** A day as the UI language writes it; `format` is `partneringOrg.common.dayFormat` (a dayjs pattern). */
export function dayLabel(day: string, format: string): string {
  return dayjs(day).format(format);
}

const SIDE_COLOURS: Record<PartneringSide, string> = {
  startup: 'green',
  investor: 'gold',
  pharma: 'blue',
  research: 'purple',
  hospital: 'cyan',
  park: 'geekblue',
  service: 'orange',
  other: 'default',
};

export function SideTag({ side }: { side: PartneringSide }) {
  const { t } = useTranslation();
  return (
    <Tag color={SIDE_COLOURS[side]} style={{ marginInlineEnd: 0 }}>
      {t(`partneringOrg.sides.${side}`)}
    </Tag>
  );
}

/** The scheduler's (or a hand move's) reason a meeting is not placed, in words. */
export function reasonText(t: (key: string, options?: Record<string, unknown>) => string, reason: string | null): string {
  if (!reason) return t('partneringOrg.reasons.not_run');
  return t(`partneringOrg.reasons.${reason}`, { defaultValue: t('partneringOrg.reasons.unknown', { code: reason }) });
}

/** Active participants of the event, searched on the server as the organiser types. */
export function ParticipantSelect({
  communityId,
  eventId,
  value,
  onChange,
  exclude,
  testId,
  placeholder,
  allowClear,
  style,
}: {
  communityId: string;
  eventId: string;
  value?: string | null;
  onChange?: (id: string | null) => void;
  exclude?: string | null;
  testId?: string;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const query = useQuery({
    queryKey: partneringOrgKeys.participants(eventId, { q, status: 'active', limit: 30 }),
    queryFn: () => partneringOrgApi.participants(communityId, eventId, { q: q || undefined, status: 'active', limit: 30 }),
  });
  const items = query.data?.items ?? [];
  // The chosen participant's name when the current search does not list them: from any
  // participant list of this event already in the cache.
  const queryClient = useQueryClient();
  const knownLabel = (id: string): string | undefined => {
    for (const [, data] of queryClient.getQueriesData<OrgParticipantPage | InfiniteData<OrgParticipantPage>>({ queryKey: [...partneringOrgKeys.event(eventId), 'participants'] })) {
      const pages = data ? ('pages' in data ? data.pages : [data]) : [];
      for (const page of pages) {
        const p = page.items.find((x) => x.id === id);
        if (p) return `${p.displayName} · ${p.organisationName}`;
      }
    }
    return undefined;
  };
  const options = items
    .filter((p) => p.id !== exclude)
    .map((p) => ({ value: p.id, label: `${p.displayName} · ${p.organisationName || t('partneringOrg.common.noOrganisation')}` }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: knownLabel(value) ?? t('partneringOrg.common.pickParticipant') });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={options}
      loading={query.isFetching}
      placeholder={placeholder ?? t('partneringOrg.common.pickParticipant')}
      notFoundContent={query.isFetching ? t('partneringOrg.common.searching') : t('partneringOrg.common.noParticipants')}
      allowClear={allowClear}
      style={{ width: '100%', ...style }}
      data-testid={testId}
    />
  );
}
