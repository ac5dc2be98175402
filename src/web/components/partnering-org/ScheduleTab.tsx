/**
 * The schedule: run the scheduler (keeping published meetings by default) and read its summary;
 * switch between the draft and the published schedule and between days; the grid of slots ×
 * locations; one participant's agenda; what could not be placed and why; publishing with a
 * confirmation of what changes (another organiser publishing first is explained); the last runs.
 */
import { CheckCircleOutlined, CloudUploadOutlined, PlayCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Collapse, Descriptions, Empty, InputNumber, Modal, Row, Segmented, Space, Statistic, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { errorText, useApiErrorHandler } from '../../lib/errors';
import { formatDateTime, formatNumber } from '../../lib/format';
import { partneringOrgApi, partneringOrgKeys, type OrgMeeting, type PartneringRun, type PartneringSchedule, type PublishResult } from '../../services/partneringOrg';
import { LoadError } from '../States';
import { dayLabel, isConflict, ParticipantSelect, reasonText, SideTag, slotRange, useRefreshPartnering, type OrgTabProps } from './common';
import { MeetingDrawer } from './MeetingDrawer';
import { GridLegend, placeOf, ScheduleGrid } from './ScheduleGrid';

function RunSummary({ run }: { run: PartneringRun }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (run.status === 'running') return <Alert type="info" showIcon title={t('partneringOrg.schedule.runRunning', { at: formatDateTime(run.startedAt, lang) })} data-testid="schedule-run-summary" />;
  if (run.status === 'failed' || !run.summary) {
    return <Alert type="error" showIcon title={t('partneringOrg.schedule.runFailed')} description={run.error ?? undefined} data-testid="schedule-run-summary" />;
  }
  const s = run.summary;
  return (
    <div data-testid="schedule-run-summary">
      <Space wrap size={32}>
        <Statistic title={t('partneringOrg.schedule.scheduled')} value={s.scheduled} suffix={`/ ${s.meetings}`} />
        <Statistic title={t('partneringOrg.schedule.weight')} value={`${formatNumber(s.scheduledWeight, lang)} / ${formatNumber(s.totalWeight, lang)}`} />
        <Statistic title={t('partneringOrg.schedule.breaks')} value={s.breaks} />
        <Statistic title={t('partneringOrg.schedule.spread')} value={s.breakSpread} />
        <Statistic title={t('partneringOrg.schedule.movedPublished')} value={s.moved} />
        <Statistic title={t('partneringOrg.schedule.duration')} value={(s.durationMs / 1000).toFixed(1)} suffix={t('partneringOrg.schedule.seconds')} />
      </Space>
      <div style={{ marginTop: 8 }}>
        <Space wrap size={4}>
          {s.proved.map((p) => (
            <Tag key={p} color="success" icon={<CheckCircleOutlined />}>
              {t(`partneringOrg.proved.${p}`, { defaultValue: p })}
            </Tag>
          ))}
          {s.proved.length === 0 && <Typography.Text type="secondary">{t('partneringOrg.schedule.notProved')}</Typography.Text>}
          <Typography.Text type="secondary">
            · {t('partneringOrg.schedule.runBy', { at: formatDateTime(run.finishedAt ?? run.startedAt, lang), who: run.startedBy ?? '—' })}
            {run.options.keepPublished ? ` · ${t('partneringOrg.schedule.keptPublished')}` : ` · ${t('partneringOrg.schedule.movedAllowed')}`}
          </Typography.Text>
        </Space>
      </div>
    </div>
  );
}

function RunPanel({ communityId, event, lastRun, hasPublished }: OrgTabProps & { lastRun: PartneringRun | null; hasPublished: boolean }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRefreshPartnering(event.id);
  const [keepPublished, setKeepPublished] = useState(true);
  const [timeLimit, setTimeLimit] = useState<number | null>(10);
  const [latest, setLatest] = useState<PartneringRun | null>(null);
  const run = useMutation({
    mutationFn: () => partneringOrgApi.run(communityId, event.id, { keepPublished, timeLimitSeconds: timeLimit ?? undefined }),
    onSuccess: (r) => {
      setLatest(r);
      refresh();
    },
    onError: (e) => {
      if (isConflict(e, 'partnering_run_in_progress')) {
        modal.warning({ title: t('partneringOrg.schedule.runInProgressTitle'), content: t('partneringOrg.schedule.runInProgressBody'), onOk: refresh });
        return;
      }
      onError(e);
    },
  });
  const shown = latest && (!lastRun || lastRun.id === latest.id || latest.startedAt >= lastRun.startedAt) ? latest : lastRun;
  return (
    <Card variant="borderless" title={t('partneringOrg.schedule.runTitle')}>
      <Space wrap size={24} align="center" style={{ marginBottom: shown ? 16 : 0 }}>
        <Space>
          <Switch checked={keepPublished} onChange={setKeepPublished} disabled={!hasPublished} data-testid="schedule-keep-published" />
          <span>{t('partneringOrg.schedule.keepPublished')}</span>
        </Space>
        <Space>
          <span>{t('partneringOrg.schedule.timeLimit')}</span>
          <InputNumber min={1} max={120} precision={0} value={timeLimit} onChange={(v) => setTimeLimit(typeof v === 'number' ? v : null)} suffix={t('partneringOrg.schedule.seconds')} style={{ width: 110 }} data-testid="schedule-time-limit" />
        </Space>
        <Button type="primary" icon={<PlayCircleOutlined />} loading={run.isPending} onClick={() => run.mutate()} data-testid="schedule-run">
          {run.isPending ? t('partneringOrg.schedule.running') : t('partneringOrg.schedule.run')}
        </Button>
      </Space>
      {!keepPublished && hasPublished && <Alert type="warning" showIcon title={t('partneringOrg.schedule.moveWarning')} style={{ marginBottom: 16 }} />}
      {shown ? <RunSummary run={shown} /> : <Typography.Text type="secondary">{t('partneringOrg.schedule.noRunYet')}</Typography.Text>}
    </Card>
  );
}

function PublishButton({ communityId, event, schedule, published }: OrgTabProps & { schedule: PartneringSchedule; published: PartneringSchedule | undefined }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRefreshPartnering(event.id);
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<PublishResult | null>(null);
  const publish = useMutation({
    mutationFn: () => partneringOrgApi.publish(communityId, event.id, schedule.scheduleVersion),
    onSuccess: (r) => {
      setOpen(false);
      setResult(r);
      refresh();
    },
    onError: (e) => {
      setOpen(false);
      if (isConflict(e, 'partnering_schedule_changed')) {
        modal.warning({ title: t('partneringOrg.schedule.publishChangedTitle'), content: t('partneringOrg.schedule.publishChangedBody'), okText: t('partneringOrg.common.reload'), onOk: refresh });
        return;
      }
      if (isConflict(e, 'partnering_run_in_progress')) {
        modal.warning({ title: t('partneringOrg.schedule.runInProgressTitle'), content: t('partneringOrg.schedule.publishRunning'), onOk: refresh });
        return;
      }
      onError(e);
    },
  });
  const s = schedule.summary;
  return (
    <>
      <Button type="primary" icon={<CloudUploadOutlined />} onClick={() => setOpen(true)} disabled={s.meetings === 0} data-testid="schedule-publish">
        {t('partneringOrg.schedule.publish')}
      </Button>
      <Modal
        open={open}
        title={t('partneringOrg.schedule.publishTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => publish.mutate()}
        okText={t('partneringOrg.schedule.publishOk')}
        cancelText={t('partneringOrg.common.cancel')}
        okButtonProps={{ loading: publish.isPending, 'data-testid': 'schedule-publish-confirm' } as never}
        destroyOnHidden
      >
        <Descriptions column={1} size="small" bordered style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('partneringOrg.schedule.publishPlaced')}>{t('partneringOrg.schedule.ofMeetings', { placed: s.placed, total: s.meetings })}</Descriptions.Item>
          <Descriptions.Item label={t('partneringOrg.schedule.publishNowPublished')}>{published ? published.summary.placed : '…'}</Descriptions.Item>
          <Descriptions.Item label={t('partneringOrg.schedule.publishMoved')}>
            <Typography.Text type={s.moved > 0 ? 'warning' : undefined} strong={s.moved > 0} data-testid="schedule-publish-moved">
              {s.moved}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('partneringOrg.schedule.publishUnplaced')}>{s.meetings - s.placed}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {schedule.publishedAt ? t('partneringOrg.schedule.publishAgainHelp') : t('partneringOrg.schedule.publishFirstHelp')}
        </Typography.Paragraph>
      </Modal>
      <Modal
        open={result !== null}
        title={t('partneringOrg.schedule.publishedTitle')}
        onCancel={() => setResult(null)}
        onOk={() => setResult(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText={t('partneringOrg.common.ok')}
        destroyOnHidden
      >
        {result && (
          <Descriptions column={1} size="small" bordered data-testid="schedule-publish-result">
            <Descriptions.Item label={t('partneringOrg.schedule.resultPublished')}>{result.published}</Descriptions.Item>
            <Descriptions.Item label={t('partneringOrg.schedule.resultAdded')}>{result.added}</Descriptions.Item>
            <Descriptions.Item label={t('partneringOrg.schedule.resultMoved')}>{result.moved}</Descriptions.Item>
            <Descriptions.Item label={t('partneringOrg.schedule.resultRemoved')}>{result.removed}</Descriptions.Item>
            <Descriptions.Item label={t('partneringOrg.schedule.resultNotified')}>{result.notified}</Descriptions.Item>
          </Descriptions>
        )}
      </Modal>
    </>
  );
}

function UnplacedList({ schedule, onOpen }: { schedule: PartneringSchedule; onOpen: (m: OrgMeeting) => void }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<OrgMeeting> = [
    {
      title: t('partneringOrg.schedule.pair'),
      key: 'pair',
      render: (_, m) => (
        <Space orientation="vertical" size={0}>
          <span>
            <Typography.Text strong>{m.participantA.displayName}</Typography.Text> <Typography.Text type="secondary">{m.participantA.organisationName}</Typography.Text>
          </span>
          <span>
            <Typography.Text strong>{m.participantB.displayName}</Typography.Text> <Typography.Text type="secondary">{m.participantB.organisationName}</Typography.Text>
          </span>
        </Space>
      ),
    },
    { title: t('partneringOrg.meeting.weightLabel'), dataIndex: 'weight', align: 'right', width: 80 },
    { title: t('partneringOrg.schedule.reason'), key: 'reason', render: (_, m) => <Typography.Text>{reasonText(t, m.unscheduledReason)}</Typography.Text> },
    {
      title: t('partneringOrg.common.actions'),
      key: 'actions',
      width: 110,
      render: (_, m) => (
        <Button size="small" onClick={() => onOpen(m)} data-testid={`unplaced-open-${m.id}`}>
          {t('partneringOrg.schedule.placeByHand')}
        </Button>
      ),
    },
  ];
  return (
    <Card
      variant="borderless"
      title={
        <Space>
          {schedule.unplaced.length > 0 && <WarningOutlined style={{ color: '#d48806' }} />}
          {t('partneringOrg.schedule.unplacedTitle', { count: schedule.unplaced.length })}
        </Space>
      }
      data-testid="schedule-unplaced"
    >
      {schedule.unplaced.length === 0 ? (
        <Typography.Text type="secondary">{t('partneringOrg.schedule.allPlaced')}</Typography.Text>
      ) : (
        <Table<OrgMeeting> rowKey="id" size="small" columns={columns} dataSource={schedule.unplaced} pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }} />
      )}
    </Card>
  );
}

function ParticipantAgenda({ communityId, event, view, timeZone, onOpen }: OrgTabProps & { view: 'draft' | 'published'; onOpen: (m: OrgMeeting) => void }) {
  const { t } = useTranslation();
  const [participantId, setParticipantId] = useState<string | null>(null);
  const agenda = useQuery({
    queryKey: partneringOrgKeys.schedule(event.id, { view, participantId }),
    queryFn: () => partneringOrgApi.schedule(communityId, event.id, { view, participantId }),
    enabled: !!participantId,
  });
  const slots = useQuery({ queryKey: partneringOrgKeys.slots(event.id), queryFn: () => partneringOrgApi.slots(communityId, event.id) });
  const locations = useQuery({ queryKey: partneringOrgKeys.locations(event.id), queryFn: () => partneringOrgApi.locations(communityId, event.id) });
  const slotById = useMemo(() => new Map((slots.data?.items ?? []).map((s) => [s.id, s])), [slots.data]);
  const locationById = useMemo(() => new Map((locations.data?.items ?? []).map((l) => [l.id, l])), [locations.data]);
  const rows = useMemo(() => {
    const placed = (agenda.data?.meetings ?? []).filter((m) => placeOf(m, view).slotId);
    return placed.sort((a, b) => (slotById.get(placeOf(a, view).slotId!)?.startsAt ?? '').localeCompare(slotById.get(placeOf(b, view).slotId!)?.startsAt ?? ''));
  }, [agenda.data, view, slotById]);
  const unplaced = (agenda.data?.unplaced ?? []).filter((m) => m.participantA.id === participantId || m.participantB.id === participantId);
  const other = (m: OrgMeeting) => (m.participantA.id === participantId ? m.participantB : m.participantA);

  const columns: TableColumnsType<OrgMeeting> = [
    {
      title: t('partneringOrg.schedule.time'),
      key: 'time',
      width: 220,
      render: (_, m) => {
        const s = slotById.get(placeOf(m, view).slotId!);
        return s ? `${dayLabel(s.day, t('partneringOrg.common.dayFormat'))} ${slotRange(s, timeZone)}` : '…';
      },
    },
    { title: t('partneringOrg.schedule.location'), key: 'loc', width: 160, render: (_, m) => locationById.get(placeOf(m, view).locationId!)?.name ?? '…' },
    {
      title: t('partneringOrg.schedule.with'),
      key: 'with',
      render: (_, m) => (
        <Space size={6} wrap>
          <Typography.Text strong>{other(m).displayName}</Typography.Text>
          <SideTag side={other(m).side} />
          <Typography.Text type="secondary">{other(m).organisationName}</Typography.Text>
          {m.locked && <Tag color="blue">{t('partneringOrg.schedule.locked')}</Tag>}
          {view === 'draft' && m.moved && <Tag color="warning">{t('partneringOrg.schedule.moved')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('partneringOrg.common.actions'),
      key: 'actions',
      width: 90,
      render: (_, m) => (
        <Button size="small" onClick={() => onOpen(m)}>
          {t('partneringOrg.schedule.open')}
        </Button>
      ),
    },
  ];
  return (
    <Card variant="borderless" data-testid="schedule-participant-view">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <ParticipantSelect communityId={communityId} eventId={event.id} value={participantId} onChange={setParticipantId} testId="schedule-participant-pick" style={{ maxWidth: 420 }} />
        {!participantId ? (
          <Empty description={t('partneringOrg.schedule.pickParticipantHelp')} />
        ) : agenda.isError ? (
          <LoadError error={agenda.error} onRetry={() => void agenda.refetch()} />
        ) : (
          <>
            <Table<OrgMeeting> rowKey="id" size="small" loading={agenda.isPending} columns={columns} dataSource={rows} pagination={false} locale={{ emptyText: t('partneringOrg.schedule.agendaEmpty') }} />
            {unplaced.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title={t('partneringOrg.schedule.agendaUnplaced', { count: unplaced.length })}
                description={unplaced.map((m) => `${other(m).displayName}: ${reasonText(t, m.unscheduledReason)}`).join('；')}
              />
            )}
          </>
        )}
      </Space>
    </Card>
  );
}

function RunHistory({ communityId, event }: OrgTabProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const runs = useQuery({ queryKey: partneringOrgKeys.runs(event.id), queryFn: () => partneringOrgApi.runs(communityId, event.id) });
  const columns: TableColumnsType<PartneringRun> = [
    { title: t('partneringOrg.schedule.startedAt'), dataIndex: 'startedAt', width: 170, render: (v: string) => formatDateTime(v, lang, event.timeZone) },
    { title: t('partneringOrg.schedule.startedBy'), dataIndex: 'startedBy', render: (v: string | null) => v ?? '—' },
    {
      title: t('partneringOrg.schedule.status'),
      dataIndex: 'status',
      width: 100,
      render: (v: PartneringRun['status']) => <Tag color={v === 'finished' ? 'success' : v === 'failed' ? 'error' : 'processing'}>{t(`partneringOrg.runStatuses.${v}`)}</Tag>,
    },
    { title: t('partneringOrg.schedule.keepPublishedShort'), key: 'keep', width: 110, render: (_, r) => (r.options.keepPublished ? t('partneringOrg.common.yes') : t('partneringOrg.common.no')) },
    { title: t('partneringOrg.schedule.scheduled'), key: 'scheduled', align: 'right', render: (_, r) => (r.summary ? `${r.summary.scheduled} / ${r.summary.meetings}` : '—') },
    { title: t('partneringOrg.schedule.breaks'), key: 'breaks', align: 'right', render: (_, r) => r.summary?.breaks ?? '—' },
    { title: t('partneringOrg.schedule.movedPublished'), key: 'moved', align: 'right', render: (_, r) => r.summary?.moved ?? '—' },
    { title: t('partneringOrg.schedule.duration'), key: 'duration', align: 'right', render: (_, r) => (r.summary ? `${(r.summary.durationMs / 1000).toFixed(1)} ${t('partneringOrg.schedule.seconds')}` : '—') },
    { title: t('partneringOrg.schedule.error'), dataIndex: 'error', ellipsis: true, render: (v: string | null) => v ?? '' },
  ];
  if (runs.isError) return <Typography.Text type="danger">{errorText(t, runs.error)}</Typography.Text>;
  return <Table<PartneringRun> rowKey="id" size="small" loading={runs.isPending} columns={columns} dataSource={runs.data?.items ?? []} pagination={false} scroll={{ x: 900 }} data-testid="schedule-runs" />;
}

export function ScheduleTab(props: OrgTabProps) {
  const { communityId, event, timeZone } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'published' ? 'published' : 'draft';
  const day = params.get('day');
  const mode = params.get('show') === 'participant' ? 'participant' : 'grid';
  const [open, setOpen] = useState<OrgMeeting | null>(null);
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  // Both views of the day: the one shown, and the other for the publish confirmation (the draft's
  // totals and the published version seen; what is published now).
  const draft = useQuery({
    queryKey: partneringOrgKeys.schedule(event.id, { view: 'draft', day }),
    queryFn: () => partneringOrgApi.schedule(communityId, event.id, { view: 'draft', day }),
    placeholderData: (prev) => prev,
  });
  const published = useQuery({
    queryKey: partneringOrgKeys.schedule(event.id, { view: 'published', day }),
    queryFn: () => partneringOrgApi.schedule(communityId, event.id, { view: 'published', day }),
    placeholderData: (prev) => prev,
  });
  const schedule = view === 'draft' ? draft : published;

  if (schedule.isError) return <LoadError error={schedule.error} onRetry={() => void schedule.refetch()} />;
  if (!schedule.data) return <Card loading variant="borderless" />;
  const data = schedule.data;
  const s = data.summary;
  const current = open ? ([...data.meetings, ...data.unplaced].find((m) => m.id === open.id) ?? open) : null;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <RunPanel {...props} lastRun={data.lastRun} hasPublished={data.publishedAt !== null} />
      <Card variant="borderless">
        <Row gutter={[16, 16]} align="middle" justify="space-between">
          <Col>
            <Space wrap size={16}>
              <Segmented
                value={view}
                onChange={(v) => setParam('view', v === 'draft' ? null : String(v))}
                options={[
                  { value: 'draft', label: <span data-testid="schedule-view-draft">{t('partneringOrg.schedule.draft')}</span> },
                  { value: 'published', label: <span data-testid="schedule-view-published">{t('partneringOrg.schedule.published')}</span> },
                ]}
              />
              <Segmented
                value={mode}
                onChange={(v) => setParam('show', v === 'grid' ? null : String(v))}
                options={[
                  { value: 'grid', label: <span data-testid="schedule-show-grid">{t('partneringOrg.schedule.gridView')}</span> },
                  { value: 'participant', label: <span data-testid="schedule-show-participant">{t('partneringOrg.schedule.participantView')}</span> },
                ]}
              />
              <Typography.Text type="secondary" data-testid="schedule-published-at">
                {data.publishedAt
                  ? t('partneringOrg.schedule.publishedAt', { at: formatDateTime(data.publishedAt, lang, timeZone), version: data.scheduleVersion })
                  : t('partneringOrg.schedule.neverPublished')}
              </Typography.Text>
            </Space>
          </Col>
          <Col>
            {draft.data && <PublishButton {...props} schedule={draft.data} published={published.data} />}
          </Col>
        </Row>
        <Space wrap size={32} style={{ marginTop: 16 }}>
          <Statistic title={t('partneringOrg.schedule.placed')} value={s.placed} suffix={`/ ${s.meetings}`} data-testid="schedule-stat-placed" />
          <Statistic title={t('partneringOrg.schedule.locked')} value={s.locked} />
          {view === 'draft' && <Statistic title={t('partneringOrg.schedule.movedVsPublished')} value={s.moved} data-testid="schedule-stat-moved" />}
          <Statistic title={t('partneringOrg.schedule.breaks')} value={s.breaks} />
          <Statistic title={t('partneringOrg.schedule.spread')} value={s.breakSpread} />
        </Space>
      </Card>
      {mode === 'grid' ? (
        <Card
          variant="borderless"
          title={
            data.days.length > 0 ? (
              <Segmented
                value={data.day ?? data.days[0]}
                onChange={(v) => setParam('day', String(v))}
                options={data.days.map((d) => ({ value: d, label: <span data-testid={`schedule-day-${d}`}>{`${dayLabel(d, t('partneringOrg.common.dayFormat'))}`}</span> }))}
              />
            ) : (
              t('partneringOrg.schedule.gridTitle')
            )
          }
          extra={<GridLegend showMoved={view === 'draft'} />}
          styles={{ body: { opacity: schedule.isFetching && schedule.isPlaceholderData ? 0.6 : 1 } }}
        >
          <ScheduleGrid schedule={data} onOpen={setOpen} />
        </Card>
      ) : (
        <ParticipantAgenda {...props} view={view} onOpen={setOpen} />
      )}
      {view === 'draft' && <UnplacedList schedule={data} onOpen={setOpen} />}
      <Collapse items={[{ key: 'runs', label: t('partneringOrg.schedule.history'), children: <RunHistory {...props} /> }]} data-testid="schedule-history" />
      <MeetingDrawer communityId={communityId} eventId={event.id} timeZone={timeZone} meeting={current} editable={view === 'draft'} onClose={() => setOpen(null)} />
    </Space>
  );
}
