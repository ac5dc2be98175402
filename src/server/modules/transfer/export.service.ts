import { PassThrough, type Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { canSeeContact } from '../../../domain/directory-access';
import type { EntityType } from '../../../domain/directory';
import type { Locale } from '../../../domain/locales';
import { exportCells, exportColumns, type ExportColumn, type ExportRecord } from '../../../domain/transfer/export';
import { TermIndex } from '../../../domain/transfer/terms';
import type { searchExportQuery } from '../../../shared/schemas/search';
import type { Executor } from '../../db/client';
import { recordAudit } from '../audit/record';
import type { RequestContext } from '../../http/context';
import { contentDisposition } from '../directory/uploads';
import { loadViewer } from '../directory/viewer';
import { searchIdsForExport } from '../search/service';
import * as q from './queries';

/**
 * Export of a search: the records of one type the viewer may see, as .xlsx (streamed with
 * exceljs's WorkbookWriter) or .csv (UTF-8 with a BOM, so Excel shows Chinese), under exactly
 * the headers the import recognises. Ids come from the search a batch at a time and rows are
 * loaded per batch, so memory stays flat however large the result.
 */
type ExportQuery = z.output<typeof searchExportQuery>;

const BASENAMES: Record<Locale, Record<EntityType, string>> = {
  'zh-CN': { organisation: '机构名录', person: '人员名录', project: '项目库' },
  'zh-TW': { organisation: '機構名錄', person: '人員名錄', project: '項目庫' },
  en: { organisation: 'organisations', person: 'people', project: 'projects' },
};
const SHEET_NAMES: Record<Locale, string> = { 'zh-CN': '导出', 'zh-TW': '匯出', en: 'Export' };

function today(): string {
  // The date as the platform's communities see it (Asia/Shanghai by default).
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** The batch's records in the order of `ids`, with what the columns need beyond the row itself. */
async function recordsOf(ctx: RequestContext, db: Executor, entityType: EntityType, ids: string[], viewer: Awaited<ReturnType<typeof loadViewer>>): Promise<ExportRecord[]> {
  const order = new Map(ids.map((id, i) => [id, i]));
  const sorted = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  if (entityType === 'organisation') return sorted(await q.organisationsById(db, ids));
  if (entityType === 'person') {
    const rows = sorted(await q.peopleById(db, ids));
    const orgs = await q.currentOrganisationNames(db, ids);
    // Contact channels only where the viewer may see them, exactly as on the profile page.
    return rows.map((p) => {
      const visible = canSeeContact(viewer, { userId: p.userId, stewardCommunityId: p.stewardCommunityId, consentToContact: p.consentToContact });
      return { ...p, organisation: orgs.get(p.id) ?? null, ...(visible ? {} : { email: null, phone: null, wechatId: null }) };
    });
  }
  const rows = sorted(await q.projectsById(db, ids));
  const owners = await q.organisationNames(db, [...new Set(rows.map((p) => p.ownerOrganisationId).filter((x): x is string => x !== null))]);
  return rows.map((p) => ({ ...p, owner: p.ownerOrganisationId ? (owners.get(p.ownerOrganisationId) ?? null) : null }));
}

export interface ExportDownload {
  filename: string;
  contentType: string;
  disposition: string;
  stream: Readable;
}

export async function exportSearch(ctx: RequestContext, query: ExportQuery): Promise<ExportDownload> {
  const { type: entityType, format, ...filters } = query;
  const locale = ctx.locale;
  const batches = searchIdsForExport(ctx, { ...filters, type: [entityType] }, entityType);
  // The first batch is fetched before answering, so a refusal (not signed in, bad cursor) is a proper error reply.
  const first = await batches.next();
  const viewer = await loadViewer(ctx);
  const terms = new TermIndex(await q.listTerms(ctx.db));
  const columns = exportColumns(entityType, locale);
  const filename = `${BASENAMES[locale][entityType]}-${today()}.${format}`;
  // A list of people carries personal information (PIPL): who took which list, and when, is
  // kept in the audit log before the first byte leaves.
  if (entityType === 'person') {
    await ctx.db.transaction((tx) =>
      recordAudit(tx, ctx, {
        communityId: null,
        action: 'person.list_exported',
        entityType: 'person_export',
        entityId: ctx.requestId,
        entityLabel: filename,
        before: {},
        after: { format, filters: JSON.stringify(filters) },
      }),
    );
  }
  const out = new PassThrough();

  async function* records(): AsyncGenerator<ExportRecord> {
    if (first.done) return;
    let ids: string[] | void = first.value;
    while (ids) {
      for (const r of await recordsOf(ctx, ctx.db, entityType, ids, viewer)) yield r;
      const next = await batches.next();
      ids = next.done ? undefined : next.value;
    }
  }

  const write = format === 'xlsx' ? writeXlsx(out, columns, records(), locale, terms) : writeCsv(out, columns, records(), locale, terms);
  // A failure half-way cannot become an error reply any more (the headers are sent): the download is cut off.
  write.catch((error: Error) => out.destroy(error));
  return {
    filename,
    contentType: format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
    disposition: contentDisposition('attachment', filename),
    stream: out,
  };
}

async function writeXlsx(out: PassThrough, columns: ExportColumn[], records: AsyncGenerator<ExportRecord>, locale: Locale, terms: TermIndex) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(SHEET_NAMES[locale], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.field.name,
    width: Math.min(40, Math.max(12, c.header.length * 2 + 4)),
    ...(c.cell === 'date' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const record of records) {
    const cells = exportCells(columns, record, locale, terms).map((value, i) =>
      value !== null && columns[i]!.cell === 'date' ? new Date(`${value}T00:00:00Z`) : value,
    );
    sheet.addRow(cells).commit();
  }
  sheet.commit();
  await workbook.commit();
}

async function writeCsv(out: PassThrough, columns: ExportColumn[], records: AsyncGenerator<ExportRecord>, locale: Locale, terms: TermIndex) {
  out.write('\ufeff');
  const csv = stringify({ header: false });
  csv.pipe(out);
  const put = async (row: unknown[]) => {
    if (!csv.write(row)) await new Promise((resolve) => csv.once('drain', resolve));
  };
  await put(columns.map((c) => c.header));
  for await (const record of records) await put(exportCells(columns, record, locale, terms));
  csv.end();
}
