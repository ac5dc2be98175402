/**
 * One event, for its organisers and for members. Organisers get the header actions (publish,
 * cancel, duplicate, delete a draft, share the public link, agenda PDF, the door's check-in page)
 * and a tab per part of the event; the tab is in the address (`?tab=agenda`) so links and
 * reloads keep it. Members without events.manage see a read-only overview and the agenda.
 */
import { ArrowLeftOutlined, CopyOutlined, DeleteOutlined, DownOutlined, FilePdfOutlined, GlobalOutlined, QrcodeOutlined, SendOutlined, StopOutlined, SwapOutlined, TeamOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Dropdown, Form, Input, Modal, Popconfirm, Row, Space, Statistic, Tabs, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { JUDGED_KINDS, PROJECT_KINDS, ORGANISER_ROLES } from '../../../domain/events/vocabularies';
import { AgendaTab } from '../../components/events/AgendaTab';
import { ApplicationsTab } from '../../components/events/ApplicationsTab';
import { AttendanceTab } from '../../components/events/AttendanceTab';
import { EventForm } from '../../components/events/EventForm';
import { EventKindTag, EventStatusTag, EventVisibilityTag } from '../../components/events/EventTags';
import { formatEventRange, fromPicker, toPicker } from '../../components/events/EventTime';
import { InvitationsTab } from '../../components/events/InvitationsTab';
import { JudgingTab } from '../../components/events/JudgingTab';
import { MessagesTab } from '../../components/events/MessagesTab';
import { OutcomesTab } from '../../components/events/OutcomesTab';
import { ProjectsTab } from '../../components/events/ProjectsTab';
import { RegistrationsTab } from '../../components/events/RegistrationsTab';
import { ResultsTab } from '../../components/events/ResultsTab';
import { SigningTab } from '../../components/events/SigningTab';
import { TicketsTab } from '../../components/events/TicketsTab';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, NotFoundResult, PageSkeleton } from '../../components/States';
import { useCommunity } from '../../lib/community';
import { recordName } from '../../lib/directory';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { ApiError } from '../../services/api';
import { eventKeys, eventsApi, type EventDetail } from '../../services/events';

function publicUrl(event: EventDetail): string {
  return `${window.location.origin}${event.publicPath}`;
}

/** What everyone may read: description, organisers by role, and the counts. */
function EventOverview({ event }: { event: EventDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={16}>
        <Card variant="borderless" title={t('events.form.description')}>
          {event.descriptionHtml ? (
            // Sanitised by the server on the way in (allowed tags only, no scripts, safe links).
            <div className="bb-rich-text" dangerouslySetInnerHTML={{ __html: event.descriptionHtml }} data-testid="events-description" />
          ) : (
            <Typography.Text type="secondary">{t('events.manage.noDescription')}</Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card variant="borderless" title={t('events.manage.organisers')}>
          <Descriptions column={1} size="small">
            {ORGANISER_ROLES.map((role) => {
              const names = event.organisers.filter((o) => o.role === role).map((o) => recordName(o.organisation.nameZh, o.organisation.nameEn, lang));
              return names.length ? (
                <Descriptions.Item key={role} label={t(`events.organiserRoles.${role}`)}>
                  {names.join(lang === 'en' ? ', ' : '、')}
                </Descriptions.Item>
              ) : null;
            })}
          </Descriptions>
          {event.organisers.length === 0 && <Typography.Text type="secondary">—</Typography.Text>}
        </Card>
      </Col>
    </Row>
  );
}

function CancelButton({ event, onDone }: { event: EventDetail; onDone: (e: EventDetail) => void }) {
  const { t } = useTranslation();
  const { community } = useCommunity();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useMutation({
    mutationFn: () => eventsApi.cancel(community.id, event.id, { version: event.version, reason: reason.trim() || undefined }),
    onSuccess: (saved) => {
      void message.success(t('events.manage.cancelled'));
      setOpen(false);
      onDone(saved);
    },
    onError: (e) => onError(e),
  });
  return (
    <>
      <Button danger icon={<StopOutlined />} onClick={() => setOpen(true)} data-testid="events-cancel">
        {t('events.manage.cancelEvent')}
      </Button>
      <Modal
        open={open}
        title={t('events.manage.cancelTitle')}
        okText={t('events.manage.cancelOk')}
        cancelText={t('events.manage.keep')}
        okButtonProps={{ danger: true, loading: cancel.isPending, 'data-testid': 'events-cancel-confirm' } as never}
        onOk={() => cancel.mutate()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Alert type="warning" showIcon title={t('events.manage.cancelBody')} style={{ marginBottom: 12 }} />
        <Input.TextArea rows={3} maxLength={500} placeholder={t('events.manage.cancelReason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="events-cancel-reason" />
      </Modal>
    </>
  );
}

function DuplicateModal({ event, open, onClose }: { event: EventDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { community } = useCommunity();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ startsAt: Dayjs | null; title: string }>();
  const duplicate = useMutation({
    mutationFn: (v: { startsAt: Dayjs | null; title: string }) => eventsApi.duplicate(community.id, event.id, { startsAt: fromPicker(v.startsAt!, event.timeZone), title: v.title.trim() || undefined }),
    onSuccess: (copy) => {
      void message.success(t('events.manage.duplicated'));
      void queryClient.invalidateQueries({ queryKey: eventKeys.all(community.id) });
      onClose();
      void navigate(`/c/${community.slug}/events/${copy.id}`);
    },
    onError: (e) => onError(e),
  });
  const nextMonth = toPicker(event.startsAt, event.timeZone)?.add(1, 'month') ?? null;
  return (
    <Modal open={open} title={t('events.manage.duplicateTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('events.manage.duplicate')} okButtonProps={{ loading: duplicate.isPending, 'data-testid': 'events-duplicate-confirm' } as never} cancelText={t('events.form.cancel')} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('events.manage.duplicateHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ startsAt: nextMonth, title: event.title }} onFinish={(v) => duplicate.mutate(v)} data-testid="events-duplicate-form">
        <Form.Item name="startsAt" label={t('events.manage.duplicateStart')} rules={[{ required: true, message: t('events.form.required', { field: t('events.manage.duplicateStart') }) }]}>
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="events-duplicate-start" />
        </Form.Item>
        <Form.Item name="title" label={t('events.manage.duplicateTitleField')}>
          <Input maxLength={200} data-testid="events-duplicate-title" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Actions({ event, onChanged }: { event: EventDetail; onChanged: (e: EventDetail) => void }) {
  const { t } = useTranslation();
  const { community } = useCommunity();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [duplicating, setDuplicating] = useState(false);
  const publish = useMutation({
    mutationFn: () => eventsApi.publish(community.id, event.id, event.version),
    onSuccess: (saved) => {
      void message.success(t('events.manage.published'));
      onChanged(saved);
    },
    onError: (e) => onError(e),
  });
  const remove = useMutation({
    mutationFn: () => eventsApi.remove(community.id, event.id),
    onSuccess: () => {
      void message.success(t('events.manage.deleted'));
      void queryClient.invalidateQueries({ queryKey: eventKeys.all(community.id) });
      void navigate(`/c/${community.slug}/events`);
    },
    onError: (e) => onError(e),
  });
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(publicUrl(event));
      void message.success(t('events.manage.linkCopied'));
    } catch {
      // No clipboard outside a secure context: show the address to copy by hand.
      modal.info({ title: t('events.manage.copyLink'), content: <Typography.Text copyable>{publicUrl(event)}</Typography.Text> });
    }
  };

  const more = [
    { key: 'duplicate', icon: <SwapOutlined />, label: t('events.manage.duplicate'), onClick: () => setDuplicating(true) },
    { key: 'pdf', icon: <FilePdfOutlined />, label: <a href={eventsApi.agendaPdfUrl(community.id, event.id)} target="_blank" rel="noopener noreferrer">{t('events.manage.agendaPdf')}</a> },
    { key: 'open', icon: <GlobalOutlined />, label: <a href={event.publicPath} target="_blank" rel="noopener noreferrer">{t('events.manage.openPublic')}</a> },
  ];

  return (
    <Space wrap>
      {event.status === 'draft' && (
        <Popconfirm title={t('events.manage.publishConfirm')} okText={t('events.manage.publish')} cancelText={t('events.form.cancel')} onConfirm={() => publish.mutate()}>
          <Button type="primary" icon={<SendOutlined />} loading={publish.isPending} data-testid="events-publish">
            {t('events.manage.publish')}
          </Button>
        </Popconfirm>
      )}
      {event.status === 'published' && (
        <>
          <Link to={`/c/${community.slug}/events/${event.id}/check-in`}>
            <Button type="primary" icon={<QrcodeOutlined />} data-testid="events-check-in">
              {t('events.manage.checkIn')}
            </Button>
          </Link>
          <Button icon={<CopyOutlined />} onClick={() => void copyLink()} data-testid="events-copy-link">
            {t('events.manage.copyLink')}
          </Button>
        </>
      )}
      <Link to={`/c/${community.slug}/events/${event.id}/partnering`}>
        <Button icon={<TeamOutlined />} data-testid="events-partnering">
          {t('partneringOrg.eventButton')}
        </Button>
      </Link>
      <Dropdown menu={{ items: more }}>
        <Button data-testid="events-more-button">
          {t('events.manage.more')} <DownOutlined />
        </Button>
      </Dropdown>
      {event.status === 'published' && <CancelButton event={event} onDone={onChanged} />}
      {event.status === 'draft' && (
        <Popconfirm title={t('events.manage.deleteConfirm')} okText={t('events.manage.delete')} okButtonProps={{ danger: true }} cancelText={t('events.form.cancel')} onConfirm={() => remove.mutate()}>
          <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="events-delete">
            {t('events.manage.delete')}
          </Button>
        </Popconfirm>
      )}
      <DuplicateModal event={event} open={duplicating} onClose={() => setDuplicating(false)} />
    </Space>
  );
}

export function EventManagePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { community } = useCommunity();
  const { eventId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: eventKeys.detail(community.id, eventId), queryFn: () => eventsApi.get(community.id, eventId), retry: false });

  if (detail.isPending) return <PageSkeleton />;
  if (detail.isError) {
    if (detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400)) return <NotFoundResult />;
    return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const event = detail.data;
  const setEvent = (saved: EventDetail) => {
    queryClient.setQueryData(eventKeys.detail(community.id, eventId), saved);
    void queryClient.invalidateQueries({ queryKey: eventKeys.all(community.id) });
  };
  const reload = () => void detail.refetch();
  const manage = event.canManage;

  const tab = (key: string, children: ReactNode) => ({ key, label: <span data-testid={`events-tab-${key}`}>{t(`events.tabs.${key}`)}</span>, children });
  const overview = manage ? (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {event.status === 'draft' && <Alert type="info" showIcon title={t('events.manage.draftNote')} />}
      <EventForm key={event.version} event={event} onSaved={setEvent} onConflict={reload} />
    </Space>
  ) : (
    <EventOverview event={event} />
  );
  const props = { event };
  const tabs = [tab('overview', overview), tab('agenda', <AgendaTab {...props} />)];
  if (manage) {
    tabs.push(tab('tickets', <TicketsTab {...props} />), tab('registrations', <RegistrationsTab {...props} />));
    if (event.visibility === 'invitation' || event.visibility === 'members') tabs.push(tab('invitations', <InvitationsTab {...props} />));
    tabs.push(tab('attendance', <AttendanceTab {...props} />));
    if (JUDGED_KINDS.includes(event.kind)) tabs.push(tab('applications', <ApplicationsTab {...props} />), tab('judging', <JudgingTab {...props} />), tab('results', <ResultsTab {...props} />));
    if (PROJECT_KINDS.includes(event.kind)) tabs.push(tab('projects', <ProjectsTab {...props} />));
    if (event.kind === 'signing_ceremony' || event.kind === 'forum') tabs.push(tab('signing', <SigningTab {...props} />));
    tabs.push(tab('outcomes', <OutcomesTab {...props} />), tab('messages', <MessagesTab {...props} />));
  }
  const requested = params.get('tab') ?? 'overview';
  const active = tabs.some((x) => x.key === requested) ? requested : 'overview';

  return (
    <div data-testid="events-manage-page">
      <PageHeader
        title={
          <Space wrap size={8}>
            <span data-testid="events-manage-title">{event.title}</span>
            <EventKindTag kind={event.kind} />
            <EventStatusTag status={event.status} />
            <EventVisibilityTag visibility={event.visibility} />
          </Space>
        }
        subtitle={
          <Space wrap size={16}>
            <span>{formatEventRange(event.startsAt, event.endsAt, lang, event.timeZone)}</span>
            {event.venue && <span>{event.venue}</span>}
            {event.cancelledAt && <Typography.Text type="danger">{t('events.manage.cancelledAt', { at: formatDateTime(event.cancelledAt, lang, event.timeZone) })}</Typography.Text>}
          </Space>
        }
        extra={
          <Space wrap>
            <Link to={`/c/${community.slug}/events`}>
              <Button icon={<ArrowLeftOutlined />}>{t('events.manage.back')}</Button>
            </Link>
            {manage ? (
              <Actions event={event} onChanged={setEvent} />
            ) : (
              <>
                <a href={event.publicPath} target="_blank" rel="noopener noreferrer">
                  <Button icon={<GlobalOutlined />} data-testid="events-open-public">
                    {t('events.manage.openPublic')}
                  </Button>
                </a>
                <a href={eventsApi.agendaPdfUrl(community.id, event.id)} target="_blank" rel="noopener noreferrer">
                  <Button icon={<FilePdfOutlined />} data-testid="events-agenda-pdf">
                    {t('events.manage.agendaPdf')}
                  </Button>
                </a>
              </>
            )}
          </Space>
        }
      />
      <Space wrap size={32} style={{ marginBottom: 8 }}>
        <Statistic title={t('events.manage.seats')} value={`${event.confirmedCount} / ${event.capacity}`} data-testid="events-stat-seats" />
        <Statistic title={t('events.manage.checkedIn')} value={event.checkedInCount} data-testid="events-stat-checked-in" />
      </Space>
      <Tabs
        activeKey={active}
        onChange={(key) => {
          const next = new URLSearchParams(params);
          if (key === 'overview') next.delete('tab');
          else next.set('tab', key);
          setParams(next, { replace: true });
        }}
        items={tabs}
        destroyOnHidden
        data-testid="events-tabs"
      />
    </div>
  );
}
