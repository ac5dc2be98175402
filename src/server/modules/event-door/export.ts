/**
 * The attendee workbook: sheet 1 every registration (standard fields, status, when registered
 * and checked in, and one column per custom question under its label), sheet 2 the check-in
 * log in time order, sheet 3 the figures per ticket type. Headers in the request's language,
 * times in the community's time zone.
 */
import ExcelJS from 'exceljs';
import type { Question } from '../../../domain/events/questions';
import type { RegistrationStatus } from '../../../domain/events/vocabularies';
import type { Locale } from '../../../domain/locales';
import { CATALOGUES } from '../../../web/i18n/catalogue';
import type { RequestContext } from '../../http/context';
import { formatInstant } from '../../lib/format';
import { contentDisposition } from '../directory/uploads';
import { requireManagedEvent } from '../events/access';
import * as q from './queries';

type Texts = { statuses: Record<RegistrationStatus, string>; export: Record<string, string> };

export function doorTexts(locale: Locale): Texts {
  return (CATALOGUES[locale] as unknown as { eventDoor: Texts }).eventDoor;
}

/** A file name safe on every system: the event title without path or reserved characters. */
export function fileStem(title: string): string {
  return (
    title
      .replace(/[\\/:*?"<>|]/g, ' ')
      .replace(/\p{Cc}/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 60) || 'event'
  );
}

function answerText(value: unknown, t: Texts): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join('; ');
  if (typeof value === 'boolean') return value ? t.export.yes! : t.export.no!;
  return String(value);
}

export interface Download {
  contentType: string;
  disposition: string;
  body: Buffer;
}

export async function exportAttendees(ctx: RequestContext, communityId: string, eventId: string): Promise<Download> {
  const { event, community } = await requireManagedEvent(ctx, communityId, eventId);
  const locale = ctx.locale;
  const t = doorTexts(locale);
  const zone = community.timeZone || 'Asia/Shanghai';
  const when = (at: Date | null) => (at ? formatInstant(at, locale, zone) : '');
  const rows = await q.registrations(ctx.db, event.id);
  const figures = await q.figuresByTicketType(ctx.db, event.id);
  const questions = (event.registrationQuestions ?? []) as Question[];

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'BioBridge';
  workbook.created = new Date();

  const attendees = workbook.addWorksheet(t.export.attendeesSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  attendees.columns = [
    { header: t.export.colName, key: 'name', width: 16 },
    { header: t.export.colOrganisation, key: 'organisation', width: 30 },
    { header: t.export.colJobTitle, key: 'jobTitle', width: 18 },
    { header: t.export.colEmail, key: 'email', width: 28 },
    { header: t.export.colPhone, key: 'phone', width: 16 },
    { header: t.export.colTicketType, key: 'ticketType', width: 14 },
    { header: t.export.colStatus, key: 'status', width: 10 },
    { header: t.export.colCode, key: 'code', width: 12 },
    { header: t.export.colRegisteredAt, key: 'registeredAt', width: 18 },
    { header: t.export.colCheckedInAt, key: 'checkedInAt', width: 18 },
    { header: t.export.colCheckedInBy, key: 'checkedInBy', width: 12 },
    ...questions.map((question) => ({ header: question.label, key: `answer_${question.id}`, width: 24 })),
  ];
  attendees.getRow(1).font = { bold: true };
  for (const r of rows) {
    attendees.addRow({
      name: r.name,
      organisation: r.organisationName,
      jobTitle: r.jobTitle,
      email: r.email,
      phone: r.phone,
      ticketType: r.ticketType,
      status: t.statuses[r.status as RegistrationStatus] ?? r.status,
      code: r.code,
      registeredAt: when(r.createdAt),
      checkedInAt: when(r.checkedInAt),
      checkedInBy: r.checkedInAt ? (r.checkedInBy ?? '') : '',
      ...Object.fromEntries(questions.map((question) => [`answer_${question.id}`, answerText(r.answers[question.id], t)])),
    });
  }

  const log = workbook.addWorksheet(t.export.logSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  log.columns = [
    { header: t.export.colCheckedInAt, key: 'at', width: 18 },
    { header: t.export.colName, key: 'name', width: 16 },
    { header: t.export.colOrganisation, key: 'organisation', width: 30 },
    { header: t.export.colTicketType, key: 'ticketType', width: 14 },
    { header: t.export.colCode, key: 'code', width: 12 },
    { header: t.export.colCheckedInBy, key: 'by', width: 12 },
  ];
  log.getRow(1).font = { bold: true };
  const checkedIn = rows.filter((r) => r.checkedInAt).sort((a, b) => a.checkedInAt!.getTime() - b.checkedInAt!.getTime() || a.seq - b.seq);
  for (const r of checkedIn) log.addRow({ at: when(r.checkedInAt), name: r.name, organisation: r.organisationName, ticketType: r.ticketType, code: r.code, by: r.checkedInBy ?? '' });

  const summary = workbook.addWorksheet(t.export.summarySheet);
  summary.columns = [
    { header: t.export.colTicketType, key: 'name', width: 16 },
    { header: t.export.colCapacity, key: 'capacity', width: 10 },
    { header: t.statuses.confirmed, key: 'confirmed', width: 10 },
    { header: t.export.colCheckedIn, key: 'checkedIn', width: 10 },
    { header: t.export.colRate, key: 'rate', width: 10, style: { numFmt: '0.0%' } },
    { header: t.statuses.pending, key: 'pending', width: 10 },
    { header: t.statuses.waitlisted, key: 'waitlisted', width: 10 },
    { header: t.statuses.declined, key: 'declined', width: 10 },
    { header: t.statuses.cancelled, key: 'cancelled', width: 10 },
  ];
  summary.getRow(1).font = { bold: true };
  const total = { name: t.export.total, capacity: 0, confirmed: 0, checkedIn: 0, pending: 0, waitlisted: 0, declined: 0, cancelled: 0 };
  for (const f of figures) {
    summary.addRow({ ...f, rate: f.confirmed ? f.checkedIn / f.confirmed : null });
    for (const key of ['capacity', 'confirmed', 'checkedIn', 'pending', 'waitlisted', 'declined', 'cancelled'] as const) total[key] += f[key];
  }
  const totalRow = summary.addRow({ ...total, rate: total.confirmed ? total.checkedIn / total.confirmed : null });
  totalRow.font = { bold: true };
  summary.addRow({});
  summary.addRow({ name: t.export.event, capacity: event.title });
  summary.addRow({ name: t.export.generatedAt, capacity: `${formatInstant(new Date(), locale, zone)} (${zone})` });

  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  const filename = `${fileStem(event.title)}-${t.export.filename}.xlsx`;
  return { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', disposition: contentDisposition('attachment', filename), body };
}
