import { creditCodeProblem, normaliseCreditCode } from '../../../domain/credit-code';
import { INVESTING_KINDS, type OrganisationKind, type Taxonomy } from '../../../domain/directory';
import type { Executor } from '../../db/client';
import { AppError } from '../../http/errors';
import { listTaxonomy } from './common.queries';

/**
 * Checks beyond the zod contract: codes that must exist in the taxonomy (data, not code), the
 * credit code's check digit, rules between fields. Problems are collected per field and thrown
 * together, so a form shows every message at once.
 */
export class FieldProblems {
  readonly fields: Record<string, string> = {};
  add(field: string, key: string) {
    this.fields[field] ??= key;
  }
  throwIfAny() {
    if (Object.keys(this.fields).length) throw new AppError('validation_failed', { fields: this.fields });
  }
}

export interface TaxonomyIndex {
  has(taxonomy: Taxonomy, code: string): boolean;
  /** The track a stage belongs to (null when the stage does not exist or has no group). */
  stageTrack(code: string): string | null;
}

export async function loadTaxonomyIndex(db: Executor): Promise<TaxonomyIndex> {
  const rows = await listTaxonomy(db);
  const keys = new Set(rows.map((r) => `${r.taxonomy}:${r.code}`));
  const tracks = new Map(rows.filter((r) => r.taxonomy === 'stage').map((r) => [r.code, r.groupCode]));
  return { has: (taxonomy, code) => keys.has(`${taxonomy}:${code}`), stageTrack: (code) => tracks.get(code) ?? null };
}

export function checkCodes(problems: FieldProblems, index: TaxonomyIndex, field: string, taxonomy: Taxonomy, codes: readonly string[] | undefined) {
  for (const code of codes ?? []) if (!index.has(taxonomy, code)) problems.add(field, `${taxonomy}_unknown`);
}

/** Normalises a credit code as typed (spaces, dashes, lower case) and names what is wrong with it. */
export function checkCreditCode(problems: FieldProblems, raw: string | null | undefined): string | null | undefined {
  if (raw === undefined || raw === null) return raw;
  const code = normaliseCreditCode(raw);
  if (code === '') return null;
  const problem = creditCodeProblem(code);
  if (problem) problems.add('creditCode', `credit_code_${problem}`);
  return code;
}

export interface OrganisationShape {
  kind: OrganisationKind;
  segments: string[];
  qualifications: string[];
  services: string[];
  investorType: string | null;
  thesisSegments: string[];
  thesisStages: string[];
  thesisRegions: string[];
  ticketMinFen: number | null;
  ticketMaxFen: number | null;
  aumFen: number | null;
}

const INVESTOR_FIELDS = ['investorType', 'thesisSegments', 'thesisStages', 'thesisRegions', 'ticketMinFen', 'ticketMaxFen', 'aumFen'] as const;

/** Rules on the organisation as it will be stored (for an edit: the record merged with the changes). */
export function checkOrganisation(problems: FieldProblems, index: TaxonomyIndex, org: OrganisationShape) {
  checkCodes(problems, index, 'segments', 'segment', org.segments);
  checkCodes(problems, index, 'qualifications', 'qualification', org.qualifications);
  checkCodes(problems, index, 'services', 'service', org.services);
  checkCodes(problems, index, 'thesisSegments', 'segment', org.thesisSegments);
  checkCodes(problems, index, 'thesisStages', 'stage', org.thesisStages);
  if (!INVESTING_KINDS.includes(org.kind)) {
    for (const field of INVESTOR_FIELDS) {
      const value = org[field];
      if (Array.isArray(value) ? value.length > 0 : value !== null) problems.add(field, 'investor_fields_only');
    }
  }
  if (org.ticketMinFen !== null && org.ticketMaxFen !== null && org.ticketMinFen > org.ticketMaxFen) problems.add('ticketMaxFen', 'ticket_range_inverted');
}

/** A PostgreSQL unique violation on the named index (directly or wrapped by Drizzle). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint: name } = e as { code?: unknown; constraint?: unknown };
    if (code === '23505') return name === constraint;
  }
  return false;
}
