import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, NotFoundResult, PageSkeleton } from '../../components/States';
import { recordName } from '../../lib/directory';
import { useApiErrorHandler } from '../../lib/errors';
import { localName } from '../../lib/format';
import { useTaxonomy } from '../../lib/taxonomy';
import { ApiError } from '../../services/api';
import { BRIEF_MATURITIES, BRIEF_PARTNERSHIPS, IP_STATUSES, briefKeys, briefsApi, type Brief, type BriefOptions } from '../../services/briefs';

interface Values {
  organisationId: string;
  titleZh: string;
  titleEn?: string;
  problem: string;
  solution: string;
  advantages?: string;
  maturity: Brief['maturity'];
  ipStatus: Brief['ipStatus'];
  ipDetail?: string;
  partnerships: Brief['partnerships'];
  partnerSought?: string;
  segments: string[];
  keywords: string[];
  visibility: Brief['visibility'];
  communityIds: string[];
}

const FIELDS = ['organisationId', 'titleZh', 'titleEn', 'problem', 'solution', 'advantages', 'maturity', 'ipStatus', 'ipDetail', 'partnerships', 'partnerSought', 'segments', 'keywords', 'visibility', 'communityIds'] as const;

/** /briefs/new and /briefs/:briefId/edit: the brief in its standard structure. */
export function BriefEditPage() {
  const { briefId } = useParams();
  const options = useQuery({ queryKey: briefKeys.options, queryFn: briefsApi.options });
  const brief = useQuery({ queryKey: briefKeys.one(briefId ?? ''), queryFn: () => briefsApi.get(briefId!), enabled: Boolean(briefId) });
  if (options.isError) return <LoadError error={options.error} onRetry={() => void options.refetch()} />;
  if (briefId && brief.error instanceof ApiError && brief.error.status === 404) return <NotFoundResult />;
  if (briefId && brief.isError) return <LoadError error={brief.error} onRetry={() => void brief.refetch()} />;
  if (!options.data || (briefId && !brief.data)) return <PageSkeleton />;
  if (brief.data && !brief.data.canEdit) return <NotFoundResult />;
  return <BriefForm options={options.data} brief={brief.data} />;
}

function BriefForm({ options, brief }: { options: BriefOptions; brief?: Brief }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const tax = useTaxonomy();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const visibility = Form.useWatch('visibility', form);

  useEffect(() => {
    if (!brief) return;
    form.setFieldsValue({
      organisationId: brief.organisation.id,
      titleZh: brief.titleZh,
      titleEn: brief.titleEn ?? '',
      problem: brief.problem,
      solution: brief.solution,
      advantages: brief.advantages,
      maturity: brief.maturity,
      ipStatus: brief.ipStatus,
      ipDetail: brief.ipDetail,
      partnerships: brief.partnerships,
      partnerSought: brief.partnerSought,
      segments: brief.segments,
      keywords: brief.keywords,
      visibility: brief.visibility,
      communityIds: brief.communities.map((c) => c.id),
    });
  }, [brief, form]);

  const save = useMutation({
    mutationFn: async ({ values, publish }: { values: Values; publish: boolean }) => {
      const fields = {
        titleZh: values.titleZh,
        titleEn: values.titleEn || null,
        problem: values.problem,
        solution: values.solution,
        advantages: values.advantages ?? '',
        maturity: values.maturity,
        ipStatus: values.ipStatus,
        ipDetail: values.ipDetail ?? '',
        partnerships: values.partnerships,
        partnerSought: values.partnerSought ?? '',
        segments: values.segments ?? [],
        keywords: values.keywords ?? [],
        visibility: values.visibility,
        communityIds: values.visibility === 'communities' ? (values.communityIds ?? []) : [],
      };
      let saved = brief ? await briefsApi.update(brief.id, { ...fields, version: brief.version }) : await briefsApi.create({ organisationId: values.organisationId, ...fields });
      if (publish && saved.status !== 'published') saved = await briefsApi.publish(saved.id, saved.version);
      return saved;
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: briefKeys.all });
      queryClient.setQueryData(briefKeys.one(saved.id), saved);
      void message.success(t('briefs.form.saved'));
      navigate(`/briefs/${saved.id}`);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'version_conflict' && brief) {
        void message.warning(t('briefs.detail.conflict'));
        void queryClient.invalidateQueries({ queryKey: briefKeys.one(brief.id) });
        return;
      }
      onError(error, form, FIELDS);
    },
  });

  if (!brief && options.organisations.length === 0) {
    return (
      <div data-testid="brief-edit-page">
        <PageHeader title={t('briefs.form.newTitle')} />
        <Alert type="info" showIcon title={t('briefs.form.noOrganisations')} />
      </div>
    );
  }

  const submit = (publish: boolean) => void form.validateFields().then((values) => save.mutate({ values, publish }), () => undefined);
  const organisationOptions = brief
    ? [{ value: brief.organisation.id, label: recordName(brief.organisation.nameZh, brief.organisation.nameEn, lang) }]
    : options.organisations.map((o) => ({
        value: o.id,
        label: `${recordName(o.nameZh, o.nameEn, lang)}${o.via === 'community' ? ` (${t('briefs.form.viaCommunity')})` : ''}`,
      }));
  const required = [{ required: true, whitespace: true }];

  return (
    <div data-testid="brief-edit-page">
      <PageHeader title={brief ? t('briefs.form.editTitle') : t('briefs.form.newTitle')} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ organisationId: options.organisations[0]?.id, maturity: 'preclinical', ipStatus: 'patent_pending', partnerships: [], segments: [], keywords: [], visibility: 'public', communityIds: [] }}
        style={{ maxWidth: 880 }}
      >
        <Card title={t('briefs.form.sections.basics')} size="small" style={{ marginBottom: 16 }}>
          <Form.Item name="titleZh" label={t('briefs.fields.titleZh')} rules={required}>
            <Input maxLength={200} data-testid="brief-title" />
          </Form.Item>
          <Form.Item name="titleEn" label={t('briefs.fields.titleEn')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="organisationId" label={t('briefs.fields.organisation')} rules={[{ required: true }]}>
            <Select options={organisationOptions} disabled={Boolean(brief)} showSearch optionFilterProp="label" data-testid="brief-organisation" />
          </Form.Item>
          <Form.Item name="segments" label={t('briefs.fields.segments')}>
            <Select mode="multiple" options={tax.options('segment')} optionFilterProp="label" />
          </Form.Item>
          <Form.Item name="keywords" label={t('briefs.fields.keywords')} extra={t('briefs.hints.keywords')}>
            <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} suffixIcon={null} />
          </Form.Item>
        </Card>
        <Card title={t('briefs.form.sections.content')} size="small" style={{ marginBottom: 16 }}>
          <Form.Item name="problem" label={t('briefs.fields.problem')} extra={t('briefs.hints.problem')} rules={required}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} data-testid="brief-problem" />
          </Form.Item>
          <Form.Item name="solution" label={t('briefs.fields.solution')} extra={t('briefs.hints.solution')} rules={required}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} data-testid="brief-solution" />
          </Form.Item>
          <Form.Item name="advantages" label={t('briefs.fields.advantages')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
          </Form.Item>
          <Form.Item name="maturity" label={t('briefs.fields.maturity')} rules={[{ required: true }]}>
            <Select options={BRIEF_MATURITIES.map((m) => ({ value: m, label: t(`briefs.maturities.${m}`) }))} />
          </Form.Item>
        </Card>
        <Card title={t('briefs.form.sections.deal')} size="small" style={{ marginBottom: 16 }}>
          <Form.Item name="ipStatus" label={t('briefs.fields.ipStatus')} rules={[{ required: true }]}>
            <Radio.Group options={IP_STATUSES.map((s) => ({ value: s, label: t(`briefs.ipStatuses.${s}`) }))} />
          </Form.Item>
          <Form.Item name="ipDetail" label={t('briefs.fields.ipDetail')} extra={t('briefs.hints.ipDetail')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
          <Form.Item name="partnerships" label={t('briefs.fields.partnerships')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <Select mode="multiple" options={BRIEF_PARTNERSHIPS.map((p) => ({ value: p, label: t(`briefs.partnerships.${p}`) }))} data-testid="brief-partnerships" />
          </Form.Item>
          <Form.Item name="partnerSought" label={t('briefs.fields.partnerSought')} extra={t('briefs.hints.partnerSought')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        </Card>
        <Card title={t('briefs.form.sections.audience')} size="small" style={{ marginBottom: 16 }}>
          <Form.Item name="visibility" label={t('briefs.fields.visibility')}>
            <Radio.Group options={(['public', 'communities'] as const).map((v) => ({ value: v, label: t(`briefs.visibilities.${v}`) }))} />
          </Form.Item>
          {visibility === 'communities' && (
            <Form.Item name="communityIds" label={t('briefs.fields.communityIds')} extra={t('briefs.hints.communities')} rules={[{ required: true, type: 'array', min: 1 }]}>
              <Select mode="multiple" options={options.communities.map((c) => ({ value: c.id, label: localName(c, lang) }))} />
            </Form.Item>
          )}
          <Typography.Text type="secondary">
            {t('briefs.fields.contact')}: {brief?.contact?.displayName ?? t('briefs.hints.contactSelf')}
          </Typography.Text>
        </Card>
        <Space wrap>
          {(!brief || brief.status !== 'published') && (
            <Button onClick={() => submit(false)} loading={save.isPending} data-testid="brief-save-draft">
              {brief ? t('briefs.form.save') : t('briefs.form.saveDraft')}
            </Button>
          )}
          <Button type="primary" onClick={() => submit(true)} loading={save.isPending} data-testid="brief-save-publish">
            {brief?.status === 'published' ? t('briefs.form.save') : t('briefs.form.saveAndPublish')}
          </Button>
          <Button onClick={() => navigate(brief ? `/briefs/${brief.id}` : '/briefs')}>{t('briefs.form.cancel')}</Button>
        </Space>
      </Form>
    </div>
  );
}
