/**
 * An event's registrations for its organisers: status chips with counts, ticket type filter,
 * search, the table in arrival order (waitlist order visible), answers in an expandable row,
 * approve / decline (with a reason) / cancel. Paged by "load more" (keyset on arrival order).
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Empty, Input, Modal, Popconfirm, Segmented, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGISTRATION_STATUSES, type RegistrationStatus } from '../../../domain/events/vocabularies';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { eventKeys } from '../../services/events';
import { registrationKeys, registrationsApi, type ActionReply, type Registration, type RegistrationListQuery } from '../../services/registrations';
import { LoadError } from '../States';
import { RegistrationStatusTag } from './RegistrationStatusTag';
import type { EventTabProps } from './types';

const PAGE = 100;
type Filter = RegistrationStatus | 'all';

function answerText(value: unknown, t: (k: string) => string): string {
  if (Array.isArray(value)) return value.join('、');
  if (typeof value === 'boolean') return value ? t('registrations.list.yes') : t('registrations.list.no');
  return String(value ?? '');
}

export function RegistrationsTab({ event }: EventTabProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const [status, setStatus] = useState<Filter>('all');
  const [ticketTypeId, setTicketTypeId] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const [declining, setDeclining] = useState<Registration | null>(null);
  const [reason, setReason] = useState('');

  const query: RegistrationListQuery = { status: status === 'all' ? undefined : status, ticketTypeId, q: search || undefined, limit: PAGE };
  const list = useInfiniteQuery({
    queryKey: registrationKeys.list(event.id, query),
    queryFn: ({ pageParam }) => registrationsApi.list(event.communityId, event.id, query, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const first = list.data?.pages[0];
  const counts = first?.counts;
  const allCount = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : 0;
  const ticketTypes = useQuery({ queryKey: registrationKeys.ticketTypes(event.id), queryFn: () => registrationsApi.ticketTypes(event.communityId, event.id) });
  const labels = new Map(event.registrationQuestions.map((q) => [q.id, q.label]));

  const done = (reply: ActionReply, text: string) => {
    void message.success(text);
    if (reply.promoted.length) void message.info(t('registrations.list.promoted', { names: reply.promoted.map((p) => p.name).join('、') }));
    void queryClient.invalidateQueries({ queryKey: registrationKeys.event(event.id) });
    void queryClient.invalidateQueries({ queryKey: eventKeys.all(event.communityId) });
  };
  const approve = useMutation({
    mutationFn: (r: Registration) => registrationsApi.approve(event.communityId, event.id, r.id, r.version),
    onSuccess: (reply) =>
      done(
        reply,
        reply.registration.status === 'confirmed'
          ? t('registrations.list.approvedConfirmed')
          : t('registrations.list.approvedWaitlisted', { position: reply.registration.waitlistPosition ?? reply.registration.waitlistNo ?? 1 }),
      ),
    onError: (error) => onError(error),
  });
  const decline = useMutation({
    mutationFn: ({ r, why }: { r: Registration; why: string }) => registrationsApi.decline(event.communityId, event.id, r.id, r.version, why.trim() || undefined),
    onSuccess: (reply) => {
      setDeclining(null);
      setReason('');
      done(reply, t('registrations.list.declined'));
    },
    onError: (error) => onError(error),
  });
  const cancel = useMutation({
    mutationFn: (r: Registration) => registrationsApi.cancel(event.communityId, event.id, r.id, r.version),
    onSuccess: (reply) => done(reply, t('registrations.list.cancelled')),
    onError: (error) => onError(error),
  });

  const lang = i18n.language;
  const columns: TableColumnsType<Registration> = [
    { title: t('registrations.list.seq'), key: 'seq', width: 64, render: (_, _r, i) => i + 1 },
    {
      title: t('registrations.list.name'),
      dataIndex: 'name',
      width: 220,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{r.name}</Typography.Text>
          <Typography.Text type="secondary" ellipsis={{ tooltip: r.email }} style={{ maxWidth: 200 }}>
            {r.email}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('registrations.list.organisation'),
      key: 'org',
      width: 240,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.organisationName}</span>
          <Typography.Text type="secondary">{r.jobTitle}</Typography.Text>
        </Space>
      ),
    },
    { title: t('registrations.list.contact'), dataIndex: 'phone', width: 130 },
    { title: t('registrations.list.ticket'), dataIndex: 'ticketTypeName', width: 110 },
    {
      title: t('registrations.list.status'),
      dataIndex: 'status',
      width: 100,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <RegistrationStatusTag status={r.status} />
          {r.checkedInAt && <Typography.Text type="success">{t('registrations.list.checkedIn')}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('registrations.list.waitlist'), dataIndex: 'waitlistPosition', align: 'right', width: 90, render: (v: number | null) => v ?? '' },
    { title: t('registrations.list.code'), dataIndex: 'code', width: 120, render: (v: string, r) => (r.status === 'confirmed' ? <Typography.Text code>{v}</Typography.Text> : '') },
    { title: t('registrations.list.registeredAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v, lang, event.timeZone) },
    {
      title: t('registrations.list.actions'),
      key: 'actions',
      fixed: 'right',
      width: 180,
      render: (_, r) => {
        if (!event.canManage) return null;
        const live = r.status === 'pending' || r.status === 'confirmed' || r.status === 'waitlisted';
        return (
          <Space size={4} wrap>
            {r.status === 'pending' && (
              <>
                <Button size="small" type="primary" loading={approve.isPending && approve.variables?.id === r.id} onClick={() => approve.mutate(r)} data-testid="registrations-approve">
                  {t('registrations.list.approve')}
                </Button>
                <Button size="small" onClick={() => setDeclining(r)} data-testid="registrations-decline">
                  {t('registrations.list.decline')}
                </Button>
              </>
            )}
            {live && (
              <Popconfirm title={t('registrations.list.cancel')} description={<div style={{ maxWidth: 280 }}>{t('registrations.list.cancelConfirm', { name: r.name })}</div>} onConfirm={() => cancel.mutateAsync(r).catch(() => undefined)}>
                <Button size="small" danger data-testid="registrations-cancel">
                  {t('registrations.list.cancel')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        );
      },
    },
  ];

  const chips = [
    { value: 'all' as Filter, label: `${t('registrations.list.all')} ${allCount}` },
    ...REGISTRATION_STATUSES.map((s) => ({ value: s as Filter, label: `${t(`registrations.status.${s}`)} ${counts?.[s] ?? 0}` })),
  ];

  return (
    <Card variant="borderless" data-testid="registrations-tab">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Segmented<Filter> options={chips} value={status} onChange={(v) => setStatus(v)} data-testid="registrations-status-filter" style={{ maxWidth: '100%', overflowX: 'auto' }} />
        <Space wrap>
          <Input.Search allowClear placeholder={t('registrations.list.search')} onSearch={(v) => setSearch(v.trim())} style={{ width: 320, maxWidth: '100%' }} maxLength={100} data-testid="registrations-search" />
          <Select
            allowClear
            placeholder={t('registrations.list.allTickets')}
            value={ticketTypeId}
            onChange={(v) => setTicketTypeId(v)}
            style={{ minWidth: 180 }}
            options={(ticketTypes.data ?? []).map((tt) => ({ value: tt.id, label: tt.name }))}
            data-testid="registrations-ticket-filter"
          />
        </Space>
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Registration>
            rowKey="id"
            size="middle"
            loading={list.isPending}
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 1500 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registrations.list.empty')} /> }}
            expandable={{
              expandedRowRender: (r) => {
                const entries = Object.entries(r.answers);
                return (
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    {r.declineReason && <Typography.Text type="danger">{t('registrations.list.declineReasonShown', { reason: r.declineReason })}</Typography.Text>}
                    {entries.length === 0 ? (
                      <Typography.Text type="secondary">{t('registrations.list.noAnswers')}</Typography.Text>
                    ) : (
                      <Descriptions size="small" column={1} title={t('registrations.list.answers')}>
                        {entries.map(([id, value]) => (
                          <Descriptions.Item key={id} label={labels.get(id) ?? id}>
                            {answerText(value, t)}
                          </Descriptions.Item>
                        ))}
                      </Descriptions>
                    )}
                  </Space>
                );
              },
            }}
            data-testid="registrations-table"
          />
        )}
        <Space>
          {first && <Typography.Text type="secondary">{t('registrations.list.shown', { shown: rows.length, total: first.total })}</Typography.Text>}
          {list.hasNextPage && (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="registrations-load-more">
              {t('registrations.list.loadMore')}
            </Button>
          )}
        </Space>
      </Space>
      <Modal
        open={declining !== null}
        title={declining ? t('registrations.list.declineTitle', { name: declining.name }) : ''}
        onCancel={() => setDeclining(null)}
        onOk={() => declining && decline.mutate({ r: declining, why: reason })}
        confirmLoading={decline.isPending}
        okButtonProps={{ danger: true, 'data-testid': 'registrations-decline-confirm' } as never}
        okText={t('registrations.list.decline')}
      >
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} showCount autoSize={{ minRows: 3 }} placeholder={t('registrations.list.declineReason')} data-testid="registrations-decline-reason" />
      </Modal>
    </Card>
  );
}
