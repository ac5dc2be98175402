/** A judge's rounds to score, across communities, as cards with progress (/judging). */
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Progress, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { RoundStatusTag } from '../../components/events/JudgingCommon';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, PageSkeleton } from '../../components/States';
import { formatDateTime, localName } from '../../lib/format';
import { judgingApi, judgingKeys } from '../../services/judging';

export function JudgeHomePage() {
  const { t, i18n } = useTranslation();
  const mine = useQuery({ queryKey: judgingKeys.mine, queryFn: judgingApi.mine });
  return (
    <>
      <PageHeader title={t('judging.home.title')} subtitle={t('judging.home.subtitle')} />
      {mine.isPending ? (
        <PageSkeleton />
      ) : mine.isError ? (
        <LoadError error={mine.error} onRetry={() => void mine.refetch()} />
      ) : mine.data.length === 0 ? (
        <Card variant="borderless">
          <Empty description={t('judging.home.empty')} data-testid="judging-home-empty" />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {mine.data.map((r) => {
            const percent = r.total > 0 ? Math.round((r.submitted / r.total) * 100) : 100;
            return (
              <Col key={r.roundId} xs={24} md={12} xl={8}>
                <Link to={`/judging/${r.roundId}`} data-testid="judging-home-round">
                  <Card hoverable>
                    <Space orientation="vertical" style={{ width: '100%' }}>
                      <Typography.Text type="secondary">{localName(r.community, i18n.language)}</Typography.Text>
                      <Typography.Title level={4} style={{ margin: 0 }}>
                        {r.event.title}
                      </Typography.Title>
                      <Space wrap>
                        <Tag>{r.roundName}</Tag>
                        <RoundStatusTag status={r.status} />
                      </Space>
                      <Typography.Text type="secondary">{formatDateTime(r.event.startsAt, i18n.language, r.event.timeZone)}</Typography.Text>
                      <Progress percent={percent} format={() => t('judging.home.progress', { submitted: r.submitted, total: r.total })} />
                      {(r.drafts > 0 || r.recused > 0) && (
                        <Typography.Text type="secondary">{t('judging.home.details', { drafts: r.drafts, recused: r.recused })}</Typography.Text>
                      )}
                    </Space>
                  </Card>
                </Link>
              </Col>
            );
          })}
        </Row>
      )}
    </>
  );
}
