import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { challengeTitle, posterName, StageTag } from '../../components/challenges/ChallengeBits';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/States';
import { formatDate, formatDateTime } from '../../lib/format';
import { challengeKeys, challengesApi, type Answer } from '../../services/challenges';

/** 我的方案: every answer the user sent and where it stands. */
export function MyAnswersPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const query = useQuery({ queryKey: challengeKeys.mine, queryFn: challengesApi.mine });
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const columns: ColumnsType<Answer> = [
    {
      key: 'challenge',
      title: t('challenges.mine.challenge'),
      render: (_, a) => (
        <Link to={`/challenges/${a.challenge.id}/answers/${a.id}`} data-testid="my-answer-row">
          {challengeTitle(a.challenge, lang)}
        </Link>
      ),
    },
    { key: 'poster', title: t('challenges.mine.poster'), render: (_, a) => posterName(a.challenge, lang) },
    { key: 'team', title: t('challenges.answer.fields.teamName'), dataIndex: 'teamName' },
    { key: 'stage', title: t('challenges.board.stage'), render: (_, a) => <StageTag stage={a.stage} status={a.status} /> },
    { key: 'messages', title: t('challenges.mine.messages'), render: (_, a) => a.messageCount || '—' },
    { key: 'deadline', title: t('challenges.form.deadline'), render: (_, a) => formatDateTime(a.challenge.deadline, lang) },
    { key: 'submitted', title: t('challenges.board.submitted'), render: (_, a) => formatDate(a.createdAt, lang) },
  ];
  return (
    <>
      <PageHeader title={t('challenges.mine.title')} subtitle={<Typography.Text type="secondary">{t('challenges.mine.subtitle')}</Typography.Text>} />
      <Table rowKey="id" loading={query.isPending} columns={columns} dataSource={query.data ?? []} pagination={false} locale={{ emptyText: t('challenges.mine.empty') }} data-testid="my-answers" />
    </>
  );
}
