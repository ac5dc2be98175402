import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../lib/errors';
import { recordName } from '../../lib/directory';
import { ApiError } from '../../services/api';
import { DECLINE_REASONS, referralKeys, referralsApi, type DeclineReason, type Referral } from '../../services/referrals';

const CONFLICTS = ['version_conflict', 'state_conflict'];

/** A decision that lost to someone else's: say so, and reload the list. */
function useDecisionErrors(onConflict: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  return <Values,>(error: unknown, form: FormInstance<Values>, fields: readonly string[]) => {
    if (error instanceof ApiError && CONFLICTS.includes(error.code)) {
      void message.warning(t('referrals.conflict'));
      onConflict();
      return;
    }
    onError(error, form, fields);
  };
}

function projectTitle(referral: Referral, lang: string) {
  return referral.project ? recordName(referral.project.nameZh, referral.project.nameEn, lang) : '';
}

interface AcceptValues {
  pipelineId: string | null;
  stageId: string | null;
  ownerUserId: string | null;
}

/** Accept into one of the community's pipelines: which pipeline, its first stage or another, and an owner. */
export function AcceptReferralModal(props: { referral: Referral | null; communityId: string; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const [form] = Form.useForm<AcceptValues>();
  const open = props.referral !== null;
  const pipelines = useQuery({ queryKey: referralKeys.pipelines(props.communityId), queryFn: () => referralsApi.pipelines(props.communityId), enabled: open });
  const staff = useQuery({ queryKey: referralKeys.staff(props.communityId), queryFn: () => referralsApi.staff(props.communityId), enabled: open });
  const onError = useDecisionErrors(() => {
    props.onDone();
    props.onClose();
  });
  const pipelineId = Form.useWatch('pipelineId', form);
  const usable = (pipelines.data ?? []).filter((p) => !p.archived);
  const stages = usable.find((p) => p.id === pipelineId)?.stages ?? [];
  // One pipeline: chosen for the user once it has loaded.
  const only = usable.length === 1 ? usable[0]!.id : null;
  useEffect(() => {
    if (open && only && !form.getFieldValue('pipelineId')) form.setFieldValue('pipelineId', only);
  }, [open, only, form]);

  const accept = useMutation({
    mutationFn: (v: AcceptValues) =>
      referralsApi.accept(props.communityId, props.referral!.id, {
        pipelineId: v.pipelineId!,
        ...(v.stageId ? { stageId: v.stageId } : {}),
        ownerUserId: v.ownerUserId ?? null,
        version: props.referral!.version,
      }),
    onSuccess: () => {
      void message.success(t('referrals.accept.done'));
      props.onDone();
      props.onClose();
    },
    onError: (error) => onError(error, form, ['pipelineId', 'stageId', 'ownerUserId']),
  });

  return (
    <Modal
      open={open}
      title={props.referral && t('referrals.accept.title', { project: projectTitle(props.referral, lang) })}
      okText={t('referrals.accept.ok')}
      cancelText={t('common.cancel')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={accept.isPending}
      okButtonProps={{ disabled: pipelines.isSuccess && usable.length === 0, 'data-testid': 'referral-accept-submit' } as never}
      destroyOnHidden
      data-testid="referral-accept-modal"
    >
      <Typography.Paragraph type="secondary">{t('referrals.accept.help')}</Typography.Paragraph>
      {pipelines.isSuccess && usable.length === 0 && <Alert type="warning" showIcon title={t('referrals.accept.noPipelines')} style={{ marginBottom: 16 }} />}
      <Form<AcceptValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ pipelineId: only, stageId: null, ownerUserId: null }}
        onFinish={(v) => accept.mutate(v)}
      >
        <Form.Item name="pipelineId" label={t('referrals.accept.pipeline')} rules={[{ required: true, message: t('referrals.accept.pipelineRequired') }]}>
          <Select
            loading={pipelines.isPending}
            options={usable.map((p) => ({ value: p.id, label: lang === 'en' ? p.nameEn || p.nameZh : p.nameZh }))}
            onChange={() => form.setFieldValue('stageId', null)}
            data-testid="referral-accept-pipeline"
          />
        </Form.Item>
        <Form.Item name="stageId" label={t('referrals.accept.stage')} extra={t('referrals.accept.stageHint')}>
          <Select
            allowClear
            disabled={!pipelineId}
            options={stages.map((s) => ({ value: s.id, label: lang === 'en' ? s.nameEn || s.nameZh : s.nameZh }))}
            data-testid="referral-accept-stage"
          />
        </Form.Item>
        <Form.Item name="ownerUserId" label={t('referrals.accept.owner')} extra={t('referrals.accept.ownerHint')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={staff.isPending}
            options={(staff.data ?? []).map((m) => ({ value: m.userId, label: `${m.displayName} · ${m.email}` }))}
            data-testid="referral-accept-owner"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface DeclineValues {
  reason: DeclineReason | null;
  note: string;
}

/** Decline with one of the fixed reasons; "other" needs a note. The referring side sees both. */
export function DeclineReferralModal(props: { referral: Referral | null; communityId: string; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DeclineValues>();
  const reason = Form.useWatch('reason', form);
  const onError = useDecisionErrors(() => {
    props.onDone();
    props.onClose();
  });
  const decline = useMutation({
    mutationFn: (v: DeclineValues) => referralsApi.decline(props.communityId, props.referral!.id, { reason: v.reason!, note: v.note ?? '', version: props.referral!.version }),
    onSuccess: () => {
      void message.success(t('referrals.decline.done'));
      props.onDone();
      props.onClose();
    },
    onError: (error) => onError(error, form, ['reason', 'note']),
  });
  return (
    <Modal
      open={props.referral !== null}
      title={props.referral && t('referrals.decline.title', { project: projectTitle(props.referral, i18n.language) })}
      okText={t('referrals.decline.ok')}
      okButtonProps={{ danger: true, 'data-testid': 'referral-decline-submit' } as never}
      cancelText={t('common.cancel')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={decline.isPending}
      destroyOnHidden
      data-testid="referral-decline-modal"
    >
      <Typography.Paragraph type="secondary">{t('referrals.decline.help')}</Typography.Paragraph>
      <Form<DeclineValues> form={form} layout="vertical" preserve={false} initialValues={{ reason: null, note: '' }} onFinish={(v) => decline.mutate(v)}>
        <Form.Item name="reason" label={t('referrals.decline.reason')} rules={[{ required: true, message: t('referrals.decline.reasonRequired') }]}>
          <Select options={DECLINE_REASONS.map((r) => ({ value: r, label: t(`referrals.declineReasons.${r}`) }))} data-testid="referral-decline-reason" />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('referrals.decline.note')}
          rules={[{ required: reason === 'other', whitespace: true, message: t('fieldErrors.referral_decline_note_required') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('referrals.decline.notePlaceholder')} data-testid="referral-decline-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
