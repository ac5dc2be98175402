/**
 * The agreement form, in a drawer: title, kind, amount in 万元, signing date and place, status,
 * project, segment, parties (two or more organisations with roles), the event id and a note.
 * It creates an agreement, or edits one (sending its version; the parties are replaced as a
 * set). A stale version reloads the agreement and says so.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, PARTY_ROLES } from '../../../domain/lifecycle/vocabularies';
import { useCommunity } from '../../lib/community';
import { errorText, fieldText } from '../../lib/errors';
import { fenToWan, wanToFen } from '../../lib/money';
import { useTaxonomy } from '../../lib/taxonomy';
import { ApiError } from '../../services/api';
import {
  agreementKeys,
  agreementsApi,
  type AgreementCreateInput,
  type AgreementDetail,
  type AgreementKind,
  type AgreementStatus,
  type PartyRole,
} from '../../services/agreements';
import type { EntityRef } from '../../services/directory';
import { OrganisationSelect, RecordDrawer, RecordSelect, WanInput } from '../directory/formSupport';
import { communityToday } from './common';

interface PartyValue {
  organisationId: string | null;
  role: PartyRole;
}

interface FormValues {
  title: string;
  kind: AgreementKind;
  amountWan: number | null;
  signedOn: Dayjs | null;
  signedPlace: string;
  status: AgreementStatus;
  projectId: string | null;
  segment: string | null;
  parties: PartyValue[];
  eventId: string;
  note: string;
}

/** What the form starts with when an agreement is recorded from a pipeline item. */
export interface AgreementPrefill {
  title?: string;
  kind?: AgreementKind;
  amountFen?: number | null;
  project?: EntityRef | null;
  organisation?: EntityRef | null;
  pipelineItemId?: string;
  itemTitle?: string;
}

const FIELDS = ['title', 'kind', 'amountFen', 'signedOn', 'signedPlace', 'status', 'projectId', 'segment', 'parties', 'eventId', 'note'] as const;
const FORM_FIELD: Record<string, string> = { amountFen: 'amountWan' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function valuesOf(a: AgreementDetail): FormValues {
  return {
    title: a.title,
    kind: a.kind,
    amountWan: fenToWan(a.amountFen),
    signedOn: dayjs(a.signedOn),
    signedPlace: a.signedPlace,
    status: a.status,
    projectId: a.project?.id ?? null,
    segment: a.segment,
    parties: a.parties.map((p) => ({ organisationId: p.organisation.id, role: p.role })),
    eventId: a.eventId ?? '',
    note: a.note,
  };
}

function initialValues(prefill: AgreementPrefill | undefined, today: Dayjs): FormValues {
  return {
    title: prefill?.title ?? '',
    kind: prefill?.kind ?? 'cooperation',
    amountWan: fenToWan(prefill?.amountFen ?? null),
    signedOn: today,
    signedPlace: '',
    status: 'signed',
    projectId: prefill?.project?.id ?? null,
    segment: null,
    parties: [
      { organisationId: prefill?.organisation?.id ?? null, role: 'party_a' },
      { organisationId: null, role: 'party_b' },
    ],
    eventId: '',
    note: '',
  };
}

export function AgreementForm(props: {
  open: boolean;
  onClose: () => void;
  agreement?: AgreementDetail;
  prefill?: AgreementPrefill;
  onSaved: (saved: AgreementDetail) => void;
  /** Called when the agreement changed under the editor (409): reload it. */
  onConflict?: () => void;
}) {
  const { t } = useTranslation();
  const { community } = useCommunity();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const taxonomy = useTaxonomy();
  const [form] = Form.useForm<FormValues>();
  const editing = props.agreement;
  const today = useMemo(() => communityToday(community.timeZone), [community.timeZone]);

  const knownOrgs: EntityRef[] = [
    ...(editing?.parties.map((p) => p.organisation) ?? []),
    ...(props.prefill?.organisation ? [props.prefill.organisation] : []),
  ];
  const knownProjects: EntityRef[] = editing?.project ? [editing.project] : props.prefill?.project ? [props.prefill.project] : [];

  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const body: AgreementCreateInput = {
        kind: v.kind,
        title: v.title.trim(),
        amountFen: wanToFen(v.amountWan),
        signedOn: v.signedOn!.format('YYYY-MM-DD'),
        signedPlace: v.signedPlace?.trim() ?? '',
        status: v.status,
        projectId: v.projectId ?? null,
        segment: v.segment ?? null,
        eventId: v.eventId?.trim() ? v.eventId.trim() : null,
        note: v.note?.trim() ?? '',
        parties: v.parties.map((p) => ({ organisationId: p.organisationId!, role: p.role })),
      };
      if (editing) return agreementsApi.update(community.id, editing.id, { ...body, version: editing.version });
      // A new agreement with no segment chosen takes the project's (or the first party's): leave it out.
      const { segment, ...rest } = body;
      const item = props.prefill?.pipelineItemId ? { pipelineItemId: props.prefill.pipelineItemId } : {};
      return agreementsApi.create(community.id, { ...(segment ? body : rest), ...item });
    },
    onSuccess: (saved) => {
      void message.success(editing ? t('agreements.form.saved') : t('agreements.form.created'));
      void queryClient.invalidateQueries({ queryKey: agreementKeys.all(community.id) });
      // Closed first: the list page's close clears its address, which must not undo a navigation in onSaved.
      props.onClose();
      props.onSaved(saved);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        void message.warning(t('agreements.detail.versionConflict'));
        props.onConflict?.();
        props.onClose();
        return;
      }
      if (error instanceof ApiError && error.fields) {
        const rest: string[] = [];
        const onForm: { name: (string | number)[]; errors: string[] }[] = [];
        for (const [name, text] of Object.entries(error.fields)) {
          const path = name.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : (FORM_FIELD[part] ?? part)));
          if (FIELDS.includes(name.split('.')[0] as (typeof FIELDS)[number]) && path.length > 1) onForm.push({ name: path, errors: [fieldText(t, text)] });
          else if (FIELDS.includes(name as (typeof FIELDS)[number]) && name !== 'parties') onForm.push({ name: path, errors: [fieldText(t, text)] });
          else rest.push(fieldText(t, text));
        }
        form.setFields(onForm as never);
        if (rest.length) void message.error(rest.join(' · '));
        return;
      }
      void message.error(errorText(t, error));
    },
  });

  return (
    <RecordDrawer open={props.open} onClose={props.onClose} title={editing ? t('agreements.form.editTitle') : t('agreements.form.createTitle')} width={640} testId="agreement-drawer">
      {props.prefill?.itemTitle && !editing && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('agreements.form.fromItem', { title: props.prefill.itemTitle })} data-testid="agreement-from-item" />}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={editing ? valuesOf(editing) : initialValues(props.prefill, today)}
        onFinish={(v) => save.mutate(v)}
        data-testid="agreement-form"
      >
        <Form.Item name="title" label={t('agreements.form.title')} rules={[{ required: true, whitespace: true, message: t('agreements.form.titleRequired') }]}>
          <Input maxLength={200} data-testid="agreement-title" />
        </Form.Item>
        <Space wrap style={{ width: '100%' }} styles={{ item: { flex: '1 1 180px' } }}>
          <Form.Item name="kind" label={t('agreements.form.kind')} rules={[{ required: true }]}>
            <Select options={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`agreements.kinds.${k}`) }))} data-testid="agreement-kind-select" />
          </Form.Item>
          <Form.Item name="status" label={t('agreements.form.status')}>
            <Select options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`agreements.statuses.${s}`) }))} data-testid="agreement-status-select" />
          </Form.Item>
        </Space>
        <Space wrap style={{ width: '100%' }} styles={{ item: { flex: '1 1 180px' } }}>
          <Form.Item name="amountWan" label={t('agreements.form.amount')} extra={t('agreements.form.amountHelp')}>
            <WanInput data-testid="agreement-amount" />
          </Form.Item>
          <Form.Item name="signedOn" label={t('agreements.form.signedOn')} rules={[{ required: true, message: t('agreements.form.signedOnRequired') }]}>
            <DatePicker style={{ width: '100%' }} data-testid="agreement-signed-on" />
          </Form.Item>
        </Space>
        <Form.Item name="signedPlace" label={t('agreements.form.signedPlace')}>
          <Input maxLength={200} data-testid="agreement-place" />
        </Form.Item>

        <Form.Item label={t('agreements.form.parties')} extra={t('agreements.form.partiesHelp')} required>
          <Form.List
            name="parties"
            rules={[
              {
                validator: async (_, parties: PartyValue[] | undefined) => {
                  const list = parties ?? [];
                  if (list.length < 2) throw new Error(t('agreements.form.partiesTooFew'));
                  if (list.some((p) => !p?.organisationId || !p.role)) throw new Error(t('agreements.form.partiesIncomplete'));
                  if (new Set(list.map((p) => p.organisationId)).size !== list.length) throw new Error(t('agreements.form.partiesDuplicate'));
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <div data-testid="agreement-parties">
                {fields.map((field, index) => (
                  <Space key={field.key} align="start" style={{ display: 'flex', marginBottom: 8 }} styles={{ item: { minWidth: 0 } }} data-testid="agreement-party-row">
                    <Form.Item name={[field.name, 'organisationId']} style={{ marginBottom: 0, width: 300, maxWidth: '52vw' }}>
                      <OrganisationSelect type="organisation" known={knownOrgs} testId={`agreement-party-org-${index}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'role']} style={{ marginBottom: 0, width: 130 }}>
                      <Select aria-label={t('agreements.form.role')} options={PARTY_ROLES.map((r) => ({ value: r, label: t(`agreements.roles.${r}`) }))} data-testid={`agreement-party-role-${index}`} />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} aria-label={t('agreements.form.removeParty')} disabled={fields.length <= 2} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ organisationId: null, role: fields.length === 2 ? 'party_c' : 'witness' })}
                  data-testid="agreement-add-party"
                >
                  {t('agreements.form.addParty')}
                </Button>
                <Form.ErrorList errors={errors} />
              </div>
            )}
          </Form.List>
        </Form.Item>

        <Form.Item name="projectId" label={t('agreements.form.project')}>
          <RecordSelect type="project" known={knownProjects} testId="agreement-project" />
        </Form.Item>
        <Form.Item name="segment" label={t('agreements.form.segment')} extra={t('agreements.form.segmentHelp')}>
          <Select allowClear options={taxonomy.options('segment')} data-testid="agreement-segment" />
        </Form.Item>
        <Form.Item
          name="eventId"
          label={t('agreements.form.eventId')}
          extra={t('agreements.form.eventIdHelp')}
          rules={[{ validator: async (_, v: string | undefined) => { if (v && v.trim() && !UUID.test(v.trim())) throw new Error(t('agreements.form.eventIdInvalid')); } }]}
        >
          <Input maxLength={36} data-testid="agreement-event-id" />
        </Form.Item>
        <Form.Item name="note" label={t('agreements.form.note')}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="agreement-note" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="agreement-save">
            {t('agreements.form.save')}
          </Button>
          <Button onClick={props.onClose}>{t('agreements.form.cancel')}</Button>
        </Space>
      </Form>
    </RecordDrawer>
  );
}
