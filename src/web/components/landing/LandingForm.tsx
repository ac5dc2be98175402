/**
 * The drawer that records a landing or edits one. Opened from a pipeline item (`itemId`), it
 * starts from the item's organisation, project, expected investment and area, and sends the
 * item's id so the landing names where it came from.
 */
import { Alert, App, Button, Col, DatePicker, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Spin, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordDrawer, RecordSelect, useRecordFormErrors, WanInput } from '../directory/formSupport';
import { useCommunity } from '../../lib/community';
import { fenToWan, wanToFen } from '../../lib/money';
import { landingApi, landingKeys, type Landing, type LandingCreated, type Zone } from '../../services/landing';
import { recordName } from '../../lib/directory';
import { zoneLabel } from './labels';

interface Values {
  organisationId?: string | null;
  projectId?: string | null;
  zoneId?: string | null;
  floorAreaSqm?: number | null;
  registeredCapitalWan?: number | null;
  committedInvestmentWan?: number | null;
  landedOn?: Dayjs | null;
  note?: string;
}

const FIELD_NAMES = ['organisationId', 'projectId', 'zoneId', 'floorAreaSqm', 'registeredCapitalFen', 'committedInvestmentFen', 'landedOn', 'note', 'pipelineItemId'] as const;

function toValues(l: Landing): Values {
  return {
    organisationId: l.organisation.id,
    projectId: l.project?.id ?? null,
    zoneId: l.zone?.id ?? null,
    floorAreaSqm: l.floorAreaSqm,
    registeredCapitalWan: fenToWan(l.registeredCapitalFen),
    committedInvestmentWan: fenToWan(l.committedInvestmentFen),
    landedOn: dayjs(l.landedOn),
    note: l.note,
  };
}

export function LandingForm(props: { open: boolean; landing: Landing | null; itemId: string | null; zones: Zone[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const editing = props.landing;
  const editingVersion = useRef(editing?.version ?? 1);

  const item = useQuery({
    queryKey: ['pipeline-item', community.id, props.itemId],
    queryFn: () => landingApi.pipelineItem(community.id, props.itemId!),
    enabled: props.open && !editing && Boolean(props.itemId),
    retry: false,
  });

  useEffect(() => {
    if (props.open && editing) editingVersion.current = editing.version;
  }, [props.open, editing]);

  // The form mounts each time the drawer opens (destroyOnHidden), so its initial values are the record's, or the item's.
  const it = editing ? undefined : item.data;
  const known = editing
    ? { organisation: [editing.organisation], project: editing.project ? [editing.project] : [] }
    : { organisation: it?.organisation ? [it.organisation] : [], project: it?.project ? [it.project] : [] };
  const initialValues: Values = editing
    ? toValues(editing)
    : {
        landedOn: dayjs().tz(community.timeZone),
        ...(it ? { organisationId: it.organisation?.id ?? null, projectId: it.project?.id ?? null, committedInvestmentWan: fenToWan(it.expectedInvestmentFen), floorAreaSqm: it.expectedAreaSqm } : {}),
      };
  const waitingForItem = Boolean(props.itemId) && !editing && item.isLoading;

  const reload = editing
    ? async () => {
        const fresh = await landingApi.landing(community.id, editing.id);
        form.resetFields();
        form.setFieldsValue(toValues(fresh));
        editingVersion.current = fresh.version;
      }
    : undefined;
  const onError = useRecordFormErrors(form, FIELD_NAMES, reload);

  const done = () => {
    void queryClient.invalidateQueries({ queryKey: landingKeys.all(community.id) });
    props.onClose();
  };

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const common = {
        zoneId: v.zoneId ?? null,
        floorAreaSqm: v.floorAreaSqm ?? null,
        registeredCapitalFen: wanToFen(v.registeredCapitalWan),
        committedInvestmentFen: wanToFen(v.committedInvestmentWan),
        landedOn: v.landedOn!.format('YYYY-MM-DD'),
        note: v.note ?? '',
      };
      if (editing) return landingApi.updateLanding(community.id, editing.id, { version: editingVersion.current, ...common });
      return landingApi.createLanding(community.id, {
        organisationId: v.organisationId!,
        projectId: v.projectId ?? null,
        pipelineItemId: item.data ? props.itemId : null,
        ...common,
      });
    },
    onSuccess: (saved) => {
      if (!editing) {
        const created = saved as LandingCreated;
        const extras = [created.residentLinkCreated ? t('landing.form.residentLinked') : null, created.landedReferralId ? t('landing.form.referralLanded') : null].filter(Boolean);
        void message.success([t('landing.form.recorded'), ...extras].join(' '));
      } else void message.success(t('landing.form.saved'));
      done();
    },
    onError,
  });

  const remove = useMutation({
    mutationFn: () => landingApi.deleteLanding(community.id, editing!.id),
    onSuccess: () => {
      void message.success(t('landing.form.deleted'));
      done();
    },
    onError,
  });

  return (
    <RecordDrawer
      open={props.open}
      onClose={props.onClose}
      title={editing ? t('landing.form.editTitle') : t('landing.form.newTitle')}
      width={640}
      testId="landing-drawer"
    >
      {props.itemId && !editing && item.isError && <Alert type="warning" showIcon title={t('landing.form.itemUnavailable')} style={{ marginBottom: 16 }} />}
      {props.itemId && !editing && item.data && (
        item.data.landingId ? (
          <Alert type="warning" showIcon title={t('landing.form.itemLanded', { title: item.data.title })} style={{ marginBottom: 16 }} data-testid="landing-item-landed" />
        ) : (
          <Alert type="info" showIcon title={t('landing.form.fromItem', { title: item.data.title })} style={{ marginBottom: 16 }} data-testid="landing-from-item" />
        )
      )}
      {waitingForItem ? (
        <Spin />
      ) : (
        <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => save.mutate(v)} requiredMark="optional">
          {editing ? (
            <Form.Item label={t('landing.field.organisation')} required extra={t('landing.form.organisationFixed')}>
              <Typography.Text strong data-testid="landing-organisation-name">
                {recordName(editing.organisation.nameZh, editing.organisation.nameEn, i18n.language)}
              </Typography.Text>
              {editing.project && <div>{recordName(editing.project.nameZh, editing.project.nameEn, i18n.language)}</div>}
            </Form.Item>
          ) : (
            <>
              <Form.Item name="organisationId" label={t('landing.field.organisation')} rules={[{ required: true, message: t('landing.form.required') }]} extra={t('landing.form.organisationHelp')}>
                <RecordSelect type="organisation" kind={['enterprise']} known={known.organisation} testId="landing-organisation" />
              </Form.Item>
              <Form.Item name="projectId" label={t('landing.field.project')} extra={t('landing.form.projectHelp')}>
                <RecordSelect type="project" known={known.project} testId="landing-project" />
              </Form.Item>
            </>
          )}
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name="zoneId" label={t('landing.field.zone')}>
                <Select
                  allowClear
                  placeholder={t('landing.form.zonePlaceholder')}
                  options={props.zones.map((z) => ({ value: z.id, label: zoneLabel(z, i18n.language) }))}
                  data-testid="landing-zone"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="floorAreaSqm" label={t('landing.field.floorArea')}>
                <InputNumber<number>
                  min={0}
                  max={100_000_000}
                  precision={0}
                  style={{ width: '100%' }}
                  suffix={t('landing.unit.sqm')}
                  formatter={(v) => (v === undefined || v === null || `${v}` === '' ? '' : `${v}`.replace(/\B(?=(\d{3})+(?!\d))/g, ','))}
                  parser={(v) => Number((v ?? '').replace(/,/g, ''))}
                  data-testid="landing-area"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="registeredCapitalWan" label={t('landing.field.registeredCapital')}>
                <WanInput data-testid="landing-capital" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="committedInvestmentWan" label={t('landing.field.committedInvestment')}>
                <WanInput data-testid="landing-investment" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="landedOn" label={t('landing.field.landedOn')} rules={[{ required: true, message: t('landing.form.required') }]}>
                <DatePicker style={{ width: '100%' }} data-testid="landing-date" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="note" label={t('landing.field.note')}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Space>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="landing-save">
                {editing ? t('common.save') : t('landing.form.record')}
              </Button>
              <Button onClick={props.onClose}>{t('common.cancel')}</Button>
            </Space>
            {editing && (
              <Popconfirm title={t('landing.form.deleteConfirm')} description={t('landing.form.deleteHelp')} onConfirm={() => remove.mutate()} okButtonProps={{ danger: true }}>
                <Button danger loading={remove.isPending} data-testid="landing-delete">
                  {t('landing.form.delete')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        </Form>
      )}
    </RecordDrawer>
  );
}
