import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Popconfirm, Row, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { AnswerForm, AnswerHistory, challengeTitle, posterName, PrivateThread, ProposalView, StageTag } from '../../components/challenges/ChallengeBits';
import { ScreeningActions } from '../../components/challenges/ScreeningActions';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, NotFoundResult } from '../../components/States';
import { useApiErrorHandler } from '../../lib/errors';
import { ApiError } from '../../services/api';
import { challengeKeys, challengesApi } from '../../services/challenges';

/** One proposal laid out as a page, its stage history, the private thread; screening for the poster side, edit and withdraw for the team. */
export function AnswerDetailPage() {
  const { challengeId, answerId } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const query = useQuery({ queryKey: challengeKeys.answer(challengeId!, answerId!), queryFn: () => challengesApi.answer(challengeId!, answerId!) });
  const options = useQuery({ queryKey: challengeKeys.options, queryFn: challengesApi.options, enabled: editing });
  const withdraw = useMutation({
    mutationFn: () => challengesApi.withdraw(challengeId!, answerId!, query.data!.version),
    onSuccess: () => {
      void message.success(t('challenges.answer.withdrawn'));
      void queryClient.invalidateQueries({ queryKey: challengeKeys.all });
    },
    onError: (e) => onError(e),
  });
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundResult />;
    return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (query.isPending) return <Spin />;
  const a = query.data;
  const team = a.side === 'team';
  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span>{t('challenges.answer.pageTitle', { team: a.teamName })}</span>
            <StageTag stage={a.stage} status={a.status} />
          </Space>
        }
        subtitle={
          <Link to={`/challenges/${a.challenge.id}`} data-testid="answer-challenge-link">
            {challengeTitle(a.challenge, lang)} · {posterName(a.challenge, lang)}
          </Link>
        }
        extra={
          team ? (
            <Space>
              {a.editable && !editing && (
                <Button onClick={() => setEditing(true)} data-testid="answer-edit">
                  {t('challenges.answer.edit')}
                </Button>
              )}
              {a.status === 'active' && (
                <Popconfirm title={t('challenges.answer.withdrawConfirm')} onConfirm={() => withdraw.mutate()}>
                  <Button danger data-testid="answer-withdraw">
                    {t('challenges.answer.withdraw')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          ) : (
            <ScreeningActions challengeId={a.challenge.id} answer={a} />
          )
        }
      />
      {a.status === 'declined' && a.declineReason && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('challenges.answer.declinedBecause', { reason: a.declineReason })} data-testid="answer-declined" />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          {editing ? (
            <Card title={t('challenges.answer.edit')}>
              <AnswerForm challengeId={a.challenge.id} existing={a} options={options.data} onDone={() => setEditing(false)} />
            </Card>
          ) : (
            <ProposalView answer={a} />
          )}
        </Col>
        <Col xs={24} xl={9}>
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            {!team && (
              <Card title={t('challenges.screen.note')} size="small" data-testid="screening-note">
                <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {a.screeningNote || t('challenges.screen.noNote')}
                </Typography.Paragraph>
              </Card>
            )}
            <Card title={t('challenges.answer.history')} size="small">
              <AnswerHistory answer={a} />
            </Card>
            <PrivateThread challengeId={a.challenge.id} answerId={a.id} side={a.side} />
          </Space>
        </Col>
      </Row>
    </>
  );
}
