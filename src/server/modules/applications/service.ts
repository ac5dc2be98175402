/**
 * Applications to roadshows and competitions: the organisers' call, the public apply form and
 * deck upload, the applicant's own page by its manage token, and screening. Applicants need no
 * account; the token in their link is the only key to their application. Organisers reach
 * applications through the community's tenancy gate; another community's event answers 404.
 */
import type { Readable } from 'node:stream';
import { z } from 'zod';
import {
  applicantMayEdit,
  applicantMayWithdraw,
  callIsOpen,
  DECK_CONTENT_TYPES,
  deckTypeOf,
  isJudgedKind,
  screenedStatus,
  type CallFacts,
} from '../../../domain/events/applications';
import { checkAnswers, type Question } from '../../../domain/events/questions';
import type { ApplicationStatus, EventKind, EventStatus, RoundKind, RoundStatus } from '../../../domain/events/vocabularies';
import { APPLICATION_STATUSES } from '../../../domain/events/vocabularies';
import { canSeeProject, type Viewer } from '../../../domain/directory-access';
import { isLocale, type Locale } from '../../../domain/locales';
import type {
  ApplicationCounts,
  ApplicationCreated,
  ApplicationDetail,
  ApplicationItem,
  ApplicationPage,
  CallSettings,
  Deck,
  MyApplication,
  MyApplicationItem,
  PublicCall,
  applicationInput,
  applicationListQuery,
  applicationUpdateInput,
  bulkScreenInput,
  callInput,
  linksInput,
  screenInput,
  withdrawInput,
} from '../../../shared/schemas/applications';
import type { Executor, Tx } from '../../db/client';
import type { RequestContext } from '../../http/context';
import { requireUser } from '../../http/context';
import { AppError } from '../../http/errors';
import { fieldMessage } from '../../http/messages';
import { decodeCursor, pageOf } from '../../http/pagination';
import { formatInstant } from '../../lib/format';
import { randomToken } from '../../lib/tokens';
import { recordAudit } from '../audit/record';
import { requireCommunityAccess } from '../communities/access';
import { findCommunity, type CommunityRow } from '../communities/queries';
import * as common from '../directory/common.queries';
import { factsOf } from '../directory/project-visibility';
import { findProject, projectSharing } from '../directory/projects.queries';
import { contentDisposition, type IncomingUpload } from '../directory/uploads';
import { isUniqueViolation } from '../directory/validation';
import { eventFacts, findVisibleEvent } from '../events/access';
import { enqueueEmail } from '../outbox/enqueue';
import { requireManagedEvent } from '../events/access';
import * as q from './queries';

type ApplyInput = z.output<typeof applicationInput>;
type UpdateInput = z.output<typeof applicationUpdateInput>;
type ListQuery = z.output<typeof applicationListQuery>;

// ---------------------------------------------------------------- shared pieces

function callFacts(event: q.EventRow): CallFacts {
  return {
    kind: event.kind as EventKind,
    status: event.status as EventStatus,
    applicationsOpen: event.applicationsOpen,
    applicationDeadline: event.applicationDeadline,
  };
}

function communityRef(c: CommunityRow) {
  return { id: c.id, slug: c.slug, kind: c.kind, nameZhHans: c.nameZhHans, nameZhHant: c.nameZhHant, nameEn: c.nameEn };
}

function deckView(file: Awaited<ReturnType<typeof q.deckOf>>): Deck | null {
  return file ? { filename: file.filename, contentType: file.contentType, sizeBytes: file.sizeBytes, uploadedAt: file.createdAt.toISOString() } : null;
}

function localeOf(value: string): Locale {
  return isLocale(value) ? value : 'zh-CN';
}

function link(ctx: RequestContext, token: string): string {
  return `${ctx.config.publicUrl}/a/${token}`;
}

async function requireCommunity(db: Executor, id: string): Promise<CommunityRow> {
  const community = await findCommunity(db, id);
  if (!community) throw new AppError('not_found');
  return community;
}

/** The answers checked against the form's questions, problems as `answers.<id>` field errors. */
function checkedAnswers(questions: readonly Question[], answers: Record<string, unknown>, fields: Record<string, string>) {
  const checked = checkAnswers(questions, answers);
  for (const [id, problem] of Object.entries(checked.problems)) fields[`answers.${id}`] = `application_answer_${problem}`;
  return checked.answers;
}

function auditView(row: q.ApplicationRow) {
  return {
    projectName: row.projectName,
    organisationName: row.organisationName,
    summary: row.summary,
    segment: row.segment,
    team: row.team.map((m) => `${m.name}:${m.role}`).join(','),
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    status: row.status,
    screeningNote: row.screeningNote,
    projectId: row.projectId,
    organisationId: row.organisationId,
    deckFileId: row.deckFileId,
  };
}

function isDuplicate(error: unknown): 'name' | 'project' | null {
  if (isUniqueViolation(error, 'event_applications_name_key')) return 'name';
  if (isUniqueViolation(error, 'event_applications_project_key')) return 'project';
  return null;
}

function duplicateError(kind: 'name' | 'project'): AppError {
  return new AppError('already_applied', { fields: kind === 'project' ? { projectId: 'application_project_taken' } : { projectName: 'application_duplicate' } });
}

// ---------------------------------------------------------------- the call (organisers)

export async function setCall(ctx: RequestContext, communityId: string, eventId: string, input: z.output<typeof callInput>): Promise<CallSettings> {
  return ctx.db.transaction(async (tx) => {
    await requireCommunityAccess(ctx, communityId, 'events.manage', tx);
    const before = await q.findEvent(tx, communityId, eventId);
    if (!before) throw new AppError('not_found');
    if (!isJudgedKind(before.kind)) throw new AppError('state_conflict');
    const deadline = input.applicationDeadline ? new Date(input.applicationDeadline) : null;
    if (deadline && deadline.getTime() > before.endsAt.getTime()) {
      throw new AppError('validation_failed', { fields: { applicationDeadline: 'application_deadline_after_event' } });
    }
    const after = await q.updateCall(tx, eventId, input.version, {
      applicationsOpen: input.applicationsOpen,
      applicationDeadline: deadline,
      applicationQuestions: input.applicationQuestions,
    });
    if (!after) throw new AppError('version_conflict');
    const view = (e: q.EventRow) => ({
      applicationsOpen: e.applicationsOpen,
      applicationDeadline: e.applicationDeadline?.toISOString() ?? null,
      applicationQuestions: e.applicationQuestions.map((x) => `${x.id}:${x.type}:${x.label}`).join('|'),
    });
    await recordAudit(tx, ctx, {
      communityId,
      action: 'event.call_updated',
      entityType: 'event',
      entityId: eventId,
      entityLabel: after.title,
      before: view(before),
      after: view(after),
    });
    return {
      eventId,
      applicationsOpen: after.applicationsOpen,
      applicationDeadline: after.applicationDeadline?.toISOString() ?? null,
      applicationQuestions: after.applicationQuestions,
      version: after.version,
    };
  });
}

// ---------------------------------------------------------------- the public call and applying

async function ownProjects(db: Executor, ctx: RequestContext) {
  if (!ctx.user) return [];
  return q.ownProjects(db, ctx.user.id);
}

export async function getCall(ctx: RequestContext, eventId: string): Promise<PublicCall> {
  const { event, community } = await findVisibleEvent(ctx, eventId);
  if (!isJudgedKind(event.kind)) throw new AppError('not_found');
  const projects = await ownProjects(ctx.db, ctx);
  return {
    eventId: event.id,
    kind: event.kind as EventKind,
    title: event.title,
    summary: event.summary,
    venue: event.venue,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timeZone: community.timeZone,
    community: communityRef(community),
    applicationDeadline: event.applicationDeadline?.toISOString() ?? null,
    deadlineText: event.applicationDeadline ? formatInstant(event.applicationDeadline, ctx.locale, community.timeZone) : null,
    questions: event.applicationQuestions,
    open: callIsOpen(callFacts(event), new Date()),
    signedIn: ctx.user !== null,
    myProjects: projects.map((p) => ({
      id: p.id,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      segment: p.segment,
      summaryZh: p.summaryZh,
      team: p.team.map((m) => ({ name: m.name, role: m.role })),
      organisation: { entityType: 'organisation' as const, id: p.organisationId, nameZh: p.organisationNameZh, nameEn: p.organisationNameEn },
    })),
  };
}

export async function apply(ctx: RequestContext, eventId: string, input: ApplyInput): Promise<ApplicationCreated> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const { event, community } = await findVisibleEvent(ctx, eventId, { db: tx });
      if (!isJudgedKind(event.kind)) throw new AppError('not_found');
      if (!callIsOpen(callFacts(event), new Date())) throw new AppError('applications_closed');
      const fields: Record<string, string> = {};
      const answers = checkedAnswers(event.applicationQuestions, input.answers, fields);
      if (input.segment && !(await q.segmentExists(tx, input.segment))) fields.segment = 'application_segment_unknown';
      let organisationId: string | null = null;
      if (input.projectId) {
        // Only a project of an organisation the caller represents: anything else is refused alike.
        const own = (await ownProjects(tx, ctx)).find((p) => p.id === input.projectId);
        if (!own) fields.projectId = 'application_project_not_yours';
        else organisationId = own.organisationId;
      }
      if (Object.keys(fields).length) throw new AppError('validation_failed', { fields });
      const token = randomToken();
      const row = await q.insertApplication(tx, {
        eventId,
        userId: ctx.user?.id ?? null,
        projectId: input.projectId ?? null,
        organisationId,
        projectName: input.projectName,
        organisationName: input.organisationName,
        summary: input.summary,
        segment: input.segment ?? null,
        team: input.team.map((m) => ({ name: m.name, role: m.role })),
        answers,
        contactName: input.contactName,
        contactEmail: input.contactEmail,
        contactPhone: input.contactPhone,
        locale: ctx.locale,
        manageToken: token,
      });
      await recordAudit(tx, ctx, {
        communityId: event.communityId,
        action: 'application.submitted',
        entityType: 'event_application',
        entityId: row.id,
        entityLabel: row.projectName,
        before: null,
        after: auditView(row),
      });
      await enqueueEmail(tx, {
        recipient: row.contactEmail,
        template: 'event_application_received',
        locale: ctx.locale,
        payload: { ...eventFacts(event, community), contactName: row.contactName, projectName: row.projectName, link: link(ctx, token) },
        eventId,
      });
      return { ...(await applicantView(tx, row, event, community)), manageToken: token };
    });
  } catch (error) {
    const duplicate = isDuplicate(error);
    if (duplicate) throw duplicateError(duplicate);
    throw error;
  }
}

// ---------------------------------------------------------------- the applicant's own page

async function applicantView(db: Executor, row: q.ApplicationRow, event: q.EventRow, community: CommunityRow): Promise<MyApplication> {
  const entries = await q.entriesOf(db, row.id, false);
  const published = entries.filter((e) => e.roundStatus === 'published');
  const facts = { status: row.status as ApplicationStatus, roundCount: entries.length };
  const now = new Date();
  return {
    id: row.id,
    event: {
      id: event.id,
      kind: event.kind as EventKind,
      title: event.title,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      timeZone: community.timeZone,
      venue: event.venue,
      community: communityRef(community),
    },
    projectName: row.projectName,
    organisationName: row.organisationName,
    summary: row.summary,
    segment: row.segment,
    team: row.team,
    answers: row.answers,
    questions: event.applicationQuestions,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    status: row.status as ApplicationStatus,
    screenedAt: row.screenedAt?.toISOString() ?? null,
    deck: deckView(await q.deckOf(db, row.deckFileId)),
    results: published.map((e) => ({
      roundId: e.roundId,
      roundName: e.roundName,
      roundKind: e.roundKind as RoundKind,
      position: e.position,
      publishedAt: e.publishedAt?.toISOString() ?? null,
      rank: e.publishedRank,
      score: e.publishedScore,
      of: Number(e.rankedCount),
      award: e.award,
      advanced: e.advanced,
    })),
    applicationDeadline: event.applicationDeadline?.toISOString() ?? null,
    editable: applicantMayEdit(callFacts(event), facts, now),
    withdrawable: applicantMayWithdraw(facts),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

interface ByToken {
  row: q.ApplicationRow;
  event: q.EventRow;
  community: CommunityRow;
}

async function requireByToken(db: Executor, token: string): Promise<ByToken> {
  const row = await q.findApplicationByToken(db, token);
  if (!row) throw new AppError('not_found');
  const event = await q.findEventById(db, row.eventId);
  if (!event) throw new AppError('not_found');
  return { row, event, community: await requireCommunity(db, event.communityId) };
}

async function requireEditable(db: Executor, found: ByToken): Promise<void> {
  const roundCount = (await q.roundCounts(db, [found.row.id])).get(found.row.id) ?? 0;
  const facts = { status: found.row.status as ApplicationStatus, roundCount };
  if (applicantMayEdit(callFacts(found.event), facts, new Date())) return;
  // Past the deadline (or the call closed) reads as closed; a withdrawn or judged one as a state conflict.
  throw new AppError(callIsOpen(callFacts(found.event), new Date()) ? 'state_conflict' : 'applications_closed');
}

export async function getMine(ctx: RequestContext, token: string): Promise<MyApplication> {
  const found = await requireByToken(ctx.db, token);
  return applicantView(ctx.db, found.row, found.event, found.community);
}

export async function updateMine(ctx: RequestContext, token: string, input: UpdateInput): Promise<MyApplication> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const found = await requireByToken(tx, token);
      await requireEditable(tx, found);
      const fields: Record<string, string> = {};
      const { version, answers: posted, ...values } = input;
      const answers = posted !== undefined ? checkedAnswers(found.event.applicationQuestions, posted, fields) : undefined;
      if (values.segment && !(await q.segmentExists(tx, values.segment))) fields.segment = 'application_segment_unknown';
      if (Object.keys(fields).length) throw new AppError('validation_failed', { fields });
      const after = await q.updateApplication(tx, found.row.id, version, {
        ...values,
        ...(values.team ? { team: values.team.map((m) => ({ name: m.name, role: m.role })) } : {}),
        ...(answers !== undefined ? { answers } : {}),
      });
      if (!after) throw new AppError('version_conflict');
      await recordAudit(tx, ctx, {
        communityId: found.event.communityId,
        action: 'application.updated',
        entityType: 'event_application',
        entityId: after.id,
        entityLabel: after.projectName,
        before: auditView(found.row),
        after: auditView(after),
      });
      return applicantView(tx, after, found.event, found.community);
    });
  } catch (error) {
    const duplicate = isDuplicate(error);
    if (duplicate) throw duplicateError(duplicate);
    throw error;
  }
}

export async function withdrawMine(ctx: RequestContext, token: string, input: z.output<typeof withdrawInput>): Promise<MyApplication> {
  return ctx.db.transaction(async (tx) => {
    const found = await requireByToken(tx, token);
    const roundCount = (await q.roundCounts(tx, [found.row.id])).get(found.row.id) ?? 0;
    if (!applicantMayWithdraw({ status: found.row.status as ApplicationStatus, roundCount })) throw new AppError('state_conflict');
    const after = await q.updateApplication(tx, found.row.id, input.version, { status: 'withdrawn' });
    if (!after) throw new AppError('version_conflict');
    await recordAudit(tx, ctx, {
      communityId: found.event.communityId,
      action: 'application.withdrawn',
      entityType: 'event_application',
      entityId: after.id,
      entityLabel: after.projectName,
      before: { status: found.row.status },
      after: { status: after.status },
    });
    return applicantView(tx, after, found.event, found.community);
  });
}

/**
 * The deck, replacing any earlier one. The token and the deadline are checked before any byte
 * is stored, the bytes decide what the file is, and the old file goes once the new one is in.
 */
export async function uploadDeck(ctx: RequestContext, token: string, upload: IncomingUpload): Promise<MyApplication> {
  await requireEditable(ctx.db, await requireByToken(ctx.db, token));
  const { file } = await upload.receive(ctx.storage, ctx.config.UPLOAD_LIMIT);
  if (!file) throw new AppError('validation_failed', { fields: { file: 'file_required' } });
  const key = file.stored.key;
  let oldKeys: string[] = [];
  try {
    const type = deckTypeOf(file.head, file.filename);
    if (!type) throw new AppError('unreadable_file', { params: { reason: fieldMessage(ctx.locale, 'application_deck_type') }, fields: { file: 'application_deck_type' } });
    const view = await ctx.db.transaction(async (tx) => {
      const found = await requireByToken(tx, token);
      await requireEditable(tx, found);
      const filename = file.filename || `deck.${type}`;
      const stored = await common.insertFile(tx, {
        storageKey: key,
        filename,
        contentType: DECK_CONTENT_TYPES[type],
        sizeBytes: file.stored.sizeBytes,
        sha256: file.stored.sha256,
        uploadedBy: ctx.user?.id ?? null,
      });
      const after = await q.updateApplication(tx, found.row.id, found.row.version, { deckFileId: stored.id });
      if (!after) throw new AppError('version_conflict');
      if (found.row.deckFileId) oldKeys = await common.deleteFiles(tx, [found.row.deckFileId]);
      await recordAudit(tx, ctx, {
        communityId: found.event.communityId,
        action: 'application.deck_uploaded',
        entityType: 'event_application',
        entityId: after.id,
        entityLabel: after.projectName,
        before: null,
        after: { file: filename, sizeBytes: stored.sizeBytes },
      });
      return applicantView(tx, after, found.event, found.community);
    });
    for (const old of oldKeys) await ctx.storage.delete(old).catch(() => undefined);
    return view;
  } catch (error) {
    await ctx.storage.delete(key).catch(() => undefined);
    throw error;
  }
}

export interface OpenedFile {
  stream: Readable;
  contentType: string;
  sizeBytes: number;
  disposition: string;
}

async function openDeck(ctx: RequestContext, fileId: string | null): Promise<OpenedFile> {
  const file = await q.deckOf(ctx.db, fileId);
  if (!file) throw new AppError('not_found');
  return { stream: ctx.storage.open(file.storageKey), contentType: file.contentType, sizeBytes: file.sizeBytes, disposition: contentDisposition('attachment', file.filename) };
}

export async function openMyDeck(ctx: RequestContext, token: string): Promise<OpenedFile> {
  const { row } = await requireByToken(ctx.db, token);
  return openDeck(ctx, row.deckFileId);
}

/** The signed-in user's applications: made signed in, or under the account's e-mail address. */
export async function listMine(ctx: RequestContext): Promise<{ items: MyApplicationItem[] }> {
  const user = requireUser(ctx);
  const rows = await q.applicationsOfUser(ctx.db, user.id, user.email);
  const withResults = await q.withPublishedResults(
    ctx.db,
    rows.map((r) => r.application.id),
  );
  return {
    items: rows.map(({ application: a, event, community }) => ({
      id: a.id,
      eventId: event.id,
      eventTitle: event.title,
      eventKind: event.kind as EventKind,
      eventStartsAt: event.startsAt.toISOString(),
      timeZone: community.timeZone,
      community: { id: community.id, slug: community.slug, kind: community.kind, nameZhHans: community.nameZhHans, nameZhHant: community.nameZhHant, nameEn: community.nameEn },
      projectName: a.projectName,
      status: a.status as ApplicationStatus,
      hasResults: withResults.has(a.id),
      manageToken: a.manageToken,
      createdAt: a.createdAt.toISOString(),
    })),
  };
}

// ---------------------------------------------------------------- screening (organisers)


async function requireApplication(db: Executor, eventId: string, applicationId: string): Promise<q.ApplicationRow> {
  const row = await q.findApplication(db, eventId, applicationId);
  if (!row) throw new AppError('not_found');
  return row;
}

export async function items(db: Executor, rows: q.ApplicationRow[]): Promise<ApplicationItem[]> {
  const ids = rows.map((r) => r.id);
  const rounds = await q.roundCounts(db, ids);
  const projects = await q.projectRefs(db, [...new Set(rows.map((r) => r.projectId).filter((x): x is string => x !== null))]);
  const orgs = await q.organisationRefs(db, [...new Set(rows.map((r) => r.organisationId).filter((x): x is string => x !== null))]);
  return rows.map((r) => {
    const project = r.projectId ? projects.get(r.projectId) : undefined;
    const org = r.organisationId ? orgs.get(r.organisationId) : undefined;
    return {
      id: r.id,
      eventId: r.eventId,
      projectName: r.projectName,
      organisationName: r.organisationName,
      segment: r.segment,
      contactName: r.contactName,
      contactEmail: r.contactEmail,
      contactPhone: r.contactPhone,
      status: r.status as ApplicationStatus,
      hasDeck: r.deckFileId !== null,
      project: project ? { entityType: 'project' as const, ...project } : null,
      organisation: org ? { entityType: 'organisation' as const, ...org } : null,
      roundCount: rounds.get(r.id) ?? 0,
      screenedAt: r.screenedAt?.toISOString() ?? null,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
    };
  });
}

async function detail(db: Executor, row: q.ApplicationRow, event: q.EventRow): Promise<ApplicationDetail> {
  const [item] = await items(db, [row]);
  const names = await q.userNames(db, [row.screenedBy, row.userId].filter((x): x is string => x !== null));
  const entries = await q.entriesOf(db, row.id, false);
  return {
    ...item!,
    summary: row.summary,
    team: row.team,
    answers: row.answers,
    questions: event.applicationQuestions,
    deck: deckView(await q.deckOf(db, row.deckFileId)),
    screeningNote: row.screeningNote,
    screenedBy: row.screenedBy ? (names.get(row.screenedBy) ?? null) : null,
    applicantAccount: row.userId ? (names.get(row.userId) ?? null) : null,
    locale: row.locale,
    rounds: entries.map((e) => ({
      roundId: e.roundId,
      roundName: e.roundName,
      roundKind: e.roundKind as RoundKind,
      roundStatus: e.roundStatus as RoundStatus,
      position: e.position,
      publishedRank: e.publishedRank,
      publishedScore: e.publishedScore,
      award: e.award,
      advanced: e.advanced,
    })),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const cursorSchema = z.object({ createdAt: z.string().max(40), id: z.uuid() });

export async function listApplications(ctx: RequestContext, communityId: string, eventId: string, query: ListQuery): Promise<ApplicationPage> {
  await requireManagedEvent(ctx, communityId, eventId);
  const after = decodeCursor(query.cursor, cursorSchema);
  if (after && Number.isNaN(Date.parse(after.createdAt))) throw new AppError('validation_failed', { fields: { cursor: 'invalid_cursor' } });
  const filters = { status: query.status, q: query.q || undefined };
  const rows = await q.listApplications(ctx.db, eventId, filters, { limit: query.limit + 1, after });
  const page = pageOf(rows, query.limit, (last) => ({ createdAt: last.createdAt.toISOString(), id: last.id }));
  const byStatus = await q.countByStatus(ctx.db, eventId, filters);
  const counts = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, byStatus.get(s) ?? 0])) as ApplicationCounts;
  return {
    items: await items(ctx.db, page.items),
    nextCursor: page.nextCursor,
    total: filters.status ? counts[filters.status as ApplicationStatus] : Object.values(counts).reduce((a, b) => a + b, 0),
    counts,
  };
}

export async function getApplication(ctx: RequestContext, communityId: string, eventId: string, applicationId: string): Promise<ApplicationDetail> {
  const { event } = await requireManagedEvent(ctx, communityId, eventId);
  return detail(ctx.db, await requireApplication(ctx.db, eventId, applicationId), event);
}

export async function openApplicationDeck(ctx: RequestContext, communityId: string, eventId: string, applicationId: string): Promise<OpenedFile> {
  await requireManagedEvent(ctx, communityId, eventId);
  const row = await requireApplication(ctx.db, eventId, applicationId);
  return openDeck(ctx, row.deckFileId);
}

/** One decision inside the caller's transaction: the status, the note, the audit entry and the applicant's message. */
async function screenOne(
  ctx: RequestContext,
  tx: Tx,
  managed: { event: q.EventRow; community: CommunityRow },
  applicationId: string,
  version: number,
  decision: 'in' | 'out',
  note: string,
): Promise<q.ApplicationRow> {
  const { event, community } = managed;
  const before = await requireApplication(tx, event.id, applicationId);
  const roundCount = (await q.roundCounts(tx, [before.id])).get(before.id) ?? 0;
  const status = screenedStatus({ status: before.status as ApplicationStatus, roundCount }, decision);
  if (!status) throw new AppError('state_conflict');
  const after = await q.updateApplication(tx, before.id, version, {
    status,
    screeningNote: note,
    screenedBy: requireUser(ctx).id,
    screenedAt: new Date(),
  });
  if (!after) throw new AppError('version_conflict');
  await recordAudit(tx, ctx, {
    communityId: event.communityId,
    action: 'application.screened',
    entityType: 'event_application',
    entityId: after.id,
    entityLabel: after.projectName,
    before: { status: before.status, screeningNote: before.screeningNote },
    after: { status: after.status, screeningNote: after.screeningNote },
  });
  // A note changed on the same decision tells the applicant nothing new.
  if (before.status !== after.status) {
    await enqueueEmail(tx, {
      recipient: after.contactEmail,
      template: 'event_application_screened',
      locale: localeOf(after.locale),
      payload: {
        ...eventFacts(event, community),
        contactName: after.contactName,
        projectName: after.projectName,
        screenedIn: status === 'screened_in',
        link: link(ctx, after.manageToken),
      },
      eventId: event.id,
    });
  }
  return after;
}

export async function screen(ctx: RequestContext, communityId: string, eventId: string, applicationId: string, input: z.output<typeof screenInput>): Promise<ApplicationDetail> {
  return ctx.db.transaction(async (tx) => {
    const managed = await requireManagedEvent(ctx, communityId, eventId, tx);
    const after = await screenOne(ctx, tx, managed, applicationId, input.version, input.decision, input.note);
    return detail(tx, after, managed.event);
  });
}

/** Several decisions at once: all of them or none (any stale version or judged application refuses the lot). */
export async function bulkScreen(ctx: RequestContext, communityId: string, eventId: string, input: z.output<typeof bulkScreenInput>): Promise<{ items: ApplicationItem[] }> {
  const ids = input.items.map((i) => i.applicationId);
  if (new Set(ids).size !== ids.length) throw new AppError('validation_failed', { fields: { items: 'application_bulk_duplicate' } });
  return ctx.db.transaction(async (tx) => {
    const managed = await requireManagedEvent(ctx, communityId, eventId, tx);
    const rows: q.ApplicationRow[] = [];
    for (const item of input.items) rows.push(await screenOne(ctx, tx, managed, item.applicationId, item.version, input.decision, input.note));
    return { items: await items(tx, rows) };
  });
}

/** The community sees a project as its staff would: its own, public ones, and those referred to it. */
async function projectVisibleToCommunity(db: Executor, communityId: string, projectId: string): Promise<boolean> {
  const row = await findProject(db, projectId);
  if (!row) return false;
  const shared = (await projectSharing(db, [row.id])).get(row.id);
  const viewer: Viewer = { userId: '', isPlatformAdmin: false, roles: new Map([[communityId, 'staff']]), representedOrgIds: new Set() };
  return canSeeProject(viewer, factsOf(row, shared?.namedInvestorIds ?? [], shared?.referredToCommunityIds ?? []));
}

export async function setLinks(ctx: RequestContext, communityId: string, eventId: string, applicationId: string, input: z.output<typeof linksInput>): Promise<ApplicationDetail> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const { event } = await requireManagedEvent(ctx, communityId, eventId, tx);
      const before = await requireApplication(tx, eventId, applicationId);
      const fields: Record<string, string> = {};
      if (input.projectId && !(await projectVisibleToCommunity(tx, communityId, input.projectId))) fields.projectId = 'application_project_unknown';
      if (input.organisationId && !(await q.findOrganisation(tx, input.organisationId))) fields.organisationId = 'application_organisation_unknown';
      if (Object.keys(fields).length) throw new AppError('validation_failed', { fields });
      const values: Partial<q.ApplicationValues> = {};
      if (input.projectId !== undefined) values.projectId = input.projectId;
      if (input.organisationId !== undefined) values.organisationId = input.organisationId;
      const after = await q.updateApplication(tx, before.id, input.version, values);
      if (!after) throw new AppError('version_conflict');
      await recordAudit(tx, ctx, {
        communityId,
        action: 'application.linked',
        entityType: 'event_application',
        entityId: after.id,
        entityLabel: after.projectName,
        before: { projectId: before.projectId, organisationId: before.organisationId },
        after: { projectId: after.projectId, organisationId: after.organisationId },
      });
      return detail(tx, after, event);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'event_applications_project_key')) throw new AppError('duplicate_record', { fields: { projectId: 'application_project_taken' } });
    throw error;
  }
}

