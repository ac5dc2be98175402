/**
 * The event form: kind (with what each kind is for), title and summary, the rich description,
 * times in the community's time zone, venue and online link, who may attend, approval, when
 * registration closes, the first ticket type's seats (new events only) and the organisers
 * picked from the directory. Creates a draft, or saves changes with the version it loaded.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { APPROVAL_MODES, EVENT_KINDS, EVENT_VISIBILITIES, ORGANISER_ROLES } from '../../../domain/events/vocabularies';
import { useCommunity } from '../../lib/community';
import { errorText, fieldText } from '../../lib/errors';
import { zoneOffsetLabel } from '../../lib/format';
import { ApiError } from '../../services/api';
import type { EntityRef } from '../../services/directory';
import { eventKeys, eventsApi, type EventDetail, type EventKind, type EventUpdateInput, type EventVisibility, type OrganiserRole } from '../../services/events';
import { OrganisationSelect } from '../directory/formSupport';
import { fromPicker, toPicker } from './EventTime';
import { RichTextEditor } from './RichTextEditor';

interface OrganiserValue {
  organisationId: string | null;
  role: OrganiserRole;
}

interface FormValues {
  kind: EventKind;
  title: string;
  summary: string;
  descriptionHtml: string;
  startsAt: Dayjs | null;
  endsAt: Dayjs | null;
  venue: string;
  onlineUrl: string;
  visibility: EventVisibility;
  approvalMode: 'automatic' | 'reviewed';
  registrationClosesAt: Dayjs | null;
  capacity: number | null;
  organisers: OrganiserValue[];
}

const FIELDS = ['kind', 'title', 'summary', 'descriptionHtml', 'startsAt', 'endsAt', 'venue', 'onlineUrl', 'visibility', 'approvalMode', 'registrationClosesAt', 'capacity', 'organisers'];

function valuesOf(e: EventDetail, tz: string): FormValues {
  return {
    kind: e.kind,
    title: e.title,
    summary: e.summary,
    descriptionHtml: e.descriptionHtml,
    startsAt: toPicker(e.startsAt, tz),
    endsAt: toPicker(e.endsAt, tz),
    venue: e.venue,
    onlineUrl: e.onlineUrl ?? '',
    visibility: e.visibility,
    approvalMode: e.approvalMode,
    registrationClosesAt: toPicker(e.registrationClosesAt, tz),
    capacity: null,
    organisers: e.organisers.map((o) => ({ organisationId: o.organisation.id, role: o.role })),
  };
}

const EMPTY: FormValues = {
  kind: 'salon',
  title: '',
  summary: '',
  descriptionHtml: '',
  startsAt: null,
  endsAt: null,
  venue: '',
  onlineUrl: '',
  visibility: 'public',
  approvalMode: 'automatic',
  registrationClosesAt: null,
  capacity: 100,
  organisers: [{ organisationId: null, role: 'host' }],
};

export function EventForm(props: { event?: EventDetail; onSaved: (saved: EventDetail) => void; onCancel?: () => void; onConflict?: () => void }) {
  const { t } = useTranslation();
  const { community } = useCommunity();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const editing = props.event;
  const tz = editing?.timeZone ?? community.timeZone;
  const kind = Form.useWatch('kind', form) ?? editing?.kind ?? EMPTY.kind;
  const readOnly = editing?.status === 'cancelled';
  const knownOrgs: EntityRef[] = editing?.organisers.map((o) => o.organisation) ?? [];

  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const common = {
        kind: v.kind,
        title: v.title.trim(),
        summary: v.summary?.trim() ?? '',
        descriptionHtml: v.descriptionHtml ?? '',
        venue: v.venue?.trim() ?? '',
        onlineUrl: v.onlineUrl?.trim() ? v.onlineUrl.trim() : null,
        startsAt: fromPicker(v.startsAt!, tz),
        endsAt: fromPicker(v.endsAt!, tz),
        visibility: v.visibility,
        approvalMode: v.approvalMode,
        registrationClosesAt: v.registrationClosesAt ? fromPicker(v.registrationClosesAt, tz) : null,
        organisers: (v.organisers ?? []).filter((o) => o.organisationId).map((o) => ({ organisationId: o.organisationId!, role: o.role })),
      };
      if (editing) return eventsApi.update(community.id, editing.id, { ...common, version: editing.version } satisfies EventUpdateInput);
      return eventsApi.create(community.id, { ...common, capacity: v.capacity ?? 0 });
    },
    onSuccess: (saved) => {
      void message.success(editing ? t('events.form.saved') : t('events.form.created'));
      void queryClient.invalidateQueries({ queryKey: eventKeys.all(community.id) });
      props.onSaved(saved);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        void message.warning(t('errors.version_conflict'));
        props.onConflict?.();
        return;
      }
      if (error instanceof ApiError && error.fields) {
        const rest: string[] = [];
        const onForm: { name: (string | number)[]; errors: string[] }[] = [];
        for (const [name, text] of Object.entries(error.fields)) {
          const path = name.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
          if (FIELDS.includes(String(path[0])) && !(path.length === 1 && path[0] === 'organisers')) onForm.push({ name: path, errors: [fieldText(t, text)] });
          else rest.push(fieldText(t, text));
        }
        form.setFields(onForm as never);
        if (rest.length) void message.error(rest.join(' · '));
        return;
      }
      void message.error(errorText(t, error));
    },
  });

  const zone = t('events.form.timeZoneHelp', { tz: `${tz} ${zoneOffsetLabel(tz)}` });

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      disabled={readOnly}
      initialValues={editing ? valuesOf(editing, tz) : EMPTY}
      onValuesChange={(changed: Partial<FormValues>) => {
        if (changed.kind === 'closed_door') form.setFieldValue('visibility', 'invitation');
      }}
      onFinish={(v) => save.mutate(v)}
      data-testid="events-form"
      style={{ maxWidth: 860 }}
    >
      {readOnly && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('events.form.cancelledNote')} />}
      <Card title={t('events.form.basics')} variant="borderless" style={{ marginBottom: 16 }}>
        <Form.Item name="kind" label={t('events.form.kind')} rules={[{ required: true }]} extra={t(`events.kindHelp.${kind}`)}>
          <Select
            options={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))}
            optionRender={(option) => (
              <Space orientation="vertical" size={0}>
                <span>{option.label}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
                  {t(`events.kindHelp.${String(option.value)}`)}
                </Typography.Text>
              </Space>
            )}
            data-testid="events-kind-select"
          />
        </Form.Item>
        <Form.Item name="title" label={t('events.form.title')} rules={[{ required: true, whitespace: true, message: t('events.form.required', { field: t('events.form.title') }) }]}>
          <Input maxLength={200} placeholder={t('events.form.titlePlaceholder')} data-testid="events-title" />
        </Form.Item>
        <Form.Item name="summary" label={t('events.form.summary')} extra={t('events.form.summaryHelp')}>
          <Input maxLength={500} showCount data-testid="events-summary" />
        </Form.Item>
        <Form.Item name="descriptionHtml" label={t('events.form.description')} extra={t('events.editor.placeholder')}>
          <RichTextEditor />
        </Form.Item>
      </Card>

      <Card title={t('events.form.times')} variant="borderless" style={{ marginBottom: 16 }}>
        <Space wrap style={{ width: '100%' }} styles={{ item: { flex: '1 1 240px' } }}>
          <Form.Item name="startsAt" label={t('events.form.startsAt')} rules={[{ required: true, message: t('events.form.required', { field: t('events.form.startsAt') }) }]} extra={zone}>
            <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="events-starts-at" />
          </Form.Item>
          <Form.Item
            name="endsAt"
            label={t('events.form.endsAt')}
            dependencies={['startsAt']}
            rules={[
              { required: true, message: t('events.form.required', { field: t('events.form.endsAt') }) },
              ({ getFieldValue }) => ({
                validator: async (_, v: Dayjs | null) => {
                  const start = getFieldValue('startsAt') as Dayjs | null;
                  if (v && start && !v.isAfter(start)) throw new Error(t('fieldErrors.events_ends_before_start'));
                },
              }),
            ]}
          >
            <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="events-ends-at" />
          </Form.Item>
        </Space>
        <Form.Item name="venue" label={t('events.form.venue')}>
          <Input maxLength={300} placeholder={t('events.form.venuePlaceholder')} data-testid="events-venue" />
        </Form.Item>
        <Form.Item name="onlineUrl" label={t('events.form.onlineUrl')} extra={t('events.form.onlineUrlHelp')} rules={[{ pattern: /^https?:\/\/\S+$/i, message: t('events.form.onlineUrlHelp') }]}>
          <Input maxLength={500} placeholder="https://" data-testid="events-online-url" />
        </Form.Item>
      </Card>

      <Card title={t('events.form.access')} variant="borderless" style={{ marginBottom: 16 }}>
        <Form.Item name="visibility" label={t('events.form.visibility')} extra={kind === 'closed_door' ? t('events.form.closedDoorNote') : undefined}>
          <Radio.Group data-testid="events-visibility">
            <Space orientation="vertical">
              {EVENT_VISIBILITIES.map((v) => (
                <Radio key={v} value={v} disabled={kind === 'closed_door' && v !== 'invitation'} data-testid={`events-visibility-${v}`}>
                  {t(`events.visibilities.${v}`)}
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                    {t(`events.visibilityHelp.${v}`)}
                  </Typography.Text>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="approvalMode" label={t('events.form.approvalMode')}>
          <Radio.Group data-testid="events-approval">
            <Space orientation="vertical">
              {APPROVAL_MODES.map((m) => (
                <Radio key={m} value={m} data-testid={`events-approval-${m}`}>
                  {t(`events.approvalModes.${m}`)}
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                    {t(`events.approvalHelp.${m}`)}
                  </Typography.Text>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Space wrap style={{ width: '100%' }} styles={{ item: { flex: '1 1 240px' } }}>
          <Form.Item name="registrationClosesAt" label={t('events.form.registrationClosesAt')} extra={t('events.form.registrationClosesHelp')}>
            <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="events-registration-closes" />
          </Form.Item>
          {!editing && (
            <Form.Item name="capacity" label={t('events.form.capacity')} extra={t('events.form.capacityHelp')} rules={[{ required: true, message: t('events.form.required', { field: t('events.form.capacity') }) }]}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} data-testid="events-capacity" />
            </Form.Item>
          )}
        </Space>
      </Card>

      <Card title={t('events.form.organisers')} variant="borderless" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('events.form.organisersHelp')}</Typography.Paragraph>
        <Form.List name="organisers">
          {(fields, { add, remove }) => (
            <div data-testid="events-organisers">
              {fields.map((field, index) => (
                <Space key={field.key} align="start" style={{ display: 'flex', marginBottom: 8 }} styles={{ item: { minWidth: 0 } }} data-testid="events-organiser-row">
                  <Form.Item name={[field.name, 'organisationId']} style={{ marginBottom: 0, width: 340, maxWidth: '52vw' }}>
                    <OrganisationSelect type="organisation" known={knownOrgs} testId={`events-organiser-org-${index}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'role']} style={{ marginBottom: 0, width: 130 }}>
                    <Select aria-label={t('events.form.organisation')} options={ORGANISER_ROLES.map((r) => ({ value: r, label: t(`events.organiserRoles.${r}`) }))} data-testid={`events-organiser-role-${index}`} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('events.form.remove')} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ organisationId: null, role: fields.length === 0 ? 'host' : 'co_host' })} data-testid="events-add-organiser">
                {t('events.form.addOrganiser')}
              </Button>
            </div>
          )}
        </Form.List>
      </Card>

      {!readOnly && (
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="events-save">
            {editing ? t('events.form.save') : t('events.form.create')}
          </Button>
          {props.onCancel && <Button onClick={props.onCancel}>{t('events.form.cancel')}</Button>}
        </Space>
      )}
    </Form>
  );
}
