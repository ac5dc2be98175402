/**
 * The domain thesaurus: everyone signed in reads it (the search and the matching engine use it
 * for everyone); platform admins add, edit and delete concepts. Every write runs in one
 * transaction with its audit entry and a change-feed row for the matching index
 * (recordMatchChange 'thesaurus'), and drops this process's cached thesaurus when it commits.
 */
import { THESAURUS_LANGS } from '../../../domain/matching/vocabularies';
import { termKey } from '../../../domain/thesaurus/thesaurus';
import type { ThesaurusConcept, ThesaurusConceptInput, ThesaurusConceptPatch, ThesaurusPage } from '../../../shared/schemas/thesaurus';
import type { Executor, Tx } from '../../db/client';
import { requireUser, type RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { isUniqueViolation } from '../directory/validation';
import { recordMatchChange } from '../matching/changes';
import { forgetThesaurus } from './load';
import * as q from './queries';

function requirePlatformAdmin(ctx: RequestContext): string {
  const user = requireUser(ctx);
  if (!user.isPlatformAdmin) throw new AppError('forbidden');
  return user.id;
}

function present(row: q.ConceptRow): ThesaurusConcept {
  return {
    id: row.id,
    code: row.code,
    segment: row.segment,
    relatedCodes: row.relatedCodes,
    relatedFrom: row.relatedFrom,
    note: row.note,
    terms: row.terms,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a concept. */
function auditRow(row: q.ConceptRow | null): Record<string, unknown> | null {
  if (!row) return null;
  return {
    code: row.code,
    segment: row.segment,
    relatedCodes: row.relatedCodes.join(', '),
    note: row.note,
    terms: THESAURUS_LANGS.map((lang) => `${lang}: ${row.terms.filter((t) => t.lang === lang).map((t) => t.term).join(' / ')}`).join('; '),
  };
}

function encodeCursor(code: string): string {
  return Buffer.from(code).toString('base64url');
}

function decodeCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const code = Buffer.from(cursor, 'base64url').toString();
  if (!/^[a-z0-9][a-z0-9_]{0,62}$/.test(code)) throw new AppError('validation_failed', { fields: { cursor: 'invalid_cursor' } });
  return code;
}

// ---------------------------------------------------------------- reading

export async function listConcepts(ctx: RequestContext, query: { q?: string; segment?: string; limit: number; cursor?: string }): Promise<ThesaurusPage> {
  requireUser(ctx);
  const text = query.q?.trim() || undefined;
  const key = text ? termKey(text) : undefined;
  const rows = await q.listConcepts(ctx.db, { q: text, key: key || undefined, segment: query.segment, afterCode: decodeCursor(query.cursor), limit: query.limit });
  const page = rows.slice(0, query.limit);
  return { items: page.map(present), nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]!.code) : null };
}

export async function getConcept(ctx: RequestContext, conceptId: string): Promise<ThesaurusConcept> {
  requireUser(ctx);
  const row = await q.findConcept(ctx.db, conceptId);
  if (!row) throw new AppError('not_found');
  return present(row);
}

// ---------------------------------------------------------------- writing

interface CheckedTerms {
  terms: { lang: (typeof THESAURUS_LANGS)[number]; term: string; termKey: string }[];
}

/** Terms with their keys; a key repeated within one language, or a term with no key, is a field error. */
function checkTerms(terms: readonly { lang: (typeof THESAURUS_LANGS)[number]; term: string }[], fields: Record<string, string>): CheckedTerms {
  const seen = new Set<string>();
  const out: CheckedTerms['terms'] = [];
  terms.forEach((t, i) => {
    const key = termKey(t.term);
    if (key.length === 0) {
      fields[`terms.${i}.term`] = 'thesaurus_term_blank';
      return;
    }
    const slot = `${t.lang}:${key}`;
    if (seen.has(slot)) {
      fields[`terms.${i}.term`] = 'thesaurus_term_duplicate';
      return;
    }
    seen.add(slot);
    out.push({ lang: t.lang, term: t.term.trim(), termKey: key });
  });
  return { terms: out };
}

async function checkLinks(db: Executor, code: string, segment: string | null, relatedCodes: readonly string[], fields: Record<string, string>): Promise<string[]> {
  if (segment !== null && !(await q.knownSegments(db, [segment])).has(segment)) fields.segment = 'thesaurus_unknown_segment';
  const related = [...new Set(relatedCodes.map((c) => c.trim()).filter((c) => c.length > 0))];
  if (related.includes(code)) fields.relatedCodes = 'thesaurus_related_self';
  else {
    const existing = await q.existingCodes(db, related);
    const unknown = related.find((c) => !existing.has(c));
    if (unknown !== undefined) fields.relatedCodes = 'thesaurus_unknown_concept';
  }
  return related;
}

async function afterWrite(tx: Tx): Promise<void> {
  await recordMatchChange(tx, 'thesaurus', null);
}

export async function createConcept(ctx: RequestContext, input: ThesaurusConceptInput): Promise<ThesaurusConcept> {
  const userId = requirePlatformAdmin(ctx);
  const fields: Record<string, string> = {};
  const { terms } = checkTerms(input.terms, fields);
  const related = await checkLinks(ctx.db, input.code, input.segment, input.relatedCodes, fields);
  if (Object.keys(fields).length > 0) throw new AppError('validation_failed', { fields });
  try {
    const created = await ctx.db.transaction(async (tx) => {
      const id = await q.insertConcept(tx, { code: input.code, segment: input.segment, relatedCodes: related, note: input.note, updatedBy: userId });
      await q.replaceTerms(tx, id, terms);
      const row = (await q.findConcept(tx, id))!;
      await recordAudit(tx, ctx, { communityId: null, action: 'thesaurus_concept.created', entityType: 'thesaurus_concept', entityId: id, entityLabel: row.code, before: null, after: auditRow(row) });
      await afterWrite(tx);
      return row;
    });
    forgetThesaurus(ctx.db);
    return present(created);
  } catch (error) {
    if (isUniqueViolation(error, 'thesaurus_concepts_code_key')) throw new AppError('duplicate_record', { fields: { code: 'thesaurus_code_taken' } });
    throw error;
  }
}

export async function updateConcept(ctx: RequestContext, conceptId: string, patch: ThesaurusConceptPatch): Promise<ThesaurusConcept> {
  const userId = requirePlatformAdmin(ctx);
  const updated = await ctx.db.transaction(async (tx) => {
    const locked = await q.findConceptForUpdate(tx, conceptId);
    if (!locked) throw new AppError('not_found');
    if (locked.version !== patch.version) throw new AppError('version_conflict');
    const before = (await q.findConcept(tx, conceptId))!;
    const fields: Record<string, string> = {};
    const checked = patch.terms ? checkTerms(patch.terms, fields) : null;
    const segment = patch.segment === undefined ? before.segment : patch.segment;
    const related = await checkLinks(tx, before.code, segment, patch.relatedCodes ?? before.relatedCodes, fields);
    if (Object.keys(fields).length > 0) throw new AppError('validation_failed', { fields });
    const ok = await q.updateConcept(tx, conceptId, patch.version, { segment, relatedCodes: related, note: patch.note ?? before.note, updatedBy: userId });
    if (!ok) throw new AppError('version_conflict');
    if (checked) await q.replaceTerms(tx, conceptId, checked.terms);
    const after = (await q.findConcept(tx, conceptId))!;
    await recordAudit(tx, ctx, { communityId: null, action: 'thesaurus_concept.updated', entityType: 'thesaurus_concept', entityId: conceptId, entityLabel: after.code, before: auditRow(before), after: auditRow(after) });
    await afterWrite(tx);
    return after;
  });
  forgetThesaurus(ctx.db);
  return present(updated);
}

export async function deleteConcept(ctx: RequestContext, conceptId: string, version: number): Promise<{ ok: true }> {
  const userId = requirePlatformAdmin(ctx);
  await ctx.db.transaction(async (tx) => {
    const locked = await q.findConceptForUpdate(tx, conceptId);
    if (!locked) throw new AppError('not_found');
    if (locked.version !== version) throw new AppError('version_conflict');
    const before = (await q.findConcept(tx, conceptId))!;
    if (!(await q.deleteConcept(tx, conceptId, version))) throw new AppError('version_conflict');
    await q.dropRelatedCode(tx, before.code, userId);
    await recordAudit(tx, ctx, { communityId: null, action: 'thesaurus_concept.deleted', entityType: 'thesaurus_concept', entityId: conceptId, entityLabel: before.code, before: auditRow(before), after: null });
    await afterWrite(tx);
  });
  forgetThesaurus(ctx.db);
  return { ok: true };
}
