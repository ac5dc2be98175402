/** The signed-in user's applications to roadshows and competitions, each linking to its own page. */
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Grid, List, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApplicationStatusTag } from '../../components/events/ApplicationStatusTag';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, PageSkeleton } from '../../components/States';
import { formatDate, formatDateTime, localName } from '../../lib/format';
import { applicationKeys, applicationsApi, type MyApplicationItem } from '../../services/applications';

export function MyApplicationsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const narrow = Grid.useBreakpoint().md === false;
  const query = useQuery({ queryKey: applicationKeys.myList, queryFn: applicationsApi.myList });

  const header = <PageHeader title={t('applications.myList.title')} subtitle={t('applications.myList.subtitle')} />;
  if (query.isLoading) {
    return (
      <>
        {header}
        <PageSkeleton />
      </>
    );
  }
  if (query.error || !query.data) {
    return (
      <>
        {header}
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const items = query.data.items;
  const open = (a: MyApplicationItem) => `/a/${a.manageToken}`;
  const results = (a: MyApplicationItem) => (a.hasResults ? <Tag color="gold">{t('applications.myList.resultsOut')}</Tag> : null);

  return (
    <>
      {header}
      <Card data-testid="applications-my-list">
        {items.length === 0 ? (
          <Empty description={t('applications.myList.empty')} />
        ) : narrow ? (
          <List
            dataSource={items}
            renderItem={(a) => (
              <List.Item key={a.id}>
                <Link to={open(a)} style={{ display: 'block', width: '100%' }} data-testid={`applications-my-item-${a.id}`}>
                  <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                    <Typography.Text strong>{a.projectName}</Typography.Text>
                    <Typography.Text>{a.eventTitle}</Typography.Text>
                    <Typography.Text type="secondary">
                      {localName(a.community, lang)} · {formatDate(a.eventStartsAt, lang, a.timeZone)}
                    </Typography.Text>
                    <Space>
                      <ApplicationStatusTag status={a.status} />
                      {results(a)}
                    </Space>
                  </Space>
                </Link>
              </List.Item>
            )}
          />
        ) : (
          <Table<MyApplicationItem>
            rowKey="id"
            dataSource={items}
            pagination={items.length > 20 ? { pageSize: 20 } : false}
            columns={[
              { title: t('applications.myList.project'), key: 'project', render: (_, a) => <Link to={open(a)} data-testid={`applications-my-item-${a.id}`}>{a.projectName}</Link> },
              { title: t('applications.myList.event'), key: 'event', render: (_, a) => a.eventTitle },
              { title: t('applications.myList.community'), key: 'community', render: (_, a) => localName(a.community, lang) },
              { title: t('applications.myList.eventDate'), key: 'date', render: (_, a) => formatDate(a.eventStartsAt, lang, a.timeZone) },
              {
                title: t('applications.myList.status'),
                key: 'status',
                render: (_, a) => (
                  <Space>
                    <ApplicationStatusTag status={a.status} />
                    {results(a)}
                  </Space>
                ),
              },
              { title: t('applications.myList.submittedAt'), key: 'submitted', render: (_, a) => formatDateTime(a.createdAt, lang, a.timeZone) },
            ]}
          />
        )}
      </Card>
    </>
  );
}
