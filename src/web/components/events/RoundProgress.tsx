/** The progress matrix: judges × entries, each cell submitted, draft, none or recused. */
import { useQuery } from '@tanstack/react-query';
import { Card, Grid, List, Progress as Bar, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { judgingApi, judgingKeys, type RoundDetail } from '../../services/judging';
import { LoadError } from '../States';
import { CellTag } from './JudgingCommon';

export function RoundProgress({ communityId, round }: { communityId: string; round: RoundDetail }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const progress = useQuery({ queryKey: judgingKeys.progress(round.eventId, round.id), queryFn: () => judgingApi.progress(communityId, round.eventId, round.id) });
  if (progress.isError) return <LoadError error={progress.error} onRetry={() => void progress.refetch()} />;
  const data = progress.data;
  const percent = data && data.expectedCount > 0 ? Math.round((data.submittedCount / data.expectedCount) * 100) : 0;
  const cell = (userId: string, applicationId: string) => data?.cells.find((c) => c.userId === userId && c.applicationId === applicationId)?.state ?? 'none';
  return (
    <Card size="small" title={t('judging.progress.title')} loading={progress.isPending} data-testid="judging-progress">
      {data && (
        <>
          <Space style={{ marginBottom: 12 }}>
            <Bar type="circle" percent={percent} size={48} />
            <Typography.Text>{t('judging.progress.summary', { submitted: data.submittedCount, expected: data.expectedCount })}</Typography.Text>
          </Space>
          {screens.md ? (
            <Table
              size="small"
              rowKey="applicationId"
              pagination={false}
              scroll={{ x: true }}
              dataSource={data.entries}
              columns={[
                { title: t('judging.progress.entry'), dataIndex: 'projectName', fixed: 'left' },
                ...data.judges.map((j) => ({ title: j.displayName, key: j.userId, align: 'center' as const, render: (_: unknown, e: { applicationId: string }) => <CellTag state={cell(j.userId, e.applicationId)} /> })),
              ]}
            />
          ) : (
            <List
              dataSource={data.judges}
              renderItem={(j) => (
                <List.Item>
                  <List.Item.Meta
                    title={j.displayName}
                    description={
                      <Space wrap>
                        {data.entries.map((e) => (
                          <span key={e.applicationId}>
                            {e.projectName} <CellTag state={cell(j.userId, e.applicationId)} />
                          </span>
                        ))}
                      </Space>
                    }
                  />
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Card>
  );
}
