import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { renameFields } from '../../components/challenges/ChallengeBits';
import { PageHeader } from '../../components/PageHeader';
import { ForbiddenResult, LoadError } from '../../components/States';
import { recordName } from '../../lib/directory';
import { useApiErrorHandler } from '../../lib/errors';
import { DEFAULT_TIME_ZONE, localName } from '../../lib/format';
import { fenToWan, wanToFen } from '../../lib/money';
import { useTaxonomy } from '../../lib/taxonomy';
import { CHALLENGE_KINDS, challengeKeys, challengesApi, type Challenge, type ChallengeInput } from '../../services/challenges';

interface Values {
  poster?: string;
  kind: ChallengeInput['kind'];
  titleZh: string;
  titleEn?: string;
  description: string;
  requirements?: string;
  offer?: string;
  budgetWan?: number | null;
  segments?: string[];
  keywords?: string[];
  deadline?: Dayjs;
  visibility: 'public' | 'communities';
  communityIds?: string[];
}

const FIELDS = ['poster', 'kind', 'titleZh', 'titleEn', 'description', 'requirements', 'offer', 'budgetWan', 'segments', 'keywords', 'deadline', 'visibility', 'communityIds'] as const;

/** The picker shows wall-clock time in Asia/Shanghai; the API takes an instant. */
function toInstant(value: Dayjs): string {
  return dayjs.tz(value.format('YYYY-MM-DD HH:mm'), DEFAULT_TIME_ZONE).toISOString();
}
function fromInstant(iso: string): Dayjs {
  return dayjs(dayjs(iso).tz(DEFAULT_TIME_ZONE).format('YYYY-MM-DD HH:mm'));
}

/** 发布需求 / 编辑需求: the poster (an organisation one represents or a community one works for) and the challenge. */
export function ChallengeEditPage() {
  const { challengeId } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const tax = useTaxonomy();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const visibility = Form.useWatch('visibility', form);
  const options = useQuery({ queryKey: challengeKeys.options, queryFn: challengesApi.options });
  const existing = useQuery({ queryKey: challengeKeys.one(challengeId ?? 'new'), queryFn: () => challengesApi.get(challengeId!), enabled: Boolean(challengeId) });

  const save = useMutation({
    mutationFn: async ({ values, publish }: { values: Values; publish: boolean }): Promise<Challenge> => {
      const common = {
        kind: values.kind,
        titleZh: values.titleZh,
        titleEn: values.titleEn?.trim() || null,
        description: values.description,
        requirements: values.requirements ?? '',
        offer: values.offer ?? '',
        budgetFen: wanToFen(values.budgetWan ?? null),
        segments: values.segments ?? [],
        keywords: values.keywords ?? [],
        deadline: values.deadline ? toInstant(values.deadline) : '',
        visibility: values.visibility,
        communityIds: values.visibility === 'communities' ? (values.communityIds ?? []) : [],
      };
      let saved: Challenge;
      if (existing.data) saved = await challengesApi.update(existing.data.id, { ...common, version: existing.data.version });
      else {
        const [posterType, posterId] = (values.poster ?? ':').split(':') as ['organisation' | 'community', string];
        saved = await challengesApi.create({ ...common, posterType, posterId });
      }
      return publish && saved.status === 'draft' ? challengesApi.publish(saved.id, saved.version) : saved;
    },
    onSuccess: (c) => {
      void message.success(t(c.status === 'open' ? 'challenges.form.published' : 'challenges.form.saved'));
      void queryClient.invalidateQueries({ queryKey: challengeKeys.all });
      navigate(`/challenges/${c.id}`);
    },
    onError: (error) => {
      const renamed = renameFields(error, (f) => ({ ...f, ...(f.budgetFen ? { budgetWan: f.budgetFen } : {}), ...(f.posterId ? { poster: f.posterId } : {}) }));
      onError(renamed, form, FIELDS);
    },
  });

  if (options.isError) return <LoadError error={options.error} onRetry={() => void options.refetch()} />;
  if (existing.isError) return <LoadError error={existing.error} onRetry={() => void existing.refetch()} />;
  if (options.isPending || (challengeId && existing.isPending)) return <Spin />;
  if (existing.data && !existing.data.isPoster) return <ForbiddenResult />;
  const posters = options.data.posters;
  if (!existing.data && posters.length === 0) {
    return (
      <>
        <PageHeader title={t('challenges.form.newTitle')} />
        <Card data-testid="challenge-no-poster">{t('challenges.form.noPoster')}</Card>
      </>
    );
  }
  const c = existing.data;
  const initial: Partial<Values> = c
    ? {
        kind: c.kind,
        titleZh: c.titleZh,
        titleEn: c.titleEn ?? '',
        description: c.description,
        requirements: c.requirements,
        offer: c.offer,
        budgetWan: fenToWan(c.budgetFen),
        segments: c.segments,
        keywords: c.keywords,
        deadline: fromInstant(c.deadline),
        visibility: c.visibility,
        communityIds: c.communities.map((x) => x.id),
      }
    : { kind: 'technology', visibility: 'public', poster: posters.length === 1 ? `${posters[0]!.type}:${posters[0]!.id}` : undefined, deadline: dayjs().add(30, 'day').hour(18).minute(0).second(0) };
  const required = [{ required: true, whitespace: true, message: t('challenges.form.required') }];

  return (
    <>
      <PageHeader title={t(c ? 'challenges.form.editTitle' : 'challenges.form.newTitle')} subtitle={t('challenges.form.subtitle')} />
      <Card>
        <Form form={form} layout="vertical" initialValues={initial} data-testid="challenge-form" onFinish={(values) => save.mutate({ values, publish: false })} style={{ maxWidth: 820 }}>
          {!c && (
            <Form.Item name="poster" label={t('challenges.form.poster')} extra={t('challenges.form.posterHint')} rules={[{ required: true, message: t('challenges.form.required') }]}>
              <Select
                data-testid="challenge-poster"
                options={posters.map((p) => ({
                  value: `${p.type}:${p.id}`,
                  label: `${recordName(p.nameZh, p.nameEn, lang)} · ${t(`challenges.posterTypes.${p.type}`)}`,
                }))}
              />
            </Form.Item>
          )}
          <Form.Item name="kind" label={t('challenges.form.kind')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={CHALLENGE_KINDS.map((k) => ({ value: k, label: t(`challenges.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="titleZh" label={t('challenges.form.titleZh')} rules={required}>
            <Input maxLength={120} data-testid="challenge-title" />
          </Form.Item>
          <Form.Item name="titleEn" label={t('challenges.form.titleEn')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="description" label={t('challenges.form.description')} extra={t('challenges.form.descriptionHint')} rules={required}>
            <Input.TextArea rows={6} maxLength={8000} showCount data-testid="challenge-description" />
          </Form.Item>
          <Form.Item name="requirements" label={t('challenges.form.requirements')} extra={t('challenges.form.requirementsHint')}>
            <Input.TextArea rows={3} maxLength={4000} data-testid="challenge-requirements" />
          </Form.Item>
          <Form.Item name="offer" label={t('challenges.form.offer')} extra={t('challenges.form.offerHint')}>
            <Input.TextArea rows={3} maxLength={4000} data-testid="challenge-offer" />
          </Form.Item>
          <Form.Item name="budgetWan" label={t('challenges.form.budget')}>
            <InputNumber min={0} max={1e9} precision={2} addonAfter={t('challenges.form.wan')} style={{ width: 240 }} data-testid="challenge-budget" />
          </Form.Item>
          <Form.Item name="segments" label={t('challenges.form.segments')}>
            <Select mode="multiple" options={tax.options('segment')} maxCount={20} />
          </Form.Item>
          <Form.Item name="keywords" label={t('challenges.form.keywords')} extra={t('challenges.form.keywordsHint')}>
            <Select mode="tags" tokenSeparators={[',', ',', '、']} maxCount={20} open={false} />
          </Form.Item>
          <Form.Item name="deadline" label={t('challenges.form.deadline')} extra={t('challenges.form.deadlineHint')} rules={[{ required: true, message: t('challenges.form.required') }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="challenge-deadline-input" />
          </Form.Item>
          <Form.Item name="visibility" label={t('challenges.form.visibility')}>
            <Radio.Group
              options={[
                { value: 'public', label: t('challenges.visibilities.public') },
                { value: 'communities', label: t('challenges.visibilities.communities') },
              ]}
            />
          </Form.Item>
          {visibility === 'communities' && (
            <Form.Item name="communityIds" label={t('challenges.form.communities')} rules={[{ required: true, message: t('challenges.form.required') }]}>
              <Select mode="multiple" options={options.data.communities.map((x) => ({ value: x.id, label: localName(x, lang) }))} />
            </Form.Item>
          )}
          <Space>
            {(!c || c.status === 'draft') && (
              <Button
                type="primary"
                loading={save.isPending}
                data-testid="challenge-publish"
                onClick={() =>
                  void form
                    .validateFields()
                    .then((values) => save.mutate({ values, publish: true }))
                    .catch(() => undefined)
                }
              >
                {t('challenges.form.saveAndPublish')}
              </Button>
            )}
            <Button htmlType="submit" loading={save.isPending} data-testid="challenge-save">
              {t(!c || c.status === 'draft' ? 'challenges.form.saveDraft' : 'challenges.form.save')}
            </Button>
            <Button onClick={() => navigate(c ? `/challenges/${c.id}` : '/challenges')}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
