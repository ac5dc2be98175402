/**
 * The call and the screening of applications of a roadshow or competition: the call settings,
 * the list with status chips and counts, a search, the detail drawer, screening several at once
 * with a note, and the export. Other kinds of event take no applications.
 */
import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Grid, Input, List, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isJudgedKind } from '../../../domain/events/applications';
import { APPLICATION_STATUSES } from '../../../domain/events/vocabularies';
import { APPLICATION_LIMITS } from '../../../shared/schemas/applications';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useTaxonomy } from '../../lib/taxonomy';
import { applicationKeys, applicationsApi, type ApplicationFilters, type ApplicationItem, type ApplicationStatus } from '../../services/applications';
import { LoadError } from '../States';
import { ApplicationCallSettings } from './ApplicationCallSettings';
import { ApplicationDetailDrawer } from './ApplicationDetailDrawer';
import { ApplicationStatusTag } from './ApplicationStatusTag';
import type { EventTabProps } from './types';

function BulkScreen(props: { communityId: string; eventId: string; selected: ApplicationItem[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [decision, setDecision] = useState<'in' | 'out' | null>(null);
  const [note, setNote] = useState('');
  // Withdrawn applications and those already in a round cannot be screened: leave them out up front.
  const eligible = props.selected.filter((a) => a.status !== 'withdrawn' && a.roundCount === 0);
  const run = useMutation({
    mutationFn: (d: 'in' | 'out') =>
      applicationsApi.bulkScreen(props.communityId, props.eventId, { decision: d, note, items: eligible.map((a) => ({ applicationId: a.id, version: a.version })) }),
    onSuccess: (res) => {
      void message.success(t('applications.bulk.done', { count: res.items.length }));
      setDecision(null);
      setNote('');
      props.onDone();
    },
    onError: (error) => {
      onError(error);
      props.onDone();
    },
  });
  return (
    <>
      <Space wrap>
        <Typography.Text>{t('applications.bulk.selected', { count: props.selected.length })}</Typography.Text>
        <Button type="primary" disabled={eligible.length === 0} onClick={() => setDecision('in')} data-testid="applications-bulk-in">
          {t('applications.bulk.in')}
        </Button>
        <Button danger disabled={eligible.length === 0} onClick={() => setDecision('out')} data-testid="applications-bulk-out">
          {t('applications.bulk.out')}
        </Button>
      </Space>
      <Modal
        open={decision !== null}
        title={t(decision === 'out' ? 'applications.bulk.confirmOut' : 'applications.bulk.confirmIn', { count: eligible.length })}
        okText={t(decision === 'out' ? 'applications.bulk.out' : 'applications.bulk.in')}
        okButtonProps={{ danger: decision === 'out', loading: run.isPending, ...{ 'data-testid': 'applications-bulk-confirm' } }}
        onOk={() => decision && run.mutate(decision)}
        onCancel={() => setDecision(null)}
        destroyOnHidden
      >
        {eligible.length < props.selected.length && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('applications.bulk.skipped', { count: props.selected.length - eligible.length })} />}
        <Typography.Paragraph type="secondary">{t('applications.bulk.notice')}</Typography.Paragraph>
        <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={APPLICATION_LIMITS.note} showCount placeholder={t('applications.screen.note')} data-testid="applications-bulk-note" />
      </Modal>
    </>
  );
}

function ApplicationList({ event }: EventTabProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const taxonomy = useTaxonomy();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const narrow = Grid.useBreakpoint().md === false;
  const [status, setStatus] = useState<ApplicationStatus | 'all'>('all');
  const [q, setQ] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [exporting, setExporting] = useState(false);
  const filters: ApplicationFilters = { status: status === 'all' ? undefined : status, q: q || undefined };
  const list = useInfiniteQuery({
    queryKey: applicationKeys.list(event.id, filters),
    queryFn: ({ pageParam }) => applicationsApi.list(event.communityId, event.id, filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const first = list.data?.pages[0];
  const counts = first?.counts;
  const allCount = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : 0;
  const selected = rows.filter((r) => selectedIds.includes(r.id));
  const refresh = () => {
    setSelectedIds([]);
    void queryClient.invalidateQueries({ queryKey: applicationKeys.all(event.id) });
  };

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await applicationsApi.exportXlsx(event.communityId, event.id, filters, lang, 'applications.xlsx');
    } catch (error) {
      onError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card
      title={t('applications.list.title')}
      extra={
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="applications-export">
          {t('applications.list.export')}
        </Button>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <Radio.Group value={status} onChange={(e) => setStatus(e.target.value as ApplicationStatus | 'all')} optionType="button" data-testid="applications-status-filter">
          <Radio.Button value="all">{t('applications.list.all', { count: allCount })}</Radio.Button>
          {APPLICATION_STATUSES.map((s) => (
            <Radio.Button key={s} value={s} data-testid={`applications-filter-${s}`}>
              {t(`applications.statuses.${s}`)} {counts?.[s] ?? 0}
            </Radio.Button>
          ))}
        </Radio.Group>
        <Input.Search allowClear maxLength={100} placeholder={t('applications.list.search')} onSearch={(v) => setQ(v.trim())} style={{ maxWidth: 360 }} data-testid="applications-search" />
        {selected.length > 0 && <BulkScreen communityId={event.communityId} eventId={event.id} selected={selected} onDone={refresh} />}
        {list.error ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : narrow ? (
          <List
            loading={list.isLoading}
            dataSource={rows}
            locale={{ emptyText: <Empty description={t(q || status !== 'all' ? 'applications.list.noMatch' : 'applications.list.empty')} /> }}
            renderItem={(a) => (
              <List.Item key={a.id} onClick={() => setOpenId(a.id)} style={{ cursor: 'pointer' }} data-testid={`applications-row-${a.id}`}>
                <Space orientation="vertical" size={2}>
                  <Typography.Text strong>{a.projectName}</Typography.Text>
                  <Typography.Text type="secondary">{a.organisationName}</Typography.Text>
                  <Space>
                    <ApplicationStatusTag status={a.status} />
                    {a.hasDeck && <FilePdfOutlined />}
                  </Space>
                </Space>
              </List.Item>
            )}
          />
        ) : (
          <Table<ApplicationItem>
            rowKey="id"
            loading={list.isLoading}
            dataSource={rows}
            pagination={false}
            rowSelection={{ selectedRowKeys: selectedIds, onChange: (keys) => setSelectedIds(keys as string[]) }}
            onRow={(a) => ({ onClick: () => setOpenId(a.id), style: { cursor: 'pointer' }, 'data-testid': `applications-row-${a.id}` }) as React.HTMLAttributes<HTMLElement>}
            locale={{ emptyText: <Empty description={t(q || status !== 'all' ? 'applications.list.noMatch' : 'applications.list.empty')} /> }}
            columns={[
              {
                title: t('applications.list.project'),
                key: 'project',
                render: (_, a) => (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text strong>{a.projectName}</Typography.Text>
                    {a.project && <Tag color="blue">{t('applications.list.linked')}</Tag>}
                  </Space>
                ),
              },
              { title: t('applications.list.organisation'), dataIndex: 'organisationName', key: 'organisation' },
              { title: t('applications.list.segment'), key: 'segment', render: (_, a) => (a.segment ? taxonomy.name('segment', a.segment) : '') },
              { title: t('applications.list.contact'), key: 'contact', render: (_, a) => <span>{a.contactName}</span> },
              { title: t('applications.list.deck'), key: 'deck', width: 70, render: (_, a) => (a.hasDeck ? <FilePdfOutlined aria-label={t('applications.list.hasDeck')} /> : '') },
              {
                title: t('applications.list.status'),
                key: 'status',
                render: (_, a) => (
                  <Space>
                    <ApplicationStatusTag status={a.status} />
                    {a.roundCount > 0 && <Tag color="purple">{t('applications.list.inRounds', { count: a.roundCount })}</Tag>}
                  </Space>
                ),
              },
              { title: t('applications.list.submittedAt'), key: 'createdAt', render: (_, a) => formatDateTime(a.createdAt, lang, event.timeZone) },
            ]}
          />
        )}
        {list.hasNextPage && (
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="applications-more">
            {t('applications.list.more')}
          </Button>
        )}
        {first && <Typography.Text type="secondary">{t('applications.list.count', { count: first.total })}</Typography.Text>}
      </Space>
      <ApplicationDetailDrawer
        communityId={event.communityId}
        eventId={event.id}
        timeZone={event.timeZone}
        applicationId={openId}
        onClose={() => setOpenId(null)}
        onChanged={() => void queryClient.invalidateQueries({ queryKey: [...applicationKeys.all(event.id), 'list'] })}
      />
    </Card>
  );
}

export function ApplicationsTab({ event }: EventTabProps) {
  const { t } = useTranslation();
  if (!isJudgedKind(event.kind)) return <Alert type="info" showIcon title={t('applications.tab.notJudged')} data-testid="applications-not-judged" />;
  if (!event.canManage) return <Alert type="info" showIcon title={t('applications.tab.organisersOnly')} />;
  return (
    <>
      <ApplicationCallSettings event={event} />
      <ApplicationList event={event} />
    </>
  );
}
