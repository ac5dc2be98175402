/**
 * The schedule workbook: one grid sheet per day (slots down, locations across, each cell the two
 * participants), a list of every placed meeting, and what could not be placed with the reason.
 * The draft or the published schedule; headers in the request's language, times in the
 * community's time zone.
 */
import ExcelJS from 'exceljs';
import type { Locale } from '../../../domain/locales';
import type { RequestContext } from '../../http/context';
import { formatInstant } from '../../lib/format';
import { contentDisposition } from '../directory/uploads';
import { fileStem } from '../event-door/export';
import { requireManagedEvent } from '../events/access';
import { CATALOGUES } from '../../../web/i18n/catalogue';
import * as q from './queries';

import type orgWords from '../../../web/i18n/locales/partneringOrg/zh-CN.json';

type Words = Record<string, string>;
type ExportWords = (typeof orgWords)['partneringOrg']['export'];

/** The workbook's words: `partneringOrg.export`, with the priority and reason words the organisers' page uses. */
function texts(locale: Locale) {
  const org = (CATALOGUES[locale] as unknown as { partneringOrg: { export: ExportWords; priorities: Words; reasons: Words } }).partneringOrg;
  return { ...org.export, priorities: org.priorities, reasons: org.reasons };
}

function priorityOf(weight: number): string {
  return weight >= 100 ? 'must' : weight >= 10 ? 'would_like' : 'if_time';
}

export async function exportSchedule(ctx: RequestContext, communityId: string, eventId: string, view: 'draft' | 'published') {
  const { event, community } = await requireManagedEvent(ctx, communityId, eventId);
  await q.requireSettings(ctx.db, event.id);
  const t = texts(ctx.locale);
  const zone = community.timeZone || 'Asia/Shanghai';
  const time = (at: Date) => formatInstant(at, ctx.locale, zone, 'time');
  const slots = await q.slotsOf(ctx.db, event.id);
  const locations = await q.locationsOf(ctx.db, event.id);
  const meetings = await q.activeMeetings(ctx.db, event.id);
  const people = await q.participantBriefs(ctx.db, event.id);
  const place = (m: q.MeetingRow) => (view === 'draft' ? (m.draftSlotId ? { slotId: m.draftSlotId, locationId: m.draftLocationId! } : null) : m.publishedSlotId ? { slotId: m.publishedSlotId, locationId: m.publishedLocationId! } : null);
  const who = (id: string) => people.get(id) ?? { displayName: '', organisationName: '' };
  const pair = (m: q.MeetingRow) => `${who(m.participantAId).displayName}（${who(m.participantAId).organisationName}）× ${who(m.participantBId).displayName}（${who(m.participantBId).organisationName}）`;
  const slotById = new Map(slots.map((s) => [s.id, s]));
  const locationById = new Map(locations.map((l) => [l.id, l]));
  const at = new Map<string, q.MeetingRow>();
  for (const m of meetings) {
    const p = place(m);
    if (p) at.set(`${p.slotId}|${p.locationId}`, m);
  }

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'BioBridge';
  workbook.created = new Date();
  const viewName = view === 'draft' ? t.draft : t.published;

  for (const day of [...new Set(slots.map((s) => s.day))]) {
    const sheet = workbook.addWorksheet(`${day} ${viewName}`, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
    sheet.columns = [{ header: t.colSlot, key: 'slot', width: 16 }, ...locations.map((l) => ({ header: l.name, key: l.id, width: 30 }))];
    sheet.getRow(1).font = { bold: true };
    for (const s of slots.filter((x) => x.day === day)) {
      const row: Record<string, string> = { slot: `${time(s.startsAt)}–${time(s.endsAt)} ${s.session}` };
      for (const l of locations) {
        const m = at.get(`${s.id}|${l.id}`);
        row[l.id] = m ? pair(m) : '';
      }
      sheet.addRow(row).alignment = { wrapText: true, vertical: 'top' };
    }
  }

  const list = workbook.addWorksheet(t.meetingsSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  list.columns = [
    { header: t.colDay, key: 'day', width: 12 },
    { header: t.colTime, key: 'time', width: 14 },
    { header: t.colSession, key: 'session', width: 10 },
    { header: t.colLocation, key: 'location', width: 14 },
    { header: t.colA, key: 'a', width: 14 },
    { header: t.colAOrganisation, key: 'aOrg', width: 26 },
    { header: t.colB, key: 'b', width: 14 },
    { header: t.colBOrganisation, key: 'bOrg', width: 26 },
    { header: t.colPriority, key: 'priority', width: 12 },
    { header: t.colLocked, key: 'locked', width: 8 },
  ];
  list.getRow(1).font = { bold: true };
  const placed = meetings
    .filter((m) => place(m))
    .map((m) => ({ m, slot: slotById.get(place(m)!.slotId)!, location: locationById.get(place(m)!.locationId) }))
    .sort((x, y) => x.slot.startsAt.getTime() - y.slot.startsAt.getTime() || (x.location?.position ?? 0) - (y.location?.position ?? 0));
  for (const { m, slot, location } of placed) {
    list.addRow({
      day: slot.day,
      time: `${time(slot.startsAt)}–${time(slot.endsAt)}`,
      session: slot.session,
      location: location?.name ?? '',
      a: who(m.participantAId).displayName,
      aOrg: who(m.participantAId).organisationName,
      b: who(m.participantBId).displayName,
      bOrg: who(m.participantBId).organisationName,
      priority: t.priorities[priorityOf(m.weight)],
      locked: m.locked ? t.yes : '',
    });
  }

  const unplaced = workbook.addWorksheet(t.unplacedSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  unplaced.columns = [
    { header: t.colA, key: 'a', width: 14 },
    { header: t.colAOrganisation, key: 'aOrg', width: 26 },
    { header: t.colB, key: 'b', width: 14 },
    { header: t.colBOrganisation, key: 'bOrg', width: 26 },
    { header: t.colPriority, key: 'priority', width: 12 },
    { header: t.colReason, key: 'reason', width: 40 },
  ];
  unplaced.getRow(1).font = { bold: true };
  for (const m of meetings.filter((x) => !place(x))) {
    const reason = m.unscheduledReason ?? 'not_placed';
    unplaced.addRow({
      a: who(m.participantAId).displayName,
      aOrg: who(m.participantAId).organisationName,
      b: who(m.participantBId).displayName,
      bOrg: who(m.participantBId).organisationName,
      priority: t.priorities[priorityOf(m.weight)],
      reason: t.reasons[reason] ?? reason,
    });
  }

  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  const filename = `${fileStem(event.title)}-${t.filename}-${viewName}.xlsx`;
  return { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', disposition: contentDisposition('attachment', filename), body };
}
