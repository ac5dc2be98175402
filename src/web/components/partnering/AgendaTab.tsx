/**
 * "我的日程": the published meetings by day (time in the community's zone, the table, room or
 * link, the other party's card), the calendar file and the printable agenda; accepted meetings
 * the published schedule does not hold; after a meeting starts, the user's account of it.
 */
import { CalendarOutlined, CommentOutlined, EnvironmentOutlined, LinkOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Form, Input, Radio, Rate, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETING_OUTCOMES, type MeetingOutcome } from '../../../domain/partnering/vocabularies';
import { PARTNERING_LIMITS } from '../../../shared/schemas/partnering';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDateTime, zoneOffsetLabel } from '../../lib/format';
import { agendaByDay, meetingStarted } from '../../lib/partnering';
import { partneringApi, partneringKeys, type AgendaMeeting, type ParticipantCard, type PartneringOverview } from '../../services/partnering';
import { LoadError } from '../States';
import { SideTag, dayLabel, slotTime } from './common';
import { ParticipantDrawer } from './ParticipantDrawer';

interface FeedbackValues {
  outcome: MeetingOutcome;
  rating: number | null;
  followUp: string;
}

function FeedbackForm({ eventId, meeting, onDone }: { eventId: string; meeting: AgendaMeeting; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<FeedbackValues>();
  const outcome = Form.useWatch('outcome', form);
  const existing = meeting.myFeedback;
  const save = useMutation({
    mutationFn: (v: FeedbackValues) =>
      partneringApi.saveFeedback(eventId, meeting.id, { outcome: v.outcome, rating: v.outcome === 'held' ? (v.rating || null) : null, followUp: v.followUp?.trim() ?? '' }),
    onSuccess: () => {
      void message.success(t('partnering.agenda.feedbackSaved'));
      void queryClient.invalidateQueries({ queryKey: partneringKeys.agenda(eventId) });
      onDone();
    },
    onError: (error) => onError(error, form, ['outcome', 'rating', 'followUp']),
  });
  return (
    <Form<FeedbackValues>
      form={form}
      layout="vertical"
      className="bb-partnering-feedback"
      initialValues={{ outcome: existing?.outcome ?? 'held', rating: existing?.rating ?? null, followUp: existing?.followUp ?? '' }}
      onFinish={(v) => save.mutate(v)}
      data-testid={`feedback-form-${meeting.id}`}
    >
      <Form.Item name="outcome" label={t('partnering.agenda.outcome')} rules={[{ required: true }]}>
        <Radio.Group optionType="button" options={MEETING_OUTCOMES.map((o) => ({ value: o, label: t(`partnering.outcomes.${o}`) }))} data-testid="feedback-outcome" />
      </Form.Item>
      {outcome === 'held' && (
        <Form.Item name="rating" label={t('partnering.agenda.rating')} extra={t('partnering.agenda.ratingHelp')}>
          <Rate data-testid="feedback-rating" />
        </Form.Item>
      )}
      <Form.Item name="followUp" label={t('partnering.agenda.followUp')} extra={t('partnering.agenda.followUpHelp')} rules={[{ max: PARTNERING_LIMITS.followUp }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={PARTNERING_LIMITS.followUp} data-testid="feedback-follow-up" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="feedback-save">
          {t('partnering.agenda.saveFeedback')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}

function MeetingItem({ meeting, overview, now, onOpen }: { meeting: AgendaMeeting; overview: PartneringOverview; now: number; onOpen: (c: ParticipantCard) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const zone = overview.event.timeZone;
  const c = meeting.counterpart;
  const loc = meeting.location;
  const started = meetingStarted(meeting.slot, now);
  const fb = meeting.myFeedback;
  return (
    <div className="bb-partnering-meeting" data-testid={`agenda-meeting-${meeting.id}`}>
      <div className="bb-partnering-meeting-time">
        <span className="bb-partnering-meeting-clock">{slotTime(meeting.slot, zone)}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {meeting.slot.session}
        </Typography.Text>
      </div>
      <div className="bb-partnering-meeting-body">
        <div>
          <Typography.Link strong onClick={() => onOpen(c)} className="bb-partnering-card-name">
            {c.displayName}
          </Typography.Link>{' '}
          <SideTag side={c.side} />
        </div>
        <div className="bb-partnering-card-org">{[c.organisationName, c.jobTitle].filter(Boolean).join(' · ')}</div>
        <div className="bb-partnering-meeting-place">
          {loc.kind === 'online' ? (
            <>
              <LinkOutlined /> {loc.name}
              {loc.onlineUrl && (
                <>
                  {' · '}
                  <a href={loc.onlineUrl} target="_blank" rel="noopener noreferrer" data-testid={`agenda-link-${meeting.id}`}>
                    {t('partnering.agenda.join')}
                  </a>
                </>
              )}
            </>
          ) : (
            <>
              {/* "洽谈桌 · 洽谈桌 1" says the kind twice: name the kind only when the name does not. */}
              <EnvironmentOutlined /> {loc.name.startsWith(t(`partnering.locationKinds.${loc.kind}`)) ? null : <>{t(`partnering.locationKinds.${loc.kind}`)} · </>}
              <Typography.Text strong>{loc.name}</Typography.Text>
            </>
          )}
          {meeting.source !== 'request' && (
            <Tag style={{ marginLeft: 8 }}>{t(`partnering.agenda.source_${meeting.source}`)}</Tag>
          )}
        </div>
        {started && !editing && (
          <div className="bb-partnering-meeting-feedback">
            {fb ? (
              <Space size={8} wrap>
                <Tag color={fb.outcome === 'held' ? 'success' : 'default'}>{t(`partnering.outcomes.${fb.outcome}`)}</Tag>
                {fb.rating !== null && <Rate disabled value={fb.rating} style={{ fontSize: 14 }} />}
                {fb.followUp && <Typography.Text type="secondary">{fb.followUp}</Typography.Text>}
                <Button size="small" type="link" onClick={() => setEditing(true)}>
                  {t('partnering.agenda.editFeedback')}
                </Button>
              </Space>
            ) : (
              <Button size="small" icon={<CommentOutlined />} onClick={() => setEditing(true)} data-testid={`feedback-open-${meeting.id}`}>
                {t('partnering.agenda.giveFeedback')}
              </Button>
            )}
          </div>
        )}
        {editing && <FeedbackForm eventId={overview.event.id} meeting={meeting} onDone={() => setEditing(false)} />}
      </div>
    </div>
  );
}

export function AgendaTab({ overview }: { overview: PartneringOverview }) {
  const { t, i18n } = useTranslation();
  const eventId = overview.event.id;
  const agenda = useQuery({ queryKey: partneringKeys.agenda(eventId), queryFn: () => partneringApi.agenda(eventId) });
  const [open, setOpen] = useState<ParticipantCard | null>(null);
  // Fixed when the tab opens: which meetings have started does not change under the user's hands.
  const [now] = useState(() => Date.now());
  if (agenda.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (agenda.isError) return <LoadError error={agenda.error} onRetry={() => void agenda.refetch()} />;
  const data = agenda.data;
  const zone = data.timeZone;
  const days = agendaByDay(data.meetings);
  const published = data.schedule.publishedAt !== null;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="partnering-agenda">
      {published ? (
        <div className="bb-partnering-agenda-bar">
          <Typography.Text type="secondary">
            {t('partnering.agenda.publishedAt', { time: formatDateTime(data.schedule.publishedAt, i18n.language, zone), zone: zoneOffsetLabel(zone) })}
          </Typography.Text>
          <Space wrap>
            <Button icon={<CalendarOutlined />} href={partneringApi.icsUrl(eventId)} disabled={data.meetings.length === 0} data-testid="agenda-ics">
              {t('partnering.agenda.ics')}
            </Button>
            <Button icon={<PrinterOutlined />} href={partneringApi.pdfUrl(eventId)} target="_blank" rel="noopener noreferrer" disabled={data.meetings.length === 0} data-testid="agenda-pdf">
              {t('partnering.agenda.pdf')}
            </Button>
          </Space>
        </div>
      ) : (
        <Alert type="info" showIcon title={t('partnering.agenda.notPublished')} description={t('partnering.agenda.notPublishedText')} data-testid="agenda-not-published" />
      )}
      {published && data.meetings.length === 0 && (
        <Card variant="borderless">
          <Empty description={t('partnering.agenda.none')} />
        </Card>
      )}
      {days.map((day) => (
        <Card key={day.day} size="small" variant="borderless" title={dayLabel(day.day, i18n.language)} data-testid={`agenda-day-${day.day}`}>
          {day.meetings.map((m) => (
            <MeetingItem key={m.id} meeting={m} overview={overview} now={now} onOpen={setOpen} />
          ))}
        </Card>
      ))}
      {data.unscheduled.length > 0 && (
        <Card size="small" variant="borderless" title={t('partnering.agenda.unscheduled', { count: data.unscheduled.length })} data-testid="agenda-unscheduled">
          <Typography.Paragraph type="secondary">{published ? t('partnering.agenda.unscheduledText') : t('partnering.agenda.unscheduledBefore')}</Typography.Paragraph>
          {data.unscheduled.map((u) => (
            <div key={u.id} className="bb-partnering-unscheduled">
              <Typography.Link onClick={() => setOpen(u.counterpart)}>{u.counterpart.displayName}</Typography.Link>
              <Typography.Text type="secondary"> · {u.counterpart.organisationName}</Typography.Text>
            </div>
          ))}
        </Card>
      )}
      <ParticipantDrawer card={open} onClose={() => setOpen(null)} />
    </Space>
  );
}
