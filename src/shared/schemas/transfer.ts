/**
 * Spreadsheet import (.xlsx, .csv in UTF-8 or GBK) into a community's directory:
 *   POST /api/communities/:communityId/imports          multipart: file, entityType → ImportJob (headers, suggested mapping)
 *   PUT  /api/communities/:communityId/imports/:importId  { mapping, duplicateStrategy } → dry-run ImportPreview
 *   POST /api/communities/:communityId/imports/:importId/commit → ImportJob (report); all rows or none
 *   GET  /api/communities/:communityId/imports[/:importId]
 * Export lives with search (`GET /api/search/export`) and writes the headers the import reads.
 */
import { z } from 'zod';
import { ENTITY_TYPES } from '../../domain/directory';
import { idSchema, timestampSchema } from './common';

export const duplicateStrategySchema = z.enum(['update', 'skip']);

export const importMappingInput = z.strictObject({
  /** Header as it appears in the file → field name, or null to ignore the column. */
  mapping: z.record(z.string().max(200), z.string().max(60).nullable()),
  duplicateStrategy: duplicateStrategySchema,
});

export const importProblemSchema = z.object({
  /** 1-based row number as the spreadsheet shows it (the header is row 1). */
  row: z.number().int(),
  column: z.string().nullable(),
  /** Stable code the web app translates (transfer.problems.<code>). */
  code: z.string(),
  message: z.string(),
  value: z.string().nullable(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importRowSchema = z.object({
  row: z.number().int(),
  /** new: will be created; duplicate: matches an existing record (updated or skipped per strategy); invalid: has problems. */
  status: z.enum(['new', 'duplicate', 'invalid', 'empty']),
  /** For a duplicate, the record it matches and how (credit code or name). */
  match: z.object({ id: idSchema, nameZh: z.string(), by: z.enum(['credit_code', 'name', 'email']) }).nullable(),
  values: z.record(z.string(), z.string().nullable()),
  problems: z.array(importProblemSchema),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const importSummarySchema = z.object({
  rows: z.number().int(),
  new: z.number().int(),
  duplicate: z.number().int(),
  invalid: z.number().int(),
  empty: z.number().int(),
});

export const importJobSchema = z.object({
  id: idSchema,
  communityId: idSchema,
  entityType: z.enum(ENTITY_TYPES),
  filename: z.string(),
  status: z.enum(['uploaded', 'previewed', 'committed', 'failed']),
  headers: z.array(z.string()),
  /** The fields this entity type can take: what a column may be mapped to. */
  fields: z.array(z.object({ name: z.string(), required: z.boolean() })),
  mapping: z.record(z.string(), z.string().nullable()),
  duplicateStrategy: duplicateStrategySchema,
  summary: importSummarySchema.nullable(),
  /** After a commit: what happened. */
  report: z.object({ created: z.number().int(), updated: z.number().int(), skipped: z.number().int() }).nullable(),
  createdAt: timestampSchema,
  committedAt: timestampSchema.nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

/** A dry run: every row's status and problems (rows paged with `offset`/`limit`; `onlyProblems` filters). */
export const importPreviewQuery = z.strictObject({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  onlyProblems: z.enum(['true', 'false']).optional(),
});

export const importPreviewSchema = z.object({
  job: importJobSchema,
  rows: z.array(importRowSchema),
  totalRows: z.number().int(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;
