/**
 * Creating a follow-up from an event: from an attendee (picked among the confirmed ones,
 * checked in first; a directory organisation is asked for when the registration has none) or
 * from a presented project, into one of the community's pipelines at a chosen stage.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordName } from '../../lib/directory';
import { useApiErrorHandler } from '../../lib/errors';
import { directoryApi } from '../../services/directory';
import { eventOutcomeKeys, eventOutcomesApi, type Attendee } from '../../services/eventOutcomes';
import { pipelineKeys, pipelinesApi } from '../../services/pipelines';
import { localStageName } from '../pipelines/common';
import type { EventTabProps } from './types';

export type FollowUpTarget = { source: 'registration' } | { source: 'project'; projectId: string; label: string };

interface Values {
  registrationId?: string;
  organisationId?: string;
  pipelineId: string;
  stageId?: string;
}

export function FollowUpModal({ event, target, onClose }: EventTabProps & { target: FollowUpTarget | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const [orgQ, setOrgQ] = useState('');
  const [attendee, setAttendee] = useState<Attendee | null>(null);
  const open = target !== null;
  const fromAttendee = target?.source === 'registration';
  const attendees = useQuery({ queryKey: eventOutcomeKeys.attendees(event.id, q), queryFn: () => eventOutcomesApi.attendees(event.communityId, event.id, q), enabled: open && fromAttendee });
  const needsOrganisation = fromAttendee && attendee !== null && attendee.organisation === null;
  const organisations = useQuery({
    queryKey: ['eventOutcomes', 'organisation-picker', orgQ || attendee?.organisationName || ''],
    queryFn: () => directoryApi.search({ q: orgQ || attendee?.organisationName || undefined, type: ['organisation'] }, undefined, 20),
    enabled: needsOrganisation,
  });
  const pipelines = useQuery({ queryKey: pipelineKeys.list(event.communityId), queryFn: () => pipelinesApi.list(event.communityId), enabled: open });
  const pipelineId = Form.useWatch('pipelineId', form);
  const pipeline = (pipelines.data ?? []).find((p) => p.id === pipelineId);
  const create = useMutation({
    mutationFn: (v: Values) =>
      eventOutcomesApi.createFollowUp(
        event.communityId,
        event.id,
        target?.source === 'project'
          ? { source: 'project', projectId: target.projectId, pipelineId: v.pipelineId, stageId: v.stageId || undefined }
          : { source: 'registration', registrationId: v.registrationId, organisationId: v.organisationId || undefined, pipelineId: v.pipelineId, stageId: v.stageId || undefined },
      ),
    onSuccess: () => {
      void message.success(t('eventOutcomes.followUp.created'));
      void queryClient.invalidateQueries({ queryKey: eventOutcomeKeys.all(event.id) });
      void queryClient.invalidateQueries({ queryKey: ['pipelines', event.communityId] });
      form.resetFields();
      setAttendee(null);
      onClose();
    },
    onError: (e) => onError(e, form, ['registrationId', 'organisationId', 'pipelineId', 'stageId', 'projectId']),
  });
  return (
    <Modal
      open={open}
      title={target?.source === 'project' ? `${t('eventOutcomes.followUp.title')} · ${target.label}` : t('eventOutcomes.followUp.title')}
      onCancel={() => {
        setAttendee(null);
        onClose();
      }}
      onOk={() => form.submit()}
      okText={t('eventOutcomes.common.save')}
      cancelText={t('eventOutcomes.common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'eventOutcomes-followup-save' } as never}
    >
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
        {fromAttendee && (
          <Form.Item name="registrationId" label={t('eventOutcomes.followUp.attendee')} rules={[{ required: true, message: t('fieldErrors.eventOutcomes_registration_required') }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setQ }}
              placeholder={t('eventOutcomes.followUp.attendeePicker')}
              loading={attendees.isFetching}
              notFoundContent={t('eventOutcomes.followUp.attendeeEmpty')}
              data-testid="eventOutcomes-followup-attendee"
              onChange={(id: string) => setAttendee((attendees.data?.items ?? []).find((a) => a.id === id) ?? null)}
              options={(attendees.data?.items ?? []).map((a) => ({
                value: a.id,
                label: (
                  <span>
                    {a.name} · {a.organisation ? recordName(a.organisation.nameZh, a.organisation.nameEn, i18n.language) : a.organisationName} {a.checkedInAt ? <Tag color="green">{t('eventOutcomes.followUp.checkedIn')}</Tag> : <Tag>{t('eventOutcomes.followUp.notCheckedIn')}</Tag>}
                    {a.followUpCount > 0 && <Tag color="blue">{t('eventOutcomes.followUp.existing', { count: a.followUpCount })}</Tag>}
                  </span>
                ),
              }))}
            />
          </Form.Item>
        )}
        {needsOrganisation && (
          <>
            <Alert type="info" showIcon title={t('eventOutcomes.followUp.organisationHint')} style={{ marginBottom: 16 }} />
            <Form.Item name="organisationId" label={t('eventOutcomes.followUp.organisation')} rules={[{ required: true, message: t('fieldErrors.eventOutcomes_pick_organisation') }]}>
              <Select
                showSearch={{ filterOption: false, onSearch: setOrgQ }}
                placeholder={t('eventOutcomes.followUp.organisationPicker')}
                loading={organisations.isFetching}
                data-testid="eventOutcomes-followup-organisation"
                options={(organisations.data?.items ?? []).map((o) => ({ value: o.entityId, label: recordName(o.titleZh, o.titleEn, i18n.language) }))}
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="pipelineId" label={t('eventOutcomes.followUp.pipeline')} rules={[{ required: true, message: t('fieldErrors.eventOutcomes_pipeline_unknown') }]}>
          <Select
            loading={pipelines.isLoading}
            data-testid="eventOutcomes-followup-pipeline"
            onChange={() => form.setFieldValue('stageId', undefined)}
            options={(pipelines.data ?? []).filter((p) => !p.archived).map((p) => ({ value: p.id, label: recordName(p.nameZh, p.nameEn, i18n.language) }))}
          />
        </Form.Item>
        <Form.Item name="stageId" label={t('eventOutcomes.followUp.stage')}>
          <Select
            allowClear
            placeholder={t('eventOutcomes.followUp.firstStage')}
            disabled={!pipeline}
            data-testid="eventOutcomes-followup-stage"
            options={(pipeline?.stages ?? []).map((s) => ({ value: s.id, label: localStageName(s, i18n.language) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
