/**
 * The schedule grid of one day: rows are slots (times in the community's zone), columns are
 * locations, each cell the meeting placed there. Virtualised both ways (only the visible cells are
 * rendered), with the header row and the time column kept in step with the scroll, so an event
 * with hundreds of tables and many slots stays usable.
 */
import { LockOutlined, SwapOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, Tooltip, Typography, theme } from 'antd';
import { useMemo, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgMeeting, PartneringSchedule } from '../../services/partneringOrg';
import { slotRange } from './common';

const TIME_W = 104;
const HEAD_H = 44;
const COL_W = 148;
const ROW_H = 58;

export function placeOf(meeting: OrgMeeting, view: 'draft' | 'published'): { slotId: string | null; locationId: string | null } {
  return view === 'draft' ? { slotId: meeting.draftSlotId, locationId: meeting.draftLocationId } : { slotId: meeting.publishedSlotId, locationId: meeting.publishedLocationId };
}

/** The colours of the grid's cells, explained. */
export function GridLegend({ showMoved }: { showMoved: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const swatch = (bg: string, border: string, label: string) => (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, fontSize: 12 }}>
      <span style={{ width: 14, height: 14, borderRadius: 3, background: bg, border: `1px solid ${border}` }} />
      {label}
    </span>
  );
  return (
    <span style={{ display: 'inline-flex', gap: 16 }} data-testid="schedule-legend">
      {swatch(token.colorPrimaryBg, token.colorPrimaryBorder, t('partneringOrg.schedule.legendMeeting'))}
      {swatch(token.purple1, token.purple4, t('partneringOrg.schedule.locked'))}
      {showMoved && swatch(token.colorWarningBg, token.colorWarningBorder, t('partneringOrg.schedule.moved'))}
    </span>
  );
}

export function ScheduleGrid({ schedule, onOpen }: { schedule: PartneringSchedule; onOpen: (meeting: OrgMeeting) => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState({ left: 0, top: 0 });
  const { slots, locations, meetings, view, timeZone } = schedule;

  const byCell = useMemo(() => {
    const map = new Map<string, OrgMeeting>();
    for (const m of meetings) {
      const { slotId, locationId } = placeOf(m, view);
      if (slotId && locationId) map.set(`${slotId}|${locationId}`, m);
    }
    return map;
  }, [meetings, view]);

  // The virtualizer's functions change identity on purpose (React Compiler skips this component: fine).
  // eslint-disable-next-line react-hooks/incompatible-library
  const rows = useVirtualizer({ count: slots.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_H, overscan: 4 });
  const cols = useVirtualizer({ horizontal: true, count: locations.length, getScrollElement: () => scrollRef.current, estimateSize: () => COL_W, overscan: 3 });

  if (slots.length === 0 || locations.length === 0) {
    return <Empty description={slots.length === 0 ? t('partneringOrg.schedule.noSlots') : t('partneringOrg.schedule.noLocations')} data-testid="schedule-grid-empty" />;
  }

  const totalW = cols.getTotalSize();
  const totalH = rows.getTotalSize();
  const bodyH = Math.min(totalH + 16, Math.max(320, Math.round(window.innerHeight * 0.62)));
  const border = `1px solid ${token.colorBorderSecondary}`;
  const virtualRows = rows.getVirtualItems();
  const virtualCols = cols.getVirtualItems();

  return (
    <div
      style={{ display: 'grid', gridTemplateColumns: `${TIME_W}px minmax(0, 1fr)`, gridTemplateRows: `${HEAD_H}px ${bodyH}px`, border, borderRadius: token.borderRadius, overflow: 'hidden', background: token.colorBgContainer }}
      data-testid="schedule-grid"
    >
      <div style={{ borderRight: border, borderBottom: border, background: token.colorFillQuaternary, display: 'flex', alignItems: 'center', padding: '0 8px' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('partneringOrg.schedule.timeLocation')}
        </Typography.Text>
      </div>
      <div style={{ overflow: 'hidden', borderBottom: border, background: token.colorFillQuaternary }}>
        <div style={{ position: 'relative', width: totalW, height: HEAD_H, transform: `translateX(${-offset.left}px)` }}>
          {virtualCols.map((c) => {
            const loc = locations[c.index]!;
            return (
              <div key={loc.id} style={{ position: 'absolute', left: c.start, width: c.size, height: HEAD_H, padding: '4px 8px', borderRight: border, overflow: 'hidden' }} data-testid={`schedule-location-${loc.id}`}>
                <Typography.Text strong ellipsis style={{ display: 'block', fontSize: 13 }}>
                  {loc.name}
                </Typography.Text>
                {(loc.owner || loc.kind !== 'table') && (
                  <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 11 }}>
                    {loc.owner ? `${t(`partneringOrg.locationKinds.${loc.kind}`)} · ${loc.owner.displayName}` : t(`partneringOrg.locationKinds.${loc.kind}`)}
                  </Typography.Text>
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div style={{ overflow: 'hidden', borderRight: border, background: token.colorFillQuaternary }}>
        <div style={{ position: 'relative', height: totalH, transform: `translateY(${-offset.top}px)` }}>
          {virtualRows.map((r) => {
            const slot = slots[r.index]!;
            const newSession = r.index === 0 || slots[r.index - 1]!.session !== slot.session;
            return (
              <div key={slot.id} style={{ position: 'absolute', top: r.start, height: r.size, width: TIME_W, padding: '6px 8px', borderBottom: border }}>
                <Typography.Text strong style={{ fontSize: 13 }}>
                  {slotRange(slot, timeZone)}
                </Typography.Text>
                {newSession && (
                  <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 11 }}>
                    {slot.session}
                  </Typography.Text>
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div ref={scrollRef} style={{ overflow: 'auto', position: 'relative' }} onScroll={(e) => setOffset({ left: e.currentTarget.scrollLeft, top: e.currentTarget.scrollTop })} data-testid="schedule-grid-body">
        <div style={{ position: 'relative', width: totalW, height: totalH }}>
          {virtualRows.map((r) => {
            const slot = slots[r.index]!;
            return virtualCols.map((c) => {
              const loc = locations[c.index]!;
              const m = byCell.get(`${slot.id}|${loc.id}`);
              const style: CSSProperties = { position: 'absolute', top: r.start, left: c.start, width: c.size, height: r.size, borderRight: border, borderBottom: border, padding: 3 };
              if (!m) return <div key={`${slot.id}|${loc.id}`} style={style} data-testid={`schedule-cell-${slot.id}-${loc.id}`} />;
              const moved = view === 'draft' && m.moved;
              return (
                <div key={`${slot.id}|${loc.id}`} style={style} data-testid={`schedule-cell-${slot.id}-${loc.id}`}>
                  <Tooltip
                    title={`${m.participantA.displayName} (${m.participantA.organisationName}) · ${m.participantB.displayName} (${m.participantB.organisationName})${moved ? ` · ${t('partneringOrg.schedule.movedHint')}` : ''}`}
                    mouseEnterDelay={0.4}
                  >
                    <button
                      type="button"
                      onClick={() => onOpen(m)}
                      style={{
                        all: 'unset',
                        boxSizing: 'border-box',
                        display: 'block',
                        width: '100%',
                        height: '100%',
                        cursor: 'pointer',
                        borderRadius: 4,
                        padding: '3px 6px',
                        background: moved ? token.colorWarningBg : m.locked ? token.purple1 : token.colorPrimaryBg,
                        border: `1px solid ${moved ? token.colorWarningBorder : m.locked ? token.purple4 : token.colorPrimaryBorder}`,
                        fontSize: 12,
                        lineHeight: '18px',
                        overflow: 'hidden',
                      }}
                      data-testid={`schedule-meeting-${m.id}`}
                      aria-label={t('partneringOrg.schedule.openMeeting', { a: m.participantA.displayName, b: m.participantB.displayName })}
                    >
                      <span style={{ display: 'flex', gap: 4, alignItems: 'center' }}>
                        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', flex: 1 }}>{m.participantA.displayName}</span>
                        {m.locked && <LockOutlined aria-label={t('partneringOrg.schedule.locked')} />}
                        {moved && <SwapOutlined aria-label={t('partneringOrg.schedule.moved')} style={{ color: token.colorWarning }} />}
                      </span>
                      <span style={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{m.participantB.displayName}</span>
                    </button>
                  </Tooltip>
                </div>
              );
            });
          })}
        </div>
      </div>
    </div>
  );
}
