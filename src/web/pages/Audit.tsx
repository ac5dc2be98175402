import { DownOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Descriptions, Drawer, Empty, Grid, Select, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api, withQuery } from '../services/api';
import type { AuditEntry, AuditPage as AuditPageData } from '../services/types';
import { isMembershipRole } from '../../domain/roles';
import { LANGUAGE_NAMES } from '../components/LanguageSwitch';
import { PageHeader } from '../components/PageHeader';
import { RoleTag } from '../components/RoleTag';
import { LoadError } from '../components/States';
import { isLanguage } from '../i18n';
import { useCommunity } from '../lib/community';
import { formatDateTime, localName, zoneOffsetLabel } from '../lib/format';

const PAGE_SIZE = 30;

export const ENTITY_TYPES = ['community', 'membership', 'invitation', 'user'] as const;
export const KNOWN_ACTIONS = [
  'community.created',
  'community.updated',
  'membership.created',
  'membership.role_changed',
  'membership.removed',
  'invitation.created',
  'invitation.accepted',
  'invitation.revoked',
  'user.created',
  'user.updated',
  'user.password_changed',
  'user.password_reset',
  'user.password_reset_requested',
  'user.signed_in',
  'user.signed_out',
  'user.locked',
] as const;

export function actionLabel(t: TFunction, action: string): string {
  return t(`audit.actions.${action}`, { defaultValue: action });
}

function entityLabel(t: TFunction, type: string): string {
  return t(`audit.entities.${type}`, { defaultValue: type });
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function roleName(t: TFunction, value: unknown): string | null {
  return typeof value === 'string' && isMembershipRole(value) ? t(`roles.${value}`) : null;
}

/** One line saying what the entry is about: who or what (as called at the time), which role, which name. */
export function summarise(t: TFunction, entry: AuditEntry): string {
  const c = entry.changes;
  const label = text(entry.entityLabel);
  const parts: string[] = label ? [label] : [];
  const email = text(c.email?.after) ?? text(c.email?.before);
  if (email && email !== label) parts.push(email);
  const name = text(c.displayName?.after) ?? text(c.nameZhHans?.after);
  if (name && name !== label) parts.push(name);
  if (c.role) {
    const before = roleName(t, c.role.before);
    const after = roleName(t, c.role.after);
    if (before && after) parts.push(`${before} → ${after}`);
    else if (after ?? before) parts.push((after ?? before) as string);
  }
  return parts.join(' · ');
}

const ACTION_COLORS: Record<string, string> = { created: 'green', updated: 'blue', role_changed: 'geekblue', removed: 'red', revoked: 'orange', accepted: 'cyan' };

export function actionColor(action: string): string {
  const verb = action.split('.').pop() ?? '';
  return ACTION_COLORS[verb] ?? 'default';
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function Value({ field, value, timeZone }: { field: string; value: unknown; timeZone: string }) {
  const { t, i18n } = useTranslation();
  if (value === null || value === undefined || value === '') return <Typography.Text type="secondary">{t('audit.empty')}</Typography.Text>;
  if (field === 'role' && typeof value === 'string' && isMembershipRole(value)) return <RoleTag role={value} />;
  if (field === 'locale' && typeof value === 'string' && isLanguage(value)) return <>{LANGUAGE_NAMES[value]}</>;
  if (typeof value === 'string' && ISO_TIME.test(value)) return <>{formatDateTime(value, i18n.language, timeZone)}</>;
  if (typeof value === 'boolean') return <>{value ? t('common.yes') : t('common.no')}</>;
  if (typeof value === 'object') return <code className="bb-mono">{JSON.stringify(value)}</code>;
  return <>{String(value)}</>;
}

function Changes({ entry, timeZone }: { entry: AuditEntry; timeZone: string }) {
  const { t } = useTranslation();
  const fields = Object.entries(entry.changes);
  return (
    <div data-testid="audit-changes" style={{ padding: '4px 0' }}>
      {fields.length === 0 ? (
        <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>
      ) : (
        <table className="bb-changes">
          <thead>
            <tr>
              <th style={{ width: '24%' }}>{t('audit.field')}</th>
              <th style={{ width: '38%' }}>{t('audit.before')}</th>
              <th style={{ width: '38%' }}>{t('audit.after')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map(([field, change]) => (
              <tr key={field}>
                <td>
                  {t(`audit.fields.${field}`, { defaultValue: field })}
                  <div className="bb-mono" style={{ color: 'rgba(0,0,0,0.4)' }}>
                    {field}
                  </div>
                </td>
                <td className={change.before === null ? undefined : 'bb-before'}>
                  <Value field={field} value={change.before} timeZone={timeZone} />
                </td>
                <td className={change.after === null ? undefined : 'bb-after'}>
                  <Value field={field} value={change.after} timeZone={timeZone} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Space size={16} wrap style={{ marginTop: 10, fontSize: 12 }}>
        <Typography.Text type="secondary">
          {t('audit.entityId')}: <span className="bb-mono">{entry.entityId}</span>
        </Typography.Text>
        {entry.requestId && (
          <Typography.Text type="secondary">
            {t('audit.requestId')}: <span className="bb-mono">{entry.requestId}</span>
          </Typography.Text>
        )}
      </Space>
    </div>
  );
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const queryClient = useQueryClient();
  const tz = community.timeZone;
  const [entityType, setEntityType] = useState<string | undefined>();
  const [action, setAction] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [openEntry, setOpenEntry] = useState<AuditEntry | null>(null);
  const isMobile = Grid.useBreakpoint().md === false;

  const from = range?.[0] ? dayjs.tz(range[0].format('YYYY-MM-DD'), tz).startOf('day').toISOString() : undefined;
  const to = range?.[1] ? dayjs.tz(range[1].format('YYYY-MM-DD'), tz).endOf('day').toISOString() : undefined;

  const audit = useInfiniteQuery({
    queryKey: ['audit', community.id, entityType ?? '', action ?? '', from ?? '', to ?? ''],
    queryFn: ({ pageParam }) =>
      api.get<AuditPageData>(withQuery(`/api/communities/${community.id}/audit`, { entityType, action, from, to, limit: PAGE_SIZE, cursor: pageParam })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  const rows = useMemo(() => audit.data?.pages.flatMap((p) => p.items) ?? [], [audit.data]);
  const actionOptions = useMemo(() => {
    const seen = new Set<string>(KNOWN_ACTIONS.filter((a) => !entityType || a.startsWith(`${entityType}.`)));
    for (const r of rows) if (!entityType || r.entityType === entityType) seen.add(r.action);
    return [...seen].map((a) => ({ value: a, label: actionLabel(t, a) }));
  }, [rows, entityType, t]);

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.columns.at'),
      dataIndex: 'at',
      key: 'at',
      width: 180,
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v, i18n.language, tz)}</span>,
    },
    {
      title: t('audit.columns.actor'),
      key: 'actor',
      width: 130,
      render: (_, e) =>
        e.actor ? (
          <Tooltip title={e.actor.email}>
            <span>{e.actor.displayName}</span>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
        ),
    },
    {
      title: t('audit.columns.action'),
      dataIndex: 'action',
      key: 'action',
      width: 190,
      render: (a: string) => (
        <Tag color={actionColor(a)} data-testid="audit-action">
          {actionLabel(t, a)}
        </Tag>
      ),
    },
    {
      title: t('audit.columns.entity'),
      key: 'entity',
      width: 120,
      render: (_, e) => entityLabel(t, e.entityType),
    },
    {
      title: t('audit.columns.summary'),
      key: 'summary',
      render: (_, e) => {
        const keys = Object.keys(e.changes);
        const headline = summarise(t, e);
        const names = keys.slice(0, 3).map((k) => t(`audit.fields.${k}`, { defaultValue: k }));
        return (
          <div style={{ minWidth: 0 }}>
            {headline && (
              <div data-testid="audit-summary" style={{ wordBreak: 'break-word' }}>
                {headline}
              </div>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {keys.length === 0 ? '—' : names.join(i18n.language === 'en' ? ', ' : '、')}
              {keys.length > 3 ? t('audit.more', { count: keys.length - 3 }) : ''}
            </Typography.Text>
          </div>
        );
      },
    },
  ];

  return (
    <div data-testid="audit-page">
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle', { community: localName(community, i18n.language), zone: `${tz} ${zoneOffsetLabel(tz)}` })}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void queryClient.invalidateQueries({ queryKey: ['audit', community.id] })}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Card variant="borderless">
        <div className="bb-filters">
          <Select
            allowClear
            placeholder={t('audit.filters.entityType')}
            style={{ width: 180 }}
            value={entityType}
            onChange={(v?: string) => {
              setEntityType(v);
              setAction(undefined);
            }}
            options={ENTITY_TYPES.map((e) => ({ value: e, label: entityLabel(t, e) }))}
            data-testid="audit-filter-entity"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.filters.action')}
            style={{ width: 220 }}
            value={action}
            onChange={(v?: string) => setAction(v)}
            options={actionOptions}
            data-testid="audit-filter-action"
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(v) => setRange(v)}
            allowEmpty={[true, true]}
            placeholder={[t('audit.filters.from'), t('audit.filters.to')]}
            data-testid="audit-filter-range"
          />
        </div>
        {audit.error && rows.length === 0 ? (
          <LoadError error={audit.error} onRetry={() => void audit.refetch()} />
        ) : (
          <>
            {isMobile ? (
              <Spin spinning={audit.isPending || (audit.isFetching && !audit.isFetchingNextPage)}>
                <div className="bb-mlist" data-testid="audit-list">
                  {rows.length === 0 && !audit.isFetching && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.emptyList')} />}
                  {rows.map((e) => (
                    <div
                      className="bb-mlist-item is-clickable"
                      key={e.id}
                      role="button"
                      tabIndex={0}
                      onClick={() => setOpenEntry(e)}
                      onKeyDown={(ev) => (ev.key === 'Enter' || ev.key === ' ') && setOpenEntry(e)}
                    >
                      <div className="bb-mlist-head">
                        <Tag color={actionColor(e.action)} data-testid="audit-action">
                          {actionLabel(t, e.action)}
                        </Tag>
                        <span style={{ flex: 1, minWidth: 0 }}>{entityLabel(t, e.entityType)}</span>
                        <RightOutlined style={{ color: 'rgba(0,0,0,0.3)' }} />
                      </div>
                      {summarise(t, e) && <div style={{ marginTop: 6, wordBreak: 'break-all' }}>{summarise(t, e)}</div>}
                      <div className="bb-mlist-meta">
                        <span>{formatDateTime(e.at, i18n.language, tz)}</span>
                        <span>{e.actor ? e.actor.displayName : t('audit.system')}</span>
                      </div>
                    </div>
                  ))}
                </div>
              </Spin>
            ) : (
              <Table<AuditEntry>
                rowKey="id"
                columns={columns}
                dataSource={rows}
                loading={audit.isPending || (audit.isFetching && !audit.isFetchingNextPage)}
                pagination={false}
                tableLayout="fixed"
                scroll={{ x: 920 }}
                expandable={{
                  expandedRowRender: (entry) => <Changes entry={entry} timeZone={tz} />,
                  expandRowByClick: true,
                  expandIcon: ({ expanded, onExpand, record }) => (
                    <Button
                      type="text"
                      size="small"
                      aria-label={t('audit.details')}
                      icon={expanded ? <DownOutlined /> : <RightOutlined />}
                      onClick={(e) => onExpand(record, e)}
                    />
                  ),
                }}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.emptyList')} /> }}
                data-testid="audit-table"
              />
            )}
            <div className="bb-pager" style={{ justifyContent: 'center' }}>
              {audit.hasNextPage ? (
                <Button onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage} data-testid="audit-load-more">
                  {t('audit.loadMore')}
                </Button>
              ) : (
                rows.length > 0 && <Typography.Text type="secondary">{t('audit.end', { count: rows.length })}</Typography.Text>
              )}
            </div>
          </>
        )}
      </Card>
      <Drawer
        open={openEntry !== null}
        onClose={() => setOpenEntry(null)}
        placement="bottom"
        size="80%"
        title={openEntry ? actionLabel(t, openEntry.action) : ''}
        data-testid="audit-drawer"
      >
        {openEntry && (
          <>
            <Descriptions
              column={1}
              size="small"
              style={{ marginBottom: 12 }}
              items={[
                { key: 'at', label: t('audit.columns.at'), children: formatDateTime(openEntry.at, i18n.language, tz) },
                { key: 'actor', label: t('audit.columns.actor'), children: openEntry.actor ? `${openEntry.actor.displayName} (${openEntry.actor.email})` : t('audit.system') },
                { key: 'entity', label: t('audit.columns.entity'), children: entityLabel(t, openEntry.entityType) },
              ]}
            />
            <Changes entry={openEntry} timeZone={tz} />
          </>
        )}
      </Drawer>
    </div>
  );
}
