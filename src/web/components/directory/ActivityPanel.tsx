import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Empty, Skeleton, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityType } from '../../../domain/directory';
import { useCommunity } from '../../lib/community';
import { formatDateTime } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import { directoryApi, directoryKeys } from '../../services/directory';
import type { AuditEntry } from '../../services/types';
import { LoadError } from '../States';

const VERB_COLORS: Record<string, string> = { created: 'green', updated: 'blue', deleted: 'red', removed: 'red', erased: 'red', imported: 'cyan' };

/** "创建机构", "修改项目" …: the directory's own labels, then the audit page's, then the code. */
export function activityLabel(t: TFunction, action: string): string {
  return t(`dirActivity.actions.${action}`, { defaultValue: t(`audit.actions.${action}`, { defaultValue: action }) });
}

function fieldLabel(t: TFunction, field: string): string {
  return t(`dir.fields.${field}`, { defaultValue: t(`audit.fields.${field}`, { defaultValue: field }) });
}

/** A changed value in a few words: money in 万元, lists joined, long text cut. */
function shortValue(t: TFunction, field: string, value: unknown, lang: string): string {
  if (value === null || value === undefined || value === '') return t('dirActivity.emptyValue');
  if (typeof value === 'number' && field.endsWith('Fen')) return formatMoney(value, lang);
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (Array.isArray(value)) return value.length === 0 ? t('dirActivity.emptyValue') : value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function Changes({ entry }: { entry: AuditEntry }) {
  const { t, i18n } = useTranslation();
  const fields = Object.entries(entry.changes).filter(([f]) => f !== 'version' && f !== 'updatedAt' && f !== 'searchText');
  if (fields.length === 0 || entry.action.endsWith('.created')) return null;
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 18, color: 'rgba(0,0,0,0.65)', fontSize: 13 }}>
      {fields.slice(0, 6).map(([field, change]) => (
        <li key={field} style={{ wordBreak: 'break-word' }}>
          {fieldLabel(t, field)}: <span className="bb-before">{shortValue(t, field, change.before, i18n.language)}</span> →{' '}
          <span className="bb-after">{shortValue(t, field, change.after, i18n.language)}</span>
        </li>
      ))}
      {fields.length > 6 && <li>{t('dirActivity.more', { count: fields.length - 6 })}</li>}
    </ul>
  );
}

/** The record's audit trail, newest first, in keyset pages. */
export function ActivityPanel({ type, id }: { type: EntityType; id: string }) {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const activity = useInfiniteQuery({
    queryKey: directoryKeys.activity(type, id),
    queryFn: ({ pageParam }) => directoryApi.activity(type, id, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const entries = useMemo(() => activity.data?.pages.flatMap((p) => p.items) ?? [], [activity.data]);

  if (activity.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (activity.error && entries.length === 0) return <LoadError error={activity.error} onRetry={() => void activity.refetch()} />;
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dirActivity.none')} />;
  return (
    <div data-testid="activity-panel">
      <Timeline
        style={{ marginTop: 8 }}
        items={entries.map((e) => ({
          key: e.id,
          color: VERB_COLORS[e.action.split('.').pop() ?? ''] ?? 'gray',
          content: (
            <div>
              <div>
                <strong>{e.actor ? e.actor.displayName : t('dirActivity.system')}</strong> · {activityLabel(t, e.action)}
                {e.entityLabel && <Typography.Text type="secondary"> · {e.entityLabel}</Typography.Text>}
              </div>
              <Changes entry={e} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(e.at, i18n.language, community.timeZone)}
              </Typography.Text>
            </div>
          ),
        }))}
      />
      {activity.hasNextPage && (
        <div style={{ textAlign: 'center' }}>
          <Button onClick={() => void activity.fetchNextPage()} loading={activity.isFetchingNextPage}>
            {t('dirActivity.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}
