import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { agreementTotals } from '../../../domain/lifecycle/agreement-totals';
import { AGREEMENT_STATUSES, type AgreementKind, type AgreementStatus, type PartyRole } from '../../../domain/lifecycle/vocabularies';
import type {
  Agreement,
  AgreementDetail,
  AgreementFile,
  AgreementPage,
  AgreementTotalsReply,
  agreementCreateInput,
  agreementQuery,
  agreementUpdateInput,
  platformTotalsQuery,
  totalsQuery,
} from '../../../shared/schemas/agreements';
import type { Viewer } from '../../../domain/directory-access';
import type { Executor } from '../../db/client';
import { requireUser, type RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { fieldMessage } from '../../http/messages';
import { recordAudit } from '../audit/record';
import { requireCommunityAccess } from '../communities/access';
import { findCommunity } from '../communities/queries';
import * as common from '../directory/common.queries';
import { visibleProjects, requireVisibleProject } from '../directory/project-visibility';
import { contentDisposition, isPdf, type IncomingUpload } from '../directory/uploads';
import { loadViewer } from '../directory/viewer';
import * as q from './queries';

/**
 * Agreements a community records: two or more parties with roles, an amount, when and where it
 * was signed, its status and its PDFs; and the totals parks report upwards. Every query is
 * scoped by the community id behind the tenancy gate; a project the viewer may not see is
 * never named (the agreement shows no project).
 */

type CreateInput = z.output<typeof agreementCreateInput>;
type UpdateInput = z.output<typeof agreementUpdateInput>;
type ListQuery = z.output<typeof agreementQuery>;
type TotalsQuery = z.output<typeof totalsQuery>;

/** Totals leave terminated agreements out unless the statuses are asked for explicitly. */
export const DEFAULT_TOTAL_STATUSES: readonly AgreementStatus[] = AGREEMENT_STATUSES.filter((s) => s !== 'terminated');

// ---------------------------------------------------------------- serialising

function toFile(row: q.AgreementFileRow): AgreementFile {
  return { id: row.id, fileId: row.fileId, filename: row.filename, contentType: row.contentType, sizeBytes: row.sizeBytes, createdAt: row.createdAt.toISOString() };
}

/** Agreements as the API shows them: parties named, the project only when the viewer may see it. */
export async function hydrate(db: Executor, viewer: Viewer, rows: q.AgreementRow[]): Promise<Agreement[]> {
  const ids = rows.map((r) => r.id);
  const parties = await q.partiesOf(db, ids);
  const counts = await q.fileCounts(db, ids);
  const projectIds = [...new Set(rows.map((r) => r.projectId).filter((p): p is string => p !== null))];
  const projectRows = await q.projectsByIds(db, projectIds);
  const segmentOf = new Map(projectRows.map((p) => [p.id, p.segment]));
  const visible = new Map((await visibleProjects(db, viewer, projectRows)).map((p) => [p.id, p]));
  const eventTitles = await q.eventTitles(db, [...new Set(rows.flatMap((r) => (r.eventId ? [r.eventId] : [])))]);
  return rows.map((r) => {
    const project = r.projectId ? visible.get(r.projectId) : undefined;
    return {
      id: r.id,
      communityId: r.communityId,
      kind: r.kind as AgreementKind,
      title: r.title,
      amountFen: r.amountFen,
      signedOn: r.signedOn,
      signedPlace: r.signedPlace,
      eventId: r.eventId,
      event: r.eventId && eventTitles.has(r.eventId) ? { id: r.eventId, title: eventTitles.get(r.eventId)! } : null,
      status: r.status as AgreementStatus,
      project: project ? { entityType: 'project' as const, id: project.id, nameZh: project.nameZh, nameEn: project.nameEn } : null,
      // Counted under its own segment, else its project's.
      segment: r.segment ?? (r.projectId ? (segmentOf.get(r.projectId) ?? null) : null),
      pipelineItemId: r.pipelineItemId,
      note: r.note,
      parties: parties
        .filter((p) => p.agreementId === r.id)
        .map((p) => ({ organisation: { entityType: 'organisation' as const, id: p.organisationId, nameZh: p.nameZh, nameEn: p.nameEn }, role: p.role as PartyRole, position: p.position })),
      fileCount: counts.get(r.id) ?? 0,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

async function detail(db: Executor, viewer: Viewer, row: q.AgreementRow): Promise<AgreementDetail> {
  const [agreement] = await hydrate(db, viewer, [row]);
  return { ...agreement!, files: (await q.filesOf(db, row.id)).map(toFile) };
}

async function requireAgreement(db: Executor, communityId: string, agreementId: string): Promise<q.AgreementRow> {
  const row = await q.findAgreement(db, communityId, agreementId);
  if (!row) throw new AppError('not_found');
  return row;
}

// ---------------------------------------------------------------- checking what an agreement refers to

interface Links {
  parties?: { organisationId: string; role: PartyRole }[];
  projectId?: string | null;
  pipelineItemId?: string | null;
  segment?: string | null;
  eventId?: string | null;
}

/**
 * Checks the parties (distinct, existing organisations), the project (visible to the viewer),
 * the pipeline item (this community's) and the segment (a known term), all at once, so the
 * form can mark every field. Answers the first party's first segment (for the default).
 */
async function checkLinks(db: Executor, viewer: Viewer, communityId: string, links: Links) {
  const fields: Record<string, string> = {};
  let projectSegment: string | null = null;
  let firstPartySegment: string | null = null;
  if (links.parties) {
    const ids = links.parties.map((p) => p.organisationId);
    if (new Set(ids).size !== ids.length) fields.parties = 'agreement_parties_duplicate';
    const found = new Map((await q.organisationsByIds(db, [...new Set(ids)])).map((o) => [o.id, o]));
    links.parties.forEach((p, i) => {
      if (!found.has(p.organisationId)) fields[`parties.${i}.organisationId`] = 'agreement_party_unknown';
    });
    firstPartySegment = found.get(ids[0]!)?.segments[0] ?? null;
  }
  if (links.projectId) {
    try {
      projectSegment = (await requireVisibleProject(db, viewer, links.projectId)).row.segment;
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
      fields.projectId = 'agreement_project_unknown';
    }
  }
  if (links.pipelineItemId && !(await q.findPipelineItem(db, communityId, links.pipelineItemId))) fields.pipelineItemId = 'agreement_item_unknown';
  if (links.segment && !(await q.segmentExists(db, links.segment))) fields.segment = 'agreement_segment_unknown';
  if (links.eventId && !(await q.findEvent(db, communityId, links.eventId))) fields.eventId = 'agreement_event_unknown';
  if (Object.keys(fields).length) throw new AppError('validation_failed', { fields });
  return { projectSegment, firstPartySegment };
}

function auditView(row: q.AgreementRow, parties?: { organisationId: string; role: string }[]) {
  return {
    kind: row.kind,
    title: row.title,
    amountFen: row.amountFen,
    signedOn: row.signedOn,
    signedPlace: row.signedPlace,
    eventId: row.eventId,
    status: row.status,
    projectId: row.projectId,
    segment: row.segment,
    pipelineItemId: row.pipelineItemId,
    note: row.note,
    ...(parties ? { parties: parties.map((p) => `${p.organisationId}:${p.role}`).join(',') } : {}),
  };
}

// ---------------------------------------------------------------- list, read, write

function encodeCursor(row: q.AgreementRow): string {
  return Buffer.from(`${row.signedOn}|${row.id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { signedOn: string; id: string } {
  const [signedOn, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!signedOn || !id || !/^\d{4}-\d{2}-\d{2}$/.test(signedOn) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new AppError('validation_failed', { fields: { cursor: 'agreement_cursor_invalid' } });
  }
  return { signedOn, id };
}

function checkPeriod(from?: string, to?: string) {
  if (from && to && from > to) throw new AppError('validation_failed', { fields: { to: 'agreement_period_order' } });
}

export async function listAgreements(ctx: RequestContext, communityId: string, query: ListQuery): Promise<AgreementPage> {
  await requireCommunityAccess(ctx, communityId, 'agreements.read');
  checkPeriod(query.from, query.to);
  const { limit, cursor, ...filters } = query;
  const after = cursor ? decodeCursor(cursor) : undefined;
  const rows = await q.listAgreements(ctx.db, communityId, filters, { limit: limit + 1, after });
  const page = rows.slice(0, limit);
  const viewer = await loadViewer(ctx);
  return {
    items: await hydrate(ctx.db, viewer, page),
    nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null,
    total: await q.countAgreements(ctx.db, communityId, filters),
  };
}

export async function getAgreement(ctx: RequestContext, communityId: string, agreementId: string): Promise<AgreementDetail> {
  await requireCommunityAccess(ctx, communityId, 'agreements.read');
  const row = await requireAgreement(ctx.db, communityId, agreementId);
  return detail(ctx.db, await loadViewer(ctx), row);
}

export async function createAgreement(ctx: RequestContext, communityId: string, input: CreateInput): Promise<AgreementDetail> {
  return ctx.db.transaction(async (tx) => {
    await requireCommunityAccess(ctx, communityId, 'agreements.write', tx);
    const viewer = await loadViewer(ctx, tx);
    const { projectSegment, firstPartySegment } = await checkLinks(tx, viewer, communityId, input);
    const row = await q.insertAgreement(tx, {
      communityId,
      kind: input.kind,
      title: input.title,
      amountFen: input.amountFen ?? null,
      signedOn: input.signedOn,
      signedPlace: input.signedPlace ?? '',
      eventId: input.eventId ?? null,
      status: input.status ?? 'signed',
      projectId: input.projectId ?? null,
      segment: input.segment !== undefined ? input.segment : (projectSegment ?? firstPartySegment),
      pipelineItemId: input.pipelineItemId ?? null,
      note: input.note ?? '',
      createdBy: requireUser(ctx).id,
    });
    await q.replaceParties(tx, row.id, input.parties);
    await recordAudit(tx, ctx, {
      communityId,
      action: 'agreement.created',
      entityType: 'agreement',
      entityId: row.id,
      entityLabel: row.title,
      before: null,
      after: auditView(row, input.parties),
    });
    return detail(tx, viewer, row);
  });
}

export async function updateAgreement(ctx: RequestContext, communityId: string, agreementId: string, input: UpdateInput): Promise<AgreementDetail> {
  return ctx.db.transaction(async (tx) => {
    await requireCommunityAccess(ctx, communityId, 'agreements.write', tx);
    const before = await requireAgreement(tx, communityId, agreementId);
    const viewer = await loadViewer(ctx, tx);
    await checkLinks(tx, viewer, communityId, { parties: input.parties, projectId: input.projectId, pipelineItemId: input.pipelineItemId, segment: input.segment });
    const { version, parties, ...values } = input;
    const beforeParties = parties ? (await q.partiesOf(tx, [agreementId])).map((p) => ({ organisationId: p.organisationId, role: p.role })) : undefined;
    // The version decides: a change made since the editor loaded the agreement wins, this one is refused.
    const after = await q.updateAgreement(tx, communityId, agreementId, version, values);
    if (!after) throw new AppError('version_conflict');
    if (parties) await q.replaceParties(tx, agreementId, parties);
    await recordAudit(tx, ctx, {
      communityId,
      action: before.status !== after.status ? 'agreement.status_changed' : 'agreement.updated',
      entityType: 'agreement',
      entityId: agreementId,
      entityLabel: after.title,
      before: auditView(before, beforeParties),
      after: auditView(after, parties),
    });
    return detail(tx, viewer, after);
  });
}

/** Deleting is for the community's admins; the attachments go with it. */
export async function deleteAgreement(ctx: RequestContext, communityId: string, agreementId: string): Promise<void> {
  const keys = await ctx.db.transaction(async (tx) => {
    const access = await requireCommunityAccess(ctx, communityId, 'agreements.write', tx);
    if (access.standing.role !== 'community_admin' && !access.standing.isPlatformAdmin) throw new AppError('forbidden');
    const row = await requireAgreement(tx, communityId, agreementId);
    const fileIds = await q.fileIdsOfAgreement(tx, agreementId);
    await q.deleteAgreement(tx, communityId, agreementId);
    const keys = await common.deleteFiles(tx, fileIds);
    await recordAudit(tx, ctx, {
      communityId,
      action: 'agreement.deleted',
      entityType: 'agreement',
      entityId: agreementId,
      entityLabel: row.title,
      before: auditView(row),
      after: null,
    });
    return keys;
  });
  for (const key of keys) await ctx.storage.delete(key).catch(() => undefined);
}

// ---------------------------------------------------------------- files

/** A PDF for the agreement. Permission and the agreement are checked before any byte is stored. */
export async function addFile(ctx: RequestContext, communityId: string, agreementId: string, upload: IncomingUpload): Promise<AgreementFile> {
  await requireCommunityAccess(ctx, communityId, 'agreements.write');
  await requireAgreement(ctx.db, communityId, agreementId);
  const { file } = await upload.receive(ctx.storage, ctx.config.UPLOAD_LIMIT);
  if (!file) throw new AppError('validation_failed', { fields: { file: 'file_required' } });
  const key = file.stored.key;
  try {
    if (!isPdf(file.head)) {
      throw new AppError('unreadable_file', { params: { reason: fieldMessage(ctx.locale, 'attachment_not_pdf') }, fields: { file: 'attachment_not_pdf' } });
    }
    return await ctx.db.transaction(async (tx) => {
      await requireCommunityAccess(ctx, communityId, 'agreements.write', tx);
      const agreement = await requireAgreement(tx, communityId, agreementId);
      const filename = file.filename || 'agreement.pdf';
      const stored = await common.insertFile(tx, {
        storageKey: key,
        filename,
        contentType: 'application/pdf',
        sizeBytes: file.stored.sizeBytes,
        sha256: file.stored.sha256,
        uploadedBy: requireUser(ctx).id,
      });
      const { id } = await q.insertAgreementFile(tx, { agreementId, fileId: stored.id, createdBy: requireUser(ctx).id });
      await recordAudit(tx, ctx, {
        communityId,
        action: 'agreement.file_added',
        entityType: 'agreement',
        entityId: agreementId,
        entityLabel: agreement.title,
        before: null,
        after: { file: filename, sizeBytes: stored.sizeBytes },
      });
      return toFile((await q.findAgreementFile(tx, agreementId, id))!);
    });
  } catch (error) {
    await ctx.storage.delete(key).catch(() => undefined);
    throw error;
  }
}

export async function deleteFile(ctx: RequestContext, communityId: string, agreementId: string, agreementFileId: string): Promise<void> {
  const keys = await ctx.db.transaction(async (tx) => {
    await requireCommunityAccess(ctx, communityId, 'agreements.write', tx);
    const agreement = await requireAgreement(tx, communityId, agreementId);
    const found = await q.findAgreementFile(tx, agreementId, agreementFileId);
    if (!found) throw new AppError('not_found');
    // The attachment row goes with its file (foreign key cascade).
    const keys = await common.deleteFiles(tx, [found.fileId]);
    await recordAudit(tx, ctx, {
      communityId,
      action: 'agreement.file_removed',
      entityType: 'agreement',
      entityId: agreementId,
      entityLabel: agreement.title,
      before: { file: found.filename, sizeBytes: found.sizeBytes },
      after: null,
    });
    return keys;
  });
  for (const key of keys) await ctx.storage.delete(key).catch(() => undefined);
}

export async function openFile(ctx: RequestContext, communityId: string, agreementId: string, agreementFileId: string): Promise<{ stream: Readable; contentType: string; sizeBytes: number; disposition: string }> {
  await requireCommunityAccess(ctx, communityId, 'agreements.read');
  await requireAgreement(ctx.db, communityId, agreementId);
  const found = await q.findAgreementFile(ctx.db, agreementId, agreementFileId);
  if (!found) throw new AppError('not_found');
  return {
    stream: ctx.storage.open(found.storageKey),
    contentType: found.contentType,
    sizeBytes: found.sizeBytes,
    disposition: contentDisposition('attachment', found.filename),
  };
}

// ---------------------------------------------------------------- totals

export async function computeTotals(db: Executor, communityId: string | null, query: TotalsQuery): Promise<AgreementTotalsReply> {
  checkPeriod(query.from, query.to);
  const statuses = query.status ? [...new Set(query.status)] : [...DEFAULT_TOTAL_STATUSES];
  const facts = await q.totalsFacts(db, communityId, { from: query.from, to: query.to, statuses });
  const totals = agreementTotals(facts);
  const names = await q.segmentNames(db, totals.bySegment.map((b) => b.segment).filter((s): s is string => s !== null));
  return {
    from: query.from ?? null,
    to: query.to ?? null,
    statuses: AGREEMENT_STATUSES.filter((s) => statuses.includes(s)),
    communityId,
    count: totals.count,
    projectCount: totals.projectCount,
    amountFen: totals.amountFen,
    withoutAmount: totals.withoutAmount,
    byKind: totals.byKind,
    bySegment: totals.bySegment.map((b) => {
      const n = b.segment ? names.get(b.segment) : undefined;
      return { ...b, nameZhHans: n?.nameZhHans ?? null, nameZhHant: n?.nameZhHant ?? null, nameEn: n?.nameEn ?? null };
    }),
    byMonth: totals.byMonth,
  };
}

export async function communityTotals(ctx: RequestContext, communityId: string, query: TotalsQuery): Promise<AgreementTotalsReply> {
  await requireCommunityAccess(ctx, communityId, 'agreements.read');
  return computeTotals(ctx.db, communityId, query);
}

/** Across all communities, or one named: platform admins only. */
export async function platformTotals(ctx: RequestContext, query: z.output<typeof platformTotalsQuery>): Promise<AgreementTotalsReply> {
  if (!requireUser(ctx).isPlatformAdmin) throw new AppError('forbidden');
  const { communityId, ...rest } = query;
  if (communityId && !(await findCommunity(ctx.db, communityId))) throw new AppError('not_found');
  return computeTotals(ctx.db, communityId ?? null, rest);
}
