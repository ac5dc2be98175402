/**
 * Attendance for organisers: checked in against confirmed, per ticket type; arrivals per quarter
 * hour; the check-in log (searchable, with undo); and the ways out: the door page, the attendee
 * workbook, printed badges.
 */
import { DownloadOutlined, PrinterOutlined, QrcodeOutlined, UndoOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Empty, Grid, Input, List, Modal, Popconfirm, Progress, Radio, Row, Select, Space, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { REGISTRATION_STATUSES, type RegistrationStatus } from '../../../domain/events/vocabularies';
import { LoadError, PageSkeleton } from '../States';
import { useCommunity } from '../../lib/community';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { doorKeys, download, eventDoorApi, type Attendance, type DoorPerson } from '../../services/eventDoor';
import type { EventTabProps } from './types';

function ArrivalBars({ arrivals, timeZone }: { arrivals: Attendance['arrivals']; timeZone: string }) {
  const { t, i18n } = useTranslation();
  if (arrivals.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('eventDoor.attendance.noArrivals')} />;
  const max = Math.max(...arrivals.map((b) => b.count), 1);
  return (
    <div data-testid="eventDoor-arrivals" role="table" aria-label={t('eventDoor.attendance.arrivals')}>
      {arrivals.map((b) => (
        <div key={b.from} role="row" style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 4 }}>
          <span role="cell" style={{ width: 48, flex: 'none', fontVariantNumeric: 'tabular-nums', color: '#595959' }}>
            {formatDateTime(b.from, i18n.language, timeZone).slice(-5)}
          </span>
          <div role="cell" style={{ flex: 1, background: '#f5f5f5', borderRadius: 4, height: 16 }}>
            <div style={{ width: `${(b.count / max) * 100}%`, background: '#1677ff', height: '100%', borderRadius: 4, minWidth: b.count ? 3 : 0 }} />
          </div>
          <span role="cell" style={{ width: 36, flex: 'none', textAlign: 'end', fontVariantNumeric: 'tabular-nums' }}>
            {b.count}
          </span>
        </div>
      ))}
    </div>
  );
}

function BadgesDialog({ open, onClose, attendance, communityId, eventId }: { open: boolean; onClose: () => void; attendance: Attendance; communityId: string; eventId: string }) {
  const { t, i18n } = useTranslation();
  const onError = useApiErrorHandler();
  const [layout, setLayout] = useState<'a4' | 'a6'>('a4');
  const [ticketTypeId, setTicketTypeId] = useState<string | undefined>();
  const [status, setStatus] = useState<RegistrationStatus>('confirmed');
  const print = useMutation({
    mutationFn: () => download(eventDoorApi.badgesUrl(communityId, eventId, { layout, ticketTypeId, status }), i18n.language, 'badges.pdf'),
    onSuccess: onClose,
    onError: (e) => onError(e),
  });
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('eventDoor.badges.title')}
      okText={t('eventDoor.badges.download')}
      cancelText={t('common.cancel')}
      onOk={() => print.mutate()}
      confirmLoading={print.isPending}
      okButtonProps={{ 'data-testid': 'eventDoor-badges-download' } as never}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={16}>
        <div>
          <Typography.Text strong>{t('eventDoor.badges.layout')}</Typography.Text>
          <Radio.Group value={layout} onChange={(e) => setLayout(e.target.value as 'a4' | 'a6')} style={{ display: 'flex', flexDirection: 'column', marginTop: 6 }} data-testid="eventDoor-badges-layout">
            <Radio value="a4">{t('eventDoor.badges.a4')}</Radio>
            <Radio value="a6">{t('eventDoor.badges.a6')}</Radio>
          </Radio.Group>
        </div>
        <div>
          <Typography.Text strong>{t('eventDoor.badges.ticketType')}</Typography.Text>
          <Select
            style={{ width: '100%', marginTop: 6 }}
            allowClear
            placeholder={t('eventDoor.badges.allTicketTypes')}
            value={ticketTypeId}
            onChange={(v: string | undefined) => setTicketTypeId(v)}
            options={attendance.byTicketType.map((tt) => ({ value: tt.id, label: `${tt.name} (${tt.confirmed})` }))}
            data-testid="eventDoor-badges-ticket"
          />
        </div>
        <div>
          <Typography.Text strong>{t('eventDoor.badges.status')}</Typography.Text>
          <Select
            style={{ width: '100%', marginTop: 6 }}
            value={status}
            onChange={(v: RegistrationStatus) => setStatus(v)}
            options={REGISTRATION_STATUSES.filter((s) => s !== 'declined' && s !== 'cancelled').map((s) => ({ value: s, label: t(`eventDoor.statuses.${s}`) }))}
            data-testid="eventDoor-badges-status"
          />
        </div>
      </Space>
    </Modal>
  );
}

export function AttendanceTab({ event }: EventTabProps) {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const screens = Grid.useBreakpoint();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [badgesOpen, setBadgesOpen] = useState(false);
  const timeZone = event.timeZone || community.timeZone;

  const attendance = useQuery({
    queryKey: doorKeys.attendance(event.id),
    queryFn: () => eventDoorApi.attendance(community.id, event.id),
    refetchInterval: 10_000,
  });
  const log = useInfiniteQuery({
    queryKey: doorKeys.log(event.id, q),
    queryFn: ({ pageParam }) => eventDoorApi.log(community.id, event.id, q, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const exportXlsx = useMutation({
    mutationFn: () => download(eventDoorApi.exportUrl(community.id, event.id), i18n.language, 'attendees.xlsx'),
    onError: (e) => onError(e),
  });
  const undo = useMutation({
    mutationFn: (p: DoorPerson) => eventDoorApi.undo(community.id, event.id, p.registrationId),
    onSuccess: (p) => {
      void message.success(t('eventDoor.checkIn.undone', { name: p.name }));
      void queryClient.invalidateQueries({ queryKey: doorKeys.all(event.id) });
    },
    onError: (e) => onError(e),
  });

  if (attendance.isPending) return <PageSkeleton />;
  if (attendance.isError) return <LoadError error={attendance.error} onRetry={() => void attendance.refetch()} />;
  const a = attendance.data;
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  const when = (iso: string | null) => formatDateTime(iso, i18n.language, timeZone);

  const undoButton = (p: DoorPerson) => (
    <Popconfirm title={t('eventDoor.checkIn.undoConfirm', { name: p.name })} okText={t('eventDoor.checkIn.undo')} cancelText={t('common.cancel')} onConfirm={() => undo.mutate(p)}>
      <Button size="small" icon={<UndoOutlined />} data-testid="eventDoor-log-undo">
        {t('eventDoor.checkIn.undo')}
      </Button>
    </Popconfirm>
  );
  const columns: TableColumnsType<DoorPerson> = [
    { title: t('eventDoor.log.at'), dataIndex: 'checkedInAt', key: 'at', width: 150, render: (v: string) => when(v) },
    { title: t('eventDoor.log.name'), dataIndex: 'name', key: 'name', width: 110 },
    { title: t('eventDoor.log.organisation'), dataIndex: 'organisationName', key: 'org', responsive: ['lg'], ellipsis: true },
    { title: t('eventDoor.log.ticketType'), dataIndex: 'ticketType', key: 'ticket', width: 110 },
    { title: t('eventDoor.log.code'), dataIndex: 'code', key: 'code', width: 110, responsive: ['md'] },
    { title: t('eventDoor.log.by'), dataIndex: 'checkedInBy', key: 'by', width: 100, responsive: ['md'] },
    { title: '', key: 'actions', width: 100, render: (_, p) => undoButton(p) },
  ];

  return (
    <div data-testid="eventDoor-attendance">
      <Space wrap style={{ marginBottom: 16 }}>
        <Link to={`/c/${community.slug}/events/${event.id}/check-in`}>
          <Button type="primary" icon={<QrcodeOutlined />} data-testid="eventDoor-open-checkin">
            {t('eventDoor.attendance.openCheckIn')}
          </Button>
        </Link>
        <Button icon={<DownloadOutlined />} loading={exportXlsx.isPending} onClick={() => exportXlsx.mutate()} data-testid="eventDoor-export">
          {t('eventDoor.attendance.export')}
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => setBadgesOpen(true)} data-testid="eventDoor-badges">
          {t('eventDoor.attendance.badges')}
        </Button>
      </Space>

      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t('eventDoor.attendance.checkedIn')} value={a.checkedIn} suffix={`/ ${a.confirmed}`} data-testid="eventDoor-attendance-count" />
            <Progress percent={a.confirmed ? Math.round((a.checkedIn / a.confirmed) * 100) : 0} />
          </Card>
        </Col>
        <Col xs={24} md={16}>
          <Card title={t('eventDoor.attendance.byTicketType')}>
            {a.byTicketType.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('eventDoor.attendance.noTicketTypes')} />
            ) : (
              a.byTicketType.map((tt) => (
                <div key={tt.id} style={{ marginBottom: 8 }}>
                  <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                    <Typography.Text>{tt.name}</Typography.Text>
                    <Typography.Text type="secondary">{t('eventDoor.attendance.ticketLine', { checkedIn: tt.checkedIn, confirmed: tt.confirmed, capacity: tt.capacity })}</Typography.Text>
                  </Space>
                  <Progress percent={tt.confirmed ? Math.round((tt.checkedIn / tt.confirmed) * 100) : 0} size="small" />
                </div>
              ))
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('eventDoor.attendance.arrivals')}>
            <ArrivalBars arrivals={a.arrivals} timeZone={timeZone} />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card
            title={t('eventDoor.log.title')}
            extra={<Input.Search allowClear placeholder={t('eventDoor.log.search')} onSearch={(v) => setQ(v.trim())} style={{ width: screens.md ? 240 : 160 }} maxLength={100} data-testid="eventDoor-log-search" />}
          >
            {log.isError ? (
              <LoadError error={log.error} onRetry={() => void log.refetch()} />
            ) : screens.md ? (
              <Table rowKey="registrationId" size="small" columns={columns} dataSource={rows} scroll={{ x: 820 }} loading={log.isPending} pagination={false} locale={{ emptyText: t('eventDoor.checkIn.noneYet') }} data-testid="eventDoor-log" />
            ) : (
              <List
                dataSource={rows}
                loading={log.isPending}
                locale={{ emptyText: t('eventDoor.checkIn.noneYet') }}
                data-testid="eventDoor-log"
                renderItem={(p) => (
                  <List.Item actions={[undoButton(p)]}>
                    <List.Item.Meta title={p.name} description={`${when(p.checkedInAt)} · ${p.ticketType}${p.checkedInBy ? ` · ${p.checkedInBy}` : ''}`} />
                  </List.Item>
                )}
              />
            )}
            {log.hasNextPage && (
              <Button block style={{ marginTop: 8 }} loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()} data-testid="eventDoor-log-more">
                {t('eventDoor.log.more')}
              </Button>
            )}
          </Card>
        </Col>
      </Row>
      <BadgesDialog open={badgesOpen} onClose={() => setBadgesOpen(false)} attendance={a} communityId={community.id} eventId={event.id} />
    </div>
  );
}
