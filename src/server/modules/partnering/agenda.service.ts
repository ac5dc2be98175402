/**
 * A participant's personal agenda: the published meetings (time, table or link, the other
 * party), as JSON, as an iCalendar file and as a printable PDF; and feedback afterwards.
 */
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { createEvents, type EventAttributes } from 'ics';
import type { z } from 'zod';
import type { Locale } from '../../../domain/locales';
import type { LocationKind, MeetingOutcome, MeetingSource } from '../../../domain/partnering/vocabularies';
import type { Agenda, AgendaMeeting, feedbackInput, feedbackSchema } from '../../../shared/schemas/partnering';
import { CATALOGUES } from '../../../web/i18n/catalogue';
import type { Executor } from '../../db/client';
import { partneringFeedback, partneringLocations, partneringMeetings, partneringSlots } from '../../db/schema';
import type { RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { formatInstant } from '../../lib/format';
import { FONT_BOLD, FONT_REGULAR, renderPdf } from '../../pdf/document';
import { recordAudit } from '../audit/record';
import { contentDisposition } from '../directory/uploads';
import { iso, loadScope, participantsByIds, partneringLink, type ParticipantRow, type PartneringScope } from './access';
import { toCard, visibleProjectsOf } from './cards';
import { toSlot } from './profile.service';

type FeedbackRow = typeof partneringFeedback.$inferSelect;

function toFeedback(f: FeedbackRow): z.infer<typeof feedbackSchema> {
  return { outcome: f.outcome as MeetingOutcome, rating: f.rating, followUp: f.followUp, updatedAt: f.updatedAt.toISOString() };
}

/** The caller's participant record (any status), else 403: organisers without one have no agenda. */
function requireMe(scope: PartneringScope): ParticipantRow {
  if (!scope.me) throw new AppError('partnering_not_participant');
  return scope.me;
}

async function buildAgenda(ctx: RequestContext, db: Executor, scope: PartneringScope, me: ParticipantRow): Promise<Agenda> {
  const eventId = scope.event.id;
  const rows = await db
    .select({ meeting: partneringMeetings, slot: partneringSlots, location: partneringLocations })
    .from(partneringMeetings)
    .leftJoin(partneringSlots, eq(partneringSlots.id, partneringMeetings.publishedSlotId))
    .leftJoin(partneringLocations, eq(partneringLocations.id, partneringMeetings.publishedLocationId))
    .where(
      and(
        eq(partneringMeetings.eventId, eventId),
        eq(partneringMeetings.status, 'active'),
        or(eq(partneringMeetings.participantAId, me.id), eq(partneringMeetings.participantBId, me.id)),
      ),
    )
    .orderBy(asc(partneringSlots.startsAt), asc(partneringMeetings.createdAt), asc(partneringMeetings.id));
  const counterpartIds = rows.map((r) => (r.meeting.participantAId === me.id ? r.meeting.participantBId : r.meeting.participantAId));
  const ownerIds = rows.flatMap((r) => (r.location?.ownerParticipantId ? [r.location.ownerParticipantId] : []));
  const people = await participantsByIds(db, eventId, [...counterpartIds, ...ownerIds]);
  const projectsById = await visibleProjectsOf(ctx, db, [...people.values()]);
  const meetingIds = rows.map((r) => r.meeting.id);
  const feedback = meetingIds.length
    ? await db
        .select()
        .from(partneringFeedback)
        .where(and(inArray(partneringFeedback.meetingId, meetingIds), eq(partneringFeedback.participantId, me.id)))
    : [];
  const feedbackOf = new Map(feedback.map((f) => [f.meetingId, f]));
  const meetings: AgendaMeeting[] = [];
  const unscheduled: Agenda['unscheduled'] = [];
  for (const r of rows) {
    const counterpartId = r.meeting.participantAId === me.id ? r.meeting.participantBId : r.meeting.participantAId;
    const counterpart = people.get(counterpartId) ?? (counterpartId === me.id ? me : undefined);
    if (!counterpart) continue;
    const card = toCard(counterpart, projectsById);
    if (!r.slot || !r.location) {
      unscheduled.push({ id: r.meeting.id, counterpart: card });
      continue;
    }
    // An online room without a link of its own uses its owner's (a participant's video link).
    const owner = r.location.ownerParticipantId ? (r.location.ownerParticipantId === me.id ? me : people.get(r.location.ownerParticipantId)) : undefined;
    const onlineUrl = r.location.onlineUrl ?? (r.location.kind === 'online' ? (owner?.onlineUrl ?? null) : null);
    const mine = feedbackOf.get(r.meeting.id);
    meetings.push({
      id: r.meeting.id,
      counterpart: card,
      source: r.meeting.source as MeetingSource,
      slot: toSlot(r.slot),
      location: { id: r.location.id, kind: r.location.kind as LocationKind, name: r.location.name, onlineUrl },
      myFeedback: mine ? toFeedback(mine) : null,
    });
  }
  return {
    timeZone: scope.community.timeZone,
    schedule: { version: scope.settings.scheduleVersion, publishedAt: iso(scope.settings.publishedAt) },
    meetings,
    unscheduled,
  };
}

export async function agenda(ctx: RequestContext, eventId: string): Promise<Agenda> {
  const scope = await loadScope(ctx, eventId);
  return buildAgenda(ctx, ctx.db, scope, requireMe(scope));
}

// ---------------------------------------------------------------- .ics and PDF

interface ServerTexts {
  meeting: string;
  agenda: string;
  agendaOf: string;
  place: string;
  noMeetings: string;
  unscheduled: string;
  reminder: string;
  printed: string;
  sides: Record<string, string>;
  locationKinds: Record<string, string>;
}

export function serverTexts(locale: Locale): ServerTexts {
  return (CATALOGUES[locale] as unknown as { partnering: { server: ServerTexts } }).partnering.server;
}

function counterpartLabel(m: AgendaMeeting): string {
  const c = m.counterpart;
  return c.organisationName ? `${c.organisationName} / ${c.displayName}` : c.displayName;
}

function placeLabel(m: AgendaMeeting): string {
  return m.location.onlineUrl && m.location.kind === 'online' ? `${m.location.name} ${m.location.onlineUrl}` : m.location.name;
}

export interface Download {
  body: string | Buffer;
  disposition: string;
}

/**
 * One VEVENT per published meeting. The UID is the meeting's, so a calendar that imports the
 * file again updates its entries; SEQUENCE is the schedule version, so a re-published time wins.
 */
export async function agendaIcs(ctx: RequestContext, eventId: string): Promise<Download> {
  const scope = await loadScope(ctx, eventId);
  const data = await buildAgenda(ctx, ctx.db, scope, requireMe(scope));
  const t = serverTexts(ctx.locale);
  const link = partneringLink(ctx, eventId);
  const colon = ctx.locale === 'en' ? ': ' : '：';
  const items: EventAttributes[] = data.meetings.map((m) => ({
    uid: `partnering-${m.id}@biobridge`,
    productId: 'biobridge/partnering',
    sequence: data.schedule.version,
    title: `${t.meeting}${colon}${counterpartLabel(m)}`,
    description: [m.counterpart.headline, m.counterpart.jobTitle ? `${m.counterpart.displayName} · ${m.counterpart.jobTitle}` : '', link].filter(Boolean).join('\n\n'),
    location: m.location.kind === 'online' && m.location.onlineUrl ? m.location.onlineUrl : [scope.event.venue, m.location.name].filter(Boolean).join(' · '),
    ...(m.location.kind === 'online' && m.location.onlineUrl ? { url: m.location.onlineUrl } : { url: link }),
    start: Date.parse(m.slot.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(m.slot.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: 'CONFIRMED',
    alarms: [{ action: 'display', description: t.reminder, trigger: { minutes: 10, before: true } }],
  }));
  const { error, value } = createEvents(items, { productId: 'biobridge/partnering', calName: `${scope.event.title} · ${t.agenda}` });
  if (error || !value) throw new AppError('internal_error', { detail: `ics: ${error?.message ?? 'no output'}` });
  return { body: value, disposition: contentDisposition('attachment', `partnering-${eventId.slice(0, 8)}.ics`) };
}

const GREY = '#666666';
const ACCENT = '#1f5fa8';

export async function agendaPdf(ctx: RequestContext, eventId: string): Promise<Download> {
  const scope = await loadScope(ctx, eventId);
  const me = requireMe(scope);
  const data = await buildAgenda(ctx, ctx.db, scope, me);
  const locale = ctx.locale;
  const t = serverTexts(locale);
  const tz = data.timeZone;
  const colon = locale === 'en' ? ': ' : '：';
  const bytes = await renderPdf({ size: 'A4', margins: { top: 56, bottom: 56, left: 56, right: 56 }, info: { Title: `${scope.event.title} · ${t.agenda}` } }, (doc) => {
    const width = doc.page.width - 112;
    doc.font(FONT_BOLD).fontSize(18).fillColor('#000').text(scope.event.title, { width });
    doc.moveDown(0.3);
    doc.font(FONT_REGULAR).fontSize(11).fillColor(GREY).text(t.agendaOf.replace('{{name}}', [me.displayName, me.organisationName].filter(Boolean).join(' · ')), { width });
    if (scope.event.venue) doc.text(scope.event.venue, { width });
    doc.moveDown(0.8);
    if (data.meetings.length === 0) doc.fillColor(GREY).fontSize(11).text(t.noMeetings, { width });
    let day = '';
    for (const m of data.meetings) {
      const meetingDay = formatInstant(m.slot.startsAt, locale, tz, 'weekdayDate');
      if (meetingDay !== day) {
        day = meetingDay;
        if (doc.y > doc.page.height - 140) doc.addPage();
        doc.moveDown(0.4);
        doc.font(FONT_BOLD).fontSize(13).fillColor(ACCENT).text(day, 56, doc.y, { width });
        doc.moveTo(56, doc.y + 2).lineTo(56 + width, doc.y + 2).strokeColor(ACCENT).lineWidth(0.8).stroke();
        doc.moveDown(0.5);
      }
      if (doc.y > doc.page.height - 110) doc.addPage();
      const top = doc.y;
      const time = `${formatInstant(m.slot.startsAt, locale, tz, 'time')}–${formatInstant(m.slot.endsAt, locale, tz, 'time')}`;
      doc.font(FONT_BOLD).fontSize(11).fillColor('#000').text(time, 56, top, { width: 90 });
      const x = 56 + 100;
      const w = width - 100;
      doc.font(FONT_BOLD).fontSize(11).text(counterpartLabel(m), x, top, { width: w });
      const who = [t.sides[m.counterpart.side] ?? m.counterpart.side, m.counterpart.jobTitle].filter(Boolean).join(' · ');
      doc.font(FONT_REGULAR).fontSize(9).fillColor(GREY).text(who, x, doc.y, { width: w });
      doc.fontSize(10).fillColor('#000').text(`${t.place}${colon}${t.locationKinds[m.location.kind] ?? m.location.kind} ${placeLabel(m)}`, x, doc.y, { width: w });
      if (m.counterpart.headline) doc.fontSize(9).fillColor(GREY).text(m.counterpart.headline, x, doc.y, { width: w });
      doc.x = 56;
      doc.moveDown(0.8);
    }
    if (data.unscheduled.length) {
      doc.moveDown(0.6);
      doc.font(FONT_BOLD).fontSize(12).fillColor('#000').text(t.unscheduled, 56, doc.y, { width });
      doc.font(FONT_REGULAR).fontSize(10);
      for (const u of data.unscheduled) doc.text(`· ${[u.counterpart.organisationName, u.counterpart.displayName].filter(Boolean).join(' / ')}`, { width });
    }
    doc.moveDown(1);
    doc.fontSize(8).fillColor(GREY).text(t.printed.replace('{{at}}', formatInstant(new Date(), locale, tz)), 56, doc.y, { width });
  });
  const title = scope.event.title.replace(/[\\/:*?"<>|\r\n]+/g, ' ').trim().slice(0, 80) || 'event';
  return { body: bytes, disposition: contentDisposition('inline', `${title}-${t.agenda}.pdf`) };
}

// ---------------------------------------------------------------- feedback

/**
 * Records (or replaces) the caller's account of one of their meetings, once its published slot
 * has started. A rating goes only with "held" (the schema checks it, the database too).
 */
export async function saveFeedback(ctx: RequestContext, eventId: string, meetingId: string, input: z.output<typeof feedbackInput>): Promise<z.infer<typeof feedbackSchema>> {
  return ctx.db.transaction(async (tx) => {
    const scope = await loadScope(ctx, eventId, tx);
    const me = scope.me;
    if (!me) throw new AppError('not_found');
    const [row] = await tx
      .select({ meeting: partneringMeetings, slot: partneringSlots })
      .from(partneringMeetings)
      .leftJoin(partneringSlots, eq(partneringSlots.id, partneringMeetings.publishedSlotId))
      .where(
        and(
          eq(partneringMeetings.eventId, eventId),
          eq(partneringMeetings.id, meetingId),
          or(eq(partneringMeetings.participantAId, me.id), eq(partneringMeetings.participantBId, me.id)),
        ),
      );
    if (!row) throw new AppError('not_found');
    if (row.meeting.status !== 'active' || !row.slot || row.slot.startsAt.getTime() > Date.now()) throw new AppError('partnering_meeting_not_started');
    const [before] = await tx
      .select()
      .from(partneringFeedback)
      .where(and(eq(partneringFeedback.meetingId, meetingId), eq(partneringFeedback.participantId, me.id)))
      .for('update');
    const values = { outcome: input.outcome, rating: input.rating, followUp: input.followUp };
    const [saved] = (await tx
      .insert(partneringFeedback)
      .values({ meetingId, participantId: me.id, ...values })
      .onConflictDoUpdate({ target: [partneringFeedback.meetingId, partneringFeedback.participantId], set: { ...values, updatedAt: sql`now()` } })
      .returning()) as [FeedbackRow];
    await recordAudit(tx, ctx, {
      communityId: scope.event.communityId,
      action: 'partnering_feedback.recorded',
      entityType: 'partnering_meeting',
      entityId: meetingId,
      entityLabel: me.displayName,
      before: before ? { outcome: before.outcome, rating: before.rating, followUp: before.followUp } : null,
      after: values,
    });
    return toFeedback(saved);
  });
}
