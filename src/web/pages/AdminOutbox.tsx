import { ReloadOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Empty, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../services/api';
import type { OutboxMessage, OutboxPage } from '../services/types';
import { CopyLink } from '../components/CopyLink';
import { LANGUAGE_NAMES } from '../components/LanguageSwitch';
import { PageHeader } from '../components/PageHeader';
import { LoadError } from '../components/States';
import { isLanguage } from '../i18n';
import { formatDateTime } from '../lib/format';

/** Any link-looking string in the payload, so an admin can follow it in the demo. */
function findLink(payload: Record<string, unknown> | null): string | null {
  if (!payload) return null;
  for (const key of ['link', 'url', 'resetLink', 'inviteLink']) {
    const value = payload[key];
    if (typeof value === 'string') return value;
  }
  for (const value of Object.values(payload)) {
    if (typeof value === 'string' && /\/(invite|reset-password)\/[^/\s]+$/.test(value)) return value;
  }
  return null;
}

export function AdminOutboxPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const outbox = useInfiniteQuery({
    queryKey: ['outbox'],
    queryFn: ({ pageParam }) => api.get<OutboxPage>(withQuery('/api/admin/outbox', { limit: 50, cursor: pageParam })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = useMemo(() => outbox.data?.pages.flatMap((p) => p.items) ?? [], [outbox.data]);

  const columns: TableColumnsType<OutboxMessage> = [
    { title: t('outbox.columns.createdAt'), dataIndex: 'createdAt', key: 'createdAt', width: 170, render: (v: string) => formatDateTime(v, i18n.language) },
    { title: t('outbox.columns.recipient'), dataIndex: 'recipient', key: 'recipient' },
    {
      title: t('outbox.columns.template'),
      dataIndex: 'template',
      key: 'template',
      render: (v: string) => <Tag color="blue">{t(`outbox.templates.${v}`, { defaultValue: v })}</Tag>,
    },
    { title: t('outbox.columns.locale'), dataIndex: 'locale', key: 'locale', responsive: ['md'], render: (v: string) => (isLanguage(v) ? LANGUAGE_NAMES[v] : v) },
    {
      title: t('outbox.columns.status'),
      dataIndex: 'sentAt',
      key: 'status',
      render: (v: string | null) =>
        v ? <Badge status="success" text={t('outbox.sent', { at: formatDateTime(v, i18n.language) })} /> : <Badge status="processing" text={t('outbox.queued')} />,
    },
  ];

  return (
    <div data-testid="admin-outbox-page">
      <PageHeader
        title={t('outbox.title')}
        subtitle={t('outbox.subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void queryClient.invalidateQueries({ queryKey: ['outbox'] })}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Card variant="borderless">
        {outbox.error && rows.length === 0 ? (
          <LoadError error={outbox.error} onRetry={() => void outbox.refetch()} />
        ) : (
          <>
            <Table<OutboxMessage>
              rowKey={(m) => String(m.id)}
              columns={columns}
              dataSource={rows}
              loading={outbox.isPending}
              pagination={false}
              scroll={{ x: 'max-content' }}
              expandable={{
                expandRowByClick: true,
                expandedRowRender: (m) => {
                  const link = findLink(m.payload);
                  return (
                    <div style={{ display: 'grid', gap: 12 }}>
                      {link && (
                        <div>
                          <Typography.Text type="secondary">{t('outbox.link')}</Typography.Text>
                          <CopyLink link={link} testId="outbox-link" />
                        </div>
                      )}
                      <pre className="bb-payload">{JSON.stringify(m.payload, null, 2)}</pre>
                    </div>
                  );
                },
              }}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('outbox.empty')} /> }}
              data-testid="outbox-table"
            />
            {outbox.hasNextPage && (
              <div className="bb-pager" style={{ justifyContent: 'center' }}>
                <Button onClick={() => void outbox.fetchNextPage()} loading={outbox.isFetchingNextPage}>
                  {t('audit.loadMore')}
                </Button>
              </div>
            )}
          </>
        )}
      </Card>
    </div>
  );
}
