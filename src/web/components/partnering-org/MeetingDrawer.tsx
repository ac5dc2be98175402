/**
 * One meeting, opened from the grid or the "could not place" list: both participants, where it is
 * in the draft and in the published schedule, and the organiser's hand: move it in the draft (to a
 * slot, then a location free in that slot), take it out of the draft, lock or unlock it, cancel it.
 */
import { CloseCircleOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Divider, Drawer, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../lib/errors';
import { partneringOrgApi, partneringOrgKeys, type OrgMeeting, type OrgSlot } from '../../services/partneringOrg';
import { dayLabel, isConflict, reasonText, SideTag, slotRange, useRefreshPartnering } from './common';

const MOVE_CONFLICTS = ['partnering_place_taken', 'partnering_participant_busy', 'partnering_participant_unavailable', 'partnering_location_not_theirs'];

export function MeetingDrawer({
  communityId,
  eventId,
  timeZone,
  meeting,
  editable,
  onClose,
}: {
  communityId: string;
  eventId: string;
  timeZone: string;
  meeting: OrgMeeting | null;
  editable: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRefreshPartnering(eventId);
  const [slotId, setSlotId] = useState<string | null>(null);
  const [locationId, setLocationId] = useState<string | null>(null);
  const open = meeting !== null;

  const slots = useQuery({ queryKey: partneringOrgKeys.slots(eventId), queryFn: () => partneringOrgApi.slots(communityId, eventId), enabled: open });
  const locations = useQuery({ queryKey: partneringOrgKeys.locations(eventId), queryFn: () => partneringOrgApi.locations(communityId, eventId), enabled: open });
  const slotById = useMemo(() => new Map((slots.data?.items ?? []).map((s) => [s.id, s])), [slots.data]);
  const locationById = useMemo(() => new Map((locations.data?.items ?? []).map((l) => [l.id, l])), [locations.data]);
  const target = slotId ? slotById.get(slotId) : undefined;

  // The two participants' draft agendas: slots where either is already busy cannot take the meeting.
  const agendaA = useQuery({
    queryKey: partneringOrgKeys.schedule(eventId, { view: 'draft', participantId: meeting?.participantA.id ?? null }),
    queryFn: () => partneringOrgApi.schedule(communityId, eventId, { view: 'draft', participantId: meeting!.participantA.id }),
    enabled: open && editable,
  });
  const agendaB = useQuery({
    queryKey: partneringOrgKeys.schedule(eventId, { view: 'draft', participantId: meeting?.participantB.id ?? null }),
    queryFn: () => partneringOrgApi.schedule(communityId, eventId, { view: 'draft', participantId: meeting!.participantB.id }),
    enabled: open && editable,
  });
  // The draft of the target slot's day: which locations are taken in that slot.
  const dayDraft = useQuery({
    queryKey: partneringOrgKeys.schedule(eventId, { view: 'draft', day: target?.day ?? null }),
    queryFn: () => partneringOrgApi.schedule(communityId, eventId, { view: 'draft', day: target!.day }),
    enabled: open && editable && !!target,
  });

  const busySlots = useMemo(() => {
    const set = new Set<string>();
    for (const m of [...(agendaA.data?.meetings ?? []), ...(agendaB.data?.meetings ?? [])]) if (m.id !== meeting?.id && m.draftSlotId) set.add(m.draftSlotId);
    return set;
  }, [agendaA.data, agendaB.data, meeting?.id]);
  const takenLocations = useMemo(() => {
    const set = new Set<string>();
    for (const m of dayDraft.data?.meetings ?? []) if (m.id !== meeting?.id && m.draftSlotId === slotId && m.draftLocationId) set.add(m.draftLocationId);
    return set;
  }, [dayDraft.data, slotId, meeting?.id]);

  const update = useMutation({
    mutationFn: (body: { draftSlotId?: string | null; draftLocationId?: string | null; locked?: boolean; status?: 'cancelled' }) =>
      partneringOrgApi.updateMeeting(communityId, eventId, meeting!.id, { version: meeting!.version, ...body }),
    onSuccess: (_, body) => {
      void message.success(body.status === 'cancelled' ? t('partneringOrg.meeting.cancelled') : t('partneringOrg.common.saved'));
      setSlotId(null);
      setLocationId(null);
      refresh();
      onClose();
    },
    onError: (e) => {
      if (isConflict(e, 'version_conflict')) {
        modal.warning({ title: t('partneringOrg.common.conflictTitle'), content: t('partneringOrg.common.conflictBody'), okText: t('partneringOrg.common.reload'), onOk: () => { refresh(); onClose(); } });
        return;
      }
      const code = MOVE_CONFLICTS.find((c) => isConflict(e, c));
      if (code) {
        modal.warning({ title: t('partneringOrg.meeting.moveRefused'), content: t(`partneringOrg.meeting.${code}`) });
        refresh();
        return;
      }
      onError(e);
    },
  });

  const close = () => {
    setSlotId(null);
    setLocationId(null);
    onClose();
  };
  if (!meeting) return <Drawer open={false} onClose={close} />;

  const place = (sId: string | null, lId: string | null) => {
    if (!sId || !lId) return <Typography.Text type="secondary">{t('partneringOrg.meeting.notPlaced')}</Typography.Text>;
    const s = slotById.get(sId);
    const l = locationById.get(lId);
    return s ? `${s.day} ${slotRange(s, timeZone)} · ${l?.name ?? ''}` : '…';
  };

  const slotOptions = (() => {
    const byDay = new Map<string, OrgSlot[]>();
    for (const s of slots.data?.items ?? []) byDay.set(s.day, [...(byDay.get(s.day) ?? []), s]);
    return [...byDay.entries()].map(([day, list]) => ({
      label: `${day} · ${dayLabel(day, t('partneringOrg.common.dayFormat'))}`,
      title: day,
      options: list.map((s) => ({
        value: s.id,
        label: `${slotRange(s, timeZone)} · ${s.session}${busySlots.has(s.id) ? ` (${t('partneringOrg.meeting.busy')})` : ''}`,
        disabled: busySlots.has(s.id),
      })),
    }));
  })();
  const locationOptions = (locations.data?.items ?? [])
    .filter((l) => !l.owner || l.owner.id === meeting.participantA.id || l.owner.id === meeting.participantB.id)
    .map((l) => ({ value: l.id, label: `${l.name}${takenLocations.has(l.id) ? ` (${t('partneringOrg.meeting.taken')})` : ''}`, disabled: takenLocations.has(l.id) }));
  const freeCount = locationOptions.filter((o) => !o.disabled).length;

  const person = (p: OrgMeeting['participantA']) => (
    <Space orientation="vertical" size={0}>
      <Space size={6}>
        <Typography.Text strong>{p.displayName}</Typography.Text>
        <SideTag side={p.side} />
      </Space>
      <Typography.Text type="secondary">{p.organisationName || '—'}</Typography.Text>
    </Space>
  );

  return (
    <Drawer open={open} onClose={close} size={480} title={t('partneringOrg.meeting.title')} destroyOnHidden data-testid="meeting-drawer">
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('partneringOrg.participants.participantA')}>{person(meeting.participantA)}</Descriptions.Item>
        <Descriptions.Item label={t('partneringOrg.participants.participantB')}>{person(meeting.participantB)}</Descriptions.Item>
        <Descriptions.Item label={t('partneringOrg.meeting.source')}>
          {t(`partneringOrg.sources.${meeting.source}`)} · {t('partneringOrg.meeting.weight', { weight: meeting.weight })}
        </Descriptions.Item>
        <Descriptions.Item label={t('partneringOrg.meeting.draftPlace')}>
          <span data-testid="meeting-draft-place">{place(meeting.draftSlotId, meeting.draftLocationId)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('partneringOrg.meeting.publishedPlace')}>{place(meeting.publishedSlotId, meeting.publishedLocationId)}</Descriptions.Item>
        <Descriptions.Item label={t('partneringOrg.meeting.state')}>
          <Space size={4} wrap>
            {meeting.locked && <Tag icon={<LockOutlined />} color="blue">{t('partneringOrg.schedule.locked')}</Tag>}
            {meeting.moved && <Tag color="warning">{t('partneringOrg.schedule.moved')}</Tag>}
            {!meeting.draftSlotId && <Tag>{reasonText(t, meeting.unscheduledReason)}</Tag>}
            {meeting.draftSlotId && !meeting.locked && !meeting.moved && <Tag color="success">{t('partneringOrg.meeting.placed')}</Tag>}
          </Space>
        </Descriptions.Item>
      </Descriptions>

      {editable ? (
        <>
          <Divider titlePlacement="start">{t('partneringOrg.meeting.move')}</Divider>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('partneringOrg.meeting.pickSlot')}
              value={slotId ?? undefined}
              onChange={(v: string) => {
                setSlotId(v);
                setLocationId(null);
              }}
              options={slotOptions}
              loading={slots.isPending || agendaA.isFetching || agendaB.isFetching}
              style={{ width: '100%' }}
              data-testid="meeting-move-slot"
            />
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={target ? t('partneringOrg.meeting.pickLocation', { count: freeCount }) : t('partneringOrg.meeting.pickSlotFirst')}
              value={locationId ?? undefined}
              onChange={(v: string) => setLocationId(v)}
              options={target ? locationOptions : []}
              disabled={!target}
              loading={dayDraft.isFetching}
              style={{ width: '100%' }}
              data-testid="meeting-move-location"
            />
            <Space wrap>
              <Button type="primary" disabled={!slotId || !locationId} loading={update.isPending} onClick={() => update.mutate({ draftSlotId: slotId, draftLocationId: locationId })} data-testid="meeting-move-save">
                {t('partneringOrg.meeting.moveSave')}
              </Button>
              {meeting.draftSlotId && (
                <Button onClick={() => update.mutate({ draftSlotId: null, draftLocationId: null })} disabled={update.isPending} data-testid="meeting-unplace">
                  {t('partneringOrg.meeting.unplace')}
                </Button>
              )}
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('partneringOrg.meeting.moveHelp')}
            </Typography.Text>
          </Space>
          <Divider />
          <Space wrap>
            {meeting.locked ? (
              <Button icon={<UnlockOutlined />} onClick={() => update.mutate({ locked: false })} loading={update.isPending} data-testid="meeting-unlock">
                {t('partneringOrg.meeting.unlock')}
              </Button>
            ) : (
              <Button icon={<LockOutlined />} onClick={() => update.mutate({ locked: true })} loading={update.isPending} disabled={!meeting.draftSlotId} data-testid="meeting-lock">
                {t('partneringOrg.meeting.lock')}
              </Button>
            )}
            <Popconfirm
              title={t('partneringOrg.meeting.cancelConfirm')}
              description={meeting.publishedSlotId ? t('partneringOrg.meeting.cancelPublishedNote') : undefined}
              okText={t('partneringOrg.meeting.cancelMeeting')}
              okButtonProps={{ danger: true }}
              cancelText={t('partneringOrg.common.keep')}
              onConfirm={() => update.mutateAsync({ status: 'cancelled' }).catch(() => undefined)}
            >
              <Button danger icon={<CloseCircleOutlined />} data-testid="meeting-cancel">
                {t('partneringOrg.meeting.cancelMeeting')}
              </Button>
            </Popconfirm>
          </Space>
          {!meeting.draftSlotId && <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('partneringOrg.meeting.lockHelp')} />}
        </>
      ) : (
        <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('partneringOrg.meeting.publishedReadOnly')} />
      )}
    </Drawer>
  );
}
