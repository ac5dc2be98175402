import { creditCodeProblem, normaliseCreditCode } from '../../../domain/credit-code';
import { organisationEditAuthority, personEditAuthority, projectEditAuthority, type Viewer } from '../../../domain/directory-access';
import type { EntityType } from '../../../domain/directory';
import { readRow, type ReadRow, type RowProblem } from '../../../domain/transfer/rows';
import type { TermIndex } from '../../../domain/transfer/terms';
import { nameKey } from '../../../domain/text/fold';
import type { Executor } from '../../db/client';
import * as q from './queries';

/**
 * One chunk of rows checked the way a commit would: read into the API input (pure), then
 * against the rest of the file (the same record twice) and the directory (the organisation a
 * person or project names; an existing record it duplicates). The preview stores the outcome;
 * the commit runs it again inside its transaction, so it decides on the directory as it is then.
 */
export type RowStatus = 'new' | 'duplicate' | 'invalid' | 'empty';
export type MatchBy = 'credit_code' | 'name' | 'email';

export interface AnalysedRow {
  row: number;
  status: RowStatus;
  match: { id: string; nameZh: string; by: MatchBy } | null;
  /** Whether the importer may update the matched record (the update strategy skips the others). */
  editable: boolean;
  /** Cell text by field. */
  values: Record<string, string | null>;
  problems: RowProblem[];
  /** Not stored: the record input and the organisation resolved for it. */
  read: ReadRow | null;
  organisationId: string | null;
}

export interface PendingRow {
  row: number;
  values: Record<string, string | null>;
  empty: boolean;
}

export interface AnalysisContext {
  entityType: EntityType;
  communityId: string;
  viewer: Viewer;
  terms: TermIndex;
  /** The header each field is read from (for money units and column names). */
  headers: Record<string, string>;
  strategy: 'update' | 'skip';
}

/** Problems that do not stop a row from being imported. */
export const WARNINGS = new Set(['duplicate_not_editable']);

/** The first row of the file holding each key, across chunks. */
export class FileKeys {
  private readonly seen = new Map<string, number>();
  /** Name keys of organisations, with whether that row had a credit code. */
  private readonly names = new Map<string, { row: number; hasCode: boolean }>();

  claim(key: string, row: number): number | null {
    const first = this.seen.get(key);
    if (first !== undefined) return first;
    this.seen.set(key, row);
    return null;
  }

  /** Two organisation rows of one name are the same unless both carry (different) credit codes. */
  claimName(key: string, row: number, hasCode: boolean): number | null {
    const first = this.names.get(key);
    if (first && (!first.hasCode || !hasCode)) return first.row;
    if (!first) this.names.set(key, { row, hasCode });
    return null;
  }
}

interface RefResolution {
  id: string | null;
  problem: string | null;
}

/** Organisations named in the rows (by credit code or by name), resolved in two queries. */
async function resolveOrganisations(db: Executor, refs: string[]): Promise<Map<string, RefResolution>> {
  const out = new Map<string, RefResolution>();
  const codes = new Map<string, string>();
  const keys = new Map<string, string>();
  for (const ref of new Set(refs)) {
    const code = normaliseCreditCode(ref);
    if (creditCodeProblem(code) === null) codes.set(ref, code);
    else keys.set(ref, nameKey(ref));
  }
  const byCode = new Map((await q.organisationsByCreditCode(db, [...new Set(codes.values())])).map((o) => [o.creditCode!, o.id]));
  const byKey = new Map<string, string[]>();
  for (const o of await q.organisationsByNameKey(db, [...new Set(keys.values())])) byKey.set(o.nameKey, [...(byKey.get(o.nameKey) ?? []), o.id]);
  for (const [ref, code] of codes) {
    const id = byCode.get(code);
    out.set(ref, { id: id ?? null, problem: id ? null : 'unknown_organisation' });
  }
  for (const [ref, key] of keys) {
    const ids = byKey.get(key) ?? [];
    out.set(ref, ids.length === 1 ? { id: ids[0]!, problem: null } : { id: null, problem: ids.length ? 'ambiguous_organisation' : 'unknown_organisation' });
  }
  return out;
}

function fileKeyProblems(ctx: AnalysisContext, r: AnalysedRow, keys: FileKeys) {
  const input = r.read!.input;
  const name = typeof input.nameZh === 'string' ? nameKey(input.nameZh) : null;
  const dup = (first: number | null) => {
    if (first !== null) r.problems.push({ field: null, code: 'duplicate_in_file', params: { row: first } });
    return first !== null;
  };
  if (ctx.entityType === 'organisation') {
    const code = typeof input.creditCode === 'string' && input.creditCode ? input.creditCode : null;
    if (code && dup(keys.claim(`code:${code}`, r.row))) return;
    if (name) dup(keys.claimName(name, r.row, Boolean(code)));
  } else if (ctx.entityType === 'person') {
    const email = typeof input.email === 'string' ? input.email : null;
    if (email && dup(keys.claim(`email:${email}`, r.row))) return;
    const org = r.organisationId ?? (r.read!.organisationRef ? nameKey(r.read!.organisationRef) : '');
    if (name) dup(keys.claim(`person:${name}|${org}`, r.row));
  } else {
    const owner = r.organisationId ?? (r.read!.organisationRef ? nameKey(r.read!.organisationRef) : '');
    if (name) dup(keys.claim(`project:${name}|${owner}`, r.row));
  }
}

async function matchOrganisations(db: Executor, ctx: AnalysisContext, rows: AnalysedRow[]) {
  const codes = rows.map((r) => r.read!.input.creditCode).filter((c): c is string => typeof c === 'string' && c !== '');
  const byCode = new Map((await q.organisationsByCreditCode(db, [...new Set(codes)])).map((o) => [o.creditCode!, o]));
  const unmatched = rows.filter((r) => !byCode.has(String(r.read!.input.creditCode ?? '')));
  const byKey = new Map<string, q.OrganisationMatch[]>();
  for (const o of await q.organisationsByNameKey(db, [...new Set(unmatched.map((r) => nameKey(String(r.read!.input.nameZh))))])) {
    byKey.set(o.nameKey, [...(byKey.get(o.nameKey) ?? []), o]);
  }
  for (const r of rows) {
    const code = typeof r.read!.input.creditCode === 'string' ? r.read!.input.creditCode : null;
    let found = code ? byCode.get(code) : undefined;
    let by: MatchBy = 'credit_code';
    if (!found) {
      // A name matches a record without a code, or any record when the row has no code; the community's own first.
      const candidates = (byKey.get(nameKey(String(r.read!.input.nameZh))) ?? []).filter((o) => !code || !o.creditCode);
      found = candidates.find((o) => o.stewardCommunityId === ctx.communityId) ?? candidates[0];
      by = 'name';
    }
    if (found) {
      r.match = { id: found.id, nameZh: found.nameZh, by };
      r.editable = organisationEditAuthority(ctx.viewer, found) !== null;
    }
  }
}

async function matchPeople(db: Executor, ctx: AnalysisContext, rows: AnalysedRow[]) {
  const emails = rows.map((r) => r.read!.input.email).filter((e): e is string => typeof e === 'string' && e !== '');
  const byEmail = new Map<string, Awaited<ReturnType<typeof q.peopleByEmail>>[number]>();
  for (const p of await q.peopleByEmail(db, ctx.communityId, [...new Set(emails)])) if (!byEmail.has(p.email!)) byEmail.set(p.email!, p);
  const orgIds = [...new Set(rows.map((r) => r.organisationId).filter((id): id is string => id !== null))];
  const byName = new Map<string, Awaited<ReturnType<typeof q.peopleAtOrganisations>>[number]>();
  for (const p of await q.peopleAtOrganisations(db, ctx.communityId, orgIds)) {
    const key = `${nameKey(p.nameZh)}|${p.organisationId}`;
    if (!byName.has(key)) byName.set(key, p);
  }
  for (const r of rows) {
    const email = typeof r.read!.input.email === 'string' ? r.read!.input.email : null;
    const viaEmail = email ? byEmail.get(email) : undefined;
    const viaName = r.organisationId ? byName.get(`${nameKey(String(r.read!.input.nameZh))}|${r.organisationId}`) : undefined;
    const found = viaEmail ?? viaName;
    if (found) {
      r.match = { id: found.id, nameZh: found.nameZh, by: viaEmail ? 'email' : 'name' };
      r.editable = personEditAuthority(ctx.viewer, found) !== null;
    }
  }
}

async function matchProjects(db: Executor, ctx: AnalysisContext, rows: AnalysedRow[]) {
  const owners = [...new Set(rows.map((r) => r.organisationId).filter((id): id is string => id !== null))];
  const names = [...new Set(rows.filter((r) => !r.organisationId).map((r) => String(r.read!.input.nameZh)))];
  const byKey = new Map<string, Awaited<ReturnType<typeof q.projectsOfOwners>>[number]>();
  for (const p of [...(await q.projectsOfOwners(db, ctx.communityId, owners)), ...(await q.projectsWithoutOwner(db, ctx.communityId, names))]) {
    const key = `${nameKey(p.nameZh)}|${p.ownerOrganisationId ?? ''}`;
    if (!byKey.has(key)) byKey.set(key, p);
  }
  for (const r of rows) {
    const found = byKey.get(`${nameKey(String(r.read!.input.nameZh))}|${r.organisationId ?? ''}`);
    if (found) {
      r.match = { id: found.id, nameZh: found.nameZh, by: 'name' };
      r.editable = projectEditAuthority(ctx.viewer, found) !== null;
    }
  }
}

export async function analyseChunk(db: Executor, ctx: AnalysisContext, chunk: readonly PendingRow[], keys: FileKeys): Promise<AnalysedRow[]> {
  const rows: AnalysedRow[] = chunk.map((p) => ({
    row: p.row,
    status: p.empty ? 'empty' : 'new',
    match: null,
    editable: false,
    values: p.values,
    problems: [],
    read: p.empty ? null : readRow(ctx.entityType, { values: p.values, headers: ctx.headers }, ctx.terms),
    organisationId: null,
  }));
  const live = rows.filter((r) => r.read);
  for (const r of live) r.problems.push(...r.read!.problems);

  if (ctx.entityType !== 'organisation') {
    const refs = live.map((r) => r.read!.organisationRef).filter((x): x is string => x !== null);
    const resolved = await resolveOrganisations(db, refs);
    const field = ctx.entityType === 'person' ? 'organisation' : 'owner';
    for (const r of live) {
      const ref = r.read!.organisationRef;
      if (!ref) continue;
      const found = resolved.get(ref)!;
      r.organisationId = found.id;
      if (found.problem) r.problems.push({ field, code: found.problem, params: { value: ref } });
    }
  }
  for (const r of live) fileKeyProblems(ctx, r, keys);

  const readable = live.filter((r) => r.problems.length === 0);
  if (ctx.entityType === 'organisation') await matchOrganisations(db, ctx, readable);
  else if (ctx.entityType === 'person') await matchPeople(db, ctx, readable);
  else await matchProjects(db, ctx, readable);

  for (const r of live) {
    if (r.problems.some((p) => !WARNINGS.has(p.code))) r.status = 'invalid';
    else if (r.match) {
      r.status = 'duplicate';
      if (ctx.strategy === 'update' && !r.editable) r.problems.push({ field: null, code: 'duplicate_not_editable', params: { name: r.match.nameZh } });
    }
  }
  return rows;
}
