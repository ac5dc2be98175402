import { EyeOutlined, ReloadOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Empty, Grid, List, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { EVENT_EMAIL_TEMPLATE_NAMES, messageKeys, messagesApi, OUTBOX_STATUSES, type EventMessage, type MessageFilters } from '../../services/messages';
import { EmailPreviewDrawer } from '../messages/EmailPreviewDrawer';
import { languageName, MessageSummary } from '../messages/MessageSummary';
import { MessageStatusTag } from '../messages/MessageStatusTag';
import { LoadError } from '../States';
import type { EventTabProps } from './types';

/** The e-mails sent about this event, for its organisers: who got what, in which language, and whether it left. */
export function MessagesTab({ event }: EventTabProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const isMobile = Grid.useBreakpoint().md === false;
  const [filters, setFilters] = useState<MessageFilters>({});
  const [previewId, setPreviewId] = useState<number | null>(null);

  const messages = useInfiniteQuery({
    queryKey: messageKeys.event(event.id, filters),
    queryFn: ({ pageParam }) => messagesApi.eventMessages(event.communityId, event.id, filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = useMemo(() => messages.data?.pages.flatMap((p) => p.items) ?? [], [messages.data]);
  const smtpConfigured = messages.data?.pages[0]?.smtpConfigured ?? true;
  const filtered = Boolean(filters.status || filters.template);

  const templateLabel = (name: string) => t(`messages.templates.${name}`, { defaultValue: name });
  const dateTime = (v: string) => formatDateTime(v, i18n.language, event.timeZone);
  const statusTag = (m: EventMessage) => <MessageStatusTag status={m.status} smtpConfigured={smtpConfigured} lastError={m.lastError} attempts={m.attempts} />;
  const previewButton = (m: EventMessage) => (
    <Button size="small" icon={<EyeOutlined />} onClick={() => setPreviewId(m.id)} data-testid={`messages-preview-${m.id}`}>
      {t('messages.preview')}
    </Button>
  );

  const columns: TableColumnsType<EventMessage> = [
    { title: t('messages.columns.createdAt'), dataIndex: 'createdAt', key: 'createdAt', width: 160, render: dateTime },
    { title: t('messages.columns.recipient'), dataIndex: 'recipient', key: 'recipient' },
    { title: t('messages.columns.template'), dataIndex: 'template', key: 'template', render: (v: string) => <Tag color="blue">{templateLabel(v)}</Tag> },
    {
      title: t('messages.columns.subject'),
      dataIndex: 'subject',
      key: 'subject',
      ellipsis: true,
      render: (v: string | null) => (v === null ? <Typography.Text type="secondary">—</Typography.Text> : v),
    },
    { title: t('messages.columns.locale'), dataIndex: 'locale', key: 'locale', responsive: ['lg'], render: languageName },
    { title: t('messages.columns.status'), key: 'status', render: (_, m) => statusTag(m) },
    { title: t('messages.columns.attempts'), dataIndex: 'attempts', key: 'attempts', width: 90, responsive: ['lg'] },
    { title: t('messages.columns.sentAt'), dataIndex: 'sentAt', key: 'sentAt', width: 160, render: (v: string | null) => (v ? dateTime(v) : '—') },
    { title: t('messages.columns.actions'), key: 'actions', width: 110, render: (_, m) => previewButton(m) },
  ];

  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(filtered ? 'messages.emptyFiltered' : 'messages.empty')} />;

  return (
    <div data-testid="messages-tab">
      <Typography.Paragraph type="secondary">{t('messages.tabSubtitle')}</Typography.Paragraph>
      {!smtpConfigured && <Alert type="warning" showIcon title={t('messages.smtpNotConfigured')} style={{ marginBottom: 16 }} data-testid="messages-smtp-off" />}
      <div className="bb-filters">
        <Select
          allowClear
          placeholder={t('messages.filters.allStatuses')}
          aria-label={t('messages.filters.status')}
          value={filters.status}
          onChange={(status) => setFilters((f) => ({ ...f, status }))}
          options={OUTBOX_STATUSES.map((s) => ({ value: s, label: t(`messages.status.${s}`) }))}
          style={{ minWidth: 140 }}
          data-testid="messages-filter-status"
        />
        <Select
          allowClear
          placeholder={t('messages.filters.allTemplates')}
          aria-label={t('messages.filters.template')}
          value={filters.template}
          onChange={(template) => setFilters((f) => ({ ...f, template }))}
          options={EVENT_EMAIL_TEMPLATE_NAMES.map((name) => ({ value: name, label: templateLabel(name) }))}
          style={{ minWidth: 180 }}
          data-testid="messages-filter-template"
        />
        {filtered && (
          <Button onClick={() => setFilters({})} data-testid="messages-filter-clear">
            {t('messages.filters.clear')}
          </Button>
        )}
        <Button icon={<ReloadOutlined />} onClick={() => void queryClient.invalidateQueries({ queryKey: messageKeys.eventAll(event.id) })} data-testid="messages-refresh">
          {t('common.refresh')}
        </Button>
      </div>
      {messages.error && rows.length === 0 ? (
        <LoadError error={messages.error} onRetry={() => void messages.refetch()} />
      ) : isMobile ? (
        <List<EventMessage>
          loading={messages.isPending}
          dataSource={rows}
          locale={{ emptyText: empty }}
          data-testid="messages-list"
          renderItem={(m) => (
            <List.Item key={m.id} actions={[previewButton(m)]}>
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    {statusTag(m)}
                    <Tag color="blue">{templateLabel(m.template)}</Tag>
                  </Space>
                }
                description={
                  <MessageSummary subject={m.subject} recipient={m.recipient} when={dateTime(m.sentAt ?? m.createdAt)} locale={m.locale} />
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Table<EventMessage>
          rowKey={(m) => String(m.id)}
          columns={columns}
          dataSource={rows}
          loading={messages.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: empty }}
          data-testid="messages-table"
        />
      )}
      {messages.hasNextPage && (
        <div className="bb-pager" style={{ justifyContent: 'center' }}>
          <Button onClick={() => void messages.fetchNextPage()} loading={messages.isFetchingNextPage} data-testid="messages-load-more">
            {t('messages.loadMore')}
          </Button>
        </div>
      )}
      <EmailPreviewDrawer
        messageId={previewId}
        queryKey={messageKeys.eventAll(event.id)}
        load={(id) => messagesApi.eventPreview(event.communityId, event.id, id)}
        onClose={() => setPreviewId(null)}
      />
    </div>
  );
}
