/**
 * A pipeline's settings (admins): its names, archiving, and its stages — add, rename (Chinese and
 * English), reorder, probability, the action a stage offers (record an agreement or a landing),
 * remove. The whole list is saved at once with the pipeline's version; a stage that still holds
 * items cannot be removed (the server answers 409 stage_in_use, shown in words).
 */
import { ArrowDownOutlined, ArrowLeftOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { STAGE_ACTIONS, type StageAction } from '../../../domain/lifecycle/vocabularies';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, NotFoundResult, PageSkeleton } from '../../components/States';
import { localStageName, usePipeline, useRefreshPipeline } from '../../components/pipelines/common';
import { useRecordFormErrors } from '../../components/directory/formSupport';
import { useCommunity } from '../../lib/community';
import { ApiError } from '../../services/api';
import { pipelinesApi, type Pipeline } from '../../services/pipelines';

interface StageValues {
  id?: string;
  code: string;
  nameZh: string;
  nameEn?: string | null;
  probability: number;
  action: StageAction;
}
interface Values {
  nameZh: string;
  nameEn?: string | null;
  archived: boolean;
  stages: StageValues[];
}

function toValues(p: Pipeline): Values {
  return {
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    archived: p.archived,
    stages: p.stages.map((s) => ({ id: s.id, code: s.code, nameZh: s.nameZh, nameEn: s.nameEn, probability: s.probability, action: s.action })),
  };
}

/** A code for a new stage: unique within the list, in the server's pattern. */
function newCode(existing: string[]): string {
  for (let n = existing.length + 1; ; n++) {
    const code = `stage_${n}`;
    if (!existing.includes(code)) return code;
  }
}

function SettingsForm({ pipeline, reload }: { pipeline: Pipeline; reload: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { community } = useCommunity();
  const refresh = useRefreshPipeline();
  const [form] = Form.useForm<Values>();
  // Stage errors name hidden fields (stages.N.code): leave them out so they show as a message.
  const onError = useRecordFormErrors(form, ['nameZh', 'nameEn', 'archived'], reload);
  const save = useMutation({
    mutationFn: (v: Values) =>
      pipelinesApi.update(community.id, pipeline.id, {
        version: pipeline.version,
        nameZh: v.nameZh.trim(),
        nameEn: v.nameEn?.trim() || null,
        archived: v.archived,
        stages: v.stages.map((s) => ({
          ...(s.id ? { id: s.id } : {}),
          code: s.code,
          nameZh: s.nameZh.trim(),
          nameEn: s.nameEn?.trim() || null,
          probability: s.probability ?? 0,
          action: s.action ?? 'none',
        })),
      }),
    onSuccess: () => {
      void message.success(t('pipelines.settings.saved'));
      refresh(pipeline.id);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'stage_in_use') {
        void message.error({ content: t('pipelines.settings.stageInUse'), key: 'stage-in-use' });
        return;
      }
      onError(error);
    },
  });

  return (
    <Form<Values> form={form} layout="vertical" initialValues={toValues(pipeline)} onFinish={(v) => save.mutate(v)} data-testid="pipeline-settings-form">
      <Card variant="borderless" title={t('pipelines.settings.general')} style={{ marginBottom: 16 }}>
        <Row gutter={12}>
          <Col xs={24} md={10}>
            <Form.Item name="nameZh" label={t('pipelines.field.nameZh')} rules={[{ required: true, whitespace: true, message: t('pipelines.list.nameRequired') }]}>
              <Input maxLength={100} data-testid="settings-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="nameEn" label={t('pipelines.field.nameEn')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item name="archived" label={t('pipelines.settings.archived')} valuePropName="checked">
              <Switch data-testid="settings-archived" />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card variant="borderless" title={t('pipelines.settings.stages')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('pipelines.settings.stagesHelp')}</Typography.Paragraph>
        <Form.List name="stages">
          {(fields, { add, remove, move }) => (
            <div data-testid="settings-stages">
              {fields.map((field, index) => (
                <Row key={field.key} gutter={8} align="top" data-testid="settings-stage" style={{ borderBottom: '1px solid #f0f0f0', paddingTop: 8 }}>
                  <Form.Item name={[field.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, 'code']} hidden>
                    <Input />
                  </Form.Item>
                  <Col xs={24} sm={6}>
                    <Form.Item name={[field.name, 'nameZh']} label={index === 0 ? t('pipelines.field.stageNameZh') : undefined} rules={[{ required: true, whitespace: true, message: t('pipelines.settings.stageNameRequired') }]}>
                      <Input maxLength={60} data-testid="stage-name-zh" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={6}>
                    <Form.Item name={[field.name, 'nameEn']} label={index === 0 ? t('pipelines.field.stageNameEn') : undefined}>
                      <Input maxLength={60} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} sm={3}>
                    <Form.Item name={[field.name, 'probability']} label={index === 0 ? t('pipelines.field.probability') : undefined} rules={[{ required: true, message: t('pipelines.settings.probabilityRequired') }]}>
                      <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={16} sm={4}>
                    <Form.Item name={[field.name, 'action']} label={index === 0 ? t('pipelines.field.action') : undefined}>
                      <Select options={STAGE_ACTIONS.map((a) => ({ value: a, label: t(`pipelines.stageAction.${a}`) }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={5}>
                    <Form.Item label={index === 0 ? ' ' : undefined}>
                      <Space size={2}>
                        <Button icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('pipelines.settings.up')} />
                        <Button icon={<ArrowDownOutlined />} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} aria-label={t('pipelines.settings.down')} />
                        <Button danger icon={<DeleteOutlined />} disabled={fields.length <= 2} onClick={() => remove(index)} aria-label={t('pipelines.settings.remove')} data-testid="stage-remove" />
                      </Space>
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                style={{ marginTop: 12 }}
                disabled={fields.length >= 20}
                onClick={() => {
                  const codes = ((form.getFieldValue('stages') as StageValues[] | undefined) ?? []).map((s) => s.code);
                  add({ code: newCode(codes), nameZh: '', nameEn: null, probability: 50, action: 'none' });
                }}
                data-testid="stage-add"
              >
                {t('pipelines.settings.addStage')}
              </Button>
            </div>
          )}
        </Form.List>
        <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('pipelines.settings.removeHelp')} />
      </Card>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
          {t('common.save')}
        </Button>
        <Typography.Text type="secondary">{localStageName(pipeline, i18n.language)}</Typography.Text>
      </Space>
    </Form>
  );
}

export function PipelineSettingsPage() {
  const { t } = useTranslation();
  const { pipelineId } = useParams();
  const { community } = useCommunity();
  const pipeline = usePipeline(pipelineId);
  if (pipeline.isPending) return <PageSkeleton />;
  if (pipeline.isError) {
    if (pipeline.error instanceof ApiError && pipeline.error.status === 404) return <NotFoundResult />;
    return <LoadError error={pipeline.error} onRetry={() => void pipeline.refetch()} />;
  }
  return (
    <div data-testid="pipeline-settings">
      <PageHeader
        title={t('pipelines.settings.title')}
        subtitle={
          <Link to={`/c/${community.slug}/pipelines/${pipeline.data.id}`}>
            <ArrowLeftOutlined /> {t('pipelines.settings.backToBoard')}
          </Link>
        }
      />
      <SettingsForm
        key={`${pipeline.data.id}:${pipeline.data.version}`}
        pipeline={pipeline.data}
        reload={async () => {
          await pipeline.refetch();
        }}
      />
    </div>
  );
}
