import type { z } from 'zod';
import { canSeeContact, personDeleteAuthority, personEditAuthority, type Authority, type Viewer } from '../../../domain/directory-access';
import type { affiliationInput, Person, PersonDetail, personCreateInput, personUpdateInput } from '../../../shared/schemas/directory';
import type { Executor, Tx } from '../../db/client';
import type { RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { requireCommunityAccess } from '../communities/access';
import { refreshSearchDocuments, removeSearchDocuments } from '../search/index-document';
import * as common from './common.queries';
import { findOrganisation } from './organisations.queries';
import * as q from './people.queries';
import { linksFor } from './records';
import { toPerson } from './serialise';
import { auditCommunity, loadViewer } from './viewer';

type CreateInput = z.output<typeof personCreateInput>;
type UpdateInput = z.output<typeof personUpdateInput>;
type AffiliationInput = z.output<typeof affiliationInput>;

/** The record as audited. Contact channels are included: the audit log is where a PIPL export finds their history. */
function audited(row: q.PersonRow) {
  const { version: _v, createdAt: _c, updatedAt: _u, createdBy: _b, ...rest } = row;
  return rest;
}

export function personFacts(row: q.PersonRow) {
  return { userId: row.userId, stewardCommunityId: row.stewardCommunityId, consentToContact: row.consentToContact };
}

export async function requirePerson(db: Executor, id: string): Promise<q.PersonRow> {
  const row = await q.findPerson(db, id);
  if (!row) throw new AppError('not_found');
  return row;
}

export function requirePersonEditor(viewer: Viewer, row: q.PersonRow): Authority {
  const authority = personEditAuthority(viewer, personFacts(row));
  if (!authority) throw new AppError('forbidden');
  return authority;
}

/**
 * Consent (PIPL): giving it records when (and how, if said); withdrawing it clears both.
 * Giving it again while it stands keeps the original date.
 */
function consentValues(input: { consentToContact?: boolean; consentSource?: string | null }, before: q.PersonRow | null) {
  if (input.consentToContact === undefined) return input.consentSource !== undefined && before?.consentToContact ? { consentSource: input.consentSource } : {};
  if (!input.consentToContact) return { consentToContact: false, consentAt: null, consentSource: null };
  if (before?.consentToContact) return { consentSource: input.consentSource !== undefined ? input.consentSource : before.consentSource };
  return { consentToContact: true, consentAt: new Date(), consentSource: input.consentSource ?? null };
}

async function requireOrganisations(db: Executor, ids: string[], field: string) {
  for (const id of ids) if (!(await findOrganisation(db, id))) throw new AppError('validation_failed', { fields: { [field]: 'organisation_unknown' } });
}

export async function createPerson(ctx: RequestContext, input: CreateInput): Promise<Person> {
  const { communityId, affiliations = [], consentToContact: _c, consentSource: _s, ...fields } = input;
  return ctx.db.transaction(async (tx) => {
    const { standing } = await requireCommunityAccess(ctx, communityId, 'directory.write', tx);
    await requireOrganisations(tx, affiliations.map((a) => a.organisationId), 'affiliations');
    const row = await q.insertPerson(tx, {
      ...fields,
      ...consentValues(input, null),
      stewardCommunityId: communityId,
      createdBy: ctx.user!.id,
    });
    for (const a of affiliations) await q.insertAffiliation(tx, { personId: row.id, organisationId: a.organisationId, role: a.role, isCurrent: a.isCurrent ?? true });
    await recordAudit(tx, ctx, {
      communityId: standing.role ? communityId : null,
      action: 'person.created',
      entityType: 'person',
      entityId: row.id,
      entityLabel: row.nameZh,
      before: null,
      after: { ...audited(row), affiliations: affiliations.map((a) => `${a.organisationId}:${a.role}`) },
    });
    await refreshSearchDocuments(tx, 'person', [row.id]);
    return toPerson(row, true);
  });
}

export async function getPerson(ctx: RequestContext, id: string): Promise<PersonDetail> {
  const viewer = await loadViewer(ctx);
  const row = await requirePerson(ctx.db, id);
  const facts = personFacts(row);
  return {
    ...toPerson(row, canSeeContact(viewer, facts)),
    affiliations: await q.affiliationsOfPerson(ctx.db, id),
    links: await linksFor(ctx.db, viewer, 'person', id),
    permissions: { canEdit: Boolean(personEditAuthority(viewer, facts)), canDelete: Boolean(personDeleteAuthority(viewer, facts)) },
  };
}

export async function updatePerson(ctx: RequestContext, id: string, input: UpdateInput): Promise<Person> {
  const { version, consentToContact: _c, consentSource: _s, ...changes } = input;
  return ctx.db.transaction(async (tx) => {
    const viewer = await loadViewer(ctx, tx);
    const before = await requirePerson(tx, id);
    const authority = requirePersonEditor(viewer, before);
    if (before.version !== version) throw new AppError('version_conflict');
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const after = await q.updatePerson(tx, id, version, { ...defined, ...consentValues(input, before) });
    if (!after) throw new AppError('version_conflict');
    await recordAudit(tx, ctx, {
      communityId: auditCommunity(authority),
      action: 'person.updated',
      entityType: 'person',
      entityId: id,
      entityLabel: after.nameZh,
      before: audited(before),
      after: audited(after),
    });
    await refreshSearchDocuments(tx, 'person', [id]);
    return toPerson(after, true);
  });
}

/**
 * Removes a person and everything hanging on them: affiliations (foreign key), links, every
 * community's notes and annotations on them, and their search row. Returns what was removed,
 * for the erasure's audit redaction.
 */
export async function removePersonData(tx: Tx, row: q.PersonRow) {
  const links = await common.deleteLinksOf(tx, 'person', [row.id]);
  const noteIds = await common.deleteCommunityDataOn(tx, 'person', [row.id]);
  await q.deletePerson(tx, row.id);
  await removeSearchDocuments(tx, 'person', [row.id]);
  for (const type of ['organisation', 'project'] as const) {
    await refreshSearchDocuments(tx, type, links.filter((l) => l.fromType === type).map((l) => l.fromId));
  }
  return { linkIds: links.map((l) => l.id), noteIds };
}

export function requirePersonDeleter(viewer: Viewer, row: q.PersonRow): Authority {
  const authority = personDeleteAuthority(viewer, personFacts(row));
  if (!authority) throw new AppError('forbidden');
  return authority;
}

export async function deletePerson(ctx: RequestContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const viewer = await loadViewer(ctx, tx);
    const before = await requirePerson(tx, id);
    const authority = requirePersonDeleter(viewer, before);
    await removePersonData(tx, before);
    await recordAudit(tx, ctx, {
      communityId: auditCommunity(authority),
      action: 'person.deleted',
      entityType: 'person',
      entityId: id,
      entityLabel: before.nameZh,
      before: audited(before),
      after: null,
    });
  });
}

// ---------------------------------------------------------------- affiliations

export async function addAffiliation(ctx: RequestContext, personId: string, input: AffiliationInput) {
  return ctx.db.transaction(async (tx) => {
    const viewer = await loadViewer(ctx, tx);
    const person = await requirePerson(tx, personId);
    const authority = requirePersonEditor(viewer, person);
    const org = await findOrganisation(tx, input.organisationId);
    if (!org) throw new AppError('validation_failed', { fields: { organisationId: 'organisation_unknown' } });
    const row = await q.insertAffiliation(tx, { personId, organisationId: org.id, role: input.role, isCurrent: input.isCurrent ?? true });
    if (!row) throw new AppError('duplicate_record', { fields: { role: 'affiliation_exists' } });
    await recordAudit(tx, ctx, {
      communityId: auditCommunity(authority),
      action: 'person.affiliation_added',
      entityType: 'person',
      entityId: personId,
      entityLabel: person.nameZh,
      before: null,
      after: { organisationId: org.id, organisation: org.nameZh, role: input.role, isCurrent: input.isCurrent ?? true },
    });
    await refreshSearchDocuments(tx, 'person', [personId]);
    return (await q.findAffiliation(tx, personId, row.id))!;
  });
}

export async function removeAffiliation(ctx: RequestContext, personId: string, affiliationId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const viewer = await loadViewer(ctx, tx);
    const person = await requirePerson(tx, personId);
    const authority = requirePersonEditor(viewer, person);
    const affiliation = await q.findAffiliation(tx, personId, affiliationId);
    if (!affiliation) throw new AppError('not_found');
    await q.deleteAffiliation(tx, affiliationId);
    await recordAudit(tx, ctx, {
      communityId: auditCommunity(authority),
      action: 'person.affiliation_removed',
      entityType: 'person',
      entityId: personId,
      entityLabel: person.nameZh,
      before: { organisationId: affiliation.organisationId, organisation: affiliation.organisationNameZh, role: affiliation.role, isCurrent: affiliation.isCurrent },
      after: null,
    });
    await refreshSearchDocuments(tx, 'person', [personId]);
  });
}
