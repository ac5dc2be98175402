import type { z } from 'zod';
import type { EntityType } from '../../../domain/directory';
import { fieldsOf, suggestMapping } from '../../../domain/transfer/fields';
import { TermIndex } from '../../../domain/transfer/terms';
import { entityTypeSchema } from '../../../shared/schemas/directory';
import type { ImportJob, ImportPreview, ImportRow, importMappingInput, importPreviewQuery } from '../../../shared/schemas/transfer';
import type { Executor } from '../../db/client';
import { requireUser, type RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { requireCommunityAccess } from '../communities/access';
import type { IncomingUpload } from '../directory/uploads';
import { loadViewer } from '../directory/viewer';
import { writeChunk, type CommitReport } from './commit-writer';
import { analyseChunk, FileKeys, type AnalysedRow, type AnalysisContext, type PendingRow } from './matching';
import { toImportProblem, unreadableError } from './messages';
import * as q from './queries';
import { pageOfResults, readResults, resultsWriter, type StoredRow } from './results';
import { inspectSheet, readTable, surveyTable, type SheetLayout } from './sheet';
import { DEFAULT_LIMITS, UnreadableFileError, type SheetLimits } from './unreadable';

/**
 * Spreadsheet import: upload (the file is checked and its headers read), preview (a dry run of
 * every row with the chosen mapping, kept in storage), commit (all rows in one transaction, or
 * none). See src/shared/schemas/transfer.ts for the contract.
 */
/** Rows per analysis and write batch (the search index refreshes 1,000 ids per statement). */
const CHUNK = 1000;
const RECENT_IMPORTS = 50;

type Counts = { rows: number; new: number; duplicate: number; invalid: number; empty: number };

/** What the job keeps in its summary column. */
interface JobSummary {
  headers: string[];
  layout: SheetLayout;
  dataRows: number;
  counts?: Counts;
  resultsKey?: string;
  report?: CommitReport;
}

/** Limits may be narrowed by tests and the benchmark; production uses the defaults. */
let limits: SheetLimits = DEFAULT_LIMITS;
export function setSheetLimits(next: Partial<SheetLimits> | null): void {
  limits = next ? { ...DEFAULT_LIMITS, ...next } : DEFAULT_LIMITS;
}

function summaryOf(row: q.ImportJobRow): JobSummary {
  return row.summary as unknown as JobSummary;
}

function toJob(row: q.ImportJobRow, filename: string): ImportJob {
  const s = summaryOf(row);
  return {
    id: row.id,
    communityId: row.communityId,
    entityType: row.entityType as EntityType,
    filename,
    status: row.status as ImportJob['status'],
    headers: s.headers,
    fields: fieldsOf(row.entityType as EntityType).map((f) => ({ name: f.name, required: f.required })),
    mapping: row.mapping,
    duplicateStrategy: row.duplicateStrategy as 'update' | 'skip',
    summary: s.counts ?? null,
    report: s.report ?? null,
    createdAt: row.createdAt.toISOString(),
    committedAt: row.committedAt?.toISOString() ?? null,
  };
}

async function jobWithFile(db: Executor, communityId: string, importId: string) {
  const job = await q.findJob(db, communityId, importId);
  if (!job) throw new AppError('not_found');
  const file = await q.fileOf(db, job.fileId);
  if (!file) throw new AppError('not_found');
  return { job, file };
}

async function termIndex(db: Executor): Promise<TermIndex> {
  return new TermIndex(await q.listTerms(db));
}

/** Header of each mapped field (the inverse of the mapping). */
function headersByField(mapping: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping).flatMap(([header, field]) => (field ? [[field, header]] : [])));
}

function toRow(ctx: RequestContext, stored: StoredRow, headerOf: Record<string, string>): ImportRow {
  return {
    row: stored.row,
    status: stored.status,
    match: stored.match,
    values: stored.values,
    problems: stored.problems.map((p) => toImportProblem(ctx.locale, stored.row, p, headerOf)),
  };
}

// ---------------------------------------------------------------- upload

export async function upload(ctx: RequestContext, communityId: string, incoming: IncomingUpload): Promise<ImportJob> {
  await requireCommunityAccess(ctx, communityId, 'directory.import');
  const user = requireUser(ctx);
  const { file, fields } = await incoming.receive(ctx.storage, ctx.config.UPLOAD_LIMIT);
  if (!file) throw new AppError('validation_failed', { fields: { file: 'file_required' } });
  const discard = () => ctx.storage.delete(file.stored.key).catch(() => undefined);
  const entityType = entityTypeSchema.safeParse(fields.entityType);
  if (!entityType.success) {
    await discard();
    throw new AppError('validation_failed', { fields: { entityType: 'import_entity_type' } });
  }
  let survey: { layout: SheetLayout; headers: string[]; dataRows: number };
  try {
    const path = ctx.storage.localPath(file.stored.key);
    const layout = await inspectSheet(path, file.head, file.stored.sizeBytes, limits);
    survey = { layout, ...(await surveyTable(path, layout, limits)) };
  } catch (error) {
    await discard();
    if (error instanceof UnreadableFileError) throw unreadableError(ctx.locale, error);
    throw error;
  }
  const summary: JobSummary = { headers: survey.headers, layout: survey.layout, dataRows: survey.dataRows };
  try {
    return await ctx.db.transaction(async (tx) => {
      await requireCommunityAccess(ctx, communityId, 'directory.import', tx);
      const stored = await q.insertFile(tx, {
        storageKey: file.stored.key,
        filename: file.filename || `import.${survey.layout.format}`,
        contentType: survey.layout.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
        sizeBytes: file.stored.sizeBytes,
        sha256: file.stored.sha256,
        uploadedBy: user.id,
      });
      const job = await q.insertJob(tx, {
        communityId,
        entityType: entityType.data,
        fileId: stored.id,
        mapping: suggestMapping(entityType.data, survey.headers),
        summary: summary as unknown as Record<string, unknown>,
        createdBy: user.id,
      });
      await recordAudit(tx, ctx, {
        communityId,
        action: 'import.uploaded',
        entityType: 'import',
        entityId: job.id,
        entityLabel: stored.filename,
        before: null,
        after: { entityType: job.entityType, filename: stored.filename, rows: survey.dataRows },
      });
      return toJob(job, stored.filename);
    });
  } catch (error) {
    await discard();
    throw error;
  }
}

// ---------------------------------------------------------------- preview

function checkMapping(entityType: EntityType, headers: string[], mapping: Record<string, string | null>) {
  const problems: Record<string, string> = {};
  const known = new Set(fieldsOf(entityType).map((f) => f.name));
  const taken = new Map<string, string>();
  for (const [header, field] of Object.entries(mapping)) {
    if (!headers.includes(header)) problems[`mapping.${header}`] = 'import_unknown_column';
    else if (field === null) continue;
    else if (!known.has(field)) problems[`mapping.${header}`] = 'import_unknown_field';
    else if (taken.has(field)) problems[`mapping.${header}`] = 'import_field_twice';
    else taken.set(field, header);
  }
  for (const f of fieldsOf(entityType)) if (f.required && !taken.has(f.name)) problems[`mapping.${f.name}`] = 'import_required_column';
  if (Object.keys(problems).length) throw new AppError('validation_failed', { fields: problems });
}

/** Streams the file through the analysis, writing every row's findings to storage. */
async function dryRun(ctx: RequestContext, path: string, summary: JobSummary, analysis: AnalysisContext, mapping: Record<string, string | null>) {
  const table = await readTable(path, summary.layout, limits);
  const columns = table.headers.map((h) => mapping[h] ?? null);
  const counts: Counts = { rows: 0, new: 0, duplicate: 0, invalid: 0, empty: 0 };
  const keys = new FileKeys();
  const writer = resultsWriter(ctx.storage);
  const flush = async (chunk: PendingRow[]) => {
    const rows = await analyseChunk(ctx.db, analysis, chunk, keys);
    for (const r of rows) {
      counts.rows++;
      counts[r.status]++;
    }
    await writer.write(rows);
  };
  try {
    let chunk: PendingRow[] = [];
    for await (const row of table.rows) {
      const values: Record<string, string | null> = {};
      columns.forEach((field, i) => {
        if (field) values[field] = row.cells[i] ?? null;
      });
      chunk.push({ row: row.row, values, empty: row.empty });
      if (chunk.length >= CHUNK) {
        await flush(chunk);
        chunk = [];
      }
    }
    if (chunk.length) await flush(chunk);
    return { counts, resultsKey: await writer.close() };
  } catch (error) {
    await writer.abort(error as Error);
    if (error instanceof UnreadableFileError) throw unreadableError(ctx.locale, error);
    throw error;
  }
}

export async function preview(ctx: RequestContext, communityId: string, importId: string, input: z.output<typeof importMappingInput>): Promise<ImportPreview> {
  await requireCommunityAccess(ctx, communityId, 'directory.import');
  const { job, file } = await jobWithFile(ctx.db, communityId, importId);
  if (job.status === 'committed') throw new AppError('import_state');
  const entityType = job.entityType as EntityType;
  const summary = summaryOf(job);
  // Headers the request leaves out are ignored columns.
  const mapping = Object.fromEntries(summary.headers.map((h) => [h, null as string | null]));
  Object.assign(mapping, input.mapping);
  checkMapping(entityType, summary.headers, mapping);
  const analysis: AnalysisContext = {
    entityType,
    communityId,
    viewer: await loadViewer(ctx),
    terms: await termIndex(ctx.db),
    headers: headersByField(mapping),
    strategy: input.duplicateStrategy,
  };
  const { counts, resultsKey } = await dryRun(ctx, ctx.storage.localPath(file.storageKey), summary, analysis, mapping);
  let updated: q.ImportJobRow;
  try {
    updated = await ctx.db.transaction(async (tx) => {
      const current = await q.lockJob(tx, communityId, importId);
      if (!current || current.status === 'committed') throw new AppError('import_state');
      const next = await q.updateJob(tx, importId, {
        status: 'previewed',
        mapping,
        duplicateStrategy: input.duplicateStrategy,
        summary: { ...summaryOf(current), counts, resultsKey } as unknown as Record<string, unknown>,
      });
      await recordAudit(tx, ctx, {
        communityId,
        action: 'import.previewed',
        entityType: 'import',
        entityId: importId,
        entityLabel: file.filename,
        before: { status: current.status, mapping: current.mapping, duplicateStrategy: current.duplicateStrategy },
        after: { status: next.status, mapping: next.mapping, duplicateStrategy: next.duplicateStrategy, ...counts },
      });
      return next;
    });
  } catch (error) {
    await ctx.storage.delete(resultsKey).catch(() => undefined);
    throw error;
  }
  if (summary.resultsKey) await ctx.storage.delete(summary.resultsKey).catch(() => undefined);
  const headerOf = headersByField(mapping);
  const rows = await pageOfResults(ctx.storage, resultsKey, 0, 100, false);
  return { job: toJob(updated, file.filename), rows: rows.map((r) => toRow(ctx, r, headerOf)), totalRows: counts.rows };
}

export async function previewRows(ctx: RequestContext, communityId: string, importId: string, query: z.output<typeof importPreviewQuery>): Promise<ImportPreview> {
  await requireCommunityAccess(ctx, communityId, 'directory.import');
  const { job, file } = await jobWithFile(ctx.db, communityId, importId);
  const summary = summaryOf(job);
  if (!summary.resultsKey || !summary.counts) throw new AppError('import_state');
  const onlyProblems = query.onlyProblems === 'true';
  const rows = await pageOfResults(ctx.storage, summary.resultsKey, query.offset, query.limit, onlyProblems);
  const headerOf = headersByField(job.mapping);
  return {
    job: toJob(job, file.filename),
    rows: rows.map((r) => toRow(ctx, r, headerOf)),
    totalRows: onlyProblems ? summary.counts.invalid + summary.counts.duplicate : summary.counts.rows,
  };
}

// ---------------------------------------------------------------- commit

export async function commit(ctx: RequestContext, communityId: string, importId: string): Promise<ImportJob> {
  await requireCommunityAccess(ctx, communityId, 'directory.import');
  const { job, file } = await jobWithFile(ctx.db, communityId, importId);
  if (job.status !== 'previewed') throw new AppError('import_state');
  const summary = summaryOf(job);
  if (summary.counts!.invalid > 0) throw new AppError('import_invalid', { params: { count: summary.counts!.invalid } });
  const entityType = job.entityType as EntityType;
  const terms = await termIndex(ctx.db);
  const locale = ctx.locale;
  const committed = await ctx.db.transaction(async (tx) => {
    await requireCommunityAccess(ctx, communityId, 'directory.import', tx);
    const current = await q.lockJob(tx, communityId, importId);
    // Committed meanwhile, or previewed again with another mapping: this commit is not the one the user saw.
    if (!current || current.status !== 'previewed' || summaryOf(current).resultsKey !== summary.resultsKey) throw new AppError('import_state');
    const analysis: AnalysisContext = {
      entityType,
      communityId,
      viewer: await loadViewer(ctx, tx),
      terms,
      headers: headersByField(current.mapping),
      strategy: current.duplicateStrategy as 'update' | 'skip',
    };
    const target = {
      entityType,
      communityId,
      strategy: analysis.strategy,
      importId,
      defaultRole: locale === 'en' ? 'Contact' : '联系人',
    };
    const report: CommitReport = { created: 0, updated: 0, skipped: 0 };
    const keys = new FileKeys();
    let invalid = 0;
    const apply = async (chunk: PendingRow[]) => {
      // The directory may have changed since the preview: rows are checked again, here, under the transaction.
      const rows: AnalysedRow[] = await analyseChunk(tx, analysis, chunk, keys);
      invalid += rows.filter((r) => r.status === 'invalid').length;
      if (invalid === 0) await writeChunk(tx, ctx, target, rows, report);
    };
    let chunk: PendingRow[] = [];
    for await (const stored of readResults(ctx.storage, summary.resultsKey!)) {
      chunk.push({ row: stored.row, values: stored.values, empty: stored.status === 'empty' });
      if (chunk.length >= CHUNK) {
        await apply(chunk);
        chunk = [];
      }
    }
    if (chunk.length) await apply(chunk);
    if (invalid > 0) throw new AppError('import_invalid', { params: { count: invalid } });
    const done = await q.updateJob(tx, importId, {
      status: 'committed',
      committedAt: new Date(),
      summary: { ...summaryOf(current), report } as unknown as Record<string, unknown>,
    });
    await recordAudit(tx, ctx, {
      communityId,
      action: 'import.committed',
      entityType: 'import',
      entityId: importId,
      entityLabel: file.filename,
      before: { status: current.status },
      after: { status: 'committed', recordType: entityType, ...report },
    });
    return done;
  });
  return toJob(committed, file.filename);
}

// ---------------------------------------------------------------- reading jobs

export async function listImports(ctx: RequestContext, communityId: string): Promise<ImportJob[]> {
  await requireCommunityAccess(ctx, communityId, 'directory.import');
  return (await q.listJobs(ctx.db, communityId, RECENT_IMPORTS)).map((r) => toJob(r.job, r.filename));
}

export async function getImport(ctx: RequestContext, communityId: string, importId: string): Promise<ImportJob> {
  await requireCommunityAccess(ctx, communityId, 'directory.import');
  const { job, file } = await jobWithFile(ctx.db, communityId, importId);
  return toJob(job, file.filename);
}
