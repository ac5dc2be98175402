/**
 * Printable badges: the event title, the name large, organisation and job title, a band in the
 * ticket type's colour with its name, and the QR code of the registration's code (the code in
 * text under it, for typing when a camera fails). A4 sheets of eight 90 × 55 mm badges with cut
 * marks, or one A6 badge per page. Names are sorted the way a reader of the language looks
 * them up (pinyin order for Chinese), ticket type by ticket type.
 */
import QRCode from 'qrcode';
import { badgeSheet, type Box } from '../../../domain/events/door';
import type { z } from 'zod';
import type { badgesQuery } from '../../../shared/schemas/event-door';
import type { RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { formatRange } from '../../lib/format';
import { FONT_BOLD, FONT_REGULAR, renderPdf, type Pdf } from '../../pdf/document';
import { contentDisposition } from '../directory/uploads';
import { doorTexts, fileStem, type Download } from './export';
import { requireManagedEvent } from '../events/access';
import * as q from './queries';

/** More than this in one file is a print job no one wants; the form filters by ticket type instead. */
export const BADGE_LIMIT = 3000;

const BAND_COLOURS = ['#1677ff', '#389e0d', '#d46b08', '#722ed1', '#c41d7f', '#08979c', '#cf1322', '#1d39c4'];

/** The largest size, from `start` down to `min`, at which `text` fits `width` on one line. */
function fitSize(doc: Pdf, text: string, width: number, start: number, min: number, font: string): number {
  doc.font(font);
  let size = start;
  while (size > min && doc.fontSize(size).widthOfString(text) > width) size -= 1;
  return size;
}

function line(doc: Pdf, text: string, x: number, y: number, width: number, size: number, font: string, colour = '#000000', align: 'left' | 'center' = 'left') {
  if (!text) return;
  doc.font(font).fontSize(size).fillColor(colour).text(text, x, y, { width, height: size * 1.3, ellipsis: true, lineBreak: false, align });
}

interface BadgeFacts {
  eventTitle: string;
  when: string;
  name: string;
  organisation: string;
  jobTitle: string;
  ticketType: string;
  code: string;
  colour: string;
  qr: Buffer;
}

/** A landscape badge (the A4 sheet's 90 × 55 mm): text on the left, the QR code on the right. */
function drawCard(doc: Pdf, box: Box, b: BadgeFacts) {
  const pad = 9;
  const band = Math.round(box.height * 0.17);
  const qrSize = box.height - band - 2 * pad - 10;
  const textWidth = box.width - qrSize - 3 * pad;
  doc.save().lineWidth(0.3).strokeColor('#d9d9d9').rect(box.x, box.y, box.width, box.height).stroke().restore();
  line(doc, b.eventTitle, box.x + pad, box.y + pad, textWidth, 7.5, FONT_REGULAR, '#595959');
  const nameSize = fitSize(doc, b.name, textWidth, 22, 11, FONT_BOLD);
  line(doc, b.name, box.x + pad, box.y + pad + 18, textWidth, nameSize, FONT_BOLD);
  line(doc, b.organisation, box.x + pad, box.y + pad + 22 + nameSize * 1.2, textWidth, fitSize(doc, b.organisation, textWidth, 9.5, 7, FONT_REGULAR), FONT_REGULAR, '#262626');
  line(doc, b.jobTitle, box.x + pad, box.y + pad + 36 + nameSize * 1.2, textWidth, 8, FONT_REGULAR, '#595959');
  const qrX = box.x + box.width - pad - qrSize;
  doc.image(b.qr, qrX, box.y + pad, { width: qrSize, height: qrSize });
  line(doc, b.code, qrX - 6, box.y + pad + qrSize + 1, qrSize + 12, 7.5, FONT_BOLD, '#262626', 'center');
  doc.save().rect(box.x, box.y + box.height - band, box.width, band).fill(b.colour).restore();
  line(doc, b.ticketType, box.x + pad, box.y + box.height - band + (band - 11) / 2, box.width - 2 * pad, 10, FONT_BOLD, '#ffffff', 'center');
}

/** A portrait A6 badge: everything centred, the QR code large. */
function drawPortrait(doc: Pdf, box: Box, b: BadgeFacts) {
  const pad = 14;
  const width = box.width - 2 * pad;
  const band = 44;
  const x = box.x + pad;
  let y = box.y + pad;
  doc.font(FONT_REGULAR).fontSize(11).fillColor('#595959').text(b.eventTitle, x, y, { width, height: 30, ellipsis: true, align: 'center' });
  y += 32;
  line(doc, b.when, x, y, width, 8.5, FONT_REGULAR, '#8c8c8c', 'center');
  y += 28;
  const nameSize = fitSize(doc, b.name, width, 34, 14, FONT_BOLD);
  line(doc, b.name, x, y, width, nameSize, FONT_BOLD, '#000000', 'center');
  y += nameSize * 1.35 + 6;
  line(doc, b.organisation, x, y, width, fitSize(doc, b.organisation, width, 14, 9, FONT_REGULAR), FONT_REGULAR, '#262626', 'center');
  y += 22;
  line(doc, b.jobTitle, x, y, width, 11, FONT_REGULAR, '#595959', 'center');
  const qrSize = 120;
  const qrY = box.y + box.height - band - pad - qrSize - 16;
  doc.image(b.qr, box.x + (box.width - qrSize) / 2, qrY, { width: qrSize, height: qrSize });
  line(doc, b.code, x, qrY + qrSize + 2, width, 10, FONT_BOLD, '#262626', 'center');
  doc.save().rect(box.x, box.y + box.height - band, box.width, band).fill(b.colour).restore();
  line(doc, b.ticketType, x, box.y + box.height - band + (band - 16) / 2, width, 15, FONT_BOLD, '#ffffff', 'center');
}

export async function badgesPdf(ctx: RequestContext, communityId: string, eventId: string, query: z.output<typeof badgesQuery>): Promise<Download & { count: number }> {
  const { event, community } = await requireManagedEvent(ctx, communityId, eventId);
  const ticketTypes = await q.ticketTypesOf(ctx.db, event.id);
  if (query.ticketTypeId && !ticketTypes.some((tt) => tt.id === query.ticketTypeId)) {
    throw new AppError('validation_failed', { fields: { ticketTypeId: 'eventDoor_ticket_unknown' } });
  }
  const filter = { ticketTypeId: query.ticketTypeId, statuses: [query.status] };
  const count = await q.countRegistrations(ctx.db, event.id, filter);
  if (count === 0) throw new AppError('validation_failed', { fields: { status: 'eventDoor_badges_none' } });
  if (count > BADGE_LIMIT) throw new AppError('validation_failed', { fields: { ticketTypeId: 'eventDoor_badges_too_many' } });
  const rows = await q.registrations(ctx.db, event.id, filter);
  const order = new Map(ticketTypes.map((tt, i) => [tt.id, i]));
  const collator = new Intl.Collator(ctx.locale === 'en' ? 'en' : ctx.locale === 'zh-TW' ? 'zh-Hant-u-co-stroke' : 'zh-u-co-pinyin');
  rows.sort((a, b) => order.get(a.ticketTypeId)! - order.get(b.ticketTypeId)! || collator.compare(a.name, b.name) || a.seq - b.seq);

  const t = doorTexts(ctx.locale);
  const sheet = badgeSheet(query.layout);
  const when = formatRange(event.startsAt, event.endsAt, ctx.locale, community.timeZone || 'Asia/Shanghai');
  const body = await renderPdf({ size: [sheet.page.width, sheet.page.height], margin: 0, autoFirstPage: false, info: { Title: `${event.title} – ${t.export.badges}` } }, async (doc) => {
    for (let start = 0; start < rows.length; start += sheet.slots.length) {
      doc.addPage({ size: [sheet.page.width, sheet.page.height], margin: 0 });
      doc.save().lineWidth(0.4).strokeColor('#8c8c8c');
      for (const m of sheet.cutMarks) doc.moveTo(m.x1, m.y1).lineTo(m.x2, m.y2).stroke();
      doc.restore();
      const batch = rows.slice(start, start + sheet.slots.length);
      for (const [i, r] of batch.entries()) {
        const facts: BadgeFacts = {
          eventTitle: event.title,
          when,
          name: r.name,
          organisation: r.organisationName,
          jobTitle: r.jobTitle,
          ticketType: r.ticketType,
          code: r.code,
          colour: BAND_COLOURS[order.get(r.ticketTypeId)! % BAND_COLOURS.length]!,
          qr: await QRCode.toBuffer(r.code, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 300 }),
        };
        if (query.layout === 'a6') drawPortrait(doc, sheet.slots[i]!, facts);
        else drawCard(doc, sheet.slots[i]!, facts);
      }
    }
  });
  const filename = `${fileStem(event.title)}-${t.export.badgesFilename}.pdf`;
  return { contentType: 'application/pdf', disposition: contentDisposition('attachment', filename), body, count: rows.length };
}
