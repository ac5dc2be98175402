/**
 * What the event produced: attendance figures (registrations, confirmed, checked in, rate,
 * no-shows once it has ended) and by ticket type; the agreements signed at it with their total;
 * applications; the projects presented (each can be followed up); the follow-ups created into
 * pipelines, and "follow up an attendee".
 */
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Grid, List, Row, Space, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCommunity } from '../../lib/community';
import { recordName, recordPath } from '../../lib/directory';
import { formatDateTime } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import { eventOutcomeKeys, eventOutcomesApi, type FollowUp, type Outcomes } from '../../services/eventOutcomes';
import { PartyList, StatusTag } from '../agreements/common';
import { LoadError, PageSkeleton } from '../States';
import { FollowUpModal, type FollowUpTarget } from './FollowUpModal';
import type { EventTabProps } from './types';

type TicketRow = Outcomes['registrations']['byTicketType'][number];
type AgreementRow = Outcomes['agreements']['items'][number];

function Figure({ title, value, suffix, testId }: { title: string; value: string | number; suffix?: string; testId: string }) {
  return (
    <Col xs={12} sm={8} lg={6} xl={4}>
      <Card size="small" data-testid={testId}>
        <Statistic title={title} value={value} suffix={suffix} />
      </Card>
    </Col>
  );
}

export function OutcomesTab({ event }: EventTabProps) {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const screens = Grid.useBreakpoint();
  const [target, setTarget] = useState<FollowUpTarget | null>(null);
  const data = useQuery({ queryKey: eventOutcomeKeys.outcomes(event.id), queryFn: () => eventOutcomesApi.outcomes(event.communityId, event.id) });
  if (data.isLoading) return <PageSkeleton />;
  if (data.isError || !data.data) return <LoadError error={data.error} onRetry={() => void data.refetch()} />;
  const o = data.data;
  const r = o.registrations;
  const name = (ref: { nameZh: string; nameEn: string | null }) => recordName(ref.nameZh, ref.nameEn, i18n.language);

  const ticketColumns: TableColumnsType<TicketRow> = [
    { title: t('eventOutcomes.outcomes.ticketColumns.name'), dataIndex: 'name', key: 'name' },
    { title: t('eventOutcomes.outcomes.ticketColumns.capacity'), dataIndex: 'capacity', key: 'capacity', align: 'right' },
    { title: t('eventOutcomes.outcomes.ticketColumns.confirmed'), dataIndex: 'confirmed', key: 'confirmed', align: 'right' },
    { title: t('eventOutcomes.outcomes.ticketColumns.waitlisted'), dataIndex: 'waitlisted', key: 'waitlisted', align: 'right' },
    { title: t('eventOutcomes.outcomes.ticketColumns.pending'), dataIndex: 'pending', key: 'pending', align: 'right', responsive: ['md'] },
    { title: t('eventOutcomes.outcomes.ticketColumns.checkedIn'), dataIndex: 'checkedIn', key: 'checkedIn', align: 'right' },
  ];
  const agreementColumns: TableColumnsType<AgreementRow> = [
    { title: t('eventOutcomes.signing.columns.agreement'), key: 'title', render: (_, a) => <Link to={`/c/${community.slug}/agreements/${a.id}`}>{a.title}</Link> },
    { title: t('eventOutcomes.signing.columns.parties'), key: 'parties', render: (_, a) => <PartyList parties={a.parties} /> },
    { title: t('eventOutcomes.signing.columns.amount'), key: 'amount', align: 'right', render: (_, a) => (a.amountFen === null ? t('eventOutcomes.common.none') : formatMoney(a.amountFen, i18n.language)) },
    { title: t('eventOutcomes.signing.columns.status'), key: 'status', render: (_, a) => <StatusTag status={a.status} /> },
  ];
  const from = (f: FollowUp) =>
    f.registration
      ? `${f.registration.name}${f.registration.organisationName ? ` · ${f.registration.organisationName}` : ''}`
      : f.application
        ? f.application.projectName
        : f.project
          ? name(f.project)
          : t('eventOutcomes.common.none');
  const followUpColumns: TableColumnsType<FollowUp> = [
    { title: t('eventOutcomes.followUp.source'), key: 'source', width: 110, render: (_, f) => <Tag>{t(`eventOutcomes.followUp.sources.${f.source}`)}</Tag> },
    { title: t('eventOutcomes.followUp.columns.from'), key: 'from', render: (_, f) => from(f) },
    {
      title: t('eventOutcomes.followUp.columns.item'),
      key: 'item',
      render: (_, f) => (
        <Link to={`/c/${community.slug}/pipelines/${f.item.pipelineId}?item=${f.item.id}`} data-testid="eventOutcomes-followup-item">
          {f.item.title}
        </Link>
      ),
    },
    { title: t('eventOutcomes.followUp.columns.pipeline'), key: 'pipeline', responsive: ['lg'], render: (_, f) => f.item.pipelineName },
    { title: t('eventOutcomes.followUp.columns.stage'), key: 'stage', render: (_, f) => (f.item.lost ? <Tag color="red">{t('eventOutcomes.followUp.lost')}</Tag> : f.item.stageName) },
    { title: t('eventOutcomes.followUp.columns.owner'), key: 'owner', responsive: ['md'], render: (_, f) => f.item.owner?.displayName ?? t('eventOutcomes.common.none') },
    { title: t('eventOutcomes.followUp.columns.createdAt'), key: 'at', responsive: ['md'], render: (_, f) => formatDateTime(f.createdAt, i18n.language, event.timeZone) },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="eventOutcomes-outcomes-tab">
      {!o.ended && <Alert type="info" showIcon title={t('eventOutcomes.outcomes.notEnded')} />}
      <Row gutter={[12, 12]}>
        <Figure title={t('eventOutcomes.outcomes.registrations')} value={r.total} testId="eventOutcomes-figure-registrations" />
        <Figure title={t('eventOutcomes.outcomes.confirmed')} value={r.byStatus.confirmed} testId="eventOutcomes-figure-confirmed" />
        <Figure title={t('eventOutcomes.outcomes.checkedIn')} value={r.checkedIn} testId="eventOutcomes-figure-checked-in" />
        <Figure title={t('eventOutcomes.outcomes.attendanceRate')} value={r.attendanceRate === null ? t('eventOutcomes.common.none') : (r.attendanceRate * 100).toFixed(1)} suffix={r.attendanceRate === null ? undefined : '%'} testId="eventOutcomes-figure-rate" />
        <Figure title={t('eventOutcomes.outcomes.noShows')} value={r.noShows ?? t('eventOutcomes.common.none')} testId="eventOutcomes-figure-no-shows" />
        <Figure title={t('eventOutcomes.outcomes.waitlisted')} value={r.byStatus.waitlisted} testId="eventOutcomes-figure-waitlisted" />
        <Figure title={t('eventOutcomes.outcomes.agreements')} value={o.agreements.count} testId="eventOutcomes-figure-agreements" />
        <Figure title={t('eventOutcomes.outcomes.agreementAmount')} value={formatMoney(o.agreements.amountFen, i18n.language) || '0'} testId="eventOutcomes-figure-amount" />
        <Figure title={t('eventOutcomes.outcomes.applications')} value={o.applications.total} suffix={o.applications.total ? `(${t('eventOutcomes.outcomes.screenedIn', { count: o.applications.byStatus.screened_in })})` : undefined} testId="eventOutcomes-figure-applications" />
        <Figure title={t('eventOutcomes.outcomes.projects')} value={o.projects.count} testId="eventOutcomes-figure-projects" />
        <Figure title={t('eventOutcomes.outcomes.followUps')} value={o.followUps.count} testId="eventOutcomes-figure-follow-ups" />
      </Row>

      {r.byTicketType.length > 0 && (
        <Card title={t('eventOutcomes.outcomes.byTicketType')} size="small">
          <Table rowKey="ticketTypeId" columns={ticketColumns} dataSource={r.byTicketType} pagination={false} size="small" data-testid="eventOutcomes-tickets" />
        </Card>
      )}

      <Card
        title={t('eventOutcomes.outcomes.agreementList')}
        extra={
          o.agreements.count > 0 && (
            <Typography.Text strong>
              {t('eventOutcomes.signing.total', { count: o.agreements.count, amount: formatMoney(o.agreements.amountFen, i18n.language) || '0' })}
              {o.agreements.withoutAmount > 0 && <Typography.Text type="secondary">（{t('eventOutcomes.outcomes.withoutAmount', { count: o.agreements.withoutAmount })}）</Typography.Text>}
            </Typography.Text>
          )
        }
      >
        {o.agreements.items.length === 0 ? (
          <Empty description={t('eventOutcomes.outcomes.agreementsEmpty')} />
        ) : screens.md ? (
          <Table rowKey="id" columns={agreementColumns} dataSource={o.agreements.items} pagination={false} size="small" data-testid="eventOutcomes-agreements" />
        ) : (
          <List
            dataSource={o.agreements.items}
            data-testid="eventOutcomes-agreements"
            renderItem={(a) => (
              <List.Item>
                <List.Item.Meta title={<Link to={`/c/${community.slug}/agreements/${a.id}`}>{a.title}</Link>} description={<PartyList parties={a.parties} inline />} />
                {a.amountFen === null ? t('eventOutcomes.common.none') : formatMoney(a.amountFen, i18n.language)}
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card title={t('eventOutcomes.outcomes.projectList')}>
        {o.projects.items.length === 0 ? (
          <Empty description={t('eventOutcomes.outcomes.projectsEmpty')} />
        ) : (
          <List
            dataSource={o.projects.items}
            data-testid="eventOutcomes-outcome-projects"
            renderItem={(p) => (
              <List.Item
                actions={[
                  <Button key="follow" size="small" icon={<PlusOutlined />} onClick={() => setTarget({ source: 'project', projectId: p.project.id, label: name(p.project) })} data-testid="eventOutcomes-followup-from-project">
                    {t('eventOutcomes.outcomes.createFromProject')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={<Link to={recordPath(community.slug, 'project', p.project.id)}>{name(p.project)}</Link>}
                  description={p.organisation ? name(p.organisation) : undefined}
                />
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card
        title={t('eventOutcomes.outcomes.followUpList')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ source: 'registration' })} data-testid="eventOutcomes-followup-from-attendee">
            {t('eventOutcomes.outcomes.createFromAttendee')}
          </Button>
        }
      >
        {o.followUps.items.length === 0 ? (
          <Empty description={t('eventOutcomes.outcomes.followUpsEmpty')} />
        ) : (
          <Table rowKey="id" columns={followUpColumns} dataSource={o.followUps.items} pagination={false} size="small" data-testid="eventOutcomes-followups" />
        )}
      </Card>
      <FollowUpModal event={event} target={target} onClose={() => setTarget(null)} />
    </Space>
  );
}
