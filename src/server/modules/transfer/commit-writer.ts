import crypto from 'node:crypto';
import { diffFields } from '../../../domain/audit-diff';
import type { EntityType } from '../../../domain/directory';
import { nameKey } from '../../../domain/text/fold';
import type { Tx } from '../../db/client';
import type { RequestContext } from '../../http/context';
import { refreshSearchDocuments } from '../search/index-document';
import { recordStageChange } from '../lifecycle/stage-change';
import type { AnalysedRow } from './matching';
import * as q from './queries';

/**
 * The writes of one chunk of a commit, inside the commit's transaction: new records inserted
 * in one statement per table, duplicates updated (only the columns the file fills) or
 * skipped, one audit entry per record, and the search rows of every touched record rebuilt.
 */
export interface CommitReport {
  created: number;
  updated: number;
  skipped: number;
}

export interface CommitTarget {
  entityType: EntityType;
  communityId: string;
  strategy: 'update' | 'skip';
  importId: string;
  /** Role written on a person's affiliation when the file gives no title. */
  defaultRole: string;
}

// The database defaults of the NOT NULL columns a row may leave empty (the set-based insert
// writes every listed column, so it must not send null where the default belongs).
const ORGANISATION_DEFAULTS = { segments: [], qualifications: [], services: [], listingStatus: 'unlisted', descriptionZh: '', descriptionEn: '' };
const PERSON_DEFAULTS = { consentToContact: false, bioZh: '', bioEn: '' };
const PROJECT_DEFAULTS = { indications: [], confidentiality: 'community', summaryZh: '', summaryEn: '' };

/** The record as audited (bookkeeping columns left out, as the directory's own services do). */
function audited(row: Record<string, unknown>) {
  const { version: _v, createdAt: _c, updatedAt: _u, nameKey: _k, createdBy: _b, ...rest } = row;
  return rest;
}

/** The input fields the row's cells fill (an empty cell never clears a value on update). */
function filled(r: AnalysedRow): Record<string, unknown> {
  const input = r.read!.input;
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(input)) if (r.values[field]) out[field] = value;
  if (out.stage !== undefined) out.track = input.track;
  return out;
}

function consent(fields: Record<string, unknown>, importId: string) {
  if (fields.consentToContact === undefined) return {};
  return fields.consentToContact ? { consentAt: new Date(), consentSource: `import ${importId}` } : { consentAt: null, consentSource: null };
}

export async function writeChunk(tx: Tx, ctx: RequestContext, target: CommitTarget, rows: readonly AnalysedRow[], report: CommitReport): Promise<void> {
  const userId = ctx.user?.id ?? null;
  const fresh = rows.filter((r) => r.status === 'new');
  const dupes = rows.filter((r) => r.status === 'duplicate');
  const updates = target.strategy === 'update' ? dupes.filter((r) => r.editable) : [];
  report.skipped += dupes.length - updates.length;
  const audit: q.AuditValues[] = [];
  const entry = (action: string, id: string, label: string, before: Record<string, unknown> | null, after: Record<string, unknown>) =>
    audit.push({
      actorUserId: userId,
      communityId: target.communityId,
      action,
      entityType: target.entityType,
      entityId: id,
      entityLabel: label,
      changes: diffFields(before && audited(before), audited(after)),
      requestId: ctx.requestId,
    });
  const touched: string[] = [];

  if (target.entityType === 'organisation') {
    const created = fresh.map((r) => {
      const input = r.read!.input as q.OrganisationValues;
      return {
        ...ORGANISATION_DEFAULTS,
        ...input,
        id: crypto.randomUUID(),
        creditCode: input.creditCode || null,
        nameKey: nameKey(input.nameZh),
        stewardCommunityId: target.communityId,
        createdBy: userId,
      };
    });
    await q.insertOrganisations(tx, created);
    for (const row of created) entry('organisation.created', row.id, row.nameZh, null, row);
    touched.push(...created.map((r) => r.id));
    const before = new Map((await q.organisationsById(tx, updates.map((r) => r.match!.id))).map((o) => [o.id, o]));
    for (const r of updates) {
      const fields = filled(r) as Partial<q.OrganisationValues>;
      if (fields.nameZh) fields.nameKey = nameKey(fields.nameZh);
      const after = await q.updateOrganisationRow(tx, r.match!.id, fields);
      entry('organisation.updated', after.id, after.nameZh, before.get(after.id) ?? null, after);
      touched.push(after.id);
    }
  } else if (target.entityType === 'person') {
    const links: { personId: string; organisationId: string; role: string }[] = [];
    const created = fresh.map((r) => {
      const input = r.read!.input as q.PersonValues;
      const row = { ...PERSON_DEFAULTS, ...input, ...consent(input, target.importId), id: crypto.randomUUID(), stewardCommunityId: target.communityId, createdBy: userId };
      if (r.organisationId) links.push({ personId: row.id, organisationId: r.organisationId, role: row.title ?? target.defaultRole });
      return row;
    });
    await q.insertPeople(tx, created);
    for (const row of created) entry('person.created', row.id, row.nameZh, null, row);
    touched.push(...created.map((r) => r.id));
    const before = new Map((await q.peopleById(tx, updates.map((r) => r.match!.id))).map((p) => [p.id, p]));
    for (const r of updates) {
      const fields = filled(r);
      const after = await q.updatePersonRow(tx, r.match!.id, { ...(fields as Partial<q.PersonValues>), ...consent(fields, target.importId) });
      entry('person.updated', after.id, after.nameZh, before.get(after.id) ?? null, after);
      if (r.organisationId) links.push({ personId: after.id, organisationId: r.organisationId, role: after.title ?? target.defaultRole });
      touched.push(after.id);
    }
    await q.insertAffiliations(tx, links);
  } else {
    const created = fresh.map((r) => ({
      ...PROJECT_DEFAULTS,
      ...(r.read!.input as q.ProjectValues),
      id: crypto.randomUUID(),
      ownerOrganisationId: r.organisationId,
      communityId: target.communityId,
      createdBy: userId,
    }));
    await q.insertProjects(tx, created);
    for (const row of created) entry('project.created', row.id, row.nameZh, null, row);
    touched.push(...created.map((r) => r.id));
    const before = new Map((await q.projectsById(tx, updates.map((r) => r.match!.id))).map((p) => [p.id, p]));
    for (const r of updates) {
      const after = await q.updateProjectRow(tx, r.match!.id, filled(r) as Partial<q.ProjectValues>);
      const old = before.get(after.id);
      // A stage changed by the import is recorded in the project's timeline like any move.
      if (old) await recordStageChange(tx, ctx, { before: old, after, reason: `import ${target.importId}`, communityId: target.communityId, strict: false });
      entry('project.updated', after.id, after.nameZh, old ?? null, after);
      touched.push(after.id);
    }
  }
  report.created += fresh.length;
  report.updated += updates.length;
  await q.insertAuditEntries(tx, audit);
  await refreshSearchDocuments(tx, target.entityType, touched);
}
