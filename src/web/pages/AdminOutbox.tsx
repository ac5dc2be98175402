import { EyeOutlined, RedoOutlined, ReloadOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Grid, Input, List, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmailPreviewDrawer } from '../components/messages/EmailPreviewDrawer';
import { languageName, MessageSummary } from '../components/messages/MessageSummary';
import { MessageStatusTag } from '../components/messages/MessageStatusTag';
import { PageHeader } from '../components/PageHeader';
import { LoadError } from '../components/States';
import { useApiErrorHandler } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { EMAIL_TEMPLATE_NAMES, messageKeys, messagesApi, OUTBOX_STATUSES, type MessageFilters, type OutboxMessage } from '../services/messages';

/** The platform's message log: every e-mail, its status, a preview of what it says, and retry for failed ones. */
export function AdminOutboxPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const isMobile = Grid.useBreakpoint().md === false;
  const [filters, setFilters] = useState<MessageFilters>({});
  const [recipientInput, setRecipientInput] = useState('');
  const [previewId, setPreviewId] = useState<number | null>(null);

  const outbox = useInfiniteQuery({
    queryKey: messageKeys.outbox(filters),
    queryFn: ({ pageParam }) => messagesApi.outbox(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = useMemo(() => outbox.data?.pages.flatMap((p) => p.items) ?? [], [outbox.data]);
  const smtpConfigured = outbox.data?.pages[0]?.smtpConfigured ?? true;
  const filtered = Boolean(filters.status || filters.template || filters.recipient);
  const previewed = rows.find((m) => m.id === previewId) ?? null;

  const retry = useMutation({
    mutationFn: (id: number) => messagesApi.retry(id),
    onSuccess: () => {
      void message.success(t('messages.retried'));
      void queryClient.invalidateQueries({ queryKey: messageKeys.outboxAll });
    },
    onError: (error) => onError(error),
  });

  const templateLabel = (name: string) => t(`messages.templates.${name}`, { defaultValue: name });
  const statusTag = (m: OutboxMessage) => <MessageStatusTag status={m.status} smtpConfigured={smtpConfigured} lastError={m.lastError} attempts={m.attempts} />;
  const retryButton = (m: OutboxMessage, block = false) =>
    m.status === 'failed' ? (
      <Popconfirm title={t('messages.retryConfirm')} onConfirm={() => retry.mutateAsync(m.id).catch(() => undefined)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
        <Button size={block ? 'middle' : 'small'} icon={<RedoOutlined />} loading={retry.isPending && retry.variables === m.id} data-testid={`messages-retry-${m.id}`}>
          {t('messages.retry')}
        </Button>
      </Popconfirm>
    ) : null;
  const previewButton = (m: OutboxMessage) => (
    <Button size="small" icon={<EyeOutlined />} onClick={() => setPreviewId(m.id)} data-testid={`messages-preview-${m.id}`}>
      {t('messages.preview')}
    </Button>
  );

  const columns: TableColumnsType<OutboxMessage> = [
    { title: t('messages.columns.createdAt'), dataIndex: 'createdAt', key: 'createdAt', width: 160, render: (v: string) => formatDateTime(v, i18n.language) },
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
    {
      title: t('messages.columns.status'),
      key: 'status',
      render: (_, m) => (
        <Space orientation="vertical" size={0}>
          {statusTag(m)}
          {m.sentAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(m.sentAt, i18n.language)}</Typography.Text>}
          {m.status === 'pending' && m.attempts > 0 && m.nextAttemptAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('messages.nextAttempt', { at: formatDateTime(m.nextAttemptAt, i18n.language) })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('messages.columns.attempts'), dataIndex: 'attempts', key: 'attempts', width: 90, responsive: ['lg'] },
    {
      title: t('messages.columns.actions'),
      key: 'actions',
      width: 200,
      render: (_, m) => (
        <Space>
          {previewButton(m)}
          {retryButton(m)}
        </Space>
      ),
    },
  ];

  const applyRecipient = (value: string) => setFilters((f) => ({ ...f, recipient: value.trim() || undefined }));
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(filtered ? 'messages.emptyFiltered' : 'messages.empty')} />;

  return (
    <div data-testid="admin-outbox-page">
      <PageHeader
        title={t('messages.adminTitle')}
        subtitle={t('messages.adminSubtitle')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void queryClient.invalidateQueries({ queryKey: messageKeys.outboxAll })} data-testid="messages-refresh">
            {t('common.refresh')}
          </Button>
        }
      />
      {!smtpConfigured && <Alert type="warning" showIcon title={t('messages.smtpNotConfigured')} style={{ marginBottom: 16 }} data-testid="messages-smtp-off" />}
      <Card variant="borderless">
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
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('messages.filters.allTemplates')}
            aria-label={t('messages.filters.template')}
            value={filters.template}
            onChange={(template) => setFilters((f) => ({ ...f, template }))}
            options={EMAIL_TEMPLATE_NAMES.map((name) => ({ value: name, label: templateLabel(name) }))}
            style={{ minWidth: 180 }}
            data-testid="messages-filter-template"
          />
          <Input.Search
            allowClear
            placeholder={t('messages.filters.recipient')}
            value={recipientInput}
            maxLength={254}
            onChange={(e) => {
              setRecipientInput(e.target.value);
              if (!e.target.value) applyRecipient('');
            }}
            onSearch={applyRecipient}
            enterButton={t('messages.filters.apply')}
            style={{ width: isMobile ? '100%' : 300 }}
            data-testid="messages-filter-recipient"
          />
          {filtered && (
            <Button
              onClick={() => {
                setFilters({});
                setRecipientInput('');
              }}
              data-testid="messages-filter-clear"
            >
              {t('messages.filters.clear')}
            </Button>
          )}
        </div>
        {outbox.error && rows.length === 0 ? (
          <LoadError error={outbox.error} onRetry={() => void outbox.refetch()} />
        ) : isMobile ? (
          <List<OutboxMessage>
            loading={outbox.isPending}
            dataSource={rows}
            locale={{ emptyText: empty }}
            data-testid="outbox-list"
            renderItem={(m) => (
              <List.Item key={m.id} actions={[previewButton(m), retryButton(m, true)].filter(Boolean)}>
                <List.Item.Meta
                  title={
                    <Space wrap size={4}>
                      {statusTag(m)}
                      <Tag color="blue">{templateLabel(m.template)}</Tag>
                    </Space>
                  }
                  description={
                    <MessageSummary subject={m.subject} recipient={m.recipient} when={formatDateTime(m.createdAt, i18n.language)} locale={m.locale} />
                  }
                />
              </List.Item>
            )}
          />
        ) : (
          <Table<OutboxMessage>
            rowKey={(m) => String(m.id)}
            columns={columns}
            dataSource={rows}
            loading={outbox.isPending}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: empty }}
            data-testid="outbox-table"
          />
        )}
        {outbox.hasNextPage && (
          <div className="bb-pager" style={{ justifyContent: 'center' }}>
            <Button onClick={() => void outbox.fetchNextPage()} loading={outbox.isFetchingNextPage} data-testid="messages-load-more">
              {t('messages.loadMore')}
            </Button>
          </div>
        )}
      </Card>
      <EmailPreviewDrawer
        messageId={previewId}
        queryKey={messageKeys.outboxAll}
        load={messagesApi.outboxPreview}
        onClose={() => setPreviewId(null)}
        extra={
          previewed && (
            <Space wrap>
              {statusTag(previewed)}
              {previewed.lastError && (
                <Typography.Text type="secondary" data-testid="messages-preview-error">
                  {t('messages.lastError')}: {previewed.lastError}
                </Typography.Text>
              )}
              {retryButton(previewed, true)}
            </Space>
          )
        }
      />
    </div>
  );
}
