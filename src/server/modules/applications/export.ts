import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { Locale } from '../../../domain/locales';
import type { applicationExportQuery } from '../../../shared/schemas/applications';
import { CATALOGUES } from '../../../web/i18n/catalogue';
import type { RequestContext } from '../../http/context';
import { formatInstant } from '../../lib/format';
import { contentDisposition } from '../directory/uploads';
import * as q from './queries';
import { requireManagedEvent } from '../events/access';

/**
 * An event's applications as .xlsx for the screening meeting: one row per application with its
 * team, contact, status, screening note and the answers to the custom questions (one column
 * each), times in the community's time zone, headers in the request's language. A call rarely
 * holds more than a few thousand applications, so the workbook is built in memory.
 */

type Texts = { statuses: Record<string, string>; export: Record<string, string> };

function texts(locale: Locale): Texts {
  return (CATALOGUES[locale] as unknown as { applications: Texts }).applications;
}

function answerText(value: unknown, yes: string, no: string): string {
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? yes : no;
  return value === undefined || value === null ? '' : String(value);
}

export async function exportApplications(ctx: RequestContext, communityId: string, eventId: string, query: z.output<typeof applicationExportQuery>) {
  const { event, community } = await requireManagedEvent(ctx, communityId, eventId);
  const rows = await q.allApplications(ctx.db, eventId, { status: query.status, q: query.q || undefined });
  const t = texts(ctx.locale);
  const tz = community.timeZone;
  const projects = await q.projectRefs(ctx.db, [...new Set(rows.map((r) => r.projectId).filter((x): x is string => x !== null))]);
  const rounds = await q.roundCounts(
    ctx.db,
    rows.map((r) => r.id),
  );

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t.export.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const questions = event.applicationQuestions;
  sheet.columns = [
    { header: t.export.colSubmittedAt, key: 'submittedAt', width: 18 },
    { header: t.export.colProject, key: 'project', width: 32 },
    { header: t.export.colOrganisation, key: 'organisation', width: 32 },
    { header: t.export.colStatus, key: 'status', width: 12 },
    { header: t.export.colRounds, key: 'rounds', width: 10 },
    { header: t.export.colSegment, key: 'segment', width: 14 },
    { header: t.export.colSummary, key: 'summary', width: 60 },
    { header: t.export.colTeam, key: 'team', width: 40 },
    { header: t.export.colContact, key: 'contact', width: 14 },
    { header: t.export.colEmail, key: 'email', width: 28 },
    { header: t.export.colPhone, key: 'phone', width: 16 },
    { header: t.export.colDeck, key: 'deck', width: 8 },
    { header: t.export.colDirectoryProject, key: 'directoryProject', width: 28 },
    { header: t.export.colScreenedAt, key: 'screenedAt', width: 18 },
    { header: t.export.colNote, key: 'note', width: 40 },
    ...questions.map((question) => ({ header: question.label, key: `q_${question.id}`, width: 24 })),
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    const project = r.projectId ? projects.get(r.projectId) : undefined;
    const row: Record<string, string | number> = {
      submittedAt: formatInstant(r.createdAt, ctx.locale, tz),
      project: r.projectName,
      organisation: r.organisationName,
      status: t.statuses[r.status] ?? r.status,
      rounds: rounds.get(r.id) ?? 0,
      segment: r.segment ?? '',
      summary: r.summary,
      team: r.team.map((m) => (m.role ? `${m.name}（${m.role}）` : m.name)).join(ctx.locale === 'en' ? '; ' : '；'),
      contact: r.contactName,
      email: r.contactEmail,
      phone: r.contactPhone,
      deck: r.deckFileId ? t.export.yes! : t.export.no!,
      directoryProject: project ? (ctx.locale === 'en' && project.nameEn ? project.nameEn : project.nameZh) : '',
      screenedAt: r.screenedAt ? formatInstant(r.screenedAt, ctx.locale, tz) : '',
      note: r.screeningNote,
    };
    for (const question of questions) row[`q_${question.id}`] = answerText(r.answers[question.id], t.export.yes!, t.export.no!);
    sheet.addRow(row);
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const filename = `${t.export.filename}-${event.title.slice(0, 60)}.xlsx`;
  return {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    disposition: contentDisposition('attachment', filename),
    buffer,
  };
}
