/**
 * "请求": requests received (accept with one's own priority, or decline with an optional reason)
 * and sent (cancel), filtered by box and status. Accepted requests can be cancelled too, after a
 * confirmation: the meeting goes from both agendas and the other side is told.
 */
import { CalendarOutlined, CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Empty, Form, Input, Modal, Segmented, Select, Skeleton, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REQUEST_STATUSES, type PartneringPriority, type RequestStatus } from '../../../domain/partnering/vocabularies';
import { PARTNERING_LIMITS } from '../../../shared/schemas/partnering';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { ApiError } from '../../services/api';
import { partneringApi, partneringKeys, type ParticipantCard, type PartneringOverview, type PartneringRequest, type RequestFilters } from '../../services/partnering';
import { LoadError } from '../States';
import { PriorityTag, RequestStatusTag, SideTag, slotTime, usePriorityOptions } from './common';
import { ParticipantDrawer } from './ParticipantDrawer';

type Answer = { kind: 'decline' | 'cancel'; request: PartneringRequest };

function ReasonModal({ eventId, answer, onClose }: { eventId: string; answer: Answer | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ reason: string }>();
  const submit = useMutation({
    mutationFn: ({ reason }: { reason: string }) => {
      const body = { version: answer!.request.version, ...(reason?.trim() ? { reason: reason.trim() } : {}) };
      return answer!.kind === 'decline' ? partneringApi.decline(eventId, answer!.request.id, body) : partneringApi.cancel(eventId, answer!.request.id, body);
    },
    onSuccess: () => {
      void message.success(answer?.kind === 'decline' ? t('partnering.requests.declined') : t('partnering.requests.cancelled'));
      void queryClient.invalidateQueries({ queryKey: partneringKeys.event(eventId) });
      void queryClient.invalidateQueries({ queryKey: partneringKeys.mine });
      onClose();
    },
    onError: (error) => {
      onError(error, form, ['reason']);
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: partneringKeys.event(eventId) });
        onClose();
      }
    },
  });
  const kind = answer?.kind ?? 'decline';
  const accepted = answer?.request.status === 'accepted';
  return (
    <Modal
      open={answer !== null}
      title={t(`partnering.requests.${kind}Title`, { name: answer?.request.counterpart.displayName ?? '' })}
      okText={t(`partnering.requests.${kind}`)}
      okButtonProps={{ danger: true, 'data-testid': `request-${kind}-confirm` } as never}
      cancelText={t('partnering.requests.keep')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submit.isPending}
      destroyOnHidden
    >
      {kind === 'cancel' && accepted && <Alert type="warning" showIcon title={t('partnering.requests.cancelAcceptedText')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} preserve={false}>
        <Form.Item name="reason" label={t('partnering.requests.reason')} extra={t(`partnering.requests.${kind}ReasonHelp`)} rules={[{ max: PARTNERING_LIMITS.reason }]}>
          <Input maxLength={PARTNERING_LIMITS.reason} showCount data-testid="request-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RequestItem({
  r,
  overview,
  onAnswer,
  onOpen,
}: {
  r: PartneringRequest;
  overview: PartneringOverview;
  onAnswer: (a: Answer) => void;
  onOpen: (c: ParticipantCard) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const priorityOptions = usePriorityOptions();
  const [myPriority, setMyPriority] = useState<PartneringPriority>(r.priority);
  const eventId = overview.event.id;
  const zone = overview.event.timeZone;
  const accept = useMutation({
    mutationFn: () => partneringApi.accept(eventId, r.id, { version: r.version, priority: myPriority }),
    onSuccess: () => {
      void message.success(t('partnering.requests.acceptedDone', { name: r.counterpart.displayName }));
      void queryClient.invalidateQueries({ queryKey: partneringKeys.event(eventId) });
      void queryClient.invalidateQueries({ queryKey: partneringKeys.mine });
    },
    onError: (error) => {
      onError(error);
      if (error instanceof ApiError && error.status === 409) void queryClient.invalidateQueries({ queryKey: partneringKeys.event(eventId) });
    },
  });
  const c = r.counterpart;
  const incomingPending = r.direction === 'incoming' && r.status === 'pending';
  return (
    <Card size="small" variant="borderless" className="bb-partnering-card" data-testid={`request-${r.id}`}>
      <div className="bb-partnering-card-head">
        <div style={{ minWidth: 0 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.direction === 'incoming' ? t('partnering.requests.from') : t('partnering.requests.to')}
          </Typography.Text>
          <div>
            <Typography.Link strong className="bb-partnering-card-name" onClick={() => onOpen(c)}>
              {c.displayName}
            </Typography.Link>
          </div>
          <div className="bb-partnering-card-org">{[c.organisationName, c.jobTitle].filter(Boolean).join(' · ')}</div>
        </div>
        <SideTag side={c.side} />
      </div>
      <Space size={4} wrap style={{ margin: '6px 0' }}>
        <RequestStatusTag status={r.status} direction={r.direction} />
        <PriorityTag priority={r.priority} />
        {r.responsePriority && r.responsePriority !== r.priority && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('partnering.requests.theirPriority', { priority: t(`partnering.priorities.${r.responsePriority}`) })}
          </Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(r.createdAt, i18n.language, zone)}
        </Typography.Text>
      </Space>
      {r.message && <Typography.Paragraph className="bb-partnering-message">{r.message}</Typography.Paragraph>}
      {r.status === 'declined' && r.declineReason && (
        <Typography.Paragraph type="secondary">{t('partnering.requests.declineReasonShown', { reason: r.declineReason })}</Typography.Paragraph>
      )}
      {r.status === 'cancelled' && r.cancelledByMe !== null && (
        <Typography.Paragraph type="secondary">
          {r.cancelledByMe ? t('partnering.requests.cancelledByMe') : t('partnering.requests.cancelledByThem')}
          {r.declineReason ? ` · ${t('partnering.requests.declineReasonShown', { reason: r.declineReason })}` : ''}
        </Typography.Paragraph>
      )}
      {r.status === 'accepted' && (
        <Typography.Paragraph>
          <CalendarOutlined />{' '}
          {r.meeting?.slot
            ? t('partnering.requests.scheduledAt', {
                time: `${formatDateTime(r.meeting.slot.startsAt, i18n.language, zone)}–${slotTime(r.meeting.slot, zone).split('–')[1]}`,
                place: r.meeting.locationName ?? '',
              })
            : t('partnering.requests.notScheduled')}
        </Typography.Paragraph>
      )}
      <div className="bb-partnering-card-foot">
        {incomingPending ? (
          <Space wrap size={8}>
            <Select<PartneringPriority>
              value={myPriority}
              onChange={setMyPriority}
              options={priorityOptions.map((o) => ({ ...o, label: t('partnering.requests.myPriority', { priority: o.label }) }))}
              style={{ minWidth: 150 }}
              data-testid={`request-accept-priority-${r.id}`}
            />
            <Button type="primary" icon={<CheckOutlined />} loading={accept.isPending} onClick={() => accept.mutate()} data-testid={`request-accept-${r.id}`}>
              {t('partnering.requests.accept')}
            </Button>
            <Button danger icon={<CloseOutlined />} onClick={() => onAnswer({ kind: 'decline', request: r })} data-testid={`request-decline-${r.id}`}>
              {t('partnering.requests.decline')}
            </Button>
          </Space>
        ) : (r.status === 'pending' || r.status === 'accepted') ? (
          <Button onClick={() => onAnswer({ kind: 'cancel', request: r })} data-testid={`request-cancel-${r.id}`}>
            {r.status === 'accepted' ? t('partnering.requests.cancelMeeting') : t('partnering.requests.cancel')}
          </Button>
        ) : (
          <span />
        )}
      </div>
    </Card>
  );
}

export function RequestsTab({ overview }: { overview: PartneringOverview }) {
  const { t } = useTranslation();
  const eventId = overview.event.id;
  const [filters, setFilters] = useState<RequestFilters>({ box: overview.counts.incomingPending > 0 ? 'incoming' : 'all' });
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [open, setOpen] = useState<ParticipantCard | null>(null);
  const list = useInfiniteQuery({
    queryKey: partneringKeys.requests(eventId, filters),
    queryFn: ({ pageParam }) => partneringApi.requests(eventId, filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const counts = overview.counts;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="partnering-requests">
      <div className="bb-partnering-filters">
        <Segmented
          value={filters.box}
          onChange={(box) => setFilters((f) => ({ ...f, box: box as RequestFilters['box'] }))}
          options={[
            {
              value: 'incoming',
              label: (
                <span data-testid="requests-box-incoming">
                  {t('partnering.requests.incoming')} <Badge count={counts.incomingPending} size="small" />
                </span>
              ),
            },
            { value: 'outgoing', label: <span data-testid="requests-box-outgoing">{t('partnering.requests.outgoing')}</span> },
            { value: 'all', label: <span data-testid="requests-box-all">{t('partnering.requests.all')}</span> },
          ]}
        />
        <Select<RequestStatus>
          allowClear
          placeholder={t('partnering.requests.anyStatus')}
          value={filters.status}
          onChange={(status) => setFilters((f) => ({ ...f, status }))}
          options={REQUEST_STATUSES.map((s) => ({ value: s, label: t(`partnering.requestStatuses.${s}`) }))}
          style={{ minWidth: 130 }}
          data-testid="requests-status-filter"
        />
      </div>
      {list.isPending ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Card variant="borderless">
          <Empty description={t(`partnering.requests.empty_${filters.box}`)} />
        </Card>
      ) : (
        <>
          <div className="bb-partnering-cards">
            {items.map((r) => (
              <RequestItem key={r.id} r={r} overview={overview} onAnswer={setAnswer} onOpen={setOpen} />
            ))}
          </div>
          {list.hasNextPage && (
            <Button block onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('partnering.loadMore')}
            </Button>
          )}
        </>
      )}
      <ReasonModal eventId={eventId} answer={answer} onClose={() => setAnswer(null)} />
      <ParticipantDrawer card={open} onClose={() => setOpen(null)} />
    </Space>
  );
}
