/**
 * Slots: a generator (days of the event × sessions, cut into slots of a length with a changeover
 * gap, skipping breaks) with a live count of what it will make, and the slots grouped by day and
 * session, each deletable (a slot holding a published meeting cannot go: 409 explained).
 */
import { DeleteOutlined, MinusCircleOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Empty, Form, Input, InputNumber, Popconfirm, Row, Space, Statistic, Switch, Tag, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { generateSlots, type SlotPlan } from '../../../domain/partnering/slots';
import { fieldText, useApiErrorHandler } from '../../lib/errors';
import { zoneOffsetLabel } from '../../lib/format';
import { partneringOrgApi, partneringOrgKeys, type OrgSlot, type SlotGenerateInput } from '../../services/partneringOrg';
import { LoadError } from '../States';
import { clock, dayLabel, isConflict, slotRange, useRefreshPartnering, type OrgTabProps } from './common';

interface SessionRow {
  label: string;
  start: Dayjs | null;
  end: Dayjs | null;
}
interface BreakRow {
  start: Dayjs | null;
  end: Dayjs | null;
}
interface GeneratorValues {
  days: string[];
  sessions: SessionRow[];
  slotMinutes: number;
  gapMinutes: number;
  breaks: BreakRow[];
  replace: boolean;
}

/** The calendar days the event spans, in the community's zone. */
export function eventDays(startsAt: string, endsAt: string, timeZone: string): string[] {
  const first = dayjs(startsAt).tz(timeZone).startOf('day');
  const last = dayjs(endsAt).tz(timeZone).format('YYYY-MM-DD');
  const days: string[] = [];
  for (let d = first; days.length < 31; d = d.add(1, 'day')) {
    const s = d.format('YYYY-MM-DD');
    days.push(s);
    if (s >= last) break;
  }
  return days;
}

/** The plan as the server reads it, from the form's values (incomplete rows left out). */
function planOf(v: Partial<GeneratorValues>): SlotPlan {
  const hhmm = (d: Dayjs | null | undefined) => (d ? d.format('HH:mm') : null);
  return {
    days: v.days ?? [],
    sessions: (v.sessions ?? []).flatMap((s) => (s && hhmm(s.start) && hhmm(s.end) ? [{ label: s.label ?? '', start: hhmm(s.start)!, end: hhmm(s.end)! }] : [])),
    slotMinutes: v.slotMinutes ?? 0,
    gapMinutes: v.gapMinutes ?? 0,
    breaks: (v.breaks ?? []).flatMap((b) => (b && hhmm(b.start) && hhmm(b.end) ? [{ start: hhmm(b.start)!, end: hhmm(b.end)! }] : [])),
  };
}

function Generator({ communityId, event, timeZone, hasSlots }: OrgTabProps & { hasSlots: boolean }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRefreshPartnering(event.id);
  const [form] = Form.useForm<GeneratorValues>();
  const days = useMemo(() => eventDays(event.startsAt, event.endsAt, timeZone), [event.startsAt, event.endsAt, timeZone]);
  const values = Form.useWatch([], form) as Partial<GeneratorValues> | undefined;
  // The live preview runs the server's own generator on the form's values.
  const preview = useMemo(() => {
    const plan = planOf(values ?? {});
    if (plan.sessions.length === 0 || plan.slotMinutes < 5) return { perDay: 0, total: 0, problem: null as string | null };
    const result = generateSlots({ ...plan, days: plan.days.length ? plan.days : ['2000-01-03'] }, timeZone);
    if (!result.ok) return { perDay: 0, total: 0, problem: result.problems[0]!.message };
    const perDay = result.slots.length / (plan.days.length || 1);
    return { perDay, total: plan.days.length ? result.slots.length : 0, problem: null };
  }, [values, timeZone]);
  const { perDay, total } = preview;

  const generate = useMutation({
    mutationFn: (v: GeneratorValues) => {
      const body: SlotGenerateInput = {
        days: v.days,
        sessions: v.sessions.map((s) => ({ label: s.label.trim(), start: s.start!.format('HH:mm'), end: s.end!.format('HH:mm') })),
        slotMinutes: v.slotMinutes,
        gapMinutes: v.gapMinutes ?? 0,
        breaks: (v.breaks ?? []).filter((b) => b.start && b.end).map((b) => ({ start: b.start!.format('HH:mm'), end: b.end!.format('HH:mm') })),
        replace: v.replace,
      };
      return partneringOrgApi.generateSlots(communityId, event.id, body);
    },
    onSuccess: (list) => {
      void message.success(t('partneringOrg.slots.generated', { count: list.items.length }));
      refresh();
    },
    onError: (e) => {
      if (isConflict(e, 'partnering_slot_overlap')) {
        modal.warning({ title: t('partneringOrg.slots.overlapTitle'), content: t('partneringOrg.slots.overlapBody') });
        return;
      }
      if (isConflict(e, 'partnering_slot_in_use')) {
        modal.warning({ title: t('partneringOrg.slots.inUseTitle'), content: t('partneringOrg.slots.replaceInUseBody') });
        return;
      }
      onError(e, form, ['days', 'sessions', 'slotMinutes', 'gapMinutes', 'breaks', 'replace']);
    },
  });

  const time = <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: 110 }} />;
  return (
    <Card variant="borderless" title={t('partneringOrg.slots.generatorTitle')} extra={<Typography.Text type="secondary">{t('partneringOrg.common.zone', { zone: zoneOffsetLabel(timeZone) })}</Typography.Text>}>
      <Form<GeneratorValues>
        form={form}
        layout="vertical"
        initialValues={{
          days,
          sessions: [
            { label: t('partneringOrg.slots.morning'), start: dayjs('2000-01-01T09:00'), end: dayjs('2000-01-01T12:00') },
            { label: t('partneringOrg.slots.afternoon'), start: dayjs('2000-01-01T14:00'), end: dayjs('2000-01-01T17:30') },
          ],
          slotMinutes: 20,
          gapMinutes: 5,
          breaks: [],
          replace: false,
        }}
        onFinish={(v) => generate.mutate(v)}
        data-testid="slots-generator"
      >
        <Form.Item name="days" label={t('partneringOrg.slots.days')} rules={[{ required: true, type: 'array', min: 1, message: t('partneringOrg.slots.daysRequired') }]}>
          <Checkbox.Group options={days.map((d) => ({ value: d, label: `${d} · ${dayLabel(d, t('partneringOrg.common.dayFormat'))}` }))} data-testid="slots-days" />
        </Form.Item>
        <Typography.Text strong style={{ display: 'block' }}>{t('partneringOrg.slots.sessions')}</Typography.Text>
        <Form.List name="sessions">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8, marginBottom: 16 }}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'label']} rules={[{ required: true, whitespace: true, message: t('partneringOrg.slots.labelRequired') }]}>
                    <Input maxLength={30} placeholder={t('partneringOrg.slots.sessionLabel')} style={{ width: 160 }} data-testid={`slots-session-label-${field.name}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'start']} rules={[{ required: true, message: t('partneringOrg.slots.timeRequired') }]}>
                    {time}
                  </Form.Item>
                  <span>–</span>
                  <Form.Item name={[field.name, 'end']} rules={[{ required: true, message: t('partneringOrg.slots.timeRequired') }]}>
                    {time}
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('partneringOrg.common.remove')} />}
                </Space>
              ))}
              {fields.length < 6 && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ label: '', start: null, end: null })} size="small">
                  {t('partneringOrg.slots.addSession')}
                </Button>
              )}
            </div>
          )}
        </Form.List>
        <Space wrap size={24} align="start" style={{ display: 'flex' }}>
          <Form.Item name="slotMinutes" label={t('partneringOrg.slots.slotMinutes')} rules={[{ required: true, message: t('partneringOrg.slots.timeRequired') }]}>
            <InputNumber min={5} max={240} precision={0} suffix={t('partneringOrg.slots.min')} style={{ width: 140 }} data-testid="slots-minutes" />
          </Form.Item>
          <Form.Item name="gapMinutes" label={t('partneringOrg.slots.gapMinutes')}>
            <InputNumber min={0} max={120} precision={0} suffix={t('partneringOrg.slots.min')} style={{ width: 140 }} data-testid="slots-gap" />
          </Form.Item>
        </Space>
        <Typography.Text strong style={{ display: 'block' }}>{t('partneringOrg.slots.breaks')}</Typography.Text>
        <Form.List name="breaks">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8, marginBottom: 16 }}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'start']} rules={[{ required: true, message: t('partneringOrg.slots.timeRequired') }]}>
                    {time}
                  </Form.Item>
                  <span>–</span>
                  <Form.Item name={[field.name, 'end']} rules={[{ required: true, message: t('partneringOrg.slots.timeRequired') }]}>
                    {time}
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('partneringOrg.common.remove')} />
                </Space>
              ))}
              {fields.length < 10 && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ start: null, end: null })} size="small" data-testid="slots-add-break">
                  {t('partneringOrg.slots.addBreak')}
                </Button>
              )}
            </div>
          )}
        </Form.List>
        <Form.Item name="replace" valuePropName="checked" label={t('partneringOrg.slots.replace')} extra={t('partneringOrg.slots.replaceHelp')}>
          <Switch disabled={!hasSlots} data-testid="slots-replace" />
        </Form.Item>
        {preview.problem && <Alert type="warning" showIcon title={fieldText(t, preview.problem)} style={{ marginBottom: 12 }} data-testid="slots-preview-problem" />}
        <Space size={32} align="center" wrap>
          <Statistic title={t('partneringOrg.slots.previewPerDay')} value={perDay} />
          <Statistic title={t('partneringOrg.slots.previewTotal')} value={total} data-testid="slots-preview-total" />
          <Button type="primary" htmlType="submit" icon={<ThunderboltOutlined />} loading={generate.isPending} disabled={total === 0} data-testid="slots-generate-submit">
            {t('partneringOrg.slots.generate', { count: total })}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

function SlotList({ communityId, event, timeZone, slots }: OrgTabProps & { slots: OrgSlot[] }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRefreshPartnering(event.id);
  const remove = useMutation({
    mutationFn: (slot: OrgSlot) => partneringOrgApi.deleteSlot(communityId, event.id, slot.id),
    onSuccess: () => {
      void message.success(t('partneringOrg.slots.deleted'));
      refresh();
    },
    onError: (e) => {
      if (isConflict(e, 'partnering_slot_in_use')) {
        modal.warning({ title: t('partneringOrg.slots.inUseTitle'), content: t('partneringOrg.slots.inUseBody') });
        return;
      }
      onError(e);
    },
  });

  const grouped = useMemo(() => {
    const byDay = new Map<string, Map<string, OrgSlot[]>>();
    for (const s of slots) {
      const sessions = byDay.get(s.day) ?? new Map<string, OrgSlot[]>();
      byDay.set(s.day, sessions);
      const list = sessions.get(s.session) ?? [];
      sessions.set(s.session, list);
      list.push(s);
    }
    return [...byDay.entries()];
  }, [slots]);

  if (slots.length === 0) {
    return (
      <Card variant="borderless" title={t('partneringOrg.slots.listTitle', { count: 0 })}>
        <Empty description={t('partneringOrg.slots.none')} />
      </Card>
    );
  }
  return (
    <Card variant="borderless" title={t('partneringOrg.slots.listTitle', { count: slots.length })} data-testid="slots-list">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {grouped.map(([day, sessions]) => (
          <div key={day} data-testid={`slots-day-${day}`}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {day} · {dayLabel(day, t('partneringOrg.common.dayFormat'))}
            </Typography.Title>
            {[...sessions.entries()].map(([session, list]) => (
              <Row key={session} gutter={8} style={{ marginBottom: 8 }} wrap={false}>
                <Col flex="120px">
                  <Typography.Text type="secondary">{session}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {clock(list[0]!.startsAt, timeZone)}–{clock(list[list.length - 1]!.endsAt, timeZone)}
                  </Typography.Text>
                </Col>
                <Col flex="auto">
                  <Space size={[4, 6]} wrap>
                    {list.map((s) => (
                      <Tag key={s.id} color={s.publishedMeetings > 0 ? 'blue' : s.draftMeetings > 0 ? 'processing' : undefined} style={{ marginInlineEnd: 0 }} data-testid={`slot-${s.id}`}>
                        <span title={t('partneringOrg.slots.slotTitle', { draft: s.draftMeetings, published: s.publishedMeetings })}>
                          {slotRange(s, timeZone)}
                          {(s.draftMeetings > 0 || s.publishedMeetings > 0) && <Typography.Text type="secondary" style={{ fontSize: 11 }}>{` · ${s.draftMeetings}/${s.publishedMeetings}`}</Typography.Text>}
                        </span>
                        <Popconfirm
                          title={s.draftMeetings > 0 ? t('partneringOrg.slots.deleteConfirmDraft', { count: s.draftMeetings }) : t('partneringOrg.slots.deleteConfirm')}
                          okText={t('partneringOrg.common.delete')}
                          okButtonProps={{ danger: true }}
                          cancelText={t('partneringOrg.common.cancel')}
                          onConfirm={() => remove.mutateAsync(s).catch(() => undefined)}
                        >
                          <DeleteOutlined style={{ marginInlineStart: 6, cursor: 'pointer', fontSize: 11 }} aria-label={t('partneringOrg.common.delete')} data-testid={`slot-delete-${s.id}`} />
                        </Popconfirm>
                      </Tag>
                    ))}
                  </Space>
                </Col>
              </Row>
            ))}
          </div>
        ))}
        <Typography.Text type="secondary">{t('partneringOrg.slots.legend')}</Typography.Text>
      </Space>
    </Card>
  );
}

export function SlotsTab(props: OrgTabProps) {
  const { communityId, event } = props;
  const { t } = useTranslation();
  const query = useQuery({ queryKey: partneringOrgKeys.slots(event.id), queryFn: () => partneringOrgApi.slots(communityId, event.id) });
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const slots = query.data?.items ?? [];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {event.status === 'cancelled' && <Alert type="warning" showIcon title={t('partneringOrg.settings.eventCancelled')} />}
      <Generator {...props} hasSlots={slots.length > 0} />
      {query.isPending ? <Card loading variant="borderless" /> : <SlotList {...props} slots={slots} />}
    </Space>
  );
}

