/**
 * The community's 招商 pipelines, each with its stages' open counts and expected investment
 * (plain and weighted by probability); an admin creates one from a kind's standard stages.
 * With exactly one pipeline (and nothing to configure) the page goes straight to its board.
 */
import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, Modal, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { PIPELINE_KINDS, type PipelineKind } from '../../../domain/lifecycle/vocabularies';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, PageSkeleton } from '../../components/States';
import { localStageName } from '../../components/pipelines/common';
import { useCommunity } from '../../lib/community';
import { useApiErrorHandler } from '../../lib/errors';
import { formatMoney } from '../../lib/money';
import { pipelineKeys, pipelinesApi, type Pipeline } from '../../services/pipelines';

function PipelineCard({ pipeline }: { pipeline: Pipeline }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { community } = useCommunity();
  const open = pipeline.summary.reduce((n, s) => n + s.openCount, 0);
  const expected = pipeline.summary.reduce((n, s) => n + s.expectedInvestmentFen, 0);
  const weighted = pipeline.summary.reduce((n, s) => n + s.weightedInvestmentFen, 0);
  const to = `/c/${community.slug}/pipelines/${pipeline.id}`;
  return (
    <Card
      variant="borderless"
      style={{ marginBottom: 16 }}
      data-testid="pipeline-card-summary"
      data-pipeline-id={pipeline.id}
      title={
        <Space wrap>
          <Link to={to} data-testid="pipeline-link">
            {localStageName(pipeline, lang)}
          </Link>
          <Tag color="cyan">{t(`pipelines.kind.${pipeline.kind}`)}</Tag>
          {pipeline.archived && <Tag>{t('pipelines.list.archived')}</Tag>}
        </Space>
      }
      extra={
        <Link to={to}>
          {t('pipelines.list.open')} <RightOutlined />
        </Link>
      }
    >
      <Space size="large" wrap style={{ marginBottom: 12 }}>
        <span>
          {t('pipelines.list.openItems')}: <strong data-testid="pipeline-open-count">{open}</strong>
        </span>
        <span>
          {t('pipelines.list.lostItems')}: <strong>{pipeline.lostCount}</strong>
        </span>
        <span>
          {t('pipelines.summary.expected')}: <strong>{expected > 0 ? formatMoney(expected, lang) : '—'}</strong>
        </span>
        <span>
          {t('pipelines.summary.weighted')}: <strong className="bb-pl-weighted">{weighted > 0 ? formatMoney(weighted, lang) : '—'}</strong>
        </span>
      </Space>
      <div className="bb-pl-stage-strip">
        {pipeline.stages.map((stage) => {
          const s = pipeline.summary.find((x) => x.stageId === stage.id);
          return (
            <Link key={stage.id} to={`${to}?view=table&stage=${stage.id}`} className="bb-pl-stage-cell" data-testid={`stage-summary-${stage.code}`}>
              <div className="bb-pl-stage-cell-name" title={localStageName(stage, lang)}>
                {localStageName(stage, lang)} · {stage.probability}%
              </div>
              <div className="bb-pl-stage-cell-count">{s?.openCount ?? 0}</div>
              <div className="bb-pl-stage-cell-money">
                <Typography.Text type="secondary">{s && s.expectedInvestmentFen > 0 ? formatMoney(s.expectedInvestmentFen, lang) : '—'}</Typography.Text>
              </div>
              <div className="bb-pl-stage-cell-money bb-pl-weighted">
                {t('pipelines.summary.weightedShort')} {s && s.weightedInvestmentFen > 0 ? formatMoney(s.weightedInvestmentFen, lang) : '—'}
              </div>
            </Link>
          );
        })}
      </div>
    </Card>
  );
}

function CreatePipeline({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { community } = useCommunity();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ kind: PipelineKind; nameZh: string; nameEn?: string }>();
  const create = useMutation({
    mutationFn: (v: { kind: PipelineKind; nameZh: string; nameEn?: string }) => pipelinesApi.create(community.id, { kind: v.kind, nameZh: v.nameZh.trim(), nameEn: v.nameEn?.trim() || null }),
    onSuccess: (p) => {
      void message.success(t('pipelines.list.created'));
      void queryClient.invalidateQueries({ queryKey: pipelineKeys.list(community.id) });
      onClose();
      void navigate(`/c/${community.slug}/pipelines/${p.id}`);
    },
    onError: (e) => onError(e, form, ['kind', 'nameZh', 'nameEn']),
  });
  return (
    <Modal
      open={open}
      title={t('pipelines.list.create')}
      okText={t('pipelines.list.createOk')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => create.mutate(v), () => undefined)}
      okButtonProps={{ 'data-testid': 'create-pipeline-ok' } as never}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'attraction' }} preserve={false}>
        <Form.Item name="kind" label={t('pipelines.list.template')} extra={t('pipelines.list.templateHelp')}>
          <Select options={PIPELINE_KINDS.map((k) => ({ value: k, label: t(`pipelines.kind.${k}`) }))} data-testid="create-pipeline-kind" />
        </Form.Item>
        <Form.Item name="nameZh" label={t('pipelines.field.nameZh')} rules={[{ required: true, whitespace: true, message: t('pipelines.list.nameRequired') }]}>
          <Input maxLength={100} data-testid="create-pipeline-name" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('pipelines.field.nameEn')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function PipelinesPage() {
  const { t } = useTranslation();
  const { community, can } = useCommunity();
  const [params] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [showArchived, setShowArchived] = useState(false);
  const list = useQuery({ queryKey: pipelineKeys.list(community.id), queryFn: () => pipelinesApi.list(community.id) });
  if (list.isPending) return <PageSkeleton />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const active = list.data.filter((p) => !p.archived);
  const archived = list.data.filter((p) => p.archived);
  const configure = can('pipeline.configure');
  if (active.length === 1 && !configure && !params.get('all')) return <Navigate to={`/c/${community.slug}/pipelines/${active[0]!.id}`} replace />;
  const shown = showArchived ? [...active, ...archived] : active;
  return (
    <div data-testid="pipelines-page">
      <PageHeader
        title={t('pipelines.title')}
        subtitle={t('pipelines.list.subtitle')}
        extra={
          <Space wrap>
            {archived.length > 0 && (
              <span>
                <Switch size="small" checked={showArchived} onChange={setShowArchived} /> {t('pipelines.list.showArchived', { count: archived.length })}
              </span>
            )}
            {configure && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-pipeline">
                {t('pipelines.list.create')}
              </Button>
            )}
          </Space>
        }
      />
      {shown.length === 0 ? (
        <Card variant="borderless">
          <Empty description={configure ? t('pipelines.list.emptyAdmin') : t('pipelines.list.empty')} />
        </Card>
      ) : (
        shown.map((p) => <PipelineCard key={p.id} pipeline={p} />)
      )}
      <CreatePipeline open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
