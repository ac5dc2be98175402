/** The applications of one round for a judge: each with the judge's own sheet state, big touch targets. */
import { RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, List, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { CellTag, conflictText, formatScore, RoundStatusTag } from '../../components/events/JudgingCommon';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, NotFoundResult, PageSkeleton } from '../../components/States';
import { localName } from '../../lib/format';
import { ApiError } from '../../services/api';
import { judgingApi, judgingKeys } from '../../services/judging';

export function JudgeRoundPage() {
  const { t, i18n } = useTranslation();
  const { roundId = '' } = useParams();
  const round = useQuery({ queryKey: judgingKeys.judgeRound(roundId), queryFn: () => judgingApi.judgeRound(roundId), retry: (n, e) => !(e instanceof ApiError && e.status === 404) && n < 2 });
  if (round.isPending) return <PageSkeleton />;
  if (round.isError) return round.error instanceof ApiError && round.error.status === 404 ? <NotFoundResult /> : <LoadError error={round.error} onRetry={() => void round.refetch()} />;
  const data = round.data;
  const percent = data.total > 0 ? Math.round((data.submitted / data.total) * 100) : 100;
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <PageHeader
        title={data.event.title}
        subtitle={
          <Space wrap>
            <span>{localName(data.community, i18n.language)}</span>
            <Tag>{data.round.name}</Tag>
            <RoundStatusTag status={data.round.status} />
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Progress percent={percent} format={() => t('judging.home.progress', { submitted: data.submitted, total: data.total })} />
        <Typography.Text type="secondary">{t('judging.judge.scale', { min: data.round.scoreMin, max: data.round.scoreMax, criteria: data.criteria.length })}</Typography.Text>
      </Card>
      {data.round.status !== 'open' && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('judging.judge.closed')} />}
      <List
        dataSource={data.entries}
        renderItem={(e) => {
          const body = (
            <Card size="small" hoverable={!e.recused} style={{ width: '100%', minHeight: 64 }} data-testid="judging-judge-entry">
              <Space style={{ width: '100%', justifyContent: 'space-between' }} align="center">
                <Space orientation="vertical" size={2}>
                  <Typography.Text strong style={{ fontSize: 16 }}>
                    {e.projectName}
                  </Typography.Text>
                  <Typography.Text type="secondary">{e.organisationName}</Typography.Text>
                  {e.recused && (
                    <Typography.Text type="secondary">
                      {e.recusalSource === 'affiliation' ? e.conflicts.map((c) => conflictText(t, c)).join('；') : e.recusalReason}
                    </Typography.Text>
                  )}
                </Space>
                <Space>
                  {e.recused ? <CellTag state="recused" /> : <CellTag state={e.state} />}
                  {!e.recused && e.total !== null && <Typography.Text strong>{formatScore(e.total)}</Typography.Text>}
                  {!e.recused && <RightOutlined />}
                </Space>
              </Space>
            </Card>
          );
          return <List.Item style={{ padding: '6px 0', border: 'none' }}>{e.recused ? body : <Link to={`/judging/${roundId}/${e.applicationId}`} style={{ width: '100%' }}>{body}</Link>}</List.Item>;
        }}
      />
    </div>
  );
}
