/**
 * Where an application stands, for the applicant: submitted → screened → each published round
 * with its rank, score, award and whether the project goes on. Rounds appear here only once
 * their results are published.
 */
import { Card, Descriptions, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import type { MyApplication } from '../../services/applications';

export function ApplicationProgress({ app }: { app: MyApplication }) {
  const { t, i18n } = useTranslation();
  const tz = app.event.timeZone;
  const screened = app.status === 'screened_in' || app.status === 'screened_out';
  const items = [
    {
      key: 'submitted',
      color: 'blue',
      content: (
        <>
          <Typography.Text strong>{t('applications.progress.submitted')}</Typography.Text>
          <div>
            <Typography.Text type="secondary">{formatDateTime(app.createdAt, i18n.language, tz)}</Typography.Text>
          </div>
        </>
      ),
    },
    screened
      ? {
          key: 'screening',
          color: app.status === 'screened_in' ? 'green' : 'gray',
          content: (
            <>
              <Typography.Text strong>{t(app.status === 'screened_in' ? 'applications.progress.screenedIn' : 'applications.progress.screenedOut')}</Typography.Text>
              {app.screenedAt && (
                <div>
                  <Typography.Text type="secondary">{formatDateTime(app.screenedAt, i18n.language, tz)}</Typography.Text>
                </div>
              )}
            </>
          ),
        }
      : app.status === 'withdrawn'
        ? { key: 'screening', color: 'orange', content: <Typography.Text strong>{t('applications.progress.withdrawn')}</Typography.Text> }
        : { key: 'screening', color: 'gray', content: <Typography.Text type="secondary">{t('applications.progress.awaitingScreening')}</Typography.Text> },
    ...app.results.map((r) => ({
      key: r.roundId,
      color: r.advanced || r.award ? 'green' : 'blue',
      content: (
        <Card size="small" title={r.roundName} data-testid={`applications-result-${r.roundId}`}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('applications.progress.rank')}>
              {r.rank !== null ? t('applications.progress.rankOf', { rank: r.rank, of: r.of }) : t('applications.progress.notRanked')}
            </Descriptions.Item>
            {r.score !== null && <Descriptions.Item label={t('applications.progress.score')}>{r.score.toFixed(2)}</Descriptions.Item>}
            {r.award && (
              <Descriptions.Item label={t('applications.progress.award')}>
                <Tag color="gold">{r.award}</Tag>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('applications.progress.advanced')}>
              {r.advanced ? <Tag color="green">{t('applications.progress.advancedYes')}</Tag> : <Tag>{t('applications.progress.advancedNo')}</Tag>}
            </Descriptions.Item>
            {r.publishedAt && <Descriptions.Item label={t('applications.progress.publishedAt')}>{formatDateTime(r.publishedAt, i18n.language, tz)}</Descriptions.Item>}
          </Descriptions>
        </Card>
      ),
    })),
  ];
  return <Timeline items={items} data-testid="applications-progress" />;
}
