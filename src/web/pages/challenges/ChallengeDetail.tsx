import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Popconfirm, Row, Segmented, Space, Spin, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { AnswerForm, ChallengeStatusTag, challengeTitle, Deadline, posterName, StageTag } from '../../components/challenges/ChallengeBits';
import { ScreeningActions } from '../../components/challenges/ScreeningActions';
import { TermTags } from '../../components/directory/Facts';
import { MatchPanel } from '../../components/matching/MatchPanel';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, NotFoundResult } from '../../components/States';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDate, localName } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import { ApiError } from '../../services/api';
import { ANSWER_STAGES, challengeKeys, challengesApi, type Answer, type AnswerStage, type Challenge } from '../../services/challenges';

type StageFilter = AnswerStage | 'all' | 'declined' | 'withdrawn';

/** The poster side's screening board: answers by stage, moves, decline, note, open. */
function ScreeningBoard({ challenge }: { challenge: Challenge }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [filter, setFilter] = useState<StageFilter>('all');
  const answers = useQuery({ queryKey: challengeKeys.answers(challenge.id), queryFn: () => challengesApi.answers(challenge.id) });
  if (answers.isError) return <LoadError error={answers.error} onRetry={() => void answers.refetch()} />;
  const counts = answers.data?.counts;
  const rows = (answers.data?.items ?? []).filter((a) =>
    filter === 'all' ? true : filter === 'declined' || filter === 'withdrawn' ? a.status === filter : a.status === 'active' && a.stage === filter,
  );
  const columns: ColumnsType<Answer> = [
    {
      key: 'team',
      title: t('challenges.board.team'),
      render: (_, a) => (
        <Space direction="vertical" size={0}>
          <Link to={`/challenges/${challenge.id}/answers/${a.id}`} data-testid="board-answer-link">
            {a.teamName}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.organisation ? a.organisation.nameZh : a.submittedBy.displayName}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'summary', title: t('challenges.answer.fields.summary'), render: (_, a) => <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, maxWidth: 360 }}>{a.summary}</Typography.Paragraph> },
    { key: 'budget', title: t('challenges.answer.fields.budget'), render: (_, a) => (a.budgetFen !== null ? formatMoney(a.budgetFen, lang) : '—') },
    { key: 'stage', title: t('challenges.board.stage'), render: (_, a) => <StageTag stage={a.stage} status={a.status} /> },
    { key: 'date', title: t('challenges.board.submitted'), render: (_, a) => formatDate(a.createdAt, lang) },
    { key: 'note', title: t('challenges.board.note'), render: (_, a) => <Typography.Text type="secondary" ellipsis style={{ maxWidth: 160 }}>{a.screeningNote}</Typography.Text> },
    { key: 'actions', title: t('common.actions'), render: (_, a) => (a.status !== 'withdrawn' ? <ScreeningActions challengeId={challenge.id} answer={a} size="small" /> : null) },
  ];
  const option = (value: StageFilter, n: number | undefined) => ({ value, label: `${value === 'all' ? t('challenges.board.all') : value === 'declined' || value === 'withdrawn' ? t(`challenges.answerStatuses.${value}`) : t(`challenges.stages.${value}`)} ${n ?? 0}` });
  return (
    <Card title={t('challenges.board.title')} data-testid="screening-board">
      <Segmented
        style={{ marginBottom: 12 }}
        value={filter}
        onChange={(v) => setFilter(v as StageFilter)}
        options={[
          option('all', counts ? counts.active + counts.declined + counts.withdrawn : 0),
          ...ANSWER_STAGES.map((s) => option(s, counts?.[s])),
          option('declined', counts?.declined),
          option('withdrawn', counts?.withdrawn),
        ]}
      />
      <Table rowKey="id" size="small" loading={answers.isPending} columns={columns} dataSource={rows} pagination={false} scroll={{ x: true }} locale={{ emptyText: t('challenges.board.empty') }} />
    </Card>
  );
}

function PosterActions({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const act = useMutation({
    mutationFn: (verb: 'publish' | 'close' | 'cancel') => challengesApi[verb](challenge.id, challenge.version),
    onSuccess: (c) => {
      queryClient.setQueryData(challengeKeys.one(c.id), c);
      void queryClient.invalidateQueries({ queryKey: challengeKeys.all });
      void message.success(t('challenges.actions.done'));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'version_conflict') void queryClient.invalidateQueries({ queryKey: challengeKeys.one(challenge.id) });
      onError(error);
    },
  });
  const editable = challenge.status === 'draft' || challenge.status === 'open';
  return (
    <Space wrap>
      {editable && (
        <Button onClick={() => navigate(`/challenges/${challenge.id}/edit`)} data-testid="challenge-edit">
          {t('challenges.actions.edit')}
        </Button>
      )}
      {challenge.status === 'draft' && (
        <Button type="primary" loading={act.isPending} onClick={() => act.mutate('publish')} data-testid="challenge-publish-now">
          {t('challenges.actions.publish')}
        </Button>
      )}
      {challenge.status === 'open' && (
        <Popconfirm title={t('challenges.actions.closeConfirm')} onConfirm={() => act.mutate('close')}>
          <Button data-testid="challenge-close">{t('challenges.actions.close')}</Button>
        </Popconfirm>
      )}
      {editable && (
        <Popconfirm title={t('challenges.actions.cancelConfirm')} onConfirm={() => act.mutate('cancel')}>
          <Button danger data-testid="challenge-cancel">
            {t('challenges.actions.cancel')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

/** The team's side: their answer and its stage, or the form while the challenge takes answers. */
function AnswerSide({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const options = useQuery({ queryKey: challengeKeys.options, queryFn: challengesApi.options });
  if (challenge.myAnswer) {
    return (
      <Card title={t('challenges.answer.mine')} data-testid="my-answer">
        <Space>
          <StageTag stage={challenge.myAnswer.stage} status={challenge.myAnswer.status} />
          <Link to={`/challenges/${challenge.id}/answers/${challenge.myAnswer.id}`} data-testid="my-answer-link">
            {t('challenges.answer.open')}
          </Link>
        </Space>
      </Card>
    );
  }
  if (!challenge.acceptingAnswers) return <Alert type="info" showIcon message={t('challenges.answer.closed')} data-testid="answers-closed" />;
  return (
    <Card title={t('challenges.answer.formTitle')} extra={<Typography.Text type="secondary">{t('challenges.answer.formHint')}</Typography.Text>}>
      <AnswerForm challengeId={challenge.id} options={options.data} onDone={(a) => navigate(`/challenges/${challenge.id}/answers/${a.id}`)} />
    </Card>
  );
}

export function ChallengeDetailPage() {
  const { challengeId } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const query = useQuery({ queryKey: challengeKeys.one(challengeId!), queryFn: () => challengesApi.get(challengeId!) });
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundResult />;
    return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (query.isPending) return <Spin />;
  const c = query.data;
  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="challenge-title">{challengeTitle(c, lang)}</span>
            <ChallengeStatusTag challenge={c} />
          </Space>
        }
        subtitle={`${posterName(c, lang)} · ${t(`challenges.kinds.${c.kind}`)}`}
        extra={c.isPoster ? <PosterActions challenge={c} /> : undefined}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={c.isPoster ? 16 : 24}>
          <Card>
            <Descriptions column={{ xs: 1, md: 2 }} size="small" style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('challenges.form.deadline')}>
                <Deadline challenge={c} />
              </Descriptions.Item>
              <Descriptions.Item label={t('challenges.form.budget')}>{c.budgetFen !== null ? formatMoney(c.budgetFen, lang) : t('challenges.budgetOpen')}</Descriptions.Item>
              <Descriptions.Item label={t('challenges.form.visibility')}>
                {c.visibility === 'public' ? t('challenges.visibilities.public') : `${t('challenges.visibilities.communities')}: ${c.communities.map((x) => localName(x, lang)).join('、')}`}
              </Descriptions.Item>
              {c.publishedAt && <Descriptions.Item label={t('challenges.publishedAt')}>{formatDate(c.publishedAt, lang)}</Descriptions.Item>}
              {c.segments.length > 0 && (
                <Descriptions.Item label={t('challenges.form.segments')}>
                  <TermTags taxonomy="segment" codes={c.segments} color="cyan" />
                </Descriptions.Item>
              )}
              {c.keywords.length > 0 && <Descriptions.Item label={t('challenges.form.keywords')}>{c.keywords.join('、')}</Descriptions.Item>}
            </Descriptions>
            {(['description', 'requirements', 'offer'] as const).map((f) =>
              c[f] ? (
                <div key={f} style={{ marginBottom: 16 }}>
                  <Typography.Title level={5}>{t(`challenges.form.${f}`)}</Typography.Title>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid={`challenge-${f}`}>
                    {c[f]}
                  </Typography.Paragraph>
                </div>
              ) : null,
            )}
          </Card>
        </Col>
        {c.isPoster && c.status !== 'draft' && (
          <Col xs={24} xl={8}>
            <MatchPanel subjectType="challenge" subjectId={c.id} targets={['research_teams', 'briefs']} title={t('challenges.suggested')} />
          </Col>
        )}
        <Col span={24}>{c.isPoster ? c.status !== 'draft' && <ScreeningBoard challenge={c} /> : <AnswerSide challenge={c} />}</Col>
      </Row>
    </>
  );
}
