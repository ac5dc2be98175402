import type { Authority, Viewer } from '../../../domain/directory-access';
import { can } from '../../../domain/roles';
import { listingSearchTerms } from '../../../domain/thesaurus/listing-terms';
import {
  BRIEF_OWNER_KINDS,
  type Brief,
  type BriefCreateInput,
  type BriefOptions,
  type BriefPage,
  type BriefQuery,
  type BriefUpdateInput,
} from '../../../shared/schemas/briefs';
import type { Executor, Tx } from '../../db/client';
import { requireUser, type RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { decodeCursor, pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/record';
import { loadViewer } from '../directory/viewer';
import { FieldProblems, checkCodes, loadTaxonomyIndex } from '../directory/validation';
import { recordMatchChange } from '../matching/changes';
import { loadThesaurus } from '../thesaurus/load';
import { auditCommunityOf, canSeeBrief, editAuthority, postAuthority, type OwnerFacts } from './access';
import * as q from './queries';
import { z } from 'zod';

/**
 * Technology briefs. A brief the viewer may not see reads exactly like a missing one (404), for
 * reads and writes alike; one the viewer sees but may not change is forbidden (403). Every
 * write runs in one transaction with its audit entry and a row in the matching change feed.
 */

const cursorSchema = z.object({ at: z.iso.datetime(), id: z.uuid() });

// ---------------------------------------------------------------- facts

function scopeOf(viewer: Viewer): q.ListScope {
  const writerIn: string[] = [];
  for (const [communityId, role] of viewer.roles) if (can({ role, isPlatformAdmin: false }, 'directory.write')) writerIn.push(communityId);
  return { userId: viewer.userId, isPlatformAdmin: viewer.isPlatformAdmin, memberOf: [...viewer.roles.keys()], writerIn, represented: [...viewer.representedOrgIds] };
}

async function ownerFacts(db: Executor, org: q.OrganisationRefRow): Promise<OwnerFacts> {
  return { id: org.id, stewardCommunityId: org.stewardCommunityId, hasRepresentatives: await q.hasRepresentatives(db, org.id) };
}

interface Loaded {
  row: q.BriefRow;
  org: q.OrganisationRefRow;
  owner: OwnerFacts;
  communityIds: string[];
  authority: Authority | null;
}

/** The brief as the viewer may know it, or not_found. */
async function requireVisible(db: Executor, viewer: Viewer, id: string, lock = false): Promise<Loaded> {
  const row = lock ? await q.lockBrief(db, id) : await q.findBrief(db, id);
  if (!row) throw new AppError('not_found');
  const org = (await q.organisationRefs(db, [row.organisationId])).get(row.organisationId)!;
  const owner = await ownerFacts(db, org);
  const communityIds = (await q.briefCommunityIds(db, [row.id])).get(row.id) ?? [];
  const facts = { ...row, communityIds };
  if (!canSeeBrief(viewer, facts, owner)) throw new AppError('not_found');
  return { row, org, owner, communityIds, authority: editAuthority(viewer, row, owner) };
}

async function requireEditable(tx: Tx, viewer: Viewer, id: string): Promise<Loaded & { authority: Authority }> {
  const loaded = await requireVisible(tx, viewer, id, true);
  if (!loaded.authority) throw new AppError('forbidden');
  return loaded as Loaded & { authority: Authority };
}

// ---------------------------------------------------------------- presenting

async function present(db: Executor, viewer: Viewer, rows: q.BriefRow[]): Promise<Brief[]> {
  if (rows.length === 0) return [];
  const orgs = await q.organisationRefs(
    db,
    rows.map((r) => r.organisationId),
  );
  const chosen = await q.briefCommunityIds(
    db,
    rows.map((r) => r.id),
  );
  const owners = new Map<string, OwnerFacts>();
  for (const org of orgs.values()) owners.set(org.id, await ownerFacts(db, org));
  const communityIds = rows.flatMap((r) => [...(r.communityId ? [r.communityId] : []), ...(chosen.get(r.id) ?? [])]);
  const communities = await q.communityRefs(db, communityIds);
  const contacts = await q.userNames(
    db,
    rows.flatMap((r) => (r.contactUserId ? [r.contactUserId] : [])),
  );
  return rows.map((r) => {
    const org = orgs.get(r.organisationId)!;
    const canEdit = editAuthority(viewer, r, owners.get(org.id)!) !== null;
    // Someone who may not edit the brief learns only the chosen communities they belong to.
    const shown = (chosen.get(r.id) ?? []).filter((id) => canEdit || viewer.roles.has(id));
    return {
      id: r.id,
      organisation: { id: org.id, kind: org.kind, nameZh: org.nameZh, nameEn: org.nameEn, shortNameZh: org.shortNameZh, shortNameEn: org.shortNameEn },
      postedByCommunity: r.communityId ? (communities.get(r.communityId) ?? null) : null,
      titleZh: r.titleZh,
      titleEn: r.titleEn,
      problem: r.problem,
      solution: r.solution,
      advantages: r.advantages,
      maturity: r.maturity as Brief['maturity'],
      ipStatus: r.ipStatus as Brief['ipStatus'],
      ipDetail: r.ipDetail,
      partnerships: r.partnerships as Brief['partnerships'],
      partnerSought: r.partnerSought,
      segments: r.segments,
      keywords: r.keywords,
      visibility: r.visibility as Brief['visibility'],
      communities: shown.flatMap((id) => (communities.has(id) ? [communities.get(id)!] : [])),
      status: r.status as Brief['status'],
      publishedAt: r.publishedAt?.toISOString() ?? null,
      contact: r.contactUserId && contacts.has(r.contactUserId) ? { id: r.contactUserId, displayName: contacts.get(r.contactUserId)! } : null,
      canEdit,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

// ---------------------------------------------------------------- reading

/** At most this many spellings of one query word are looked for (as typed, folded, related terms). */
export async function listBriefs(ctx: RequestContext, query: BriefQuery): Promise<BriefPage> {
  const viewer = await loadViewer(ctx);
  const after = decodeCursor(query.cursor, cursorSchema);
  const rows = await q.listBriefs(ctx.db, scopeOf(viewer), {
    mine: query.mine,
    status: query.status,
    terms: listingSearchTerms(query.q, query.q ? await loadThesaurus(ctx.db) : undefined),
    segment: query.segment,
    maturity: query.maturity,
    partnership: query.partnership,
    organisationId: query.organisationId,
    after,
    limit: query.limit,
  });
  const page = pageOf(rows, query.limit, (last) => ({ at: (last.publishedAt ?? last.createdAt).toISOString(), id: last.id }));
  return { items: await present(ctx.db, viewer, page.items), nextCursor: page.nextCursor };
}

export async function getBrief(ctx: RequestContext, id: string): Promise<Brief> {
  const viewer = await loadViewer(ctx);
  const { row } = await requireVisible(ctx.db, viewer, id);
  return (await present(ctx.db, viewer, [row]))[0]!;
}

export async function briefOptions(ctx: RequestContext): Promise<BriefOptions> {
  const viewer = await loadViewer(ctx);
  const scope = scopeOf(viewer);
  const orgs = await q.postableOrganisations(ctx.db, scope, BRIEF_OWNER_KINDS);
  const organisations: BriefOptions['organisations'] = [];
  for (const org of orgs) {
    const authority = postAuthority(viewer, await ownerFacts(ctx.db, org));
    if (!authority) continue;
    const { stewardCommunityId: _s, ...ref } = org;
    organisations.push({ ...ref, via: authority.via === 'community' ? 'community' : authority.via === 'platform' ? 'platform' : 'representative', communityId: authority.via === 'community' ? authority.communityId : null });
  }
  const communities = [...(await q.communityRefs(ctx.db, scope.memberOf)).values()].sort((a, b) => a.nameZhHans.localeCompare(b.nameZhHans, 'zh-Hans-CN'));
  return { organisations, communities };
}

// ---------------------------------------------------------------- writing

interface Shape {
  organisationId: string;
  segments: string[];
  visibility: string;
  communityIds: string[];
  contactUserId: string | null;
}

/** Rules beyond the zod contract, on the brief as it will be stored. */
async function check(tx: Tx, viewer: Viewer, shape: Shape, writerId: string, currentContactId: string | null = null) {
  const problems = new FieldProblems();
  checkCodes(problems, await loadTaxonomyIndex(tx), 'segments', 'segment', shape.segments);
  if (shape.visibility === 'communities') {
    if (shape.communityIds.length === 0) problems.add('communityIds', 'brief_communities_required');
    else if (!viewer.isPlatformAdmin && shape.communityIds.some((id) => !viewer.roles.has(id))) problems.add('communityIds', 'brief_community_not_member');
    else if ((await q.communityRefs(tx, shape.communityIds)).size !== shape.communityIds.length) problems.add('communityIds', 'brief_community_not_member');
  }
  if (shape.contactUserId && shape.contactUserId !== writerId && shape.contactUserId !== currentContactId && !(await q.isRepresentative(tx, shape.organisationId, shape.contactUserId))) {
    problems.add('contactUserId', 'brief_contact_invalid');
  }
  problems.throwIfAny();
}

/** The fields as audited: what people read, without bookkeeping. */
function audited(row: q.BriefRow, communityIds: string[]) {
  const { version: _v, createdAt: _c, updatedAt: _u, createdBy: _b, id: _i, ...rest } = row;
  return { ...rest, communityIds: row.visibility === 'communities' ? communityIds : [] };
}

async function afterWrite(tx: Tx, ctx: RequestContext, viewer: Viewer, action: string, authority: Authority, before: Record<string, unknown> | null, row: q.BriefRow, communityIds: string[]) {
  await recordAudit(tx, ctx, {
    communityId: auditCommunityOf(row, authority),
    action,
    entityType: 'brief',
    entityId: row.id,
    entityLabel: row.titleZh,
    before,
    after: audited(row, communityIds),
  });
  await recordMatchChange(tx, 'brief', [row.id]);
  return (await present(tx, viewer, [row]))[0]!;
}

export async function createBrief(ctx: RequestContext, input: BriefCreateInput): Promise<Brief> {
  const user = requireUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const viewer = await loadViewer(ctx, tx);
    const org = (await q.organisationRefs(tx, [input.organisationId])).get(input.organisationId);
    if (!org) throw new AppError('validation_failed', { fields: { organisationId: 'brief_organisation_unknown' } });
    if (!(BRIEF_OWNER_KINDS as readonly string[]).includes(org.kind)) throw new AppError('validation_failed', { fields: { organisationId: 'brief_organisation_kind' } });
    const authority = postAuthority(viewer, await ownerFacts(tx, org));
    if (!authority) throw new AppError('forbidden');
    const contactUserId = input.contactUserId === undefined ? user.id : input.contactUserId;
    const communityIds = input.visibility === 'communities' ? input.communityIds : [];
    await check(tx, viewer, { organisationId: org.id, segments: input.segments, visibility: input.visibility, communityIds, contactUserId }, user.id);
    const { communityIds: _c, contactUserId: _u, ...fields } = input;
    const row = await q.insertBrief(tx, {
      ...fields,
      communityId: authority.via === 'community' ? authority.communityId : null,
      contactUserId,
      status: 'draft',
      createdBy: user.id,
    });
    await q.setBriefCommunities(tx, row.id, communityIds);
    return afterWrite(tx, ctx, viewer, 'brief.created', authority, null, row, communityIds);
  });
}

export async function updateBrief(ctx: RequestContext, id: string, input: BriefUpdateInput): Promise<Brief> {
  const user = requireUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const viewer = await loadViewer(ctx, tx);
    const { row, communityIds: currentIds, authority } = await requireEditable(tx, viewer, id);
    if (row.version !== input.version) throw new AppError('version_conflict');
    const { version, communityIds: newIds, ...changes } = input;
    const merged = { ...row, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as q.BriefRow;
    const communityIds = merged.visibility === 'communities' ? (newIds ?? currentIds) : [];
    await check(tx, viewer, { organisationId: row.organisationId, segments: merged.segments, visibility: merged.visibility, communityIds, contactUserId: merged.contactUserId }, user.id, row.contactUserId);
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const after = await q.updateBrief(tx, id, version, set);
    if (!after) throw new AppError('version_conflict');
    await q.setBriefCommunities(tx, id, communityIds);
    return afterWrite(tx, ctx, viewer, 'brief.updated', authority, audited(row, currentIds), after, communityIds);
  });
}

async function move(ctx: RequestContext, id: string, version: number, action: 'published' | 'withdrawn'): Promise<Brief> {
  return ctx.db.transaction(async (tx) => {
    const viewer = await loadViewer(ctx, tx);
    const { row, communityIds, authority } = await requireEditable(tx, viewer, id);
    const allowed = action === 'published' ? row.status !== 'published' : row.status === 'published';
    if (!allowed) throw new AppError('state_conflict');
    if (row.version !== version) throw new AppError('version_conflict');
    const after = await q.updateBrief(tx, id, version, action === 'published' ? { status: 'published', publishedAt: new Date() } : { status: 'withdrawn' });
    if (!after) throw new AppError('version_conflict');
    return afterWrite(tx, ctx, viewer, `brief.${action}`, authority, audited(row, communityIds), after, communityIds);
  });
}

export const publishBrief = (ctx: RequestContext, id: string, version: number) => move(ctx, id, version, 'published');
export const withdrawBrief = (ctx: RequestContext, id: string, version: number) => move(ctx, id, version, 'withdrawn');

/** Deleting: drafts only (a published or withdrawn brief may have been seen, matched and answered). */
export async function deleteBrief(ctx: RequestContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const viewer = await loadViewer(ctx, tx);
    const { row, communityIds, authority } = await requireEditable(tx, viewer, id);
    if (row.status !== 'draft') throw new AppError('state_conflict');
    await q.deleteBrief(tx, id);
    await recordAudit(tx, ctx, {
      communityId: auditCommunityOf(row, authority),
      action: 'brief.deleted',
      entityType: 'brief',
      entityId: row.id,
      entityLabel: row.titleZh,
      before: audited(row, communityIds),
      after: null,
    });
    await recordMatchChange(tx, 'brief', [row.id]);
  });
}
