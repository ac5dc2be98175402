import { z } from 'zod';
import { isLocale, DEFAULT_LOCALE } from '../../../domain/locales';
import { ANSWER_STAGES, type AnswerStage } from '../../../domain/matching/vocabularies';
import { can } from '../../../domain/roles';
import { listingSearchTerms } from '../../../domain/thesaurus/listing-terms';
import type {
  Answer,
  AnswerList,
  answerInput,
  answerPatch,
  Challenge,
  challengeInput,
  ChallengeOptions,
  ChallengePage,
  challengePatch,
  challengeQuery,
  ChallengePoster,
  screenInput,
  StageCounts,
  Thread,
} from '../../../shared/schemas/challenges';
import type { ErrorCode } from '../../../shared/errors';
import type { Executor, Tx } from '../../db/client';
import { requireUser, type RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { decodeCursor, pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/record';
import { loadViewer } from '../directory/viewer';
import { recordMatchChange } from '../matching/changes';
import { enqueueEmail } from '../outbox/enqueue';
import { loadThesaurus } from '../thesaurus/load';
import * as q from './queries';

/**
 * Challenges (需求揭榜). The poster side is the posting organisation's representatives, or the
 * posting community's members holding pipeline.write (staff and admins). A challenge is seen by
 * its poster side always, and by everyone signed in (public) or the members of the chosen
 * communities (communities) once published; anyone else gets not_found. Answers are private
 * to the poster side and the submitting user (the team): platform admins do not read them, and
 * the team never sees the screening note.
 */

export const ANSWER_EXISTS: ErrorCode = 'answer_exists';
export const CHALLENGE_CLOSED: ErrorCode = 'challenge_closed';

const POSTER_PERMISSION = 'pipeline.write' as const;

async function audienceOf(ctx: RequestContext, db: Executor = ctx.db): Promise<q.Audience> {
  const viewer = await loadViewer(ctx, db);
  const memberOf = [...viewer.roles.keys()];
  return {
    userId: viewer.userId,
    isPlatformAdmin: viewer.isPlatformAdmin,
    memberOf,
    representedOrgIds: [...viewer.representedOrgIds],
    posterCommunityIds: memberOf.filter((id) => can({ role: viewer.roles.get(id)!, isPlatformAdmin: false }, POSTER_PERMISSION)),
  };
}

function isPosterSide(a: q.Audience, row: q.ChallengeRow): boolean {
  return (row.organisationId !== null && a.representedOrgIds.includes(row.organisationId)) || (row.communityId !== null && a.posterCommunityIds.includes(row.communityId));
}

function acceptingAnswers(row: q.ChallengeRow, now = new Date()): boolean {
  return row.status === 'open' && row.deadline.getTime() > now.getTime();
}

function emptyCounts(): StageCounts {
  return { submitted: 0, qualified: 0, shortlisted: 0, finalist: 0, chosen: 0, declined: 0, withdrawn: 0, active: 0 };
}

// ---------------------------------------------------------------- cursor

/** A page ends at (created at, id), newest first. */
const cursorSchema = z.tuple([z.iso.datetime(), z.uuid()]);

function afterCursor(cursor: string | undefined): { createdAt: string; id: string } | undefined {
  const at = decodeCursor(cursor, cursorSchema);
  return at && { createdAt: at[0], id: at[1] };
}

// ---------------------------------------------------------------- presenting

async function posters(db: Executor, rows: q.ChallengeRow[]): Promise<Map<string, ChallengePoster>> {
  const orgs = await q.organisationRefs(
    db,
    rows.flatMap((r) => (r.organisationId ? [r.organisationId] : [])),
  );
  const comms = await q.communityRefs(
    db,
    rows.flatMap((r) => (r.communityId ? [r.communityId] : [])),
  );
  const out = new Map<string, ChallengePoster>();
  for (const r of rows) {
    if (r.organisationId) {
      const o = orgs.get(r.organisationId);
      out.set(r.id, { type: 'organisation', id: r.organisationId, nameZh: o?.nameZh ?? '', nameEn: o?.nameEn ?? null, slug: null });
    } else {
      const c = comms.get(r.communityId!);
      out.set(r.id, { type: 'community', id: r.communityId!, nameZh: c?.nameZhHans ?? '', nameEn: c?.nameEn ?? null, slug: c?.slug ?? null });
    }
  }
  return out;
}

async function present(db: Executor, a: q.Audience, rows: q.ChallengeRow[]): Promise<Challenge[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const posterOf = await posters(db, rows);
  const shared = await q.challengeCommunityIds(db, ids);
  const comms = await q.communityRefs(db, [...shared.values()].flat());
  const posterIds = rows.filter((r) => isPosterSide(a, r)).map((r) => r.id);
  const counts = new Map<string, StageCounts>(posterIds.map((id) => [id, emptyCounts()]));
  for (const c of await q.stageCounts(db, posterIds)) addCount(counts.get(c.challenge_id)!, c);
  const mine = await q.myAnswers(db, a.userId, ids);
  return rows.map((r) => {
    const poster = isPosterSide(a, r);
    const my = mine.get(r.id);
    return {
      id: r.id,
      poster: posterOf.get(r.id)!,
      kind: r.kind as Challenge['kind'],
      titleZh: r.titleZh,
      titleEn: r.titleEn,
      description: r.description,
      requirements: r.requirements,
      offer: r.offer,
      budgetFen: r.budgetFen,
      segments: r.segments,
      keywords: r.keywords,
      deadline: r.deadline.toISOString(),
      visibility: r.visibility as Challenge['visibility'],
      communities: (shared.get(r.id) ?? []).flatMap((id) => {
        const c = comms.get(id);
        return c ? [{ id: c.id, slug: c.slug, kind: c.kind, nameZhHans: c.nameZhHans, nameZhHant: c.nameZhHant, nameEn: c.nameEn }] : [];
      }),
      status: r.status as Challenge['status'],
      acceptingAnswers: acceptingAnswers(r),
      publishedAt: r.publishedAt?.toISOString() ?? null,
      isPoster: poster,
      answerCounts: poster ? counts.get(r.id)! : null,
      myAnswer: my ? { id: my.id, stage: my.stage as AnswerStage, status: my.status as Answer['status'] } : null,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

function addCount(counts: StageCounts, c: { stage: string; status: string; n: number }) {
  if (c.status === 'declined') counts.declined += c.n;
  else if (c.status === 'withdrawn') counts.withdrawn += c.n;
  else {
    counts[c.stage as AnswerStage] += c.n;
    counts.active += c.n;
  }
}

// ---------------------------------------------------------------- reading challenges

export async function listChallenges(ctx: RequestContext, query: z.output<typeof challengeQuery>): Promise<ChallengePage> {
  requireUser(ctx);
  const a = await audienceOf(ctx);
  const rows = await q.listChallenges(ctx.db, a, { ...query, terms: listingSearchTerms(query.q, query.q ? await loadThesaurus(ctx.db) : undefined), after: afterCursor(query.cursor) });
  const page = pageOf(rows, query.limit, (last) => [last.createdAt.toISOString(), last.id]);
  return { items: await present(ctx.db, a, page.items), nextCursor: page.nextCursor };
}

/** Other ways to write the search text: simplified Chinese, and the thesaurus's related terms (CAR-T ~ 免疫细胞治疗). */
async function requireVisible(db: Executor, a: q.Audience, id: string): Promise<q.ChallengeRow> {
  const row = await q.findVisibleChallenge(db, a, id);
  if (!row) throw new AppError('not_found');
  return row;
}

/** The challenge, for its poster side only: others who see it get forbidden, others not_found. */
async function requirePosterSide(db: Executor, a: q.Audience, id: string): Promise<q.ChallengeRow> {
  const row = await requireVisible(db, a, id);
  if (!isPosterSide(a, row)) throw new AppError('forbidden');
  return row;
}

export async function getChallenge(ctx: RequestContext, id: string): Promise<Challenge> {
  requireUser(ctx);
  const a = await audienceOf(ctx);
  return (await present(ctx.db, a, [await requireVisible(ctx.db, a, id)]))[0]!;
}

export async function challengeOptions(ctx: RequestContext): Promise<ChallengeOptions> {
  requireUser(ctx);
  const a = await audienceOf(ctx);
  const orgs = await q.organisationRefs(ctx.db, a.representedOrgIds);
  const comms = await q.communityRefs(ctx.db, a.memberOf);
  const communityRef = (c: NonNullable<ReturnType<typeof comms.get>>) => ({ id: c.id, slug: c.slug, kind: c.kind, nameZhHans: c.nameZhHans, nameZhHant: c.nameZhHant, nameEn: c.nameEn });
  const byName = <T extends { nameZh: string }>(list: T[]) => list.sort((x, y) => x.nameZh.localeCompare(y.nameZh, 'zh'));
  return {
    posters: [
      ...byName([...orgs.values()].map((o) => ({ type: 'organisation' as const, id: o.id, nameZh: o.nameZh, nameEn: o.nameEn, kind: o.kind }))),
      ...byName(
        a.posterCommunityIds.flatMap((id) => {
          const c = comms.get(id);
          return c ? [{ type: 'community' as const, id: c.id, nameZh: c.nameZhHans, nameEn: c.nameEn, kind: c.kind }] : [];
        }),
      ),
    ],
    communities: [...comms.values()].map(communityRef).sort((x, y) => x.nameZhHans.localeCompare(y.nameZhHans, 'zh')),
    organisations: byName([...orgs.values()].map((o) => ({ id: o.id, nameZh: o.nameZh, nameEn: o.nameEn }))),
  };
}

// ---------------------------------------------------------------- writing challenges

function auditCommunityOf(row: Pick<q.ChallengeRow, 'communityId'>): string | null {
  return row.communityId;
}

function challengeFacts(row: q.ChallengeRow, communityIds: string[]): Record<string, unknown> {
  return {
    kind: row.kind,
    titleZh: row.titleZh,
    titleEn: row.titleEn,
    description: row.description,
    requirements: row.requirements,
    offer: row.offer,
    budgetFen: row.budgetFen,
    segments: row.segments,
    keywords: row.keywords,
    deadline: row.deadline.toISOString(),
    visibility: row.visibility,
    communityIds: [...communityIds].sort(),
    status: row.status,
  };
}

/** Chosen communities must be ones the user belongs to (or the posting community); at least one when visibility is communities. */
function checkCommunities(a: q.Audience, visibility: string, communityIds: string[], posterCommunityId: string | null, fields: Record<string, string>) {
  if (visibility === 'communities' && communityIds.length === 0) fields.communityIds = 'challenge_communities_required';
  else if (communityIds.some((id) => id !== posterCommunityId && !a.memberOf.includes(id) && !a.isPlatformAdmin)) fields.communityIds = 'challenge_community_unknown';
}

export async function createChallenge(ctx: RequestContext, input: z.output<typeof challengeInput>): Promise<Challenge> {
  const user = requireUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const a = await audienceOf(ctx, tx);
    const fields: Record<string, string> = {};
    if (input.posterType === 'organisation' ? !a.representedOrgIds.includes(input.posterId) : !a.posterCommunityIds.includes(input.posterId)) {
      fields.posterId = 'challenge_poster_not_allowed';
    }
    const communityIds = input.visibility === 'communities' ? [...new Set(input.communityIds)] : [];
    checkCommunities(a, input.visibility, communityIds, input.posterType === 'community' ? input.posterId : null, fields);
    if (Object.keys(fields).length) throw new AppError('validation_failed', { fields });
    const row = await q.insertChallenge(tx, {
        organisationId: input.posterType === 'organisation' ? input.posterId : null,
        communityId: input.posterType === 'community' ? input.posterId : null,
        kind: input.kind,
        titleZh: input.titleZh,
        titleEn: input.titleEn || null,
        description: input.description,
        requirements: input.requirements,
        offer: input.offer,
        budgetFen: input.budgetFen ?? null,
        segments: input.segments,
        keywords: input.keywords,
        deadline: new Date(input.deadline),
        visibility: input.visibility,
      createdBy: user.id,
    });
    await q.setChallengeCommunities(tx, row.id, communityIds);
    await recordAudit(tx, ctx, { communityId: auditCommunityOf(row), action: 'challenge.created', entityType: 'challenge', entityId: row.id, entityLabel: row.titleZh, before: null, after: challengeFacts(row, communityIds) });
    await recordMatchChange(tx, 'challenge', [row.id]);
    return (await present(tx, a, [row]))[0]!;
  });
}

async function writeChallenge(
  tx: Tx,
  ctx: RequestContext,
  a: q.Audience,
  before: q.ChallengeRow,
  version: number,
  values: Parameters<typeof q.updateChallenge>[3],
  action: string,
  communityIds?: string[],
): Promise<Challenge> {
  if (before.version !== version) throw new AppError('version_conflict');
  const after = await q.updateChallenge(tx, before.id, version, values);
  if (!after) throw new AppError('version_conflict');
  const beforeCommunities = (await q.challengeCommunityIds(tx, [before.id])).get(before.id) ?? [];
  if (communityIds) await q.setChallengeCommunities(tx, before.id, communityIds);
  await recordAudit(tx, ctx, {
    communityId: auditCommunityOf(after),
    action,
    entityType: 'challenge',
    entityId: after.id,
    entityLabel: after.titleZh,
    before: challengeFacts(before, beforeCommunities),
    after: challengeFacts(after, communityIds ?? beforeCommunities),
  });
  await recordMatchChange(tx, 'challenge', [after.id]);
  return (await present(tx, a, [after]))[0]!;
}

export async function updateChallenge(ctx: RequestContext, id: string, input: z.output<typeof challengePatch>): Promise<Challenge> {
  requireUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const a = await audienceOf(ctx, tx);
    const before = await requirePosterSide(tx, a, id);
    if (before.version !== input.version) throw new AppError('version_conflict');
    if (before.status !== 'draft' && before.status !== 'open') throw new AppError('state_conflict');
    const fields: Record<string, string> = {};
    const visibility = input.visibility ?? before.visibility;
    const current = (await q.challengeCommunityIds(tx, [id])).get(id) ?? [];
    const communityIds = visibility === 'communities' ? [...new Set(input.communityIds ?? current)] : [];
    // Communities already chosen stay valid; newly given ones must be the user's own.
    const added = communityIds.filter((id) => !current.includes(id));
    checkCommunities(a, visibility, added, before.communityId, fields);
    if (visibility === 'communities' && communityIds.length === 0) fields.communityIds = 'challenge_communities_required';
    else if (fields.communityIds === 'challenge_communities_required') delete fields.communityIds;
    if (input.deadline && before.status === 'open' && Date.parse(input.deadline) <= Date.now()) fields.deadline = 'challenge_deadline_past';
    if (Object.keys(fields).length) throw new AppError('validation_failed', { fields });
    const { version, communityIds: _ignored, deadline, titleEn, ...rest } = input;
    void _ignored;
    return writeChallenge(
      tx,
      ctx,
      a,
      before,
      version,
      {
        ...rest,
        ...(titleEn !== undefined ? { titleEn: titleEn || null } : {}),
        ...(deadline ? { deadline: new Date(deadline) } : {}),
        visibility,
      },
      'challenge.updated',
      communityIds,
    );
  });
}

export async function publishChallenge(ctx: RequestContext, id: string, version: number): Promise<Challenge> {
  requireUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const a = await audienceOf(ctx, tx);
    const before = await requirePosterSide(tx, a, id);
    if (before.version !== version) throw new AppError('version_conflict');
    if (before.status !== 'draft') throw new AppError('state_conflict');
    if (before.deadline.getTime() <= Date.now()) throw new AppError('validation_failed', { fields: { deadline: 'challenge_deadline_past' } });
    return writeChallenge(tx, ctx, a, before, version, { status: 'open', publishedAt: new Date() }, 'challenge.published');
  });
}

export async function closeChallenge(ctx: RequestContext, id: string, version: number): Promise<Challenge> {
  requireUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const a = await audienceOf(ctx, tx);
    const before = await requirePosterSide(tx, a, id);
    if (before.version !== version) throw new AppError('version_conflict');
    if (before.status !== 'open') throw new AppError('state_conflict');
    return writeChallenge(tx, ctx, a, before, version, { status: 'closed' }, 'challenge.closed');
  });
}

export async function cancelChallenge(ctx: RequestContext, id: string, version: number): Promise<Challenge> {
  requireUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const a = await audienceOf(ctx, tx);
    const before = await requirePosterSide(tx, a, id);
    if (before.version !== version) throw new AppError('version_conflict');
    if (before.status !== 'draft' && before.status !== 'open') throw new AppError('state_conflict');
    return writeChallenge(tx, ctx, a, before, version, { status: 'cancelled' }, 'challenge.cancelled');
  });
}

// ---------------------------------------------------------------- answers: presenting

type Side = 'poster' | 'team';

async function presentAnswers(db: Executor, side: Side, challenge: q.ChallengeRow, rows: q.AnswerRow[], withEvents: boolean): Promise<Answer[]> {
  if (rows.length === 0) return [];
  const poster = (await posters(db, [challenge])).get(challenge.id)!;
  const people = await q.userRefs(
    db,
    rows.map((r) => r.submittedBy),
  );
  const orgs = await q.organisationRefs(
    db,
    rows.flatMap((r) => (r.organisationId ? [r.organisationId] : [])),
  );
  const messages = await q.messageCounts(
    db,
    rows.map((r) => r.id),
  );
  const open = acceptingAnswers(challenge);
  return Promise.all(
    rows.map(async (r) => {
      const o = r.organisationId ? orgs.get(r.organisationId) : undefined;
      const submitter = people.get(r.submittedBy);
      const answer: Answer = {
        id: r.id,
        challenge: { id: challenge.id, titleZh: challenge.titleZh, titleEn: challenge.titleEn, deadline: challenge.deadline.toISOString(), status: challenge.status as Answer['challenge']['status'], poster },
        side,
        submittedBy: { id: r.submittedBy, displayName: submitter?.displayName ?? '' },
        organisation: o ? { id: o.id, nameZh: o.nameZh, nameEn: o.nameEn } : null,
        teamName: r.teamName,
        summary: r.summary,
        approach: r.approach,
        evidence: r.evidence,
        team: r.team,
        ip: r.ip,
        resources: r.resources,
        timeline: r.timeline,
        budgetFen: r.budgetFen,
        stage: r.stage as AnswerStage,
        status: r.status as Answer['status'],
        declineReason: r.declineReason,
        editable: side === 'team' && open && r.stage === 'submitted' && r.status === 'active',
        messageCount: messages.get(r.id) ?? 0,
        version: r.version,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      };
      if (side === 'poster') answer.screeningNote = r.screeningNote;
      if (withEvents) answer.events = await presentEvents(db, side, await q.eventsOf(db, r.id));
      return answer;
    }),
  );
}

async function presentEvents(db: Executor, side: Side, rows: q.AnswerEventRow[]): Promise<NonNullable<Answer['events']>> {
  const actors = side === 'poster' ? await q.userRefs(db, rows.flatMap((r) => (r.actorId ? [r.actorId] : []))) : new Map();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as NonNullable<Answer['events']>[number]['kind'],
    fromStage: (r.fromStage as AnswerStage | null) ?? null,
    toStage: (r.toStage as AnswerStage | null) ?? null,
    // The team sees a decline's reason (stored as the note of a declined event) and nothing else the screeners wrote.
    note: side === 'poster' || r.kind === 'declined' ? r.note : '',
    actor: side === 'poster' && r.actorId && actors.has(r.actorId) ? { id: r.actorId, displayName: actors.get(r.actorId)!.displayName } : null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/**
 * The answer and the viewer's side: the poster side, or the submitting user. Anyone else —
 * platform admins included — gets not_found. The team reaches its answer even when the
 * challenge has since been cancelled.
 */
async function requireAnswer(db: Executor, a: q.Audience, challengeId: string, answerId: string): Promise<{ challenge: q.ChallengeRow; answer: q.AnswerRow; side: Side }> {
  const challenge = await q.findChallenge(db, challengeId);
  const answer = challenge ? await q.findAnswer(db, challengeId, answerId) : undefined;
  if (!challenge || !answer) throw new AppError('not_found');
  if (isPosterSide(a, challenge)) return { challenge, answer, side: 'poster' };
  if (answer.submittedBy === a.userId) return { challenge, answer, side: 'team' };
  throw new AppError('not_found');
}

// ---------------------------------------------------------------- answers: reading

export async function listAnswers(ctx: RequestContext, challengeId: string, f: { stage?: string; status?: string }): Promise<AnswerList> {
  requireUser(ctx);
  const a = await audienceOf(ctx);
  const challenge = await requirePosterSide(ctx.db, a, challengeId);
  const rows = await q.listAnswers(ctx.db, challengeId, f);
  const counts = emptyCounts();
  for (const c of await q.stageCounts(ctx.db, [challengeId])) addCount(counts, c);
  return { items: await presentAnswers(ctx.db, 'poster', challenge, rows, false), counts };
}

export async function getAnswer(ctx: RequestContext, challengeId: string, answerId: string): Promise<Answer> {
  requireUser(ctx);
  const a = await audienceOf(ctx);
  const { challenge, answer, side } = await requireAnswer(ctx.db, a, challengeId, answerId);
  return (await presentAnswers(ctx.db, side, challenge, [answer], true))[0]!;
}

export async function myAnswerList(ctx: RequestContext): Promise<Answer[]> {
  const user = requireUser(ctx);
  const rows = await q.answersOfUser(ctx.db, user.id);
  const out: Answer[] = [];
  for (const r of rows) {
    const challenge = (await q.findChallenge(ctx.db, r.challengeId))!;
    out.push(...(await presentAnswers(ctx.db, 'team', challenge, [r], false)));
  }
  return out;
}

// ---------------------------------------------------------------- answers: writing

function answerAuditFacts(r: q.AnswerRow): Record<string, unknown> {
  // The proposal itself stays out of the audit log (platform admins read the log, not proposals).
  return { teamName: r.teamName, organisationId: r.organisationId, stage: r.stage, status: r.status };
}

async function checkAnswerOrganisation(a: q.Audience, organisationId: string | null | undefined) {
  if (organisationId && !a.representedOrgIds.includes(organisationId)) {
    throw new AppError('validation_failed', { fields: { organisationId: 'answer_organisation_not_represented' } });
  }
}

export async function createAnswer(ctx: RequestContext, challengeId: string, input: z.output<typeof answerInput>): Promise<Answer> {
  const user = requireUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const a = await audienceOf(ctx, tx);
    const challenge = await requireVisible(tx, a, challengeId);
    if (isPosterSide(a, challenge)) throw new AppError('forbidden');
    if (!acceptingAnswers(challenge)) throw new AppError(CHALLENGE_CLOSED);
    await checkAnswerOrganisation(a, input.organisationId);
    const row = await q.insertAnswer(tx, {
      challengeId,
      submittedBy: user.id,
      organisationId: input.organisationId ?? null,
      teamName: input.teamName,
      summary: input.summary,
      approach: input.approach,
      evidence: input.evidence,
      team: input.team,
      ip: input.ip,
      resources: input.resources,
      timeline: input.timeline,
      budgetFen: input.budgetFen ?? null,
    });
    if (!row) throw new AppError(ANSWER_EXISTS);
    await q.insertEvent(tx, { answerId: row.id, kind: 'submitted', toStage: 'submitted', actorId: user.id });
    await recordAudit(tx, ctx, { communityId: challenge.communityId, action: 'challenge_answer.submitted', entityType: 'challenge_answer', entityId: row.id, entityLabel: challenge.titleZh, before: null, after: answerAuditFacts(row) });
    return (await presentAnswers(tx, 'team', challenge, [row], true))[0]!;
  });
}

export async function updateAnswer(ctx: RequestContext, challengeId: string, answerId: string, input: z.output<typeof answerPatch>): Promise<Answer> {
  const user = requireUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const a = await audienceOf(ctx, tx);
    const { challenge, answer, side } = await requireAnswer(tx, a, challengeId, answerId);
    if (side !== 'team') throw new AppError('forbidden');
    if (answer.version !== input.version) throw new AppError('version_conflict');
    if (!acceptingAnswers(challenge)) throw new AppError(CHALLENGE_CLOSED);
    if (answer.stage !== 'submitted' || answer.status !== 'active') throw new AppError('state_conflict');
    await checkAnswerOrganisation(a, input.organisationId);
    const { version, ...values } = input;
    const after = await q.updateAnswer(tx, answerId, version, values);
    if (!after) throw new AppError('version_conflict');
    await q.insertEvent(tx, { answerId, kind: 'edited', actorId: user.id });
    await recordAudit(tx, ctx, { communityId: challenge.communityId, action: 'challenge_answer.edited', entityType: 'challenge_answer', entityId: answerId, entityLabel: challenge.titleZh, before: answerAuditFacts(answer), after: answerAuditFacts(after) });
    return (await presentAnswers(tx, 'team', challenge, [after], true))[0]!;
  });
}

export async function withdrawAnswer(ctx: RequestContext, challengeId: string, answerId: string, version: number): Promise<Answer> {
  const user = requireUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const a = await audienceOf(ctx, tx);
    const { challenge, answer, side } = await requireAnswer(tx, a, challengeId, answerId);
    if (side !== 'team') throw new AppError('forbidden');
    if (answer.version !== version) throw new AppError('version_conflict');
    if (answer.status !== 'active') throw new AppError('state_conflict');
    const after = await q.updateAnswer(tx, answerId, version, { status: 'withdrawn' });
    if (!after) throw new AppError('version_conflict');
    await q.insertEvent(tx, { answerId, kind: 'withdrawn', fromStage: answer.stage, toStage: answer.stage, actorId: user.id });
    await recordAudit(tx, ctx, { communityId: challenge.communityId, action: 'challenge_answer.withdrawn', entityType: 'challenge_answer', entityId: answerId, entityLabel: challenge.titleZh, before: answerAuditFacts(answer), after: answerAuditFacts(after) });
    return (await presentAnswers(tx, 'team', challenge, [after], true))[0]!;
  });
}

/**
 * A screening move by the poster side: forward any number of stages, back exactly one (with a
 * note), decline (with a reason told to the team), reopen a declined answer. The UPDATE is
 * conditional on the version, so of two screeners moving the same answer at once one wins and
 * the other gets version_conflict. The team is e-mailed in their language.
 */
export async function screenAnswer(ctx: RequestContext, challengeId: string, answerId: string, input: z.output<typeof screenInput>): Promise<Answer> {
  const user = requireUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const a = await audienceOf(ctx, tx);
    const { challenge, answer, side } = await requireAnswer(tx, a, challengeId, answerId);
    if (side !== 'poster') throw new AppError('forbidden');
    if (answer.version !== input.version) throw new AppError('version_conflict');
    if (challenge.status !== 'open' && challenge.status !== 'closed') throw new AppError('state_conflict');
    const from = answer.stage as AnswerStage;
    let values: Parameters<typeof q.updateAnswer>[3];
    let event: { kind: 'advanced' | 'moved_back' | 'declined' | 'reopened'; toStage: AnswerStage; note: string };
    if (input.toStage === 'decline') {
      if (answer.status !== 'active') throw new AppError('state_conflict');
      if (!input.reason) throw new AppError('validation_failed', { fields: { reason: 'challenge_decline_reason_required' } });
      values = { status: 'declined', declineReason: input.reason };
      event = { kind: 'declined', toStage: from, note: input.reason };
    } else if (input.toStage === 'reopen') {
      if (answer.status !== 'declined') throw new AppError('state_conflict');
      values = { status: 'active', declineReason: '' };
      event = { kind: 'reopened', toStage: from, note: input.note };
    } else {
      if (answer.status !== 'active') throw new AppError('state_conflict');
      const to = ANSWER_STAGES.indexOf(input.toStage);
      const at = ANSWER_STAGES.indexOf(from);
      if (to > at) event = { kind: 'advanced', toStage: input.toStage, note: input.note };
      else if (to === at - 1) {
        if (!input.note) throw new AppError('validation_failed', { fields: { note: 'challenge_move_back_note_required' } });
        event = { kind: 'moved_back', toStage: input.toStage, note: input.note };
      } else throw new AppError('validation_failed', { fields: { toStage: 'challenge_stage_move_invalid' } });
      values = { stage: input.toStage };
    }
    if (input.screeningNote !== undefined) values.screeningNote = input.screeningNote;
    const after = await q.updateAnswer(tx, answerId, input.version, values);
    if (!after) throw new AppError('version_conflict');
    await q.insertEvent(tx, { answerId, kind: event.kind, fromStage: from, toStage: event.toStage, note: event.note, actorId: user.id });
    await recordAudit(tx, ctx, {
      communityId: challenge.communityId,
      action: 'challenge_answer.screened',
      entityType: 'challenge_answer',
      entityId: answerId,
      entityLabel: challenge.titleZh,
      before: answerAuditFacts(answer),
      after: answerAuditFacts(after),
    });
    await recordMatchChange(tx, 'challenge', [challengeId]);
    await tellTeam(tx, ctx, challenge, after);
    return (await presentAnswers(tx, 'poster', challenge, [after], true))[0]!;
  });
}

/** Replaces the private screening note alone (poster side). */
export async function setScreeningNote(ctx: RequestContext, challengeId: string, answerId: string, input: { screeningNote: string; version: number }): Promise<Answer> {
  requireUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const a = await audienceOf(ctx, tx);
    const { challenge, answer, side } = await requireAnswer(tx, a, challengeId, answerId);
    if (side !== 'poster') throw new AppError('forbidden');
    if (answer.version !== input.version) throw new AppError('version_conflict');
    const after = await q.updateAnswer(tx, answerId, input.version, { screeningNote: input.screeningNote });
    if (!after) throw new AppError('version_conflict');
    await recordAudit(tx, ctx, { communityId: challenge.communityId, action: 'challenge_answer.noted', entityType: 'challenge_answer', entityId: answerId, entityLabel: challenge.titleZh, before: null, after: { screeningNote: 'changed' } });
    return (await presentAnswers(tx, 'poster', challenge, [after], true))[0]!;
  });
}

// ---------------------------------------------------------------- e-mail

function answerLink(ctx: RequestContext, challengeId: string, answerId: string): string {
  return `${ctx.config.publicUrl.replace(/\/$/, '')}/challenges/${challengeId}/answers/${answerId}`;
}

function localeOf(value: string) {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

async function tellTeam(tx: Tx, ctx: RequestContext, challenge: q.ChallengeRow, answer: q.AnswerRow) {
  const team = (await q.userRefs(tx, [answer.submittedBy])).get(answer.submittedBy);
  if (!team) return;
  const poster = (await posters(tx, [challenge])).get(challenge.id)!;
  await enqueueEmail(tx, {
    recipient: team.email,
    template: 'challenge_answer_screened',
    locale: localeOf(team.locale),
    payload: {
      name: team.displayName,
      challengeTitle: challenge.titleZh,
      posterName: poster.nameZh,
      teamName: answer.teamName,
      stage: answer.stage as AnswerStage,
      declined: answer.status === 'declined',
      reason: answer.status === 'declined' ? answer.declineReason : null,
      link: answerLink(ctx, challenge.id, answer.id),
    },
  });
}

/** The poster side's people to tell of a team's message: whoever wrote for the poster in the thread, else the challenge's author, else all who speak for the poster. */
async function posterRecipients(tx: Tx, challenge: q.ChallengeRow, messages: q.MessageRow[]): Promise<string[]> {
  const writers = [...new Set(messages.filter((m) => m.side === 'poster' && m.authorId).map((m) => m.authorId!))];
  if (writers.length) return writers;
  if (challenge.createdBy) return [challenge.createdBy];
  return challenge.organisationId ? q.representativesOf(tx, challenge.organisationId) : q.membersWithRoles(tx, challenge.communityId!, ['community_admin', 'staff']);
}

// ---------------------------------------------------------------- the private thread

/**
 * The thread between the poster side and one team. The poster side starts it; the team may
 * reply once the poster side has written. Anyone else gets not_found.
 */
export async function getThread(ctx: RequestContext, challengeId: string, answerId: string): Promise<Thread> {
  requireUser(ctx);
  const a = await audienceOf(ctx);
  const { side, answer } = await requireAnswer(ctx.db, a, challengeId, answerId);
  const rows = await q.messagesOf(ctx.db, answer.id);
  return presentThread(ctx.db, a, side, rows);
}

async function presentThread(db: Executor, a: q.Audience, side: Side, rows: q.MessageRow[]): Promise<Thread> {
  const authors = await q.userRefs(
    db,
    rows.flatMap((r) => (r.authorId ? [r.authorId] : [])),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      side: r.side as Side,
      author: r.authorId && authors.has(r.authorId) ? { id: r.authorId, displayName: authors.get(r.authorId)!.displayName } : null,
      body: r.body,
      mine: r.authorId === a.userId,
      createdAt: r.createdAt.toISOString(),
    })),
    canWrite: side === 'poster' || rows.some((r) => r.side === 'poster'),
  };
}

export async function postMessage(ctx: RequestContext, challengeId: string, answerId: string, body: string): Promise<Thread> {
  const user = requireUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const a = await audienceOf(ctx, tx);
    const { challenge, answer, side } = await requireAnswer(tx, a, challengeId, answerId);
    const before = await q.messagesOf(tx, answerId);
    if (side === 'team' && !before.some((m) => m.side === 'poster')) throw new AppError('state_conflict');
    const message = await q.insertMessage(tx, { answerId, authorId: user.id, side, body });
    await recordAudit(tx, ctx, { communityId: challenge.communityId, action: 'challenge_message.posted', entityType: 'challenge_answer', entityId: answerId, entityLabel: challenge.titleZh, before: null, after: { side } });
    const recipients = side === 'poster' ? [answer.submittedBy] : (await posterRecipients(tx, challenge, before)).filter((id) => id !== user.id);
    const people = await q.userRefs(tx, recipients);
    const poster = (await posters(tx, [challenge])).get(challenge.id)!;
    for (const id of recipients) {
      const person = people.get(id);
      if (!person) continue;
      await enqueueEmail(tx, {
        recipient: person.email,
        template: 'challenge_message',
        locale: localeOf(person.locale),
        payload: {
          name: person.displayName,
          challengeTitle: challenge.titleZh,
          fromName: side === 'poster' ? poster.nameZh : answer.teamName,
          fromPoster: side === 'poster',
          excerpt: body.length > 280 ? `${body.slice(0, 280)}…` : body,
          link: answerLink(ctx, challenge.id, answer.id),
        },
      });
    }
    return presentThread(tx, a, side, [...before, message]);
  });
}
