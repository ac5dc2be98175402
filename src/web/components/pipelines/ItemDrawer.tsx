/**
 * One pipeline item in a drawer, opened from a card or a table row (or `?item=<id>` on the
 * board's address): its fields (saved with the version it was loaded at), its stage history,
 * the activities timeline with a form to add one (and set the next action in the same step),
 * marking it lost or reopening it, deleting it, and the agreements or landing made from it.
 * With no item it is the form of a new item.
 */
import { DeleteOutlined, FileDoneOutlined, HomeOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Spin, Tabs, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ACTIVITY_KINDS, LOSS_REASONS, type ActivityKind, type LossReason } from '../../../domain/lifecycle/vocabularies';
import { useCommunity } from '../../lib/community';
import { useSession } from '../../lib/session';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { fenToWan, formatMoney, wanToFen } from '../../lib/money';
import { pipelineKeys, pipelinesApi, type ItemUpdateInput, type Pipeline, type PipelineItemDetail } from '../../services/pipelines';
import { changedFields, RecordDrawer, RecordSelect, useRecordFormErrors, WanInput } from '../directory/formSupport';
import { LoadError } from '../States';
import { localStageName, stageById, useMemberOptions, useRefreshPipeline } from './common';

interface FormValues {
  title: string;
  stageId?: string;
  projectId: string | null;
  organisationId: string | null;
  ownerUserId: string | null;
  expectedInvestmentWan: number | null;
  expectedAreaSqm: number | null;
  probability: number | null;
  nextAction: string;
  nextActionOn: Dayjs | null;
}

const FIELD_NAMES = ['title', 'stageId', 'projectId', 'organisationId', 'ownerUserId', 'expectedInvestmentFen', 'expectedAreaSqm', 'probability', 'nextAction', 'nextActionOn'] as const;

function toValues(item: PipelineItemDetail): FormValues {
  return {
    title: item.title,
    projectId: item.project?.id ?? null,
    organisationId: item.organisation?.id ?? null,
    ownerUserId: item.owner?.userId ?? null,
    expectedInvestmentWan: fenToWan(item.expectedInvestmentFen),
    expectedAreaSqm: item.expectedAreaSqm,
    probability: item.probabilityOverride,
    nextAction: item.nextAction,
    nextActionOn: item.nextActionOn ? dayjs(item.nextActionOn) : null,
  };
}

function bodyOf(values: FormValues) {
  return {
    title: values.title?.trim(),
    projectId: values.projectId ?? null,
    organisationId: values.organisationId ?? null,
    ownerUserId: values.ownerUserId ?? null,
    expectedInvestmentFen: wanToFen(values.expectedInvestmentWan),
    expectedAreaSqm: values.expectedAreaSqm ?? null,
    probability: values.probability ?? null,
    nextAction: values.nextAction?.trim() ?? '',
    nextActionOn: values.nextActionOn ? values.nextActionOn.format('YYYY-MM-DD') : null,
  };
}

/** The item's fields: the edit form of an item, or the form of a new one. */
function ItemForm({ pipeline, item, newStageId, onSaved, onCancel, reload }: { pipeline: Pipeline; item?: PipelineItemDetail; newStageId?: string; onSaved: (saved: PipelineItemDetail) => void; onCancel: () => void; reload?: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const { community, can } = useCommunity();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  // A new item is the creator's by default when they can own one (admins and staff).
  const session = useSession().data?.user;
  const me = session && (community.myRole === 'community_admin' || community.myRole === 'staff') ? session : null;
  const owners = useMemberOptions([item?.owner, me && !item ? { userId: me.id, displayName: me.displayName } : null]);
  const onError = useRecordFormErrors(form, [...FIELD_NAMES, 'expectedInvestmentWan'], reload);
  const canWrite = can('pipeline.write');
  const disabled = !canWrite || Boolean(item?.lostAt) || pipeline.archived;
  const save = useMutation({
    mutationFn: async (values: FormValues) => {
      const body = bodyOf(values);
      if (!item) return pipelinesApi.createItem(community.id, pipeline.id, { ...body, stageId: values.stageId });
      const changes = changedFields(body, bodyOf(toValues(item)));
      if (Object.keys(changes).length === 0) return null;
      return pipelinesApi.updateItem(community.id, item.id, { version: item.version, ...changes } as ItemUpdateInput);
    },
    onSuccess: (saved) => {
      if (!saved) {
        void message.info(t('pipelines.item.noChanges'));
        return;
      }
      void message.success(item ? t('pipelines.item.saved') : t('pipelines.item.created'));
      onSaved(saved);
    },
    onError: (error) => {
      onError(error);
      const fields = (error as { fields?: Record<string, string> }).fields;
      if (fields?.expectedInvestmentFen) form.setFields([{ name: 'expectedInvestmentWan', errors: [t(`fieldErrors.${fields.expectedInvestmentFen}`, { defaultValue: fields.expectedInvestmentFen })] }]);
    },
  });
  const stageProbability = stageById(pipeline, item?.stageId ?? newStageId ?? pipeline.stages[0]?.id)?.probability;

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      disabled={disabled}
      initialValues={item ? toValues(item) : { title: '', stageId: newStageId ?? pipeline.stages[0]?.id, projectId: null, organisationId: null, ownerUserId: me?.id ?? null, expectedInvestmentWan: null, expectedAreaSqm: null, probability: null, nextAction: '', nextActionOn: null }}
      onFinish={(values) => save.mutate(values)}
      data-testid="item-form"
    >
      <Form.Item name="title" label={t('pipelines.field.title')} rules={[{ required: true, whitespace: true, message: t('pipelines.item.titleRequired') }]}>
        <Input maxLength={200} data-testid="item-title" />
      </Form.Item>
      {!item && (
        <Form.Item name="stageId" label={t('pipelines.field.stage')}>
          <Select options={pipeline.stages.map((s) => ({ value: s.id, label: localStageName(s, i18n.language) }))} data-testid="item-stage" />
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="projectId" label={t('pipelines.field.project')}>
            <RecordSelect type="project" known={item?.project ? [item.project] : []} testId="item-project" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="organisationId" label={t('pipelines.field.organisation')}>
            <RecordSelect type="organisation" known={item?.organisation ? [item.organisation] : []} testId="item-organisation" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="ownerUserId" label={t('pipelines.field.owner')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={owners} placeholder={t('pipelines.card.noOwner')} data-testid="item-owner" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="probability" label={t('pipelines.field.probability')} extra={stageProbability !== undefined ? t('pipelines.item.stageProbability', { value: stageProbability }) : undefined}>
            <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} placeholder={stageProbability !== undefined ? String(stageProbability) : undefined} data-testid="item-probability" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="expectedInvestmentWan" label={t('pipelines.field.expectedInvestment')}>
            <WanInput data-testid="item-investment" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="expectedAreaSqm" label={t('pipelines.field.expectedArea')}>
            <InputNumber min={0} max={100_000_000} precision={0} suffix="m²" style={{ width: '100%' }} data-testid="item-area" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name="nextAction" label={t('pipelines.field.nextAction')}>
            <Input maxLength={500} data-testid="item-next-action" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="nextActionOn" label={t('pipelines.field.nextActionOn')}>
            <DatePicker style={{ width: '100%' }} data-testid="item-next-action-on" />
          </Form.Item>
        </Col>
      </Row>
      {!disabled && (
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="item-save">
            {item ? t('common.save') : t('pipelines.item.create')}
          </Button>
          {!item && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
        </Space>
      )}
    </Form>
  );
}

function History({ pipeline, item }: { pipeline: Pipeline; item: PipelineItemDetail }) {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const lang = i18n.language;
  const colors: Record<string, string> = { created: 'blue', advance: 'green', skip: 'cyan', rollback: 'orange', lost: 'red', reopened: 'blue' };
  if (item.history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="item-history"
      items={[...item.history]
        .sort((a, b) => b.at.localeCompare(a.at))
        .map((e) => ({
          key: e.id,
          color: colors[e.kind] ?? 'gray',
          content: (
            <div data-testid={`history-${e.kind}`}>
              <div>
                <strong>{t(`pipelines.event.${e.kind}`)}</strong>
                {e.fromStageId && e.toStageId && ` · ${localStageName(stageById(pipeline, e.fromStageId), lang) || '?'} → ${localStageName(stageById(pipeline, e.toStageId), lang) || '?'}`}
                {!e.fromStageId && e.toStageId && ` · ${localStageName(stageById(pipeline, e.toStageId), lang)}`}
              </div>
              {e.lostReason && <Tag color="red">{t(`pipelines.lossReason.${e.lostReason}`)}</Tag>}
              {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.actor?.displayName ?? t('pipelines.item.system')} · {formatDateTime(e.at, lang, community.timeZone)}
              </Typography.Text>
            </div>
          ),
        }))}
    />
  );
}

interface ActivityValues {
  kind: ActivityKind;
  occurredAt: Dayjs;
  body: string;
  nextAction?: string;
  nextActionOn?: Dayjs | null;
}

function Activities({ pipeline, item }: { pipeline: Pipeline; item: PipelineItemDetail }) {
  const { t, i18n } = useTranslation();
  const { community, can } = useCommunity();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRefreshPipeline();
  const [form] = Form.useForm<ActivityValues>();
  const activities = useQuery({ queryKey: pipelineKeys.activities(community.id, item.id), queryFn: () => pipelinesApi.activities(community.id, item.id) });
  const add = useMutation({
    mutationFn: (values: ActivityValues) =>
      pipelinesApi.addActivity(community.id, item.id, {
        kind: values.kind,
        occurredAt: values.occurredAt.toISOString(),
        body: values.body.trim(),
        nextAction: values.nextAction?.trim() || undefined,
        nextActionOn: values.nextActionOn ? values.nextActionOn.format('YYYY-MM-DD') : undefined,
      }),
    onSuccess: () => {
      void message.success(t('pipelines.activity.added'));
      form.resetFields();
      refresh(pipeline.id, item.id);
    },
    onError: (error) => onError(error, form, ['kind', 'occurredAt', 'body', 'nextAction', 'nextActionOn']),
  });
  const list = [...(activities.data ?? [])].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <div>
      {can('pipeline.write') && (
        <Form<ActivityValues> form={form} layout="vertical" initialValues={{ kind: 'call', occurredAt: dayjs() }} onFinish={(v) => add.mutate(v)} data-testid="activity-form">
          <Row gutter={12}>
            <Col xs={12} sm={8}>
              <Form.Item name="kind" label={t('pipelines.activity.kind')}>
                <Select options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`pipelines.activityKind.${k}`) }))} data-testid="activity-kind" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={16}>
              <Form.Item name="occurredAt" label={t('pipelines.activity.when')} rules={[{ required: true }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="body" label={t('pipelines.activity.body')} rules={[{ required: true, whitespace: true, message: t('pipelines.activity.bodyRequired') }]}>
            <Input.TextArea rows={3} maxLength={4000} data-testid="activity-body" />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={16}>
              <Form.Item name="nextAction" label={t('pipelines.activity.nextAction')}>
                <Input maxLength={500} placeholder={item.nextAction || undefined} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="nextActionOn" label={t('pipelines.field.nextActionOn')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="activity-add">
            {t('pipelines.activity.add')}
          </Button>
        </Form>
      )}
      <div style={{ marginTop: 24 }}>
        {activities.isPending ? (
          <Spin />
        ) : activities.isError ? (
          <LoadError error={activities.error} onRetry={() => void activities.refetch()} />
        ) : list.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pipelines.activity.none')} />
        ) : (
          <Timeline
            data-testid="activity-timeline"
            items={list.map((a) => ({
              key: a.id,
              content: (
                <div data-testid="activity-entry">
                  <Tag>{t(`pipelines.activityKind.${a.kind}`)}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(a.occurredAt, i18n.language, community.timeZone)} · {a.author?.displayName ?? t('pipelines.item.system')}
                  </Typography.Text>
                  <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{a.body}</div>
                </div>
              ),
            }))}
          />
        )}
      </div>
    </div>
  );
}

function LoseModal({ item, open, onClose, onDone }: { item: PipelineItemDetail; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { community } = useCommunity();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ reason: LossReason; note?: string }>();
  const reason = Form.useWatch('reason', form);
  const lose = useMutation({
    mutationFn: (v: { reason: LossReason; note?: string }) => pipelinesApi.lose(community.id, item.id, { version: item.version, reason: v.reason, note: v.note?.trim() || undefined }),
    onSuccess: () => {
      onDone();
      onClose();
    },
    onError: (error) => onError(error, form, ['reason', 'note']),
  });
  return (
    <Modal
      open={open}
      title={t('pipelines.lose.title', { title: item.title })}
      okText={t('pipelines.lose.confirm')}
      okButtonProps={{ danger: true, 'data-testid': 'lose-ok' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={lose.isPending}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => lose.mutate(v), () => undefined)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('pipelines.lose.reason')} rules={[{ required: true, message: t('pipelines.lose.reasonRequired') }]}>
          <Select options={LOSS_REASONS.map((r) => ({ value: r, label: t(`pipelines.lossReason.${r}`) }))} data-testid="lose-reason" />
        </Form.Item>
        <Form.Item name="note" label={t('pipelines.lose.note')} rules={reason === 'other' ? [{ required: true, whitespace: true, message: t('fieldErrors.pipeline_note_required') }] : []}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="lose-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ItemDetail({ pipeline, itemId, onClose }: { pipeline: Pipeline; itemId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { community, can } = useCommunity();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRefreshPipeline();
  const [losing, setLosing] = useState(false);
  const detail = useQuery({ queryKey: pipelineKeys.item(community.id, itemId), queryFn: () => pipelinesApi.item(community.id, itemId) });
  const reopen = useMutation({
    mutationFn: (item: PipelineItemDetail) => pipelinesApi.reopen(community.id, item.id, { version: item.version }),
    onSuccess: () => {
      void message.success(t('pipelines.item.reopened'));
      refresh(pipeline.id, itemId);
    },
    onError: (e) => {
      onError(e);
      refresh(pipeline.id, itemId);
    },
  });
  const remove = useMutation({
    mutationFn: () => pipelinesApi.remove(community.id, itemId),
    onSuccess: () => {
      void message.success(t('pipelines.item.deleted'));
      refresh(pipeline.id);
      onClose();
    },
    onError: (e) => onError(e),
  });
  if (detail.isPending) return <Spin />;
  if (detail.isError) return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  const item = detail.data;
  const stage = stageById(pipeline, item.stageId);
  const canWrite = can('pipeline.write');
  const base = `/c/${community.slug}`;
  return (
    <div data-testid="item-detail" data-item-id={item.id}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          {
            key: 'stage',
            label: t('pipelines.field.stage'),
            children: (
              <span data-testid="item-stage-name">
                <Tag color={item.lostAt ? 'red' : 'cyan'}>{localStageName(stage, lang)}</Tag>
                {item.lostAt && <Tag color="red">{t('pipelines.status.lost')}</Tag>}
              </span>
            ),
          },
          { key: 'prob', label: t('pipelines.field.probability'), children: `${item.probability}%` },
          { key: 'source', label: t('pipelines.field.source'), children: t(`pipelines.source.${item.source}`) },
          { key: 'inv', label: t('pipelines.field.expectedInvestment'), children: item.expectedInvestmentFen === null ? '—' : formatMoney(item.expectedInvestmentFen, lang) },
        ]}
      />
      {item.lostAt && (
        <Alert
          type="warning"
          showIcon
          style={{ margin: '12px 0' }}
          title={t('pipelines.item.lostOn', { date: formatDate(item.lostAt, lang, community.timeZone), reason: item.lostReason ? t(`pipelines.lossReason.${item.lostReason}`) : '' })}
          description={item.lostNote || undefined}
          data-testid="item-lost"
        />
      )}
      <Space wrap style={{ margin: '12px 0' }}>
        {item.agreementIds.map((id, i) => (
          <Link key={id} to={`${base}/agreements/${id}`} data-testid="item-agreement-link">
            <Button size="small" icon={<FileDoneOutlined />}>
              {t('pipelines.item.agreementN', { n: i + 1 })}
            </Button>
          </Link>
        ))}
        {item.landingId && (
          <Link to={`${base}/landing?landingId=${item.landingId}`} data-testid="item-landing-link">
            <Button size="small" icon={<HomeOutlined />}>
              {t('pipelines.item.landing')}
            </Button>
          </Link>
        )}
        {canWrite && !item.lostAt && stage?.action === 'agreement' && (
          <Link to={`${base}/agreements?new=1&itemId=${item.id}`}>
            <Button size="small" type="dashed" icon={<FileDoneOutlined />}>
              {t('pipelines.action.agreement.button')}
            </Button>
          </Link>
        )}
        {canWrite && !item.lostAt && stage?.action === 'landing' && !item.landingId && (
          <Link to={`${base}/landing?new=1&itemId=${item.id}`}>
            <Button size="small" type="dashed" icon={<HomeOutlined />}>
              {t('pipelines.action.landing.button')}
            </Button>
          </Link>
        )}
        {canWrite && !item.lostAt && (
          <Button size="small" danger icon={<StopOutlined />} onClick={() => setLosing(true)} data-testid="item-lose">
            {t('pipelines.lose.button')}
          </Button>
        )}
        {canWrite && item.lostAt && (
          <Button size="small" icon={<RollbackOutlined />} loading={reopen.isPending} onClick={() => reopen.mutate(item)} data-testid="item-reopen">
            {t('pipelines.item.reopen')}
          </Button>
        )}
        {canWrite && item.canDelete && (
          <Popconfirm title={t('pipelines.item.deleteConfirm')} okText={t('pipelines.item.delete')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => remove.mutate()}>
            <Button size="small" danger type="text" icon={<DeleteOutlined />} data-testid="item-delete">
              {t('pipelines.item.delete')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      <Tabs
        defaultActiveKey="details"
        items={[
          {
            key: 'details',
            label: t('pipelines.item.details'),
            children: (
              <ItemForm
                key={`${item.id}:${item.version}`}
                pipeline={pipeline}
                item={item}
                onSaved={() => refresh(pipeline.id, item.id)}
                onCancel={onClose}
                reload={async () => {
                  await detail.refetch();
                }}
              />
            ),
          },
          { key: 'activities', label: t('pipelines.item.activities'), children: <Activities pipeline={pipeline} item={item} /> },
          { key: 'history', label: t('pipelines.item.history'), children: <History pipeline={pipeline} item={item} /> },
        ]}
      />
      <LoseModal
        item={item}
        open={losing}
        onClose={() => setLosing(false)}
        onDone={() => {
          void message.success(t('pipelines.lose.done'));
          refresh(pipeline.id, item.id);
        }}
      />
    </div>
  );
}

/** The drawer: an item's detail when `itemId` is set, else the new-item form (at `newStageId`). */
export function ItemDrawer({ pipeline, itemId, newStageId, open, onClose, onCreated }: { pipeline: Pipeline; itemId: string | null; newStageId?: string; open: boolean; onClose: () => void; onCreated?: (id: string) => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshPipeline();
  return (
    <RecordDrawer open={open} onClose={onClose} title={itemId ? t('pipelines.item.title') : t('pipelines.item.new')} width={720} testId="item-drawer">
      {itemId ? (
        <ItemDetail pipeline={pipeline} itemId={itemId} onClose={onClose} />
      ) : (
        <ItemForm
          pipeline={pipeline}
          newStageId={newStageId}
          onCancel={onClose}
          onSaved={(saved) => {
            refresh(pipeline.id);
            onCreated?.(saved.id);
          }}
        />
      )}
    </RecordDrawer>
  );
}
