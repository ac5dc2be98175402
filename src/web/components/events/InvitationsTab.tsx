/**
 * Personal invitations of an event: who was invited, to which ticket type, whether they have
 * registered (and checked in), with resend and revoke; "Invite" opens the drawer. A table on
 * wide screens, cards on a phone.
 */
import { MailOutlined, StopOutlined, UserAddOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Grid, Input, List, Popconfirm, Segmented, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationStatus } from '../../../domain/events/vocabularies';
import { LoadError } from '../States';
import { useCommunity } from '../../lib/community';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { doorKeys, eventDoorApi, type Invitation } from '../../services/eventDoor';
import { InvitationDrawer } from './InvitationDrawer';
import type { EventTabProps } from './types';

const STATUS_COLOURS: Record<InvitationStatus, string> = { sent: 'blue', registered: 'green', revoked: 'default' };

function RegistrationTag({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  const r = invitation.registration;
  if (!r) return <Typography.Text type="secondary">{t('eventDoor.invitations.notRegistered')}</Typography.Text>;
  if (r.checkedInAt) return <Tag color="green">{t('eventDoor.invitations.checkedIn')}</Tag>;
  return <Tag color={r.status === 'confirmed' ? 'cyan' : r.status === 'cancelled' || r.status === 'declined' ? 'default' : 'gold'}>{t(`eventDoor.statuses.${r.status}`)}</Tag>;
}

export function InvitationsTab({ event }: EventTabProps) {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const screens = Grid.useBreakpoint();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [status, setStatus] = useState<InvitationStatus | 'all'>('all');
  const [q, setQ] = useState('');
  const [drawer, setDrawer] = useState(false);
  const query = { status: status === 'all' ? undefined : status, q: q || undefined };
  const list = useInfiniteQuery({
    queryKey: doorKeys.invitations(event.id, query),
    queryFn: ({ pageParam }) => eventDoorApi.invitations(community.id, event.id, { ...query, limit: 50 }, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: doorKeys.all(event.id) });
  const resend = useMutation({
    mutationFn: (i: Invitation) => eventDoorApi.resend(community.id, event.id, i.id),
    onSuccess: (i) => {
      void message.success(t('eventDoor.invitations.resent', { email: i.email }));
      refresh();
    },
    onError: (e) => onError(e),
  });
  const revoke = useMutation({
    mutationFn: (i: Invitation) => eventDoorApi.revoke(community.id, event.id, i.id),
    onSuccess: (i) => {
      void message.success(t('eventDoor.invitations.revoked', { email: i.email }));
      refresh();
    },
    onError: (e) => onError(e),
  });

  const first = list.data?.pages[0];
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const sendable = event.status === 'published';
  const timeZone = event.timeZone || community.timeZone;

  const actions = (i: Invitation) => (
    <Space size={4}>
      <Button size="small" icon={<MailOutlined />} disabled={!sendable || i.status !== 'sent'} loading={resend.isPending && resend.variables?.id === i.id} onClick={() => resend.mutate(i)} data-testid="eventDoor-invitation-resend">
        {t('eventDoor.invitations.resend')}
      </Button>
      {i.status !== 'revoked' && (
        <Popconfirm title={t('eventDoor.invitations.revokeConfirm', { name: i.name })} description={i.registration ? t('eventDoor.invitations.revokeKeeps') : undefined} okText={t('eventDoor.invitations.revoke')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onConfirm={() => revoke.mutate(i)}>
          <Button size="small" danger icon={<StopOutlined />} data-testid="eventDoor-invitation-revoke">
            {t('eventDoor.invitations.revoke')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );

  const columns: TableColumnsType<Invitation> = [
    { title: t('eventDoor.invite.name'), dataIndex: 'name', key: 'name' },
    { title: t('eventDoor.invite.email'), dataIndex: 'email', key: 'email' },
    { title: t('eventDoor.invite.ticketType'), key: 'ticket', width: 110, render: (_, i) => i.ticketType.name },
    { title: t('eventDoor.invitations.language'), dataIndex: 'locale', key: 'locale', width: 100, responsive: ['lg'], render: (l: string) => t(`eventDoor.locales.${l}`) },
    { title: t('eventDoor.invitations.status'), dataIndex: 'status', key: 'status', width: 90, render: (s: InvitationStatus) => <Tag color={STATUS_COLOURS[s]}>{t(`eventDoor.invitationStatuses.${s}`)}</Tag> },
    { title: t('eventDoor.invitations.registration'), key: 'registration', width: 110, render: (_, i) => <RegistrationTag invitation={i} /> },
    { title: t('eventDoor.invitations.invitedAt'), key: 'at', width: 150, responsive: ['xl'], render: (_, i) => `${formatDateTime(i.createdAt, i18n.language, timeZone)}${i.invitedBy ? ` · ${i.invitedBy}` : ''}` },
    { title: '', key: 'actions', width: 190, render: (_, i) => actions(i) },
  ];

  return (
    <div data-testid="eventDoor-invitations">
      {!sendable && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={event.status === 'cancelled' ? t('fieldErrors.eventDoor_event_cancelled') : t('fieldErrors.eventDoor_event_draft')} />}
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Space wrap>
          <Segmented
            value={status}
            onChange={(v) => setStatus(v as InvitationStatus | 'all')}
            options={[
              { value: 'all', label: t('eventDoor.invitations.all') },
              ...(['sent', 'registered', 'revoked'] as const).map((s) => ({ value: s, label: `${t(`eventDoor.invitationStatuses.${s}`)} ${first?.counts[s] ?? ''}` })),
            ]}
            data-testid="eventDoor-invitations-status"
          />
          <Input.Search allowClear placeholder={t('eventDoor.invitations.search')} onSearch={(v) => setQ(v.trim())} style={{ width: 220 }} maxLength={100} data-testid="eventDoor-invitations-search" />
        </Space>
        <Button type="primary" icon={<UserAddOutlined />} disabled={!sendable || !first} onClick={() => setDrawer(true)} data-testid="eventDoor-invite">
          {t('eventDoor.invitations.invite')}
        </Button>
      </Space>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : screens.md ? (
        <Table rowKey="id" columns={columns} dataSource={rows} loading={list.isPending} pagination={false} size="middle" locale={{ emptyText: t('eventDoor.invitations.empty') }} data-testid="eventDoor-invitations-table" />
      ) : (
        <List
          dataSource={rows}
          loading={list.isPending}
          locale={{ emptyText: t('eventDoor.invitations.empty') }}
          renderItem={(i) => (
            <Card size="small" style={{ marginBottom: 8 }}>
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong>{i.name}</Typography.Text>
                  <Tag color={STATUS_COLOURS[i.status]}>{t(`eventDoor.invitationStatuses.${i.status}`)}</Tag>
                  <RegistrationTag invitation={i} />
                </Space>
                <Typography.Text type="secondary">
                  {i.email} · {i.ticketType.name}
                </Typography.Text>
                {actions(i)}
              </Space>
            </Card>
          )}
        />
      )}
      {list.hasNextPage && (
        <Button block style={{ marginTop: 8 }} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('eventDoor.log.more')}
        </Button>
      )}
      {first && (
        <InvitationDrawer
          open={drawer}
          onClose={() => setDrawer(false)}
          communityId={community.id}
          eventId={event.id}
          ticketTypes={first.ticketTypes}
          onInvited={(count) => {
            void message.success(t('eventDoor.invite.sent', { count }));
            setDrawer(false);
            refresh();
          }}
        />
      )}
    </div>
  );
}
