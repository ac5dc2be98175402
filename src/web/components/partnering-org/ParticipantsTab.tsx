/**
 * Participants as organisers see them: side, organisation, requests sent and received, accepted,
 * draft and published meetings, breaks in the draft, the maximum of meetings (editable), status
 * (withdraw or reactivate); search and side filter; a meeting added by hand between two of them.
 */
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTNERING_PRIORITIES, PARTNERING_SIDES, type PartneringPriority, type PartneringSide } from '../../../domain/partnering/vocabularies';
import { useApiErrorHandler } from '../../lib/errors';
import { partneringOrgApi, partneringOrgKeys, type OrgParticipant } from '../../services/partneringOrg';
import { LoadError } from '../States';
import { isConflict, ParticipantSelect, SideTag, useRefreshPartnering, type OrgTabProps } from './common';

interface MeetingValues {
  participantAId: string | null;
  participantBId: string | null;
  priority: PartneringPriority;
}

export function AddMeetingModal({ communityId, event, open, onClose, initialA }: Pick<OrgTabProps, 'communityId' | 'event'> & { open: boolean; onClose: () => void; initialA?: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRefreshPartnering(event.id);
  const [form] = Form.useForm<MeetingValues>();
  const a = Form.useWatch('participantAId', form);
  const b = Form.useWatch('participantBId', form);
  const create = useMutation({
    mutationFn: (v: MeetingValues) => partneringOrgApi.createMeeting(communityId, event.id, { participantAId: v.participantAId!, participantBId: v.participantBId!, priority: v.priority }),
    onSuccess: () => {
      void message.success(t('partneringOrg.participants.meetingAdded'));
      refresh();
      onClose();
    },
    onError: (e) => {
      if (isConflict(e, 'partnering_meeting_exists')) {
        form.setFields([{ name: 'participantBId', errors: [t('partneringOrg.participants.meetingExists')] }]);
        return;
      }
      onError(e, form, ['participantAId', 'participantBId', 'priority']);
    },
  });
  return (
    <Modal
      open={open}
      title={t('partneringOrg.participants.addMeetingTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('partneringOrg.participants.addMeeting')}
      cancelText={t('partneringOrg.common.cancel')}
      okButtonProps={{ loading: create.isPending, disabled: !a || !b, 'data-testid': 'participants-add-meeting-save' } as never}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('partneringOrg.participants.addMeetingHelp')}</Typography.Paragraph>
      <Form<MeetingValues> form={form} layout="vertical" preserve={false} initialValues={{ participantAId: initialA ?? null, participantBId: null, priority: 'would_like' }} onFinish={(v) => create.mutate(v)}>
        <Form.Item name="participantAId" label={t('partneringOrg.participants.participantA')} rules={[{ required: true, message: t('partneringOrg.common.required') }]}>
          <ParticipantSelect communityId={communityId} eventId={event.id} exclude={b} testId="participants-meeting-a" />
        </Form.Item>
        <Form.Item name="participantBId" label={t('partneringOrg.participants.participantB')} rules={[{ required: true, message: t('partneringOrg.common.required') }]}>
          <ParticipantSelect communityId={communityId} eventId={event.id} exclude={a} testId="participants-meeting-b" />
        </Form.Item>
        <Form.Item name="priority" label={t('partneringOrg.participants.priority')}>
          <Select options={PARTNERING_PRIORITIES.map((p) => ({ value: p, label: t(`partneringOrg.priorities.${p}`) }))} data-testid="participants-meeting-priority" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The maximum of meetings, saved when the organiser leaves the field or presses Enter. */
function MaxMeetingsCell({ participant, onSave, saving }: { participant: OrgParticipant; onSave: (value: number | null) => void; saving: boolean }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | null>(participant.maxMeetings);
  const commit = () => {
    if (value !== participant.maxMeetings) onSave(value);
  };
  return (
    <InputNumber
      size="small"
      min={0}
      max={200}
      precision={0}
      value={value}
      placeholder={t('partneringOrg.participants.default')}
      onChange={(v) => setValue(typeof v === 'number' ? v : null)}
      onBlur={commit}
      onPressEnter={commit}
      disabled={saving}
      style={{ width: 84 }}
      aria-label={t('partneringOrg.participants.maxMeetings')}
      data-testid={`participant-max-${participant.id}`}
    />
  );
}

export function ParticipantsTab({ communityId, event, settings }: OrgTabProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRefreshPartnering(event.id);
  const [q, setQ] = useState('');
  const [side, setSide] = useState<PartneringSide | undefined>();
  const [adding, setAdding] = useState(false);
  const query = { q: q || undefined, side, limit: 100 };
  const list = useInfiniteQuery({
    queryKey: partneringOrgKeys.participantTable(event.id, query),
    queryFn: ({ pageParam }) => partneringOrgApi.participants(communityId, event.id, { ...query, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;

  const update = useMutation({
    mutationFn: ({ p, change }: { p: OrgParticipant; change: { maxMeetings?: number | null; status?: 'active' | 'withdrawn' } }) =>
      partneringOrgApi.updateParticipant(communityId, event.id, p.id, { version: p.version, ...change }),
    onSuccess: () => {
      void message.success(t('partneringOrg.common.saved'));
      refresh();
    },
    onError: (e) => {
      if (isConflict(e, 'version_conflict')) {
        modal.warning({ title: t('partneringOrg.common.conflictTitle'), content: t('partneringOrg.common.conflictBody'), okText: t('partneringOrg.common.reload'), onOk: refresh });
        return;
      }
      onError(e);
    },
  });

  const columns: TableColumnsType<OrgParticipant> = [
    {
      title: t('partneringOrg.participants.name'),
      key: 'name',
      fixed: 'left',
      width: 200,
      render: (_, p) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{p.displayName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.jobTitle ? `${p.jobTitle} · ` : ''}
            {p.email}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('partneringOrg.participants.side'), dataIndex: 'side', width: 100, render: (s: PartneringSide) => <SideTag side={s} /> },
    { title: t('partneringOrg.participants.organisation'), dataIndex: 'organisationName', ellipsis: true, render: (v: string) => v || '—' },
    { title: t('partneringOrg.participants.sent'), dataIndex: 'requestsSent', align: 'right', width: 68 },
    { title: t('partneringOrg.participants.received'), dataIndex: 'requestsReceived', align: 'right', width: 68 },
    { title: t('partneringOrg.participants.accepted'), dataIndex: 'meetingsAccepted', align: 'right', width: 68 },
    { title: t('partneringOrg.participants.draft'), dataIndex: 'meetingsDraft', align: 'right', width: 68 },
    { title: t('partneringOrg.participants.published'), dataIndex: 'meetingsPublished', align: 'right', width: 68 },
    { title: t('partneringOrg.participants.breaks'), dataIndex: 'draftBreaks', align: 'right', width: 68 },
    {
      title: t('partneringOrg.participants.maxMeetings'),
      key: 'max',
      width: 110,
      render: (_, p) => <MaxMeetingsCell key={`${p.id}-${p.version}`} participant={p} saving={update.isPending && update.variables?.p.id === p.id} onSave={(v) => update.mutate({ p, change: { maxMeetings: v } })} />,
    },
    {
      title: t('partneringOrg.participants.status'),
      key: 'status',
      width: 150,
      render: (_, p) =>
        p.status === 'active' ? (
          <Space size={4}>
            <Tag color="success">{t('partneringOrg.participantStatuses.active')}</Tag>
            <Popconfirm title={t('partneringOrg.participants.withdrawConfirm', { name: p.displayName })} onConfirm={() => update.mutateAsync({ p, change: { status: 'withdrawn' } }).catch(() => undefined)}>
              <Button size="small" type="link" danger data-testid={`participant-withdraw-${p.id}`}>
                {t('partneringOrg.participants.withdraw')}
              </Button>
            </Popconfirm>
          </Space>
        ) : (
          <Space size={4}>
            <Tag>{t('partneringOrg.participantStatuses.withdrawn')}</Tag>
            <Button size="small" type="link" onClick={() => update.mutate({ p, change: { status: 'active' } })} data-testid={`participant-reactivate-${p.id}`}>
              {t('partneringOrg.participants.reactivate')}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <Card
      variant="borderless"
      title={t('partneringOrg.participants.title', { count: total })}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="participants-add-meeting">
          {t('partneringOrg.participants.addMeeting')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('partneringOrg.participants.search')} onSearch={(v) => setQ(v.trim())} style={{ width: 280 }} data-testid="participants-search" />
        <Select
          allowClear
          placeholder={t('partneringOrg.participants.allSides')}
          value={side}
          onChange={(v: PartneringSide | undefined) => setSide(v)}
          options={PARTNERING_SIDES.map((s) => ({ value: s, label: t(`partneringOrg.sides.${s}`) }))}
          style={{ width: 160 }}
          data-testid="participants-side"
        />
        {settings.defaultMaxMeetings !== null && <Typography.Text type="secondary">{t('partneringOrg.participants.defaultIs', { count: settings.defaultMaxMeetings })}</Typography.Text>}
      </Space>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Table<OrgParticipant>
            rowKey="id"
            size="small"
            loading={list.isPending}
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 1100 }}
            onRow={(p) => (p.status === 'withdrawn' ? { style: { opacity: 0.6 } } : {})}
            data-testid="participants-table"
          />
          {list.hasNextPage && (
            <div style={{ textAlign: 'center', marginTop: 12 }}>
              <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                {t('partneringOrg.common.loadMore', { shown: rows.length, total })}
              </Button>
            </div>
          )}
        </>
      )}
      <AddMeetingModal communityId={communityId} event={event} open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}
