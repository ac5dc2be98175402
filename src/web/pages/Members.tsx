import { DeleteOutlined, MailOutlined, ReloadOutlined, StopOutlined, UserAddOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Avatar, Badge, Button, Card, Empty, Form, Grid, Input, Modal, Popconfirm, Result, Select, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../services/api';
import type { CreatedInvitation, Invitation, Member, MembershipRole, MembersPage as MembersPageData, Ok } from '../services/types';
import { MEMBERSHIP_ROLES } from '../../domain/roles';
import { CopyLink } from '../components/CopyLink';
import { PageHeader } from '../components/PageHeader';
import { RoleTag } from '../components/RoleTag';
import { LoadError } from '../components/States';
import { communityDetailKey, useCommunity } from '../lib/community';
import { useApiErrorHandler } from '../lib/errors';
import { formatDateTime, localName } from '../lib/format';
import { useSession } from '../lib/session';
import { emailRules } from '../lib/rules';

const PAGE_SIZE = 20;

function useRoleOptions() {
  const { t } = useTranslation();
  return MEMBERSHIP_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}

function MembersTab() {
  const { t, i18n } = useTranslation();
  const { community, can } = useCommunity();
  const session = useSession();
  const { modal, message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const roleOptions = useRoleOptions();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [role, setRole] = useState<MembershipRole | undefined>();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length - 1;
  const cursor = cursors[page];
  const manage = can('members.manage');
  const isMobile = Grid.useBreakpoint().md === false;

  const members = useQuery({
    queryKey: ['members', community.id, q, role ?? '', cursor ?? ''],
    queryFn: () =>
      api.get<MembersPageData>(withQuery(`/api/communities/${community.id}/members`, { q: q || undefined, role, limit: PAGE_SIZE, cursor })),
    placeholderData: keepPreviousData,
  });

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['members', community.id] });
    void queryClient.invalidateQueries({ queryKey: communityDetailKey(community.id) });
    void queryClient.invalidateQueries({ queryKey: ['audit', community.id] });
  };

  const changeRole = useMutation({
    mutationFn: ({ member, newRole }: { member: Member; newRole: MembershipRole }) =>
      api.patch<Member>(`/api/communities/${community.id}/members/${member.membershipId}`, { role: newRole }),
    onSuccess: (_, { member, newRole }) => {
      void message.success(t('members.roleChanged', { name: member.displayName, role: t(`roles.${newRole}`) }));
      refresh();
      if (member.userId === session.data?.user?.id) void queryClient.invalidateQueries({ queryKey: ['session'] });
    },
    onError: (e) => onError(e),
  });

  const remove = useMutation({
    mutationFn: (member: Member) => api.delete<Ok>(`/api/communities/${community.id}/members/${member.membershipId}`),
    onSuccess: (_, member) => {
      void message.success(t('members.removed', { name: member.displayName }));
      refresh();
    },
    onError: (e) => onError(e),
  });

  const resetPaging = () => setCursors([undefined]);

  const confirmRoleChange = (member: Member, newRole: MembershipRole) => {
    modal.confirm({
      title: t('members.changeRoleTitle'),
      content: t('members.changeRoleText', { name: member.displayName, from: t(`roles.${member.role}`), to: t(`roles.${newRole}`) }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => changeRole.mutateAsync({ member, newRole }).catch(() => undefined),
    });
  };

  const roleControl = (m: Member) =>
    manage ? (
      <Select
        size="small"
        value={m.role}
        options={roleOptions}
        style={{ width: 160 }}
        aria-label={t('members.changeRoleTitle')}
        data-testid={`role-select-${m.email}`}
        onChange={(value: MembershipRole) => confirmRoleChange(m, value)}
      />
    ) : (
      <RoleTag role={m.role} />
    );

  const removeButton = (m: Member) => (
    <Popconfirm
      title={t('members.removeTitle')}
      description={t('members.removeText', { name: m.displayName, community: localName(community, i18n.language) })}
      okText={t('members.remove')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onConfirm={() => remove.mutateAsync(m).catch(() => undefined)}
    >
      <Button type="link" danger size="small" icon={<DeleteOutlined />} data-testid={`remove-${m.email}`}>
        {t('members.remove')}
      </Button>
    </Popconfirm>
  );

  const columns: TableColumnsType<Member> = [
    {
      title: t('members.columns.member'),
      key: 'member',
      render: (_, m) => (
        <Space size={12}>
          <Avatar style={{ background: '#e6f4f5', color: '#0b7a85' }}>{m.displayName.slice(0, 1).toUpperCase()}</Avatar>
          <div style={{ minWidth: 0 }}>
            <div style={{ fontWeight: 500 }}>{m.displayName}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {m.email}
            </Typography.Text>
          </div>
        </Space>
      ),
    },
    {
      title: t('fields.role'),
      key: 'role',
      width: 200,
      render: (_, m) => roleControl(m),
    },
    {
      title: t('members.columns.joinedAt'),
      dataIndex: 'joinedAt',
      key: 'joinedAt',
      width: 170,
      responsive: ['md'],
      render: (v: string) => formatDateTime(v, i18n.language, community.timeZone),
    },
  ];
  if (manage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_, m) => removeButton(m),
    });
  }

  const data = members.data;
  return (
    <>
      <div className="bb-filters">
        <Input.Search
          allowClear
          placeholder={t('members.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => {
            setQ(value.trim());
            resetPaging();
          }}
          style={{ width: 300 }}
          data-testid="members-search"
        />
        <Select
          allowClear
          placeholder={t('members.allRoles')}
          options={roleOptions}
          value={role}
          onChange={(value?: MembershipRole) => {
            setRole(value);
            resetPaging();
          }}
          style={{ width: 180 }}
          data-testid="members-role-filter"
        />
      </div>
      {members.error && !data ? (
        <LoadError error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <>
          {isMobile ? (
            <Spin spinning={members.isFetching}>
              <div className="bb-mlist" data-testid="members-list">
                {(data?.items ?? []).length === 0 && !members.isFetching && (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={q || role ? t('members.noMatch') : t('members.empty')} />
                )}
                {(data?.items ?? []).map((m) => (
                  <div className="bb-mlist-item" key={m.membershipId}>
                    <div className="bb-mlist-head">
                      <Avatar style={{ background: '#e6f4f5', color: '#0b7a85', flex: '0 0 auto' }}>{m.displayName.slice(0, 1).toUpperCase()}</Avatar>
                      <div style={{ minWidth: 0, flex: 1 }}>
                        <div style={{ fontWeight: 500 }}>{m.displayName}</div>
                        <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                          {m.email}
                        </Typography.Text>
                      </div>
                      {!manage && <RoleTag role={m.role} />}
                    </div>
                    <div className="bb-mlist-meta">
                      {t('members.columns.joinedAt')}: {formatDateTime(m.joinedAt, i18n.language, community.timeZone)}
                    </div>
                    {manage && (
                      <div className="bb-mlist-actions">
                        {roleControl(m)}
                        {removeButton(m)}
                      </div>
                    )}
                  </div>
                ))}
              </div>
            </Spin>
          ) : (
            <Table<Member>
              rowKey="membershipId"
              columns={columns}
              dataSource={data?.items ?? []}
              loading={members.isFetching}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={q || role ? t('members.noMatch') : t('members.empty')} /> }}
              data-testid="members-table"
            />
          )}
          <div className="bb-pager">
            <Typography.Text type="secondary" data-testid="members-total">
              {t('members.total', { count: data?.total ?? 0 })}
            </Typography.Text>
            <Space>
              <Button disabled={page === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
                {t('common.previous')}
              </Button>
              <Typography.Text type="secondary">{t('common.pageN', { page: page + 1, pages: Math.max(1, Math.ceil((data?.total ?? 0) / PAGE_SIZE)) })}</Typography.Text>
              <Button disabled={!data?.nextCursor} onClick={() => data?.nextCursor && setCursors((c) => [...c, data.nextCursor ?? undefined])}>
                {t('common.next')}
              </Button>
            </Space>
          </div>
        </>
      )}
    </>
  );
}

const STATUS_COLORS: Record<Invitation['status'], string> = { open: 'processing', accepted: 'success', revoked: 'default', expired: 'warning' };

function InvitationsTab() {
  const { t, i18n } = useTranslation();
  const { community, can } = useCommunity();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const manage = can('members.manage');
  const isMobile = Grid.useBreakpoint().md === false;
  const invitations = useQuery({
    queryKey: ['invitations', community.id],
    queryFn: () => api.get<Invitation[]>(`/api/communities/${community.id}/invitations`),
  });
  const revoke = useMutation({
    mutationFn: (inv: Invitation) => api.delete<Ok>(`/api/communities/${community.id}/invitations/${inv.id}`),
    onSuccess: (_, inv) => {
      void message.success(t('invitations.revoked', { email: inv.email }));
      void queryClient.invalidateQueries({ queryKey: ['invitations', community.id] });
      void queryClient.invalidateQueries({ queryKey: communityDetailKey(community.id) });
      void queryClient.invalidateQueries({ queryKey: ['audit', community.id] });
    },
    onError: (e) => onError(e),
  });

  const revokeButton = (inv: Invitation) => (
    <Popconfirm
      title={t('invitations.revokeTitle')}
      description={t('invitations.revokeText', { email: inv.email })}
      okText={t('invitations.revoke')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onConfirm={() => revoke.mutateAsync(inv).catch(() => undefined)}
    >
      <Button type="link" danger size="small" icon={<StopOutlined />} data-testid={`revoke-${inv.email}`}>
        {t('invitations.revoke')}
      </Button>
    </Popconfirm>
  );

  const columns: TableColumnsType<Invitation> = [
    { title: t('fields.email'), dataIndex: 'email', key: 'email', render: (v: string) => <span style={{ fontWeight: 500 }}>{v}</span> },
    { title: t('fields.role'), dataIndex: 'role', key: 'role', render: (r: MembershipRole) => <RoleTag role={r} /> },
    {
      title: t('invitations.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: Invitation['status']) => <Badge status={STATUS_COLORS[s] as 'processing'} text={t(`invitations.statuses.${s}`)} />,
    },
    { title: t('invitations.invitedBy'), dataIndex: 'invitedBy', key: 'invitedBy', responsive: ['xxl'], render: (v: string | null) => v ?? '—' },
    { title: t('invitations.createdAt'), dataIndex: 'createdAt', key: 'createdAt', responsive: ['md'], render: (v: string) => formatDateTime(v, i18n.language, community.timeZone) },
    { title: t('invitations.expiresAt'), dataIndex: 'expiresAt', key: 'expiresAt', render: (v: string) => formatDateTime(v, i18n.language, community.timeZone) },
  ];
  if (manage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, inv) => (inv.status === 'open' ? revokeButton(inv) : null),
    });
  }

  if (invitations.error) return <LoadError error={invitations.error} onRetry={() => void invitations.refetch()} />;
  if (isMobile) {
    const list = invitations.data ?? [];
    return (
      <Spin spinning={invitations.isPending}>
        <div className="bb-mlist" data-testid="invitations-list">
          {list.length === 0 && !invitations.isPending && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('invitations.empty')} />}
          {list.map((inv) => (
            <div className="bb-mlist-item" key={inv.id}>
              <div className="bb-mlist-head">
                <div style={{ minWidth: 0, flex: 1, fontWeight: 500, wordBreak: 'break-all' }}>{inv.email}</div>
                <RoleTag role={inv.role} />
              </div>
              <div className="bb-mlist-meta">
                <Badge status={STATUS_COLORS[inv.status] as 'processing'} text={t(`invitations.statuses.${inv.status}`)} />
                <span>
                  {t('invitations.expiresAt')}: {formatDateTime(inv.expiresAt, i18n.language, community.timeZone)}
                </span>
              </div>
              {manage && inv.status === 'open' && <div className="bb-mlist-actions">{revokeButton(inv)}</div>}
            </div>
          ))}
        </div>
      </Spin>
    );
  }
  return (
    <Table<Invitation>
      rowKey="id"
      columns={columns}
      dataSource={invitations.data ?? []}
      loading={invitations.isPending}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('invitations.empty')} /> }}
      data-testid="invitations-table"
    />
  );
}

interface InviteValues {
  email: string;
  role: MembershipRole;
}

function InviteDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const [form] = Form.useForm<InviteValues>();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const roleOptions = useRoleOptions();
  const [created, setCreated] = useState<CreatedInvitation | null>(null);

  const invite = useMutation({
    mutationFn: (values: InviteValues) => api.post<CreatedInvitation>(`/api/communities/${community.id}/invitations`, { email: values.email.trim(), role: values.role }),
    onSuccess: (inv) => {
      setCreated(inv);
      void queryClient.invalidateQueries({ queryKey: ['invitations', community.id] });
      void queryClient.invalidateQueries({ queryKey: communityDetailKey(community.id) });
      void queryClient.invalidateQueries({ queryKey: ['audit', community.id] });
    },
    onError: (e) => onError(e, form, ['email', 'role']),
  });

  const close = () => {
    setCreated(null);
    form.resetFields();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('members.inviteTitle', { community: localName(community, i18n.language) })}
      onCancel={close}
      destroyOnHidden
      footer={
        created
          ? [
              <Button key="another" onClick={() => { setCreated(null); form.resetFields(); }}>
                {t('members.inviteAnother')}
              </Button>,
              <Button key="done" type="primary" onClick={close} data-testid="invite-done">
                {t('common.done')}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={close}>
                {t('common.cancel')}
              </Button>,
              <Button key="submit" type="primary" loading={invite.isPending} onClick={() => form.submit()} data-testid="invite-submit">
                {t('members.sendInvite')}
              </Button>,
            ]
      }
    >
      {created ? (
        <div data-testid="invite-result">
          <Result
            status="success"
            style={{ padding: '8px 0 16px' }}
            title={t('invite.createdTitle')}
            subTitle={
              <Space wrap style={{ justifyContent: 'center' }}>
                <span style={{ wordBreak: 'break-all' }}>{created.email}</span>
                <RoleTag role={created.role} />
              </Space>
            }
          />
          <Typography.Paragraph type="secondary">{t('invite.linkHint')}</Typography.Paragraph>
          <CopyLink link={created.link} testId="invite-link" />
          <Alert style={{ marginTop: 16 }} type="info" showIcon title={t('invite.outboxHint')} />
        </div>
      ) : (
        <Form<InviteValues> form={form} layout="vertical" requiredMark={false} initialValues={{ role: 'member' }} onFinish={(v) => invite.mutate(v)} preserve={false}>
          <Form.Item
            name="email"
            label={t('fields.email')}
            rules={emailRules(t)}
          >
            <Input prefix={<MailOutlined />} placeholder={t('signIn.emailPlaceholder')} data-testid="invite-email" />
          </Form.Item>
          <Form.Item name="role" label={t('fields.role')} rules={[{ required: true }]} extra={t('members.roleHint')}>
            <Select options={roleOptions} data-testid="invite-role" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

export function MembersPage() {
  const { t, i18n } = useTranslation();
  const { community, can } = useCommunity();
  const queryClient = useQueryClient();
  const [inviteOpen, setInviteOpen] = useState(false);
  const [tab, setTab] = useState('members');
  const manage = can('members.manage');

  return (
    <div data-testid="members-page">
      <PageHeader
        title={t('members.title')}
        subtitle={t('members.subtitle', { community: localName(community, i18n.language) })}
        extra={
          <>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                void queryClient.invalidateQueries({ queryKey: ['members', community.id] });
                void queryClient.invalidateQueries({ queryKey: ['invitations', community.id] });
              }}
            >
              {t('common.refresh')}
            </Button>
            {manage && (
              <Button type="primary" icon={<UserAddOutlined />} onClick={() => setInviteOpen(true)} data-testid="invite-open">
                {t('members.invite')}
              </Button>
            )}
          </>
        }
      />
      <Card variant="borderless">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'members', label: t('members.tabMembers'), children: <MembersTab /> },
            {
              key: 'invitations',
              label: (
                <span data-testid="tab-invitations">
                  {t('members.tabInvitations')}
                  {community.openInvitations > 0 && <Tag style={{ marginInlineStart: 6 }}>{community.openInvitations}</Tag>}
                </span>
              ),
              children: <InvitationsTab />,
            },
          ]}
        />
      </Card>
      {manage && <InviteDialog open={inviteOpen} onClose={() => setInviteOpen(false)} />}
    </div>
  );
}
