/**
 * The agenda as a printable A4 PDF, in the reader's language and the community's time zone:
 * title, dates and venue, organisers by role, then the sessions day by day.
 */
import type { Locale } from '../../../domain/locales';
import { ORGANISER_ROLES } from '../../../domain/events/vocabularies';
import type { EventDetail, EventSession } from '../../../shared/schemas/events';
import { CATALOGUES } from '../../../web/i18n/catalogue';
import { formatInstant, formatRange } from '../../lib/format';
import { FONT_BOLD, FONT_REGULAR, renderPdf } from '../../pdf/document';
import type { RequestContext } from '../../http/context';
import type { Executor } from '../../db/client';
import { contentDisposition } from '../directory/uploads';
import { findVisibleEvent } from './access';
import { eventDetail, requireReadableEvent } from './service';
import { agendaForPrint } from './sessions.service';

interface Texts {
  kinds: Record<string, string>;
  organiserRoles: Record<string, string>;
  sessionKinds: Record<string, string>;
  sessionRoles: Record<string, string>;
  pdf: Record<string, string>;
}

function texts(locale: Locale): Texts {
  return (CATALOGUES[locale] as unknown as { events: Texts }).events;
}

const GREY = '#666666';
const ACCENT = '#1f5fa8';

function personName(p: EventSession['people'][number], locale: Locale): string {
  const name = locale === 'en' && p.person.nameEn ? p.person.nameEn : p.person.nameZh;
  return p.person.title ? (locale === 'en' ? `${name} (${p.person.title})` : `${name}（${p.person.title}）`) : name;
}

export async function renderAgenda(event: EventDetail, sessions: EventSession[], locale: Locale): Promise<Buffer> {
  const t = texts(locale);
  const tz = event.timeZone;
  const sep = locale === 'en' ? ', ' : '、';
  const colon = locale === 'en' ? ': ' : '：';
  return renderPdf({ size: 'A4', margins: { top: 56, bottom: 56, left: 56, right: 56 }, info: { Title: event.title } }, (doc) => {
    const width = doc.page.width - 112;
    doc.font(FONT_BOLD).fontSize(20).fillColor('#000').text(event.title, { width });
    doc.moveDown(0.3);
    doc.font(FONT_REGULAR).fontSize(10).fillColor(GREY).text(`${t.kinds[event.kind] ?? event.kind} · ${t.pdf.agenda}`);
    doc.moveDown(0.6);
    doc.fillColor('#000').fontSize(11);
    doc.text(`${t.pdf.time}${colon}${formatRange(event.startsAt, event.endsAt, locale, tz)}`, { width });
    if (event.venue) doc.text(`${t.pdf.venue}${colon}${event.venue}`, { width });
    if (event.onlineUrl) doc.text(`${t.pdf.online}${colon}${event.onlineUrl}`, { width });
    for (const role of ORGANISER_ROLES) {
      const names = event.organisers.filter((o) => o.role === role).map((o) => (locale === 'en' && o.organisation.nameEn ? o.organisation.nameEn : o.organisation.nameZh));
      if (names.length) doc.text(`${t.organiserRoles[role]}${colon}${names.join(sep)}`, { width });
    }
    doc.moveDown(1);

    if (sessions.length === 0) {
      doc.fillColor(GREY).text(t.pdf.noSessions!);
      return;
    }
    let day = '';
    for (const s of sessions) {
      const sessionDay = formatInstant(s.startsAt, locale, tz, 'weekdayDate');
      if (sessionDay !== day) {
        day = sessionDay;
        if (doc.y > doc.page.height - 140) doc.addPage();
        doc.moveDown(0.4);
        doc.font(FONT_BOLD).fontSize(13).fillColor(ACCENT).text(day, { width });
        doc.moveTo(56, doc.y + 2).lineTo(56 + width, doc.y + 2).strokeColor(ACCENT).lineWidth(0.8).stroke();
        doc.moveDown(0.5);
      }
      if (doc.y > doc.page.height - 110) doc.addPage();
      const top = doc.y;
      const time = `${formatInstant(s.startsAt, locale, tz, 'time')}–${formatInstant(s.endsAt, locale, tz, 'time')}`;
      doc.font(FONT_BOLD).fontSize(11).fillColor('#000').text(time, 56, top, { width: 90 });
      const x = 56 + 100;
      const w = width - 100;
      doc.font(FONT_BOLD).fontSize(11).text(s.title, x, top, { width: w });
      const meta = [t.sessionKinds[s.kind] ?? s.kind, s.room ? `${t.pdf.room}${colon}${s.room}` : ''].filter(Boolean).join(' · ');
      doc.font(FONT_REGULAR).fontSize(9).fillColor(GREY).text(meta, x, doc.y, { width: w });
      for (const role of ['moderator', 'speaker'] as const) {
        const names = s.people.filter((p) => p.role === role).map((p) => personName(p, locale));
        if (names.length) doc.fontSize(10).fillColor('#000').text(`${t.sessionRoles[role]}${colon}${names.join(sep)}`, x, doc.y, { width: w });
      }
      if (s.description) doc.fontSize(9).fillColor(GREY).text(s.description, x, doc.y, { width: w });
      doc.x = 56;
      doc.moveDown(0.8);
    }
  });
}

function filename(event: EventDetail, locale: Locale): string {
  // Keep the name file-system safe; the title stays readable in any language.
  const title = event.title.replace(/[\\/:*?"<>|\r\n]+/g, ' ').trim().slice(0, 80) || 'event';
  return `${title}-${texts(locale).pdf.agenda}.pdf`;
}

export interface PdfDownload {
  bytes: Buffer;
  disposition: string;
}

async function download(db: Executor, visible: Awaited<ReturnType<typeof findVisibleEvent>>, locale: Locale): Promise<PdfDownload> {
  const detail = await eventDetail(db, visible.event, visible.community, visible.viewer.canManage);
  const bytes = await renderAgenda(detail, await agendaForPrint(db, visible.event), locale);
  return { bytes, disposition: contentDisposition('inline', filename(detail, locale)) };
}

/** For members: the event must be visible to them and belong to the community in the path. */
export async function communityAgendaPdf(ctx: RequestContext, communityId: string, eventId: string): Promise<PdfDownload> {
  return download(ctx.db, await requireReadableEvent(ctx, communityId, eventId), ctx.locale);
}

/** For anyone the event is visible to (a public event, or with an invitation's token). */
export async function publicAgendaPdf(ctx: RequestContext, eventId: string, inviteToken: string | null): Promise<PdfDownload> {
  return download(ctx.db, await findVisibleEvent(ctx, eventId, { inviteToken }), ctx.locale);
}
