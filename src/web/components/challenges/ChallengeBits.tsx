import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Empty, Form, Input, InputNumber, List, Select, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { recordName } from '../../lib/directory';
import { useApiErrorHandler } from '../../lib/errors';
import { DEFAULT_TIME_ZONE, formatDate, formatDateTime } from '../../lib/format';
import { fenToWan, formatMoney, wanToFen } from '../../lib/money';
import { ApiError } from '../../services/api';
import { challengeKeys, challengesApi, type Answer, type AnswerInput, type AnswerStage, type Challenge, type ChallengeOptions } from '../../services/challenges';
import { TermTags } from '../directory/Facts';

const STATUS_COLOURS: Record<Challenge['status'], string> = { draft: 'default', open: 'green', closed: 'orange', cancelled: 'red' };
export const STAGE_COLOURS: Record<AnswerStage, string> = { submitted: 'default', qualified: 'blue', shortlisted: 'geekblue', finalist: 'purple', chosen: 'green' };

/** The same error with field names the form uses (the API's budgetFen is the form's budgetWan …). */
export function renameFields(error: unknown, rename: (fields: Record<string, string>) => Record<string, string>): unknown {
  if (!(error instanceof ApiError) || !error.fields) return error;
  return new ApiError(error.status, error.code, error.message, rename({ ...error.fields }), error.requestId);
}

export function challengeTitle(c: Pick<Challenge, 'titleZh' | 'titleEn'>, lang: string): string {
  return recordName(c.titleZh, c.titleEn, lang);
}

/** Open past its deadline reads as closed: it takes no more answers. */
export function ChallengeStatusTag({ challenge }: { challenge: Pick<Challenge, 'status' | 'acceptingAnswers'> }) {
  const { t } = useTranslation();
  const status = challenge.status === 'open' && !challenge.acceptingAnswers ? 'closed' : challenge.status;
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="challenge-status">
      {t(`challenges.statuses.${status}`)}
    </Tag>
  );
}

export function StageTag({ stage, status }: { stage: AnswerStage; status: Answer['status'] }) {
  const { t } = useTranslation();
  if (status !== 'active') {
    return (
      <Tag color={status === 'declined' ? 'red' : 'default'} data-testid="answer-stage">
        {t(`challenges.answerStatuses.${status}`)}
      </Tag>
    );
  }
  return (
    <Tag color={STAGE_COLOURS[stage]} data-testid="answer-stage">
      {t(`challenges.stages.${stage}`)}
    </Tag>
  );
}

/** Whole days from today to the deadline's day, both in Asia/Shanghai. */
export function daysLeft(deadline: string, now = new Date()): number {
  const end = dayjs(deadline).tz(DEFAULT_TIME_ZONE).startOf('day');
  const today = dayjs(now).tz(DEFAULT_TIME_ZONE).startOf('day');
  return Math.round(end.diff(today, 'hour') / 24);
}

export function Deadline({ challenge }: { challenge: Pick<Challenge, 'deadline' | 'acceptingAnswers'> }) {
  const { t, i18n } = useTranslation();
  const days = daysLeft(challenge.deadline);
  return (
    <span data-testid="challenge-deadline">
      {t('challenges.deadlineOn', { date: formatDateTime(challenge.deadline, i18n.language) })}
      {challenge.acceptingAnswers && (
        <Typography.Text type={days <= 3 ? 'danger' : 'secondary'} style={{ marginLeft: 8 }}>
          {days <= 0 ? t('challenges.closesToday') : t('challenges.daysLeft', { count: days })}
        </Typography.Text>
      )}
    </span>
  );
}

export function posterName(c: Pick<Challenge, 'poster'>, lang: string): string {
  return recordName(c.poster.nameZh, c.poster.nameEn, lang);
}

export function ChallengeCard({ challenge }: { challenge: Challenge }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Card size="small" style={{ height: '100%' }} data-testid="challenge-card">
      <Space direction="vertical" size={6} style={{ width: '100%' }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'flex-start' }}>
          <Link to={`/challenges/${challenge.id}`} style={{ fontWeight: 600, wordBreak: 'break-word' }} data-testid="challenge-card-title">
            {challengeTitle(challenge, lang)}
          </Link>
          <ChallengeStatusTag challenge={challenge} />
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {posterName(challenge, lang)} · {t(`challenges.kinds.${challenge.kind}`)}
        </Typography.Text>
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
          {challenge.description}
        </Typography.Paragraph>
        <TermTags taxonomy="segment" codes={challenge.segments} color="cyan" />
        <Space wrap size={[12, 4]} style={{ fontSize: 12 }}>
          <Deadline challenge={challenge} />
          {challenge.budgetFen !== null && <span>{t('challenges.budgetValue', { amount: formatMoney(challenge.budgetFen, lang) })}</span>}
          {challenge.answerCounts && (
            <Typography.Text strong data-testid="challenge-answer-count">
              {t('challenges.answersCount', { count: challenge.answerCounts.active })}
            </Typography.Text>
          )}
          {challenge.myAnswer && (
            <span>
              {t('challenges.myAnswer')} <StageTag stage={challenge.myAnswer.stage} status={challenge.myAnswer.status} />
            </span>
          )}
        </Space>
      </Space>
    </Card>
  );
}

// ---------------------------------------------------------------- the one-page proposal

const SECTIONS = ['summary', 'approach', 'evidence', 'team', 'ip', 'resources', 'timeline'] as const;

export function ProposalView({ answer }: { answer: Answer }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Card data-testid="proposal">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="proposal-team">
          {answer.teamName}
        </Typography.Title>
        <Typography.Text type="secondary">
          {answer.organisation ? recordName(answer.organisation.nameZh, answer.organisation.nameEn, lang) + ' · ' : ''}
          {t('challenges.answer.submittedBy', { name: answer.submittedBy.displayName, date: formatDate(answer.createdAt, lang) })}
        </Typography.Text>
        <Descriptions column={1} bordered size="small" labelStyle={{ width: 160 }}>
          {SECTIONS.map((s) => (
            <Descriptions.Item key={s} label={t(`challenges.answer.fields.${s}`)}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{answer[s] || '—'}</span>
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('challenges.answer.fields.budget')}>{answer.budgetFen !== null ? formatMoney(answer.budgetFen, lang) : '—'}</Descriptions.Item>
        </Descriptions>
      </Space>
    </Card>
  );
}

interface AnswerFormValues {
  organisationId?: string | null;
  teamName: string;
  summary: string;
  approach: string;
  evidence: string;
  team: string;
  ip: string;
  resources: string;
  timeline: string;
  budgetWan?: number | null;
}

const FORM_FIELDS = ['organisationId', 'teamName', 'summary', 'approach', 'evidence', 'team', 'ip', 'resources', 'timeline', 'budgetFen'] as const;

/** The fixed one-page structure: a new answer, or an edit of one's own (while submitted and before the deadline). */
export function AnswerForm({ challengeId, existing, options, onDone }: { challengeId: string; existing?: Answer; options?: ChallengeOptions; onDone: (a: Answer) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AnswerFormValues>();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: AnswerFormValues) => {
      const body: AnswerInput = {
        organisationId: v.organisationId ?? null,
        teamName: v.teamName,
        summary: v.summary,
        approach: v.approach,
        evidence: v.evidence,
        team: v.team,
        ip: v.ip ?? '',
        resources: v.resources ?? '',
        timeline: v.timeline,
        budgetFen: wanToFen(v.budgetWan ?? null),
      };
      return existing ? challengesApi.editAnswer(challengeId, existing.id, { ...body, version: existing.version }) : challengesApi.submit(challengeId, body);
    },
    onSuccess: (a) => {
      void message.success(t(existing ? 'challenges.answer.saved' : 'challenges.answer.submitted'));
      void queryClient.invalidateQueries({ queryKey: challengeKeys.all });
      onDone(a);
    },
    onError: (error) => {
      onError(
        renameFields(error, (f) => ({ ...f, ...(f.budgetFen ? { budgetWan: f.budgetFen } : {}) })),
        form,
        [...FORM_FIELDS, 'budgetWan'],
      );
    },
  });
  const required = [{ required: true, whitespace: true, message: t('challenges.form.required') }];
  const area = (name: keyof AnswerFormValues, max: number, rows: number, must = true) => (
    <Form.Item name={name} label={t(`challenges.answer.fields.${name}`)} extra={t(`challenges.answer.hints.${name}`)} rules={must ? required : []}>
      <Input.TextArea rows={rows} maxLength={max} showCount data-testid={`answer-${name}`} />
    </Form.Item>
  );
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="answer-form"
      initialValues={existing ? { ...existing, organisationId: existing.organisation?.id ?? null, budgetWan: fenToWan(existing.budgetFen) } : { ip: '', resources: '' }}
      onFinish={(v) => save.mutate(v)}
    >
      {options && options.organisations.length > 0 && (
        <Form.Item name="organisationId" label={t('challenges.answer.fields.organisationId')}>
          <Select allowClear options={options.organisations.map((o) => ({ value: o.id, label: o.nameZh }))} placeholder={t('challenges.answer.noOrganisation')} />
        </Form.Item>
      )}
      <Form.Item name="teamName" label={t('challenges.answer.fields.teamName')} rules={required}>
        <Input maxLength={120} data-testid="answer-teamName" />
      </Form.Item>
      {area('summary', 1500, 3)}
      {area('approach', 3000, 5)}
      {area('evidence', 2000, 3)}
      {area('team', 1500, 3)}
      {area('ip', 1500, 2, false)}
      {area('resources', 1500, 2, false)}
      {area('timeline', 1500, 3)}
      <Form.Item name="budgetWan" label={t('challenges.answer.fields.budgetWan')}>
        <InputNumber min={0} max={1e9} precision={2} addonAfter={t('challenges.form.wan')} style={{ width: 240 }} data-testid="answer-budget" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="answer-submit">
        {t(existing ? 'challenges.answer.save' : 'challenges.answer.submit')}
      </Button>
    </Form>
  );
}

// ---------------------------------------------------------------- history and thread

export function AnswerHistory({ answer }: { answer: Answer }) {
  const { t, i18n } = useTranslation();
  if (!answer.events?.length) return null;
  return (
    <Timeline
      data-testid="answer-history"
      items={answer.events.map((e) => ({
        key: e.id,
        children: (
          <div>
            <Typography.Text strong>{t(`challenges.events.${e.kind}`, { stage: e.toStage ? t(`challenges.stages.${e.toStage}`) : '' })}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {formatDateTime(e.createdAt, i18n.language)}
              {e.actor ? ` · ${e.actor.displayName}` : ''}
            </Typography.Text>
            {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
          </div>
        ),
      }))}
    />
  );
}

export function PrivateThread({ challengeId, answerId, side }: { challengeId: string; answerId: string; side: Answer['side'] }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<{ body: string }>();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const thread = useQuery({ queryKey: challengeKeys.thread(challengeId, answerId), queryFn: () => challengesApi.thread(challengeId, answerId) });
  const write = useMutation({
    mutationFn: (v: { body: string }) => challengesApi.write(challengeId, answerId, v.body),
    onSuccess: (data) => {
      queryClient.setQueryData(challengeKeys.thread(challengeId, answerId), data);
      form.resetFields();
    },
    onError: (error) => onError(error, form, ['body']),
  });
  const items = thread.data?.items ?? [];
  return (
    <Card title={t('challenges.thread.title')} data-testid="answer-thread" extra={<Typography.Text type="secondary">{t('challenges.thread.private')}</Typography.Text>}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(side === 'poster' ? 'challenges.thread.emptyPoster' : 'challenges.thread.emptyTeam')} />
      ) : (
        <List
          dataSource={items}
          renderItem={(m) => (
            <List.Item data-testid="thread-message" style={{ justifyContent: m.mine ? 'flex-end' : 'flex-start' }}>
              <div style={{ maxWidth: '80%', background: m.mine ? '#e6f4ff' : '#f5f5f5', padding: '8px 12px', borderRadius: 8 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`challenges.thread.sides.${m.side}`)}
                  {m.author ? ` · ${m.author.displayName}` : ''} · {formatDateTime(m.createdAt, i18n.language)}
                </Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap' }}>{m.body}</div>
              </div>
            </List.Item>
          )}
        />
      )}
      {thread.data?.canWrite && (
        <Form form={form} onFinish={(v) => write.mutate(v)} style={{ marginTop: 12 }}>
          <Form.Item name="body" rules={[{ required: true, whitespace: true, message: t('challenges.form.required') }]}>
            <Input.TextArea rows={3} maxLength={4000} placeholder={t('challenges.thread.placeholder')} data-testid="thread-input" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={write.isPending} data-testid="thread-send">
            {t('challenges.thread.send')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
