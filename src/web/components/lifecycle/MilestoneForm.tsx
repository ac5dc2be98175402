import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, DatePicker, Form, Input, Modal, Radio, Select, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { classifyMove } from '../../../domain/lifecycle/moves';
import { useCommunity } from '../../lib/community';
import { useApiErrorHandler } from '../../lib/errors';
import { localName } from '../../lib/format';
import { useSession } from '../../lib/session';
import { ApiError } from '../../services/api';
import { directoryKeys } from '../../services/directory';
import { lifecycleApi, lifecycleKeys, type EvidenceFile, type LifecycleModel } from '../../services/lifecycle';
import { ModalButtons } from './ModalButtons';
import { useLifecycleCatalogue } from './support';
import { todayIn } from '../../../domain/lifecycle/models';

interface Values {
  kind?: string;
  occurredOn?: Dayjs;
  note?: string;
  evidenceMode: 'file' | 'url';
  evidenceUrl?: string;
  moveToStage?: boolean;
  reason?: string;
}

const FIELDS = ['kind', 'occurredOn', 'note', 'evidenceUrl', 'evidence', 'evidenceFileId', 'moveToStage', 'reason', 'version'] as const;
const ACCEPT = 'application/pdf,.pdf,image/png,image/jpeg,image/webp,.png,.jpg,.jpeg,.webp';

/** Records a dated milestone with its evidence (an uploaded PDF or image, or an http(s) link). */
export function MilestoneForm(props: { open: boolean; onClose: () => void; projectId: string; track: string; model: LifecycleModel | undefined; stage: string; version: number }) {
  const { t } = useTranslation();
  return (
    <Modal open={props.open} onCancel={props.onClose} title={t('lifecycle.milestoneTitle')} footer={null} destroyOnHidden width={560}>
      <MilestoneBody {...props} />
    </Modal>
  );
}

function MilestoneBody({ onClose, projectId, track, model, stage, version }: Parameters<typeof MilestoneForm>[0]) {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const session = useSession();
  const { data, stageName } = useLifecycleCatalogue();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<EvidenceFile | null>(null);
  const today = todayIn(community.timeZone);
  const kinds = (data?.milestoneKinds ?? []).filter((k) => k.tracks.length === 0 || k.tracks.includes(track as never));
  const kindCode = Form.useWatch('kind', form);
  const mode = Form.useWatch('evidenceMode', form) ?? 'url';
  const moveToStage = Form.useWatch('moveToStage', form);
  const kind = kinds.find((k) => k.code === kindCode);
  const target = kind?.stageCode && model?.stages.some((s) => s.code === kind.stageCode) && kind.stageCode !== stage ? kind.stageCode : null;
  const move = target && model ? classifyMove(model.stages.map((s) => s.code), stage, target) : null;
  const rollback = Boolean(moveToStage && move?.ok && move.kind === 'rollback');

  const upload = useMutation({
    mutationFn: (f: File) => lifecycleApi.uploadEvidence(projectId, f, session.data?.csrfToken, i18n.language),
    onSuccess: (f) => {
      setFile(f);
      form.setFields([{ name: 'evidenceMode', errors: [] }]);
      void queryClient.invalidateQueries({ queryKey: directoryKeys.record('project', projectId) });
    },
    onError: (e) => onError(e),
  });

  const save = useMutation({
    mutationFn: (v: Values) =>
      lifecycleApi.addMilestone(projectId, {
        kind: v.kind ?? '',
        occurredOn: (v.occurredOn ?? dayjs(today)).format('YYYY-MM-DD'),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        ...(v.evidenceMode === 'file' && file ? { evidenceFileId: file.id } : {}),
        ...(v.evidenceMode === 'url' && v.evidenceUrl?.trim() ? { evidenceUrl: v.evidenceUrl.trim() } : {}),
        ...(target && v.moveToStage ? { moveToStage: true, version, ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) } : {}),
      }),
    onSuccess: () => {
      void message.success(t('lifecycle.milestoneSaved'));
      void queryClient.invalidateQueries({ queryKey: lifecycleKeys.timeline(projectId) });
      void queryClient.invalidateQueries({ queryKey: directoryKeys.record('project', projectId) });
      void queryClient.invalidateQueries({ queryKey: directoryKeys.activity('project', projectId) });
      void queryClient.invalidateQueries({ queryKey: ['lifecycle-board'] });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'version_conflict') {
        void message.error(t('lifecycle.conflict'));
        void queryClient.invalidateQueries({ queryKey: lifecycleKeys.timeline(projectId) });
        return;
      }
      // "evidence" is the server's name for the evidence as a whole: show it under the choice.
      if (e instanceof ApiError && e.fields?.evidence) {
        form.setFields([{ name: 'evidenceMode', errors: [e.fields.evidence] }]);
        const { evidence: _e, ...rest } = e.fields;
        if (Object.keys(rest).length === 0) return;
      }
      onError(e, form, FIELDS);
    },
  });

  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ occurredOn: dayjs(today), evidenceMode: 'url' }} onFinish={(v) => save.mutate(v)} data-testid="milestone-form">
      <Form.Item name="kind" label={t('lifecycle.milestoneKind')} rules={[{ required: true, message: t('lifecycle.milestoneKind') }]}>
        <Select
          data-testid="milestone-kind"
          showSearch={{ optionFilterProp: 'label' }}
          options={kinds.map((k) => ({ value: k.code, label: localName(k, i18n.language) }))}
        />
      </Form.Item>
      <Form.Item name="occurredOn" label={t('lifecycle.occurredOn')} rules={[{ required: true, message: t('lifecycle.occurredOn') }]}>
        <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > today} data-testid="milestone-date" />
      </Form.Item>
      <Form.Item name="evidenceMode" label={t('lifecycle.evidenceMode')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'url', label: t('lifecycle.evidenceModeUrl') },
            { value: 'file', label: t('lifecycle.evidenceModeFile') },
          ]}
          data-testid="milestone-evidence-mode"
        />
      </Form.Item>
      {mode === 'url' ? (
        <Form.Item name="evidenceUrl" label={t('lifecycle.evidenceLink')} rules={[{ required: true, pattern: /^https?:\/\/\S+$/i, message: t('fieldErrors.lifecycle_evidence_url_invalid') }]}>
          <Input placeholder={t('lifecycle.urlPlaceholder')} maxLength={2000} data-testid="milestone-evidence-url" />
        </Form.Item>
      ) : (
        <Form.Item label={t('lifecycle.evidenceFile')} required>
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            customRequest={({ file: f }) => upload.mutate(f as File)}
            data-testid="milestone-evidence-upload"
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              {upload.isPending ? t('lifecycle.uploading') : t('lifecycle.upload')}
            </Button>
          </Upload>
          {file && (
            <Typography.Text type="success" style={{ display: 'block', marginTop: 6 }} data-testid="milestone-evidence-uploaded">
              {t('lifecycle.uploaded', { name: file.filename })}
            </Typography.Text>
          )}
        </Form.Item>
      )}
      <Form.Item name="note" label={t('lifecycle.note')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="milestone-note" />
      </Form.Item>
      {target && (
        <Form.Item name="moveToStage" valuePropName="checked">
          <Checkbox data-testid="milestone-move">{t('lifecycle.moveToStage', { stage: stageName(target) })}</Checkbox>
        </Form.Item>
      )}
      {rollback && (
        <Form.Item name="reason" label={t('lifecycle.reasonLabel')} extra={t('lifecycle.reasonHelpRollback')} rules={[{ required: true, whitespace: true, message: t('fieldErrors.lifecycle_reason_required') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
      )}
      <ModalButtons onCancel={onClose} pending={save.isPending} testId="milestone-save" />
    </Form>
  );
}
