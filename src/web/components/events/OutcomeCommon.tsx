/**
 * Small pieces shared by the projects, signing and outcomes tabs of an event: agenda-slot
 * picker, up/down buttons for running orders, file sizes and taxonomy names.
 */
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { eventOutcomeKeys, eventOutcomesApi, type SessionRef, type Term } from '../../services/eventOutcomes';

export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function termName(term: Term | null | undefined, lang: string): string {
  if (!term) return '';
  return lang === 'en' ? term.nameEn : lang === 'zh-TW' ? term.nameZhHant : term.nameZhHans;
}

export function sessionLabel(session: SessionRef, lang: string, timeZone: string): string {
  const time = formatDateTime(session.startsAt, lang, timeZone);
  return `${time.slice(-5)} ${session.title}${session.room ? ` · ${session.room}` : ''}`;
}

export function useSessionOptions(communityId: string, eventId: string) {
  return useQuery({ queryKey: eventOutcomeKeys.sessions(eventId), queryFn: () => eventOutcomesApi.sessions(communityId, eventId) });
}

/** The event's agenda slots, or none. */
export function SessionSelect(props: {
  communityId: string;
  eventId: string;
  timeZone: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  testId: string;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const sessions = useSessionOptions(props.communityId, props.eventId);
  return (
    <Select
      value={props.value ?? ''}
      onChange={(v: string) => props.onChange?.(v || null)}
      loading={sessions.isLoading}
      disabled={props.disabled}
      style={{ minWidth: 200, width: '100%' }}
      data-testid={props.testId}
      options={[{ value: '', label: t('eventOutcomes.common.noSession') }, ...(sessions.data ?? []).map((s) => ({ value: s.id, label: sessionLabel(s, i18n.language, props.timeZone) }))]}
    />
  );
}

/** Up and down for one row of a running order; the caller sends the whole new order. */
export function MoveButtons(props: { index: number; count: number; onMove: (from: number, to: number) => void; disabled?: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <Space size={0}>
      <Button
        type="text"
        size="small"
        icon={<ArrowUpOutlined />}
        aria-label={t('eventOutcomes.common.moveUp')}
        disabled={props.disabled || props.index === 0}
        onClick={() => props.onMove(props.index, props.index - 1)}
        data-testid={`${props.testId}-up`}
      />
      <Button
        type="text"
        size="small"
        icon={<ArrowDownOutlined />}
        aria-label={t('eventOutcomes.common.moveDown')}
        disabled={props.disabled || props.index === props.count - 1}
        onClick={() => props.onMove(props.index, props.index + 1)}
        data-testid={`${props.testId}-down`}
      />
    </Space>
  );
}

/** The ids in their new order after moving one from `from` to `to`. */
export function moved(ids: string[], from: number, to: number): string[] {
  const next = [...ids];
  const [id] = next.splice(from, 1);
  next.splice(to, 0, id!);
  return next;
}
