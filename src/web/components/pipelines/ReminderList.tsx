/**
 * The signed-in user's overdue (and due today) next actions in this community, for the home
 * page; each links to the item's drawer on its pipeline's board.
 */
import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCommunity } from '../../lib/community';
import { pipelineKeys, pipelinesApi } from '../../services/pipelines';
import { formatIsoDate, localStageName } from './common';

export function ReminderList({ limit = 8 }: { limit?: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { community } = useCommunity();
  const reminders = useQuery({ queryKey: pipelineKeys.reminders, queryFn: () => pipelinesApi.reminders(), staleTime: 60_000 });
  const mine = (reminders.data ?? []).filter((r) => r.community.id === community.id).sort((a, b) => b.overdueDays - a.overdueDays);
  if (reminders.isError) return null;
  return (
    <Card
      variant="borderless"
      title={
        <span>
          <BellOutlined /> {t('pipelines.reminders.title')}
          {mine.length > 0 && (
            <Tag color="red" style={{ marginLeft: 8 }} data-testid="reminder-count">
              {mine.length}
            </Tag>
          )}
        </span>
      }
      style={{ marginBottom: 16 }}
      data-testid="reminders"
    >
      {reminders.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : mine.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pipelines.reminders.none')} />
      ) : (
        <>
          {mine.slice(0, limit).map((r) => (
            <div key={r.itemId} className="bb-pl-reminder" data-testid="reminder">
              <div style={{ flex: 1, minWidth: 0 }}>
                <Link to={`/c/${community.slug}/pipelines/${r.pipelineId}?item=${r.itemId}`} data-testid="reminder-link">
                  {r.title}
                </Link>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {localStageName({ nameZh: r.pipelineNameZh, nameEn: r.pipelineNameEn }, lang)} · {localStageName({ nameZh: r.stageNameZh, nameEn: r.stageNameEn }, lang)}
                  </Typography.Text>
                </div>
                {r.nextAction && <Typography.Text ellipsis={{ tooltip: r.nextAction }}>{r.nextAction}</Typography.Text>}
              </div>
              <div style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                <Typography.Text type={r.overdueDays > 0 ? 'danger' : 'warning'} style={{ fontSize: 12 }}>
                  {formatIsoDate(r.nextActionOn, lang)}
                </Typography.Text>
                <div>
                  <Tag color={r.overdueDays > 0 ? 'red' : 'orange'}>{r.overdueDays > 0 ? t('pipelines.reminders.overdue', { count: r.overdueDays }) : t('pipelines.reminders.today')}</Tag>
                </div>
              </div>
            </div>
          ))}
          {mine.length > limit && <Typography.Text type="secondary">{t('pipelines.reminders.more', { count: mine.length - limit })}</Typography.Text>}
        </>
      )}
    </Card>
  );
}
