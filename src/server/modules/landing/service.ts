import type { z } from 'zod';
import { applyIncubationChange, nextStatuses, type IncubationState } from '../../../domain/lifecycle/incubation';
import { todayIn } from '../../../domain/lifecycle/models';
import type { IncubationStatus, ZoneKind } from '../../../domain/lifecycle/vocabularies';
import { can } from '../../../domain/roles';
import type {
  CompanyFigures,
  Figures,
  FiguresTable,
  figuresInput,
  Incubation,
  incubationCreateInput,
  IncubationList,
  incubationListQuery,
  incubationUpdateInput,
  Landing,
  landingCreateInput,
  LandingCreated,
  LandingList,
  landingListQuery,
  landingUpdateInput,
  Zone,
  zoneCreateInput,
  zoneUpdateInput,
} from '../../../shared/schemas/landing';
import type { Executor, Tx } from '../../db/client';
import type { RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { requireCommunityAccess, type CommunityAccess } from '../communities/access';
import { findOrganisation } from '../directory/organisations.queries';
import { requireVisibleProject, visibleProjects } from '../directory/project-visibility';
import { isUniqueViolation } from '../directory/validation';
import { loadViewer } from '../directory/viewer';
import { refreshSearchDocuments } from '../search/index-document';
import * as q from './queries';

/**
 * Landing and incubation: a community's zones, the companies that landed in it, its incubator's
 * records, and resident companies' yearly figures. Every call passes the tenancy gate first;
 * every write runs in one transaction with its audit entry; edits name the version they started
 * from and the conditional UPDATE decides between two editors.
 */

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

function isAdmin(access: CommunityAccess): boolean {
  return access.standing.role === 'community_admin' || access.standing.isPlatformAdmin;
}

function invalid(fields: Record<string, string>): AppError {
  return new AppError('validation_failed', { fields });
}

// ---------------------------------------------------------------- zones

function toZone(row: Awaited<ReturnType<typeof q.findZone>> & object): Zone {
  const { zone } = row;
  const occupiedAreaSqm = Number(row.occupiedAreaSqm);
  return {
    id: zone.id,
    kind: zone.kind as ZoneKind,
    nameZh: zone.nameZh,
    nameEn: zone.nameEn,
    totalAreaSqm: zone.totalAreaSqm,
    occupiedAreaSqm,
    freeAreaSqm: zone.totalAreaSqm === null ? null : zone.totalAreaSqm - occupiedAreaSqm,
    landingCount: Number(row.landingCount),
    sortOrder: zone.sortOrder,
    version: zone.version,
    createdAt: iso(zone.createdAt),
  };
}

const zoneAudit = (z: q.ZoneRow) => ({ kind: z.kind, nameZh: z.nameZh, nameEn: z.nameEn, totalAreaSqm: z.totalAreaSqm, sortOrder: z.sortOrder });

export async function listZones(ctx: RequestContext, communityId: string): Promise<Zone[]> {
  await requireCommunityAccess(ctx, communityId, 'landing.read');
  return (await q.listZones(ctx.db, communityId)).map(toZone);
}

export async function createZone(ctx: RequestContext, communityId: string, input: z.output<typeof zoneCreateInput>): Promise<Zone> {
  return ctx.db.transaction(async (tx) => {
    await requireCommunityAccess(ctx, communityId, 'pipeline.configure', tx);
    const row = await q.insertZone(tx, {
      communityId,
      kind: input.kind,
      nameZh: input.nameZh,
      nameEn: input.nameEn || null,
      totalAreaSqm: input.totalAreaSqm ?? null,
      sortOrder: input.sortOrder ?? 0,
    });
    if (!row) throw new AppError('duplicate_record', { fields: { nameZh: 'landing_zone_name_taken' } });
    await recordAudit(tx, ctx, { communityId, action: 'zone.created', entityType: 'community_zone', entityId: row.id, entityLabel: row.nameZh, before: null, after: zoneAudit(row) });
    return toZone((await q.findZone(tx, communityId, row.id))!);
  });
}

export async function updateZone(ctx: RequestContext, communityId: string, zoneId: string, input: z.output<typeof zoneUpdateInput>): Promise<Zone> {
  return ctx.db.transaction(async (tx) => {
    await requireCommunityAccess(ctx, communityId, 'pipeline.configure', tx);
    const found = await q.findZone(tx, communityId, zoneId);
    if (!found) throw new AppError('not_found');
    if (found.zone.version !== input.version) throw new AppError('version_conflict');
    const set: Partial<q.ZoneRow> = {};
    if (input.kind !== undefined) set.kind = input.kind;
    if (input.nameZh !== undefined) set.nameZh = input.nameZh;
    if (input.nameEn !== undefined) set.nameEn = input.nameEn || null;
    if (input.totalAreaSqm !== undefined) set.totalAreaSqm = input.totalAreaSqm;
    if (input.sortOrder !== undefined) set.sortOrder = input.sortOrder;
    let row: q.ZoneRow | undefined;
    try {
      row = await q.updateZone(tx, communityId, zoneId, input.version, set);
    } catch (error) {
      if (isUniqueViolation(error, 'community_zones_name_key')) throw new AppError('duplicate_record', { fields: { nameZh: 'landing_zone_name_taken' } });
      throw error;
    }
    if (!row) throw new AppError('version_conflict');
    await recordAudit(tx, ctx, { communityId, action: 'zone.updated', entityType: 'community_zone', entityId: zoneId, entityLabel: row.nameZh, before: zoneAudit(found.zone), after: zoneAudit(row) });
    return toZone((await q.findZone(tx, communityId, zoneId))!);
  });
}

/** A zone that still holds landings stays: move them first (409 state_conflict). */
export async function deleteZone(ctx: RequestContext, communityId: string, zoneId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await requireCommunityAccess(ctx, communityId, 'pipeline.configure', tx);
    const found = await q.findZone(tx, communityId, zoneId);
    if (!found) throw new AppError('not_found');
    if (Number(found.landingCount) > 0) throw new AppError('state_conflict', { fields: { zoneId: 'landing_zone_in_use' } });
    await q.deleteZone(tx, communityId, zoneId);
    await recordAudit(tx, ctx, { communityId, action: 'zone.deleted', entityType: 'community_zone', entityId: zoneId, entityLabel: found.zone.nameZh, before: zoneAudit(found.zone), after: null });
  });
}

// ---------------------------------------------------------------- landings

/** The landings with their project named only when the viewer may see it. */
async function toLandings(ctx: RequestContext, db: Executor, rows: q.LandingJoined[]): Promise<Landing[]> {
  const projectRows = await q.projectsByIds(
    db,
    rows.map((r) => r.landing.projectId).filter((id): id is string => id !== null),
  );
  const visible = new Map((await visibleProjects(db, await loadViewer(ctx, db), projectRows)).map((p) => [p.id, p]));
  return rows.map((r) => {
    const { landing } = r;
    const project = landing.projectId ? visible.get(landing.projectId) : undefined;
    return {
      id: landing.id,
      organisation: { entityType: 'organisation', id: landing.organisationId, nameZh: r.orgNameZh, nameEn: r.orgNameEn },
      project: project ? { entityType: 'project', id: project.id, nameZh: project.nameZh, nameEn: project.nameEn } : null,
      pipelineItemId: landing.pipelineItemId,
      zone: landing.zoneId && r.zoneNameZh !== null ? { id: landing.zoneId, kind: r.zoneKind as ZoneKind, nameZh: r.zoneNameZh, nameEn: r.zoneNameEn } : null,
      floorAreaSqm: landing.floorAreaSqm,
      registeredCapitalFen: landing.registeredCapitalFen,
      committedInvestmentFen: landing.committedInvestmentFen,
      landedOn: landing.landedOn,
      note: landing.note,
      version: landing.version,
      createdAt: iso(landing.createdAt),
      updatedAt: iso(landing.updatedAt),
    };
  });
}

const landingAudit = (l: q.LandingRow) => ({
  organisationId: l.organisationId,
  projectId: l.projectId,
  pipelineItemId: l.pipelineItemId,
  zoneId: l.zoneId,
  floorAreaSqm: l.floorAreaSqm,
  registeredCapitalFen: l.registeredCapitalFen,
  committedInvestmentFen: l.committedInvestmentFen,
  landedOn: l.landedOn,
  note: l.note,
});

export async function listLandings(ctx: RequestContext, communityId: string, query: z.output<typeof landingListQuery>): Promise<LandingList> {
  await requireCommunityAccess(ctx, communityId, 'landing.read');
  const rows = await q.listLandings(ctx.db, communityId, query);
  return { items: await toLandings(ctx, ctx.db, rows), totals: await q.landingTotals(ctx.db, communityId, query) };
}

export async function getLanding(ctx: RequestContext, communityId: string, landingId: string): Promise<Landing> {
  await requireCommunityAccess(ctx, communityId, 'landing.read');
  const row = await q.findLanding(ctx.db, communityId, landingId);
  if (!row) throw new AppError('not_found');
  return (await toLandings(ctx, ctx.db, [row]))[0]!;
}

/** The company must be an enterprise of the directory (organisations are platform-wide). */
async function requireEnterprise(db: Executor, organisationId: string) {
  const org = await findOrganisation(db, organisationId);
  if (!org) throw invalid({ organisationId: 'landing_org_unknown' });
  if (org.kind !== 'enterprise') throw invalid({ organisationId: 'landing_org_not_enterprise' });
  return org;
}

async function requireZoneOf(db: Executor, communityId: string, zoneId: string | null | undefined) {
  if (!zoneId) return;
  if (!(await q.findZone(db, communityId, zoneId))) throw invalid({ zoneId: 'landing_zone_unknown' });
}

/**
 * Records a landing, in one transaction: the company (an enterprise), optionally its project
 * (visible to the actor) and the pipeline item it came from (this community's), the resident_of
 * link if missing, and the project's accepted referral to this community becomes `landed`.
 */
export async function createLanding(ctx: RequestContext, communityId: string, input: z.output<typeof landingCreateInput>): Promise<LandingCreated> {
  return ctx.db.transaction(async (tx) => {
    await requireCommunityAccess(ctx, communityId, 'landing.write', tx);
    const viewer = await loadViewer(ctx, tx);
    const org = await requireEnterprise(tx, input.organisationId);
    if (input.projectId) {
      try {
        await requireVisibleProject(tx, viewer, input.projectId);
      } catch (error) {
        if (error instanceof AppError && error.code === 'not_found') throw invalid({ projectId: 'landing_project_unknown' });
        throw error;
      }
    }
    if (input.pipelineItemId && !(await q.findPipelineItem(tx, communityId, input.pipelineItemId))) throw invalid({ pipelineItemId: 'landing_item_unknown' });
    await requireZoneOf(tx, communityId, input.zoneId);

    const row = await q.insertLanding(tx, {
      communityId,
      organisationId: org.id,
      projectId: input.projectId ?? null,
      pipelineItemId: input.pipelineItemId ?? null,
      zoneId: input.zoneId ?? null,
      floorAreaSqm: input.floorAreaSqm ?? null,
      registeredCapitalFen: input.registeredCapitalFen ?? null,
      committedInvestmentFen: input.committedInvestmentFen ?? null,
      landedOn: input.landedOn,
      note: input.note ?? '',
      createdBy: ctx.user!.id,
    });
    if (!row) throw new AppError('duplicate_record', { fields: { organisationId: 'landing_duplicate' } });
    await recordAudit(tx, ctx, { communityId, action: 'landing.created', entityType: 'landing', entityId: row.id, entityLabel: org.nameZh, before: null, after: landingAudit(row) });

    const link = await q.linkResident(tx, org.id, communityId, input.landedOn, ctx.user!.id);
    if (link) {
      await recordAudit(tx, ctx, {
        communityId,
        action: 'link.created',
        entityType: 'directory_link',
        entityId: link.id,
        entityLabel: org.nameZh,
        before: null,
        after: { fromType: link.fromType, fromId: link.fromId, role: link.role, toType: link.toType, toId: link.toId, note: link.note, since: link.since },
      });
    }
    await refreshSearchDocuments(tx, 'organisation', [org.id]);

    let landedReferralId: string | null = null;
    if (input.projectId) {
      const landed = await q.markReferralLanded(tx, input.projectId, communityId);
      for (const r of landed) {
        landedReferralId = r.id;
        await recordAudit(tx, ctx, { communityId, action: 'referral.landed', entityType: 'referral', entityId: r.id, before: { status: 'accepted' }, after: { status: 'landed' } });
      }
      await refreshSearchDocuments(tx, 'project', [input.projectId]);
    }

    const [landing] = await toLandings(ctx, tx, [(await q.findLanding(tx, communityId, row.id))!]);
    return { ...landing!, residentLinkCreated: Boolean(link), landedReferralId };
  });
}

export async function updateLanding(ctx: RequestContext, communityId: string, landingId: string, input: z.output<typeof landingUpdateInput>): Promise<Landing> {
  return ctx.db.transaction(async (tx) => {
    await requireCommunityAccess(ctx, communityId, 'landing.write', tx);
    const found = await q.findLanding(tx, communityId, landingId);
    if (!found) throw new AppError('not_found');
    if (found.landing.version !== input.version) throw new AppError('version_conflict');
    await requireZoneOf(tx, communityId, input.zoneId);
    const set: Partial<q.LandingRow> = {};
    for (const key of ['zoneId', 'floorAreaSqm', 'registeredCapitalFen', 'committedInvestmentFen', 'landedOn', 'note'] as const) {
      if (input[key] !== undefined) (set as Record<string, unknown>)[key] = input[key];
    }
    const row = await q.updateLanding(tx, communityId, landingId, input.version, set);
    if (!row) throw new AppError('version_conflict');
    await recordAudit(tx, ctx, {
      communityId,
      action: 'landing.updated',
      entityType: 'landing',
      entityId: landingId,
      entityLabel: found.orgNameZh,
      before: landingAudit(found.landing),
      after: landingAudit(row),
    });
    return (await toLandings(ctx, tx, [(await q.findLanding(tx, communityId, landingId))!]))[0]!;
  });
}

/** Deleting a landing keeps the resident_of link and the referral's status: both are facts of their own. */
export async function deleteLanding(ctx: RequestContext, communityId: string, landingId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await requireCommunityAccess(ctx, communityId, 'landing.write', tx);
    const found = await q.findLanding(tx, communityId, landingId);
    if (!found) throw new AppError('not_found');
    await q.deleteLanding(tx, communityId, landingId);
    await recordAudit(tx, ctx, { communityId, action: 'landing.deleted', entityType: 'landing', entityId: landingId, entityLabel: found.orgNameZh, before: landingAudit(found.landing), after: null });
  });
}

// ---------------------------------------------------------------- incubation

function stateOf(r: q.IncubationRow): IncubationState {
  return {
    status: r.status as IncubationStatus,
    batch: r.batch,
    admittedOn: r.admittedOn,
    graduatedOn: r.graduatedOn,
    listedOn: r.listedOn,
    stockCode: r.stockCode,
    exitedOn: r.exitedOn,
    exitReason: r.exitReason,
  };
}

function toIncubation(row: { record: q.IncubationRow; orgNameZh: string; orgNameEn: string | null }): Incubation {
  const r = row.record;
  return {
    id: r.id,
    organisation: { entityType: 'organisation', id: r.organisationId, nameZh: row.orgNameZh, nameEn: row.orgNameEn },
    ...stateOf(r),
    nextStatuses: [...nextStatuses(r.status as IncubationStatus)],
    version: r.version,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

export async function listIncubation(ctx: RequestContext, communityId: string, query: z.output<typeof incubationListQuery>): Promise<IncubationList> {
  await requireCommunityAccess(ctx, communityId, 'landing.read');
  const rows = await q.listIncubation(ctx.db, communityId, query);
  return { items: rows.map(toIncubation), ...(await q.incubationSummary(ctx.db, communityId)) };
}

export async function createIncubation(ctx: RequestContext, communityId: string, input: z.output<typeof incubationCreateInput>): Promise<Incubation> {
  return ctx.db.transaction(async (tx) => {
    await requireCommunityAccess(ctx, communityId, 'landing.write', tx);
    const org = await requireEnterprise(tx, input.organisationId);
    const row = await q.insertIncubation(tx, { communityId, organisationId: org.id, batch: input.batch ?? '', admittedOn: input.admittedOn, createdBy: ctx.user!.id });
    if (!row) throw new AppError('duplicate_record', { fields: { organisationId: 'incubation_duplicate' } });
    await recordAudit(tx, ctx, { communityId, action: 'incubation.created', entityType: 'incubation_record', entityId: row.id, entityLabel: org.nameZh, before: null, after: { ...stateOf(row) } });
    return toIncubation({ record: row, orgNameZh: org.nameZh, orgNameEn: org.nameEn });
  });
}

/**
 * A status change with its dates, or a fix of batch and dates, through the domain rules
 * (src/domain/lifecycle/incubation.ts). A move back is a correction: admins only, with a
 * reason, audited as `incubation.corrected`.
 */
export async function updateIncubation(ctx: RequestContext, communityId: string, id: string, input: z.output<typeof incubationUpdateInput>): Promise<Incubation> {
  return ctx.db.transaction(async (tx) => {
    const access = await requireCommunityAccess(ctx, communityId, 'landing.write', tx);
    const found = await q.findIncubation(tx, communityId, id);
    if (!found) throw new AppError('not_found');
    if (found.record.version !== input.version) throw new AppError('version_conflict');
    const { version, reason, ...change } = input;
    const before = stateOf(found.record);
    const result = applyIncubationChange(before, change, { mayCorrect: isAdmin(access), reason });
    if (!result.ok) {
      if (result.problem === 'forbidden') throw new AppError('forbidden', { fields: result.fields });
      if (result.problem === 'not_allowed') throw new AppError('state_conflict', { fields: result.fields });
      throw invalid(result.fields);
    }
    const row = await q.updateIncubation(tx, communityId, id, version, result.next);
    if (!row) throw new AppError('version_conflict');
    const action = result.kind === 'correction' ? 'incubation.corrected' : result.kind === 'forward' ? 'incubation.status_changed' : 'incubation.updated';
    await recordAudit(tx, ctx, {
      communityId,
      action,
      entityType: 'incubation_record',
      entityId: id,
      entityLabel: found.orgNameZh,
      before: { ...before },
      after: { ...result.next, ...(result.kind === 'correction' ? { correctionReason: reason } : {}) },
    });
    return toIncubation({ record: row, orgNameZh: found.orgNameZh, orgNameEn: found.orgNameEn });
  });
}

// ---------------------------------------------------------------- yearly figures

function toFigures(f: q.FiguresRow, enteredByName: string | null): Figures {
  return {
    year: f.year,
    revenueFen: f.revenueFen === null ? null : Number(f.revenueFen),
    headcount: f.headcount,
    rndSpendFen: f.rndSpendFen === null ? null : Number(f.rndSpendFen),
    taxFen: f.taxFen === null ? null : Number(f.taxFen),
    enteredAs: f.enteredAs as 'company' | 'staff',
    enteredBy: f.enteredBy && enteredByName !== null ? { userId: f.enteredBy, displayName: enteredByName } : null,
    version: f.version,
    updatedAt: iso(f.updatedAt),
  };
}

/**
 * Who may see and enter a company's figures: staff (landing.read to see, landing.write to
 * enter), or a representative of the company who is a member of the community. The company must
 * be resident in the community (a landing, an incubation record or a resident_of link).
 */
async function figuresAccess(ctx: RequestContext, db: Executor, communityId: string, organisationId: string, write: boolean) {
  const access = await requireCommunityAccess(ctx, communityId, 'community.read', db);
  const representative = await q.isRepresentative(db, organisationId, ctx.user!.id);
  const staff = can(access.standing, write ? 'landing.write' : 'landing.read');
  if (!representative && !staff) throw new AppError('forbidden');
  if (!(await q.isResident(db, communityId, organisationId))) throw new AppError('not_found');
  return { access, enteredAs: representative ? ('company' as const) : ('staff' as const), canEdit: representative || can(access.standing, 'landing.write') };
}

export async function getCompanyFigures(ctx: RequestContext, communityId: string, organisationId: string): Promise<CompanyFigures> {
  const { canEdit } = await figuresAccess(ctx, ctx.db, communityId, organisationId, false);
  const org = (await findOrganisation(ctx.db, organisationId))!;
  const rows = await q.companyFigures(ctx.db, communityId, organisationId);
  return {
    organisation: { entityType: 'organisation', id: org.id, nameZh: org.nameZh, nameEn: org.nameEn },
    canEdit,
    years: rows.map((r) => toFigures(r.figures, r.enteredByName)),
  };
}

/**
 * Enters a year's figures. Without `version` the year must be new (someone who entered it
 * first wins; the other gets 409); with `version` the UPDATE … WHERE version decides.
 */
export async function putCompanyFigures(
  ctx: RequestContext,
  communityId: string,
  organisationId: string,
  year: number,
  input: z.output<typeof figuresInput>,
): Promise<Figures> {
  return ctx.db.transaction(async (tx: Tx) => {
    const { access, enteredAs } = await figuresAccess(ctx, tx, communityId, organisationId, true);
    if (year > Number(todayIn(access.community.timeZone).slice(0, 4))) throw invalid({ year: 'landing_year_in_future' });
    const values = { revenueFen: input.revenueFen, headcount: input.headcount, rndSpendFen: input.rndSpendFen, taxFen: input.taxFen, enteredBy: ctx.user!.id, enteredAs };
    const key = { communityId, organisationId, year };
    const before = input.version === undefined ? undefined : await q.findFigures(tx, communityId, organisationId, year);
    const row = input.version === undefined ? await q.insertFigures(tx, { ...key, ...values }) : await q.updateFigures(tx, key, input.version, values);
    if (!row) throw new AppError('version_conflict');
    const org = (await findOrganisation(tx, organisationId))!;
    const audited = (f: Partial<q.FiguresRow>) => ({ year, revenueFen: f.revenueFen, headcount: f.headcount, rndSpendFen: f.rndSpendFen, taxFen: f.taxFen, enteredAs: f.enteredAs });
    await recordAudit(tx, ctx, {
      communityId,
      action: before ? 'figures.updated' : 'figures.entered',
      entityType: 'company_yearly_figures',
      entityId: organisationId,
      entityLabel: `${org.nameZh} ${year}`,
      before: before ? audited(before) : null,
      after: audited(row),
    });
    return toFigures(row, ctx.user!.displayName);
  });
}

export async function figuresTable(ctx: RequestContext, communityId: string, requestedYear: number | undefined): Promise<FiguresTable> {
  const access = await requireCommunityAccess(ctx, communityId, 'landing.read');
  const year = requestedYear ?? Number(todayIn(access.community.timeZone).slice(0, 4)) - 1;
  const rows = await q.figuresTable(ctx.db, communityId, year);
  const totals = { companies: rows.length, reported: 0, revenueFen: 0, headcount: 0, rndSpendFen: 0, taxFen: 0 };
  const out = rows.map((r) => {
    const figures: Figures | null =
      r.version === null
        ? null
        : {
            year,
            revenueFen: r.revenue_fen === null ? null : Number(r.revenue_fen),
            headcount: r.headcount,
            rndSpendFen: r.rnd_spend_fen === null ? null : Number(r.rnd_spend_fen),
            taxFen: r.tax_fen === null ? null : Number(r.tax_fen),
            enteredAs: r.entered_as as 'company' | 'staff',
            enteredBy: r.entered_by && r.entered_by_name !== null ? { userId: r.entered_by, displayName: r.entered_by_name } : null,
            version: r.version,
            updatedAt: iso(r.updated_at!),
          };
    if (figures) {
      totals.reported += 1;
      totals.revenueFen += figures.revenueFen ?? 0;
      totals.headcount += figures.headcount ?? 0;
      totals.rndSpendFen += figures.rndSpendFen ?? 0;
      totals.taxFen += figures.taxFen ?? 0;
    }
    return { organisation: { entityType: 'organisation' as const, id: r.id, nameZh: r.name_zh, nameEn: r.name_en }, figures };
  });
  return { year, rows: out, totals };
}

/** The resident companies the signed-in user represents here (the member's way to their figures page). */
export async function myCompanies(ctx: RequestContext, communityId: string) {
  await requireCommunityAccess(ctx, communityId, 'community.read');
  const rows = await q.representedResidents(ctx.db, communityId, ctx.user!.id);
  return rows.map((r) => ({ entityType: 'organisation' as const, id: r.id, nameZh: r.name_zh, nameEn: r.name_en }));
}
