/**
 * The matching use cases: a record's ranked matches, one pair's explanation, the viewer's
 * feedback, the one-click contact (a pipeline item or a partnering request, with the feedback,
 * in one transaction), and the viewer's home suggestions.
 *
 * Visibility: the subject must be visible to the viewer (else 404, as in the directory); the
 * candidates are filtered by the engine with the viewer's own standing (canSee), so nothing
 * confidential is ranked, counted or explained to anyone who may not see it. A community as
 * subject (its 招商 view: projects that fit the park) is for those who work its pipelines:
 * non-members get 404, members without pipeline.read 403.
 */
import type { z } from 'zod';
import type { MatchIndex } from '../../../domain/matching/index';
import type { MatchFeatures, MatchViewer } from '../../../domain/matching/types';
import { ROLE_OF_TARGET } from '../../../domain/matching/types';
import { canSee } from '../../../domain/matching/visibility';
import type { FeedbackVerdict, MatchEntityType, MatchTarget } from '../../../domain/matching/vocabularies';
import type {
  ContactOptions,
  contactBody,
  contactResultSchema,
  explanationQuery,
  feedbackBody,
  FeedbackResult,
  MatchExplanation,
  MatchItem,
  MatchList,
  matchesQuery,
  MatchRecord,
  SuggestionGroup,
} from '../../../shared/schemas/matching';
import type { Executor } from '../../db/client';
import { requireUser, type RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { requireCommunityAccess } from '../communities/access';
import { isUniqueViolation } from '../directory/validation';
import { requireVisibleProject } from '../directory/project-visibility';
import { loadViewer } from '../directory/viewer';
import { createRequestIn } from '../partnering/requests.service';
import { insertItem } from '../pipelines/insert-item';
import { recordMatchChange } from './changes';
import { liveIndex, type IndexLog } from './index-cache';
import * as q from './queries';

type Ref = q.Ref;

/** The targets that make sense for a record, from what it is (tabs of the matches page). */
export function targetsFor(subject: Pick<MatchFeatures, 'type' | 'roles'>): MatchTarget[] {
  switch (subject.type) {
    case 'project':
      return ['investors', 'parks', 'services'];
    case 'community':
      return subject.roles.includes('park') ? ['projects'] : [];
    case 'brief':
      return ['companies'];
    case 'challenge':
      return ['research_teams', 'briefs'];
    case 'organisation': {
      const out: MatchTarget[] = [];
      if (subject.roles.includes('investor')) out.push('projects', 'briefs');
      if (subject.roles.includes('company')) out.push('briefs', 'challenges', 'investors', 'services');
      if (subject.roles.includes('research_team')) out.push('challenges');
      return [...new Set(out)];
    }
  }
}

interface Scope {
  index: MatchIndex;
  viewer: MatchViewer;
  userId: string;
}

async function scopeOf(ctx: RequestContext, log?: IndexLog): Promise<Scope> {
  const user = requireUser(ctx);
  const [index, viewer] = [await liveIndex(ctx.db, log), await q.matchViewerOf(ctx.db, user.id, user.isPlatformAdmin)];
  return { index, viewer, userId: user.id };
}

/** The subject, if the viewer may see it (and, for a community, work its pipelines); else not_found. */
async function requireSubject(ctx: RequestContext, scope: Scope, ref: Ref, db: Executor = ctx.db): Promise<MatchFeatures> {
  if (ref.type === 'project') await requireVisibleProject(db, await loadViewer(ctx, db), ref.id);
  if (ref.type === 'community') await requireCommunityAccess(ctx, ref.id, 'pipeline.read', db);
  const features = scope.index.get(ref.type, ref.id);
  if (!features) throw new AppError('not_found');
  if (ref.type !== 'project' && ref.type !== 'community' && !canSee(scope.viewer, features.visibility)) throw new AppError('not_found');
  return features;
}

function requireCandidate(scope: Scope, ref: Ref): MatchFeatures {
  const features = scope.index.get(ref.type, ref.id);
  if (!features || !canSee(scope.viewer, features.visibility)) throw new AppError('not_found');
  return features;
}

function requireTarget(subject: MatchFeatures, target: MatchTarget): void {
  if (!targetsFor(subject).includes(target)) throw new AppError('validation_failed', { fields: { target: 'target_not_applicable' } });
}

const verdictMap = (rows: q.FeedbackRow[]) => new Map(rows.map((r) => [r.candidate_id, r.verdict as FeedbackVerdict]));

function cardOf(records: Map<string, MatchRecord>, f: Ref): MatchRecord {
  return (
    records.get(q.refKey(f.type, f.id)) ?? {
      type: f.type,
      id: f.id,
      titleZh: '',
      titleEn: null,
      kind: '',
      subtitle: '',
      segments: [],
      province: null,
      communityIds: [],
      slug: null,
    }
  );
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

// ---------------------------------------------------------------- lists and explanations

export async function listMatches(
  ctx: RequestContext,
  params: Ref,
  query: z.output<typeof matchesQuery>,
  log?: IndexLog,
): Promise<MatchList> {
  const scope = await scopeOf(ctx, log);
  const subject = await requireSubject(ctx, scope, params);
  requireTarget(subject, query.target);
  const own = verdictMap(await q.ownFeedback(ctx.db, scope.userId, params));
  const ranked = scope.index.top(query.target, params, {
    limit: query.limit,
    viewer: scope.viewer,
    ownFeedback: own,
    includeDismissed: query.includeDismissed,
  });
  const records = await q.recordsOf(ctx.db, [params, ...ranked.items.map((i) => ({ type: i.type, id: i.id }))]);
  return {
    subject: cardOf(records, subject),
    target: query.target,
    targets: targetsFor(subject),
    considered: ranked.considered,
    items: ranked.items.map(
      (i): MatchItem => ({
        candidate: cardOf(records, i),
        rank: i.rank,
        score: round(i.score.score),
        criteria: i.score.criteria,
        feedback: own.get(i.id) ?? null,
      }),
    ),
  };
}

/** The first of the subject's targets whose kind of record the candidate is. */
function targetBetween(subject: MatchFeatures, candidate: MatchFeatures, asked: MatchTarget | undefined): MatchTarget {
  const targets = targetsFor(subject);
  const target = asked ?? targets.find((t) => candidate.roles.includes(ROLE_OF_TARGET[t]));
  if (!target) throw new AppError('validation_failed', { fields: { target: 'target_not_applicable' } });
  requireTarget(subject, target);
  if (!candidate.roles.includes(ROLE_OF_TARGET[target])) throw new AppError('validation_failed', { fields: { target: 'target_not_applicable' } });
  return target;
}

/** How far down the list a pair explanation looks for the candidate's rank. */
const RANK_HORIZON = 200;

export async function explainMatch(
  ctx: RequestContext,
  params: { subjectType: MatchEntityType; subjectId: string; candidateType: MatchEntityType; candidateId: string },
  query: z.output<typeof explanationQuery>,
  log?: IndexLog,
): Promise<MatchExplanation> {
  const scope = await scopeOf(ctx, log);
  const subjectRef = { type: params.subjectType, id: params.subjectId };
  const candidateRef = { type: params.candidateType, id: params.candidateId };
  const subject = await requireSubject(ctx, scope, subjectRef);
  const candidate = requireCandidate(scope, candidateRef);
  const target = targetBetween(subject, candidate, query.target);
  const feedbackRows = await q.ownFeedback(ctx.db, scope.userId, subjectRef);
  const own = verdictMap(feedbackRows);
  const score = scope.index.explain(target, subjectRef, candidateRef);
  if (!score) throw new AppError('not_found');
  const ranked = scope.index.top(target, subjectRef, { limit: RANK_HORIZON, viewer: scope.viewer, ownFeedback: own, includeDismissed: true });
  const found = ranked.items.find((i) => i.type === candidate.type && i.id === candidate.id);
  const records = await q.recordsOf(ctx.db, [subjectRef, candidateRef]);
  const mine = feedbackRows.find((r) => r.candidate_type === candidate.type && r.candidate_id === candidate.id);
  return {
    subject: cardOf(records, subject),
    candidate: cardOf(records, candidate),
    target,
    score: round(score.score),
    rank: found ? found.rank : null,
    considered: ranked.considered,
    criteria: score.criteria,
    feedback: (mine?.verdict as FeedbackVerdict | undefined) ?? null,
    pipelineItemId: mine?.pipeline_item_id ?? null,
    partneringRequestId: mine?.partnering_request_id ?? null,
  };
}

// ---------------------------------------------------------------- feedback and contact

/**
 * The viewer's verdict on a pair (null clears it). Personal, not a community record: it is
 * not written to any community's audit log. The candidate's feedback aggregates change, so the
 * change feed carries it to every index.
 */
export async function putFeedback(ctx: RequestContext, body: z.output<typeof feedbackBody>, log?: IndexLog): Promise<FeedbackResult> {
  const scope = await scopeOf(ctx, log);
  const subjectRef = { type: body.subjectType, id: body.subjectId };
  const candidateRef = { type: body.candidateType, id: body.candidateId };
  return ctx.db.transaction(async (tx) => {
    await requireSubject(ctx, scope, subjectRef, tx);
    requireCandidate(scope, candidateRef);
    if (body.verdict === null) await q.deleteFeedback(tx, scope.userId, subjectRef, candidateRef);
    else await q.upsertFeedback(tx, scope.userId, subjectRef, candidateRef, body.verdict);
    await recordMatchChange(tx, candidateRef.type, [candidateRef.id]);
    return { verdict: body.verdict };
  });
}

/** The organisations that stand behind a record (a project's owner, an organisation itself, a brief's or challenge's poster). */
async function organisationsBehind(db: Executor, features: MatchFeatures): Promise<string[]> {
  if (features.type === 'organisation') return [features.id];
  if (features.type === 'project') return (await q.projectOwners(db, [features.id])).filter((id): id is string => !!id);
  if (features.type === 'brief' || features.type === 'challenge') return features.visibility.orgIds.length > 0 ? [...features.visibility.orgIds] : await q.posterOrganisations(db, features);
  return [];
}

export async function contactOptions(
  ctx: RequestContext,
  params: { subjectType: MatchEntityType; subjectId: string; candidateType: MatchEntityType; candidateId: string },
  log?: IndexLog,
): Promise<ContactOptions> {
  const scope = await scopeOf(ctx, log);
  await requireSubject(ctx, scope, { type: params.subjectType, id: params.subjectId });
  const candidate = requireCandidate(scope, { type: params.candidateType, id: params.candidateId });
  const communities = ctx.user!.isPlatformAdmin ? [] : await q.communitiesWithPipelineWrite(ctx.db, scope.userId);
  const pipelines = await q.pipelinesIn(ctx.db, communities);
  const orgs = await organisationsBehind(ctx.db, candidate);
  const events = await q.sharedPartneringEvents(ctx.db, scope.userId, orgs, candidate.type === 'project' ? [candidate.id] : [], { withoutLiveRequest: true });
  return {
    pipelines: pipelines.map((p) => ({ communityId: p.community_id, communityName: p.community_name, pipelineId: p.pipeline_id, pipelineName: p.pipeline_name })),
    partneringEvents: events.map((e) => ({ eventId: e.event_id, title: e.title, startsAt: new Date(e.starts_at).toISOString() })),
  };
}

/**
 * One click: the pair becomes a pipeline item in one of the viewer's communities (pipeline.write
 * there), or a partnering request to the candidate's participant at an event both take part in;
 * the viewer's verdict becomes "contacted" with what it became. One transaction: if the item or
 * the request cannot be created, no feedback is written either.
 */
export async function contact(ctx: RequestContext, body: z.output<typeof contactBody>, log?: IndexLog): Promise<z.infer<typeof contactResultSchema>> {
  const scope = await scopeOf(ctx, log);
  const subjectRef = { type: body.subjectType, id: body.subjectId };
  const candidateRef = { type: body.candidateType, id: body.candidateId };
  try {
    return await ctx.db.transaction(async (tx) => {
      const subject = await requireSubject(ctx, scope, subjectRef, tx);
      const candidate = requireCandidate(scope, candidateRef);
      let pipelineItemId: string | null = null;
      let partneringRequestId: string | null = null;
      if (body.via.kind === 'pipeline') {
        await requireCommunityAccess(ctx, body.via.communityId, 'pipeline.write', tx);
        const project = candidate.type === 'project' ? candidate : subject.type === 'project' ? subject : null;
        const organisation = candidate.type === 'organisation' ? candidate : subject.type === 'organisation' ? subject : null;
        const records = await q.recordsOf(tx, [project, organisation, candidate].filter((r): r is MatchFeatures => r !== null));
        const titled = project ?? organisation ?? candidate;
        const owner = project && !organisation ? (await q.projectOwners(tx, [project.id]))[0] ?? null : null;
        pipelineItemId = await insertItem(tx, ctx, {
          communityId: body.via.communityId,
          pipelineId: body.via.pipelineId,
          title: cardOf(records, titled).titleZh.slice(0, 200),
          projectId: project?.id ?? null,
          organisationId: organisation?.id ?? owner,
          ownerUserId: scope.userId,
          source: 'matching',
        });
      } else {
        const via = body.via;
        const orgs = await organisationsBehind(tx, candidate);
        // Not filtered by live requests: a repeated contact gets the partnering rule's own 409.
        const events = await q.sharedPartneringEvents(tx, scope.userId, orgs, candidate.type === 'project' ? [candidate.id] : [], { withoutLiveRequest: false });
        const event = events.find((e) => e.event_id === via.eventId);
        if (!event) throw new AppError('not_found');
        const request = await createRequestIn(tx, ctx, event.event_id, {
          toParticipantId: event.their_participant_id,
          priority: via.priority,
          message: via.message,
        });
        partneringRequestId = request.id;
      }
      await q.upsertFeedback(tx, scope.userId, subjectRef, candidateRef, 'contacted', { pipelineItemId, partneringRequestId });
      await recordMatchChange(tx, candidateRef.type, [candidateRef.id]);
      return { verdict: 'contacted' as const, pipelineItemId, partneringRequestId };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'partnering_requests_live_pair_key')) throw new AppError('partnering_request_exists');
    throw error;
  }
}

// ---------------------------------------------------------------- home suggestions

const GROUP_ITEMS = 5;
const MAX_GROUPS = 8;

/**
 * The viewer's home suggestions: for each of their subjects (organisations they represent,
 * communities they run, their briefs and open challenges, their organisations' projects) the
 * stored top matches of the last refresh, filtered by what the viewer may see now and by their
 * own dismissals; a subject the refresh has not stored yet is ranked live.
 */
export async function mySuggestions(ctx: RequestContext, log?: IndexLog): Promise<{ groups: SuggestionGroup[] }> {
  const scope = await scopeOf(ctx, log);
  const mine = await q.subjectsOfUser(ctx.db, scope.userId);
  const wanted: { ref: Ref; target: MatchTarget }[] = [];
  for (const c of mine.communities) wanted.push({ ref: { type: 'community', id: c }, target: 'projects' });
  for (const o of mine.orgs) {
    const features = scope.index.get('organisation', o.id);
    if (!features) continue;
    if (features.roles.includes('investor')) wanted.push({ ref: { type: 'organisation', id: o.id }, target: 'projects' });
    if (features.roles.includes('research_team')) wanted.push({ ref: { type: 'organisation', id: o.id }, target: 'challenges' });
    if (features.roles.includes('company')) wanted.push({ ref: { type: 'organisation', id: o.id }, target: 'briefs' });
  }
  for (const p of mine.projects.slice(0, 2)) {
    for (const target of ['investors', 'parks', 'services'] as const) wanted.push({ ref: { type: 'project', id: p }, target });
  }
  for (const b of mine.briefs) wanted.push({ ref: { type: 'brief', id: b }, target: 'companies' });
  for (const c of mine.challenges) wanted.push({ ref: { type: 'challenge', id: c }, target: 'research_teams' });

  const previous = await q.previousRefreshStart(ctx.db);
  const groups: { ref: Ref; target: MatchTarget; subject: MatchFeatures; items: { features: Ref; rank: number; score: number; criteria: MatchItem['criteria']; isNew: boolean }[]; refreshedAt: string | null }[] = [];
  for (const w of wanted) {
    if (groups.length >= MAX_GROUPS) break;
    const subject = scope.index.get(w.ref.type, w.ref.id);
    if (!subject || !targetsFor(subject).includes(w.target)) continue;
    const own = verdictMap(await q.ownFeedback(ctx.db, scope.userId, w.ref));
    const stored = await q.storedSuggestions(ctx.db, w.ref, w.target, 50);
    let items: (typeof groups)[number]['items'] = [];
    let refreshedAt: string | null = null;
    if (stored.length > 0) {
      refreshedAt = new Date(stored[0]!.refreshed_at).toISOString();
      for (const row of stored) {
        if (items.length >= GROUP_ITEMS) break;
        if (own.get(row.candidate_id) === 'not_relevant') continue;
        const candidate = scope.index.get(row.candidate_type, row.candidate_id);
        if (!candidate || !canSee(scope.viewer, candidate.visibility)) continue;
        const explained = scope.index.explain(w.target, w.ref, { type: row.candidate_type, id: row.candidate_id });
        if (!explained) continue;
        items.push({
          features: candidate,
          rank: items.length + 1,
          score: row.score,
          criteria: explained.criteria,
          isNew: previous !== null && new Date(row.first_suggested_at) > previous,
        });
      }
    } else {
      const ranked = scope.index.top(w.target, w.ref, { limit: GROUP_ITEMS, viewer: scope.viewer, ownFeedback: own, includeDismissed: false });
      items = ranked.items.map((i) => ({ features: { type: i.type, id: i.id }, rank: i.rank, score: i.score.score, criteria: i.score.criteria, isNew: false }));
    }
    if (items.length === 0) continue;
    groups.push({ ref: w.ref, target: w.target, subject, items, refreshedAt });
  }
  const records = await q.recordsOf(ctx.db, groups.flatMap((g) => [g.ref, ...g.items.map((i) => ({ type: i.features.type, id: i.features.id }))]));
  const ownAll = new Map<string, Map<string, FeedbackVerdict>>();
  for (const g of groups) ownAll.set(q.refKey(g.ref.type, g.ref.id), verdictMap(await q.ownFeedback(ctx.db, scope.userId, g.ref)));
  return {
    groups: groups.map((g) => ({
      subject: cardOf(records, g.subject),
      target: g.target,
      refreshedAt: g.refreshedAt,
      items: g.items.map((i) => ({
        candidate: cardOf(records, i.features),
        rank: i.rank,
        score: round(i.score),
        criteria: i.criteria,
        feedback: ownAll.get(q.refKey(g.ref.type, g.ref.id))?.get(i.features.id) ?? null,
        isNew: i.isNew,
      })),
    })),
  };
}
