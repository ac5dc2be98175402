import type { z } from 'zod';
import { organisationDeleteAuthority, organisationEditAuthority, type Authority, type Viewer } from '../../../domain/directory-access';
import type { OrganisationKind } from '../../../domain/directory';
import { nameKey } from '../../../domain/text/fold';
import type {
  Organisation,
  OrganisationDetail,
  organisationCreateInput,
  organisationUpdateInput,
} from '../../../shared/schemas/directory';
import type { Executor } from '../../db/client';
import type { RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { requireCommunityAccess } from '../communities/access';
import { refreshSearchDocuments, removeSearchDocuments } from '../search/index-document';
import * as common from './common.queries';
import * as q from './organisations.queries';
import { affiliationsOfOrganisation, personIdsAffiliatedWith } from './people.queries';
import { visibleProjects } from './project-visibility';
import { projectIdsNamingInvestor, projectsOwnedBy } from './projects.queries';
import { linksFor } from './records';
import { toOrganisation, toProjectSummary } from './serialise';
import { checkCreditCode, checkOrganisation, FieldProblems, isUniqueViolation, loadTaxonomyIndex } from './validation';
import { auditCommunity, loadViewer } from './viewer';

type CreateInput = z.output<typeof organisationCreateInput>;
type UpdateInput = z.output<typeof organisationUpdateInput>;

/** The profile fields as audited: what people read, without bookkeeping. */
function audited(row: q.OrganisationRow) {
  const { version: _v, createdAt: _c, updatedAt: _u, nameKey: _k, createdBy: _b, ...rest } = row;
  return rest;
}

const duplicateCreditCode = () => new AppError('duplicate_record', { fields: { creditCode: 'credit_code_taken' } });

/** Runs a write that may hit the credit-code unique index; a concurrent holder becomes the same 409 as a known one. */
async function guardCreditCode<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, 'organisations_credit_code_key')) throw duplicateCreditCode();
    throw error;
  }
}

export async function requireOrganisation(db: Executor, id: string): Promise<q.OrganisationRow> {
  const row = await q.findOrganisation(db, id);
  if (!row) throw new AppError('not_found');
  return row;
}

async function factsOf(db: Executor, row: q.OrganisationRow) {
  return { id: row.id, stewardCommunityId: row.stewardCommunityId, hasRepresentatives: await q.hasRepresentatives(db, row.id) };
}

/** The authority to edit the organisation's public profile, or forbidden. */
export async function requireOrganisationEditor(db: Executor, viewer: Viewer, row: q.OrganisationRow): Promise<Authority> {
  const authority = organisationEditAuthority(viewer, await factsOf(db, row));
  if (!authority) throw new AppError('forbidden');
  return authority;
}

/** Validates and normalises the fields of an organisation as it will be stored. */
async function prepare(db: Executor, merged: Omit<q.OrganisationValues, 'nameKey'>, exceptId?: string) {
  const problems = new FieldProblems();
  const creditCode = checkCreditCode(problems, merged.creditCode) ?? null;
  checkOrganisation(problems, await loadTaxonomyIndex(db), {
    kind: merged.kind as OrganisationKind,
    segments: merged.segments ?? [],
    qualifications: merged.qualifications ?? [],
    services: merged.services ?? [],
    investorType: merged.investorType ?? null,
    thesisSegments: merged.thesisSegments ?? [],
    thesisStages: merged.thesisStages ?? [],
    thesisRegions: merged.thesisRegions ?? [],
    ticketMinFen: merged.ticketMinFen ?? null,
    ticketMaxFen: merged.ticketMaxFen ?? null,
    aumFen: merged.aumFen ?? null,
  });
  problems.throwIfAny();
  if (creditCode && (await q.creditCodeHolder(db, creditCode, exceptId))) throw duplicateCreditCode();
  return { ...merged, creditCode, nameKey: nameKey(merged.nameZh) };
}

export async function createOrganisation(ctx: RequestContext, input: CreateInput): Promise<Organisation> {
  const { communityId, ...fields } = input;
  return guardCreditCode(() =>
    ctx.db.transaction(async (tx) => {
      const { standing } = await requireCommunityAccess(ctx, communityId, 'directory.write', tx);
      const values = await prepare(tx, { ...fields, stewardCommunityId: communityId, createdBy: ctx.user!.id });
      const row = await q.insertOrganisation(tx, values);
      await recordAudit(tx, ctx, {
        // A platform admin without a role there adds it on the platform's authority.
        communityId: standing.role ? communityId : null,
        action: 'organisation.created',
        entityType: 'organisation',
        entityId: row.id,
        entityLabel: row.nameZh,
        before: null,
        after: audited(row),
      });
      await refreshSearchDocuments(tx, 'organisation', [row.id]);
      return toOrganisation(row);
    }),
  );
}

export async function getOrganisation(ctx: RequestContext, id: string): Promise<OrganisationDetail> {
  const viewer = await loadViewer(ctx);
  const row = await requireOrganisation(ctx.db, id);
  const facts = await factsOf(ctx.db, row);
  const projects = await visibleProjects(ctx.db, viewer, await projectsOwnedBy(ctx.db, id));
  return {
    ...toOrganisation(row),
    people: await affiliationsOfOrganisation(ctx.db, id),
    projects: projects.map(toProjectSummary),
    links: await linksFor(ctx.db, viewer, 'organisation', id),
    representatives: await q.listRepresentatives(ctx.db, id),
    permissions: { canEdit: Boolean(organisationEditAuthority(viewer, facts)), canDelete: Boolean(organisationDeleteAuthority(viewer, facts)) },
  };
}

export async function updateOrganisation(ctx: RequestContext, id: string, input: UpdateInput): Promise<Organisation> {
  const { version, ...changes } = input;
  return guardCreditCode(() =>
    ctx.db.transaction(async (tx) => {
      const viewer = await loadViewer(ctx, tx);
      const before = await requireOrganisation(tx, id);
      const authority = await requireOrganisationEditor(tx, viewer, before);
      if (before.version !== version) throw new AppError('version_conflict');
      const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...current } = before;
      const values = await prepare(tx, { ...current, ...(defined as Partial<typeof current>) }, id);
      const after = await q.updateOrganisation(tx, id, version, values);
      if (!after) throw new AppError('version_conflict');
      await recordAudit(tx, ctx, {
        communityId: auditCommunity(authority),
        action: 'organisation.updated',
        entityType: 'organisation',
        entityId: id,
        entityLabel: after.nameZh,
        before: audited(before),
        after: audited(after),
      });
      await refreshSearchDocuments(tx, 'organisation', [id]);
      return toOrganisation(after);
    }),
  );
}

/**
 * Deletes the organisation with what hangs on it: its links, the communities' notes and
 * annotations on it, its search row and its logo. Its projects stay, without an owner;
 * affiliations and named-investor entries go with it (foreign keys), and the rows that showed
 * them are rebuilt.
 */
export async function deleteOrganisation(ctx: RequestContext, id: string): Promise<void> {
  const keys = await ctx.db.transaction(async (tx) => {
    const viewer = await loadViewer(ctx, tx);
    const before = await requireOrganisation(tx, id);
    const authority = organisationDeleteAuthority(viewer, await factsOf(tx, before));
    if (!authority) throw new AppError('forbidden');
    const people = await personIdsAffiliatedWith(tx, id);
    const projects = [...(await projectsOwnedBy(tx, id)).map((p) => p.id), ...(await projectIdsNamingInvestor(tx, id))];
    const links = await common.deleteLinksOf(tx, 'organisation', [id]);
    await common.deleteCommunityDataOn(tx, 'organisation', [id]);
    await q.deleteOrganisation(tx, id);
    const keys = await common.deleteFiles(tx, before.logoFileId ? [before.logoFileId] : []);
    await recordAudit(tx, ctx, {
      communityId: auditCommunity(authority),
      action: 'organisation.deleted',
      entityType: 'organisation',
      entityId: id,
      entityLabel: before.nameZh,
      before: audited(before),
      after: null,
    });
    await removeSearchDocuments(tx, 'organisation', [id]);
    await refreshSearchDocuments(tx, 'person', [...people, ...links.filter((l) => l.fromType === 'person').map((l) => l.fromId)]);
    await refreshSearchDocuments(tx, 'project', [...projects, ...links.filter((l) => l.fromType === 'project').map((l) => l.fromId)]);
    await refreshSearchDocuments(tx, 'organisation', links.filter((l) => l.fromType === 'organisation' && l.fromId !== id).map((l) => l.fromId));
    return keys;
  });
  await deleteStoredBytes(ctx, keys);
}

/** Bytes go after the commit: a rolled-back delete must not lose them. A failure here only leaves an orphan file. */
export async function deleteStoredBytes(ctx: RequestContext, keys: string[]): Promise<void> {
  for (const key of keys) await ctx.storage.delete(key).catch(() => undefined);
}

// ---------------------------------------------------------------- representatives

export async function addRepresentative(ctx: RequestContext, organisationId: string, email: string) {
  return ctx.db.transaction(async (tx) => {
    const viewer = await loadViewer(ctx, tx);
    const org = await requireOrganisation(tx, organisationId);
    const authority = await requireOrganisationEditor(tx, viewer, org);
    const user = await common.findUserByEmail(tx, email);
    if (!user) throw new AppError('validation_failed', { fields: { email: 'user_unknown' } });
    if (!(await q.addRepresentative(tx, organisationId, user.id, viewer.userId))) {
      throw new AppError('duplicate_record', { fields: { email: 'already_representative' } });
    }
    await recordAudit(tx, ctx, {
      communityId: auditCommunity(authority),
      action: 'organisation.representative_added',
      entityType: 'organisation',
      entityId: organisationId,
      entityLabel: org.nameZh,
      before: null,
      after: { representative: user.email },
    });
    return q.listRepresentatives(tx, organisationId);
  });
}

export async function removeRepresentative(ctx: RequestContext, organisationId: string, userId: string) {
  return ctx.db.transaction(async (tx) => {
    const viewer = await loadViewer(ctx, tx);
    const org = await requireOrganisation(tx, organisationId);
    const authority = await requireOrganisationEditor(tx, viewer, org);
    const reps = await q.listRepresentatives(tx, organisationId);
    const rep = reps.find((r) => r.userId === userId);
    if (!rep || !(await q.removeRepresentative(tx, organisationId, userId))) throw new AppError('not_found');
    await recordAudit(tx, ctx, {
      communityId: auditCommunity(authority),
      action: 'organisation.representative_removed',
      entityType: 'organisation',
      entityId: organisationId,
      entityLabel: org.nameZh,
      before: { representative: rep.email },
      after: null,
    });
    return reps.filter((r) => r.userId !== userId);
  });
}
