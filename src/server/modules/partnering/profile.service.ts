/**
 * Taking part: the user's partnering events, an event's partnering overview, the opt-in form's
 * prefill from the directory, opting in and editing the profile, withdrawing, and browsing the
 * other participants (likely matches first).
 */
import { and, asc, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { affinity } from '../../../domain/partnering/affinity';
import type { PartneringSide, ParticipantStatus, PartneringMode } from '../../../domain/partnering/vocabularies';
import type { Locale } from '../../../domain/locales';
import type {
  MyParticipant,
  ParticipantListItem,
  PartneringOverview,
  participantListQuery,
  participantPageSchema,
  participantPrefillSchema,
  participantProfileInput,
  myPartneringEventsSchema,
  withdrawInput,
} from '../../../shared/schemas/partnering';
import type { Executor, Tx } from '../../db/client';
import {
  communities,
  eventRegistrations,
  events,
  organisationRepresentatives,
  organisations,
  partneringMeetings,
  partneringParticipants,
  partneringRequests,
  partneringSettings,
  partneringSlots,
  partneringUnavailability,
  people,
  personAffiliations,
  projects,
  taxonomyTerms,
  users,
} from '../../db/schema';
import { requireUser, type RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { decodeCursor, encodeCursor } from '../../http/pagination';
import { recordAudit } from '../audit/record';
import { isUniqueViolation } from '../directory/validation';
import { visibleProjects } from '../directory/project-visibility';
import { loadViewer } from '../directory/viewer';
import { eventFacts } from '../events/access';
import { enqueueEmail } from '../outbox/enqueue';
import {
  confirmedRegistration,
  iso,
  loadScope,
  OPT_IN_ERROR,
  optInBlockedBy,
  partneringLink,
  participantsByIds,
  requireReader,
  rulesOf,
  slotsOf,
  type ParticipantRow,
  type PartneringScope,
} from './access';
import { affinityParty, orgFactsOf, relationOf, toCard, viewerLinks, visibleProjectsOf } from './cards';
import { z as zod } from 'zod';

type ProfileInput = z.output<typeof participantProfileInput>;
type ListQuery = z.output<typeof participantListQuery>;

// ---------------------------------------------------------------- shaping

async function unavailableOf(db: Executor, participantId: string): Promise<string[]> {
  const rows = await db
    .select({ slotId: partneringUnavailability.slotId })
    .from(partneringUnavailability)
    .innerJoin(partneringSlots, eq(partneringSlots.id, partneringUnavailability.slotId))
    .where(eq(partneringUnavailability.participantId, participantId))
    .orderBy(asc(partneringSlots.startsAt));
  return rows.map((r) => r.slotId);
}

export async function toMine(ctx: RequestContext, db: Executor, row: ParticipantRow): Promise<MyParticipant> {
  const projectsById = await visibleProjectsOf(ctx, db, [row]);
  return {
    ...toCard(row, projectsById),
    status: row.status as ParticipantStatus,
    maxMeetings: row.maxMeetings,
    onlineUrl: row.onlineUrl,
    unavailableSlotIds: await unavailableOf(db, row.id),
    version: row.version,
  };
}

function auditView(row: ParticipantRow) {
  return {
    status: row.status,
    side: row.side,
    displayName: row.displayName,
    organisationName: row.organisationName,
    headline: row.headline,
    segments: row.segments,
    stages: row.stages,
    projectIds: row.projectIds,
    maxMeetings: row.maxMeetings,
    meetingPlace: row.meetingPlace,
    onlineUrl: row.onlineUrl,
  };
}

// ---------------------------------------------------------------- my partnering events

export async function myEvents(ctx: RequestContext): Promise<z.infer<typeof myPartneringEventsSchema>> {
  const user = requireUser(ctx);
  const db = ctx.db;
  // Events with partnering where the user takes part, or holds a confirmed registration.
  const rows = await db
    .select({
      eventId: events.id,
      title: events.title,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      status: events.status,
      timeZone: communities.timeZone,
      communityName: communities.nameZhHans,
      communityNameZhHant: communities.nameZhHant,
      communityNameEn: communities.nameEn,
      participantId: partneringParticipants.id,
      participantStatus: partneringParticipants.status,
    })
    .from(partneringSettings)
    .innerJoin(events, eq(events.id, partneringSettings.eventId))
    .innerJoin(communities, eq(communities.id, events.communityId))
    .leftJoin(partneringParticipants, and(eq(partneringParticipants.eventId, events.id), eq(partneringParticipants.userId, user.id)))
    .where(
      or(
        sql`${partneringParticipants.id} is not null`,
        and(
          ne(events.status, 'draft'),
          sql`exists (select 1 from ${eventRegistrations} r where r.event_id = ${events.id} and r.user_id = ${user.id} and r.status = 'confirmed')`,
        ),
      ),
    )
    .orderBy(asc(events.startsAt), asc(events.id));
  const mine = rows.flatMap((r) => (r.participantId ? [r.participantId] : []));
  const pending = new Map<string, number>();
  const published = new Map<string, number>();
  if (mine.length) {
    const p = await db
      .select({ id: partneringRequests.toParticipantId, n: sql<number>`count(*)::int` })
      .from(partneringRequests)
      .where(and(inArray(partneringRequests.toParticipantId, mine), eq(partneringRequests.status, 'pending')))
      .groupBy(partneringRequests.toParticipantId);
    for (const r of p) pending.set(r.id, Number(r.n));
    const m = await db
      .select({ a: partneringMeetings.participantAId, b: partneringMeetings.participantBId })
      .from(partneringMeetings)
      .where(
        and(
          eq(partneringMeetings.status, 'active'),
          sql`${partneringMeetings.publishedSlotId} is not null`,
          or(inArray(partneringMeetings.participantAId, mine), inArray(partneringMeetings.participantBId, mine)),
        ),
      );
    const set = new Set(mine);
    for (const r of m) for (const id of [r.a, r.b]) if (set.has(id)) published.set(id, (published.get(id) ?? 0) + 1);
  }
  const name = (r: (typeof rows)[number]) => (ctx.locale === 'en' ? r.communityNameEn : ctx.locale === 'zh-TW' ? r.communityNameZhHant : r.communityName);
  return {
    items: rows.map((r) => ({
      eventId: r.eventId,
      title: r.title,
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      timeZone: r.timeZone,
      communityName: name(r),
      participantStatus: (r.participantStatus as ParticipantStatus | null) ?? null,
      incomingPending: r.participantId ? (pending.get(r.participantId) ?? 0) : 0,
      publishedMeetings: r.participantId ? (published.get(r.participantId) ?? 0) : 0,
    })),
  };
}

// ---------------------------------------------------------------- overview

export async function overview(ctx: RequestContext, eventId: string): Promise<PartneringOverview> {
  const scope = await loadScope(ctx, eventId);
  const { event, community, settings, me } = scope;
  const db = ctx.db;
  const registration = await confirmedRegistration(db, eventId, scope.user.id);
  const rules = rulesOf(scope);
  const [{ n: participants } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(partneringParticipants)
    .where(and(eq(partneringParticipants.eventId, eventId), eq(partneringParticipants.status, 'active')));
  const counts = { participants: Number(participants), incomingPending: 0, outgoingLive: 0, accepted: 0, scheduled: 0 };
  if (me) {
    const [c] = await db
      .select({
        incomingPending: sql<number>`count(*) filter (where ${partneringRequests.toParticipantId} = ${me.id} and ${partneringRequests.status} = 'pending')::int`,
        outgoingLive: sql<number>`count(*) filter (where ${partneringRequests.fromParticipantId} = ${me.id} and ${partneringRequests.status} in ('pending', 'accepted'))::int`,
      })
      .from(partneringRequests)
      .where(and(eq(partneringRequests.eventId, eventId), or(eq(partneringRequests.fromParticipantId, me.id), eq(partneringRequests.toParticipantId, me.id))));
    const [m] = await db
      .select({
        accepted: sql<number>`count(*)::int`,
        scheduled: sql<number>`count(*) filter (where ${partneringMeetings.publishedSlotId} is not null)::int`,
      })
      .from(partneringMeetings)
      .where(and(eq(partneringMeetings.eventId, eventId), eq(partneringMeetings.status, 'active'), or(eq(partneringMeetings.participantAId, me.id), eq(partneringMeetings.participantBId, me.id))));
    Object.assign(counts, { incomingPending: Number(c?.incomingPending ?? 0), outgoingLive: Number(c?.outgoingLive ?? 0), accepted: Number(m?.accepted ?? 0), scheduled: Number(m?.scheduled ?? 0) });
  }
  const blocked = optInBlockedBy(event, settings, registration !== null);
  return {
    event: {
      id: event.id,
      communityId: community.id,
      communitySlug: community.slug,
      title: event.title,
      kind: event.kind as PartneringOverview['event']['kind'],
      status: event.status as PartneringOverview['event']['status'],
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      venue: event.venue,
      timeZone: community.timeZone,
    },
    rules: {
      mode: settings.mode as PartneringMode,
      optInOpen: settings.optInOpen,
      requestDeadline: new Date(rules.deadline).toISOString(),
      maxRequestsPerParticipant: settings.maxRequestsPerParticipant,
      allowedPairs: (settings.allowedPairs ?? null) as [PartneringSide, PartneringSide][] | null,
      defaultMaxMeetings: settings.defaultMaxMeetings,
    },
    slots: (await slotsOf(db, eventId)).map(toSlot),
    me: me ? await toMine(ctx, db, me) : null,
    // An active participant is in already; a withdrawn one sees why they may not come back.
    optInBlockedBy: me?.status === 'active' ? null : blocked,
    canManage: scope.canManage,
    counts,
    schedule: { version: settings.scheduleVersion, publishedAt: iso(settings.publishedAt) },
  };
}

export function toSlot(s: typeof partneringSlots.$inferSelect) {
  return { id: s.id, day: s.day, session: s.session, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() };
}

// ---------------------------------------------------------------- the directory's view of the user

interface DirectoryFacts {
  personId: string | null;
  displayName: string;
  jobTitle: string;
  organisation: typeof organisations.$inferSelect | null;
}

/**
 * The user's person (people.user_id) and organisation: one they represent first, else their
 * current affiliation (the earliest recorded), with its role as the job title.
 */
async function directoryFacts(ctx: RequestContext, db: Executor): Promise<DirectoryFacts> {
  const user = requireUser(ctx);
  const [person] = await db.select().from(people).where(eq(people.userId, user.id));
  const [represented] = await db
    .select({ id: organisationRepresentatives.organisationId })
    .from(organisationRepresentatives)
    .where(eq(organisationRepresentatives.userId, user.id))
    .orderBy(asc(organisationRepresentatives.createdAt), asc(organisationRepresentatives.organisationId))
    .limit(1);
  const affiliations = person
    ? await db
        .select({ organisationId: personAffiliations.organisationId, role: personAffiliations.role })
        .from(personAffiliations)
        .where(and(eq(personAffiliations.personId, person.id), eq(personAffiliations.isCurrent, true)))
        .orderBy(asc(personAffiliations.createdAt), asc(personAffiliations.id))
    : [];
  const organisationId = represented?.id ?? affiliations[0]?.organisationId ?? null;
  const [organisation] = organisationId ? await db.select().from(organisations).where(eq(organisations.id, organisationId)) : [];
  const role = affiliations.find((a) => a.organisationId === organisationId)?.role ?? person?.title ?? '';
  const displayName = person ? (ctx.locale === 'en' && person.nameEn ? person.nameEn : person.nameZh) : user.displayName;
  return { personId: person?.id ?? null, displayName, jobTitle: role, organisation: organisation ?? null };
}

/**
 * The side a directory organisation comes as: investing kinds are investors; a listed
 * enterprise is pharma, an unlisted one a startup; universities and institutes research;
 * hospitals; service providers; park operators and government agencies the park; else other.
 */
export function sideOfOrganisation(org: { kind: string; listingStatus: string } | null): PartneringSide {
  if (!org) return 'other';
  switch (org.kind) {
    case 'investor':
    case 'guidance_fund':
    case 'state_financing':
      return 'investor';
    case 'enterprise':
      return org.listingStatus === 'listed' ? 'pharma' : 'startup';
    case 'university':
    case 'research_institute':
      return 'research';
    case 'hospital':
      return 'hospital';
    case 'service_provider':
      return 'service';
    case 'park_operator':
    case 'government_agency':
      return 'park';
    default:
      return 'other';
  }
}

/** Projects of the organisation the user may see (and so may present), newest first. */
async function presentableProjects(ctx: RequestContext, db: Executor, organisationId: string | null) {
  if (!organisationId) return [];
  const rows = await db.select().from(projects).where(eq(projects.ownerOrganisationId, organisationId)).orderBy(desc(projects.createdAt), asc(projects.id));
  return visibleProjects(db, await loadViewer(ctx, db), rows);
}

export async function prefill(ctx: RequestContext, eventId: string): Promise<z.infer<typeof participantPrefillSchema>> {
  await loadScope(ctx, eventId);
  const facts = await directoryFacts(ctx, ctx.db);
  const org = facts.organisation;
  const side = sideOfOrganisation(org);
  const projectRows = await presentableProjects(ctx, ctx.db, org?.id ?? null);
  const segments = side === 'investor' ? [...new Set([...(org?.thesisSegments ?? []), ...(org?.segments ?? [])])] : (org?.segments ?? []);
  const stages = side === 'investor' ? (org?.thesisStages ?? []) : [...new Set(projectRows.map((p) => p.stage))];
  return {
    displayName: facts.displayName,
    organisationId: org?.id ?? null,
    organisationName: org ? (ctx.locale === 'en' && org.nameEn ? org.nameEn : org.nameZh) : '',
    jobTitle: facts.jobTitle,
    side,
    segments,
    stages,
    projects: projectRows.map((p) => ({ id: p.id, nameZh: p.nameZh, nameEn: p.nameEn, segment: p.segment, stage: p.stage, fundingSoughtFen: p.fundingSoughtFen })),
  };
}

// ---------------------------------------------------------------- opting in, editing, withdrawing

async function knownTerms(db: Executor, taxonomy: 'segment' | 'stage'): Promise<Set<string> | null> {
  const rows = await db.select({ code: taxonomyTerms.code }).from(taxonomyTerms).where(eq(taxonomyTerms.taxonomy, taxonomy));
  return rows.length ? new Set(rows.map((r) => r.code)) : null;
}

/** Field-level checks against the database; every problem is reported at once (400). */
async function validateProfile(ctx: RequestContext, db: Executor, eventId: string, input: ProfileInput, organisationId: string | null): Promise<void> {
  const fields: Record<string, string> = {};
  if (input.meetingPlace === 'online' && !input.onlineUrl) fields.onlineUrl = 'partnering_online_url_required';
  for (const [key, taxonomy] of [
    ['segments', 'segment'],
    ['stages', 'stage'],
  ] as const) {
    const known = await knownTerms(db, taxonomy);
    if (!known) continue;
    input[key].forEach((code, i) => {
      if (!known.has(code)) fields[`${key}.${i}`] = 'partnering_unknown_term';
    });
  }
  if (input.unavailableSlotIds.length) {
    const rows = await db
      .select({ id: partneringSlots.id })
      .from(partneringSlots)
      .where(and(eq(partneringSlots.eventId, eventId), inArray(partneringSlots.id, [...new Set(input.unavailableSlotIds)])));
    const ids = new Set(rows.map((r) => r.id));
    input.unavailableSlotIds.forEach((id, i) => {
      if (!ids.has(id)) fields[`unavailableSlotIds.${i}`] = 'partnering_unknown_slot';
    });
  }
  if (input.projectIds.length) {
    const allowed = new Set((await presentableProjects(ctx, db, organisationId)).map((p) => p.id));
    input.projectIds.forEach((id, i) => {
      if (!allowed.has(id)) fields[`projectIds.${i}`] = 'partnering_project_not_presentable';
    });
  }
  if (Object.keys(fields).length) throw new AppError('validation_failed', { fields });
}

function dedupe<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/**
 * Opts in (no record yet, or a withdrawn one to reactivate) or edits the profile. Without a
 * record `version` is ignored; with one it is required and must match (409 version_conflict).
 * Answers 200 with the record either way.
 */
export async function saveProfile(ctx: RequestContext, eventId: string, input: ProfileInput): Promise<MyParticipant> {
  const user = requireUser(ctx);
  try {
    return await ctx.db.transaction(async (tx) => {
      const scope = await loadScope(ctx, eventId, tx, { lockMe: true });
      const { event, settings } = scope;
      const before = scope.me;
      if (before && input.version !== before.version) throw new AppError('version_conflict');
      const registration = await confirmedRegistration(tx, eventId, user.id);
      const blocked = optInBlockedBy(event, settings, registration !== null);
      if (blocked) throw new AppError(OPT_IN_ERROR[blocked]);
      const facts = await directoryFacts(ctx, tx);
      const organisationId = facts.organisation?.id ?? null;
      await validateProfile(ctx, tx, eventId, input, organisationId);
      const values = {
        registrationId: registration!.id,
        organisationId,
        personId: facts.personId,
        side: input.side,
        displayName: input.displayName,
        organisationName: input.organisationName,
        jobTitle: input.jobTitle,
        headline: input.headline,
        offer: input.offer,
        seek: input.seek,
        segments: dedupe(input.segments),
        stages: dedupe(input.stages),
        projectIds: dedupe(input.projectIds),
        maxMeetings: input.maxMeetings,
        meetingPlace: input.meetingPlace,
        onlineUrl: input.onlineUrl,
        status: 'active',
        locale: user.locale,
      };
      let row: ParticipantRow;
      if (before) {
        [row] = (await tx
          .update(partneringParticipants)
          .set({ ...values, version: sql`${partneringParticipants.version} + 1`, updatedAt: new Date() })
          .where(eq(partneringParticipants.id, before.id))
          .returning()) as [ParticipantRow];
        await tx.delete(partneringUnavailability).where(eq(partneringUnavailability.participantId, row.id));
      } else {
        [row] = (await tx.insert(partneringParticipants).values({ eventId, userId: user.id, ...values }).returning()) as [ParticipantRow];
      }
      const slotIds = dedupe(input.unavailableSlotIds);
      if (slotIds.length) await tx.insert(partneringUnavailability).values(slotIds.map((slotId) => ({ participantId: row.id, slotId })));
      await recordAudit(tx, ctx, {
        communityId: event.communityId,
        action: !before ? 'partnering_participant.opted_in' : before.status === 'withdrawn' ? 'partnering_participant.rejoined' : 'partnering_participant.updated',
        entityType: 'partnering_participant',
        entityId: row.id,
        entityLabel: row.displayName,
        before: before ? { ...auditView(before) } : null,
        after: { ...auditView(row), unavailableSlotIds: slotIds },
      });
      return toMine(ctx, tx, row);
    });
  } catch (error) {
    // Two opt-ins at once: the second meets the first's row.
    if (isUniqueViolation(error, 'partnering_participants_user_key')) throw new AppError('version_conflict');
    throw error;
  }
}

/** Tells the counterparts of cancelled requests and meetings, once each. */
export async function tellCancelled(
  tx: Tx,
  ctx: RequestContext,
  scope: Pick<PartneringScope, 'event' | 'community'>,
  by: ParticipantRow,
  counterpartIds: string[],
  reason: string | null,
): Promise<void> {
  const ids = dedupe(counterpartIds);
  if (!ids.length) return;
  const rows = await recipients(tx, ids);
  for (const r of rows) {
    await enqueueEmail(tx, {
      recipient: r.email,
      template: 'partnering_request_cancelled',
      locale: r.locale as Locale,
      eventId: scope.event.id,
      payload: {
        ...eventFacts(scope.event, scope.community),
        name: r.displayName,
        counterpartName: by.displayName,
        counterpartOrganisation: by.organisationName,
        reason,
        link: partneringLink(ctx, scope.event.id),
      },
    });
  }
}

/** Participants with the e-mail address of their account. */
export async function recipients(db: Executor, ids: string[]) {
  return db
    .select({ id: partneringParticipants.id, displayName: partneringParticipants.displayName, locale: partneringParticipants.locale, email: users.email })
    .from(partneringParticipants)
    .innerJoin(users, eq(users.id, partneringParticipants.userId))
    .where(inArray(partneringParticipants.id, ids));
}

/**
 * Withdraws from partnering: pending and accepted requests either way are cancelled, every
 * active meeting of the participant is cancelled (so it leaves both agendas), and each
 * counterpart is told.
 */
export async function withdraw(ctx: RequestContext, eventId: string, input: z.output<typeof withdrawInput>): Promise<MyParticipant> {
  return ctx.db.transaction(async (tx) => {
    const scope = await loadScope(ctx, eventId, tx, { lockMe: true });
    const me = scope.me;
    if (!me) throw new AppError('partnering_not_participant');
    if (me.version !== input.version) throw new AppError('version_conflict');
    if (me.status === 'withdrawn') throw new AppError('state_conflict', { detail: 'already withdrawn' });
    const now = new Date();
    const [row] = (await tx
      .update(partneringParticipants)
      .set({ status: 'withdrawn', version: sql`${partneringParticipants.version} + 1`, updatedAt: now })
      .where(eq(partneringParticipants.id, me.id))
      .returning()) as [ParticipantRow];
    const cancelled = await tx
      .update(partneringRequests)
      .set({ status: 'cancelled', cancelledByParticipantId: me.id, cancelledAt: now, version: sql`${partneringRequests.version} + 1`, updatedAt: now })
      .where(
        and(
          eq(partneringRequests.eventId, eventId),
          inArray(partneringRequests.status, ['pending', 'accepted']),
          or(eq(partneringRequests.fromParticipantId, me.id), eq(partneringRequests.toParticipantId, me.id)),
        ),
      )
      .returning({ id: partneringRequests.id, from: partneringRequests.fromParticipantId, to: partneringRequests.toParticipantId });
    const meetings = await tx
      .update(partneringMeetings)
      .set({ status: 'cancelled', cancelledAt: now, version: sql`${partneringMeetings.version} + 1`, updatedAt: now })
      .where(
        and(
          eq(partneringMeetings.eventId, eventId),
          eq(partneringMeetings.status, 'active'),
          or(eq(partneringMeetings.participantAId, me.id), eq(partneringMeetings.participantBId, me.id)),
        ),
      )
      .returning({ id: partneringMeetings.id, a: partneringMeetings.participantAId, b: partneringMeetings.participantBId });
    const counterparts = [...cancelled.map((r) => (r.from === me.id ? r.to : r.from)), ...meetings.map((m) => (m.a === me.id ? m.b : m.a))];
    await tellCancelled(tx, ctx, scope, me, counterparts, null);
    await recordAudit(tx, ctx, {
      communityId: scope.event.communityId,
      action: 'partnering_participant.withdrawn',
      entityType: 'partnering_participant',
      entityId: me.id,
      entityLabel: me.displayName,
      before: { status: me.status },
      after: { status: 'withdrawn', requestsCancelled: cancelled.length, meetingsCancelled: meetings.length },
    });
    return toMine(ctx, tx, row);
  });
}

// ---------------------------------------------------------------- browsing

const nameCursor = zod.object({ n: zod.string(), i: zod.string() });
const offsetCursor = zod.object({ o: zod.number().int().min(0) });

function matchesQuery(p: ParticipantRow, q: string): boolean {
  const needle = q.toLowerCase();
  return [p.displayName, p.organisationName, p.headline, p.offer, p.seek].some((f) => f.toLowerCase().includes(needle));
}

function compareNames(a: ParticipantRow, b: ParticipantRow): number {
  const n = a.displayName.localeCompare(b.displayName, 'zh-CN');
  return n !== 0 ? n : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The active participants except the caller. Sorted by match (the default) scores every
 * candidate in memory (an event has at most some 16,000 participants), so its cursor is an
 * offset; sorted by name the cursor is a keyset (name, id).
 */
export async function listParticipants(ctx: RequestContext, eventId: string, query: ListQuery): Promise<z.infer<typeof participantPageSchema>> {
  const scope = await loadScope(ctx, eventId);
  requireReader(scope);
  const db = ctx.db;
  const me = scope.me;
  const conditions = [eq(partneringParticipants.eventId, eventId), eq(partneringParticipants.status, 'active')];
  if (me) conditions.push(ne(partneringParticipants.id, me.id));
  if (query.side) conditions.push(eq(partneringParticipants.side, query.side));
  if (query.segment) conditions.push(sql`${query.segment} = any(${partneringParticipants.segments})`);
  let rows = await db.select().from(partneringParticipants).where(and(...conditions));
  if (query.q) rows = rows.filter((p) => matchesQuery(p, query.q!));
  const total = rows.length;

  const projectsById = await visibleProjectsOf(ctx, db, me ? [me, ...rows] : rows);
  const orgs = await orgFactsOf(db, me ? [me, ...rows] : rows);
  const mine = me ? affinityParty(me, orgs, projectsById) : null;
  const scoreOf = (p: ParticipantRow) => (mine ? affinity(mine, affinityParty(p, orgs, projectsById)) : null);

  let page: { row: ParticipantRow; fit: ReturnType<typeof scoreOf> }[];
  let nextCursor: string | null = null;
  if (query.sort === 'name') {
    rows.sort(compareNames);
    const after = decodeCursor(query.cursor, nameCursor);
    const start = after ? rows.findIndex((p) => compareNames(p, { displayName: after.n, id: after.i } as ParticipantRow) > 0) : 0;
    const slice = start < 0 ? [] : rows.slice(start, start + query.limit + 1);
    page = slice.slice(0, query.limit).map((row) => ({ row, fit: scoreOf(row) }));
    const last = page[page.length - 1]?.row;
    if (slice.length > query.limit && last) nextCursor = encodeCursor({ n: last.displayName, i: last.id });
  } else {
    const scored = rows.map((row) => ({ row, fit: scoreOf(row) }));
    scored.sort((a, b) => (b.fit?.score ?? 0) - (a.fit?.score ?? 0) || compareNames(a.row, b.row));
    const offset = decodeCursor(query.cursor, offsetCursor)?.o ?? 0;
    page = scored.slice(offset, offset + query.limit);
    if (offset + query.limit < scored.length) nextCursor = encodeCursor({ o: offset + query.limit });
  }
  const links = await viewerLinks(db, eventId, me);
  const rules = rulesOf(scope);
  const items: ParticipantListItem[] = page.map(({ row, fit }) => ({
    ...toCard(row, projectsById),
    matchScore: fit?.score ?? null,
    reasons: fit?.reasons ?? [],
    relation: relationOf(me, row, links, rules),
  }));
  return { items, total, nextCursor };
}

export async function participantDetail(ctx: RequestContext, eventId: string, participantId: string): Promise<ParticipantListItem> {
  const scope = await loadScope(ctx, eventId);
  requireReader(scope);
  const db = ctx.db;
  const other = (await participantsByIds(db, eventId, [participantId])).get(participantId);
  if (!other || other.status !== 'active' || other.id === scope.me?.id) throw new AppError('not_found');
  const me = scope.me;
  const both = me ? [me, other] : [other];
  const projectsById = await visibleProjectsOf(ctx, db, both);
  const orgs = await orgFactsOf(db, both);
  const fit = me ? affinity(affinityParty(me, orgs, projectsById), affinityParty(other, orgs, projectsById)) : null;
  return {
    ...toCard(other, projectsById),
    matchScore: fit?.score ?? null,
    reasons: fit?.reasons ?? [],
    relation: relationOf(me, other, await viewerLinks(db, eventId, me), rulesOf(scope)),
  };
}

