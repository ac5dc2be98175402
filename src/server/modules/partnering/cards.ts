/**
 * Participants as others see them (cards), the directory facts the ranking needs, and how the
 * viewer stands with each (relation). A card lists only the presented projects the viewer may
 * see in the directory, so presenting a project never widens its confidentiality.
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import type { AffinityParty } from '../../../domain/partnering/affinity';
import { requestBlockedBy, type RequestRules } from '../../../domain/partnering/request-rules';
import { LIVE_REQUEST_STATUSES, type MeetingPlace, type PartneringPriority, type PartneringSide, type ParticipantStatus, type RequestStatus } from '../../../domain/partnering/vocabularies';
import type { ParticipantCard } from '../../../shared/schemas/partnering';
import type { z } from 'zod';
import type { relationSchema } from '../../../shared/schemas/partnering';
import type { Executor } from '../../db/client';
import { organisations, partneringRequests, partneringWishes, projects } from '../../db/schema';
import type { RequestContext } from '../../http/context';
import { visibleProjects } from '../directory/project-visibility';
import { loadViewer } from '../directory/viewer';
import type { ParticipantRow } from './access';

type ProjectRow = typeof projects.$inferSelect;
export type Relation = z.infer<typeof relationSchema>;
type RequestRow = typeof partneringRequests.$inferSelect;

/** The presented projects of `participants` the signed-in user may see, by id. */
export async function visibleProjectsOf(ctx: RequestContext, db: Executor, participants: ParticipantRow[]): Promise<Map<string, ProjectRow>> {
  const ids = [...new Set(participants.flatMap((p) => p.projectIds))];
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(projects).where(inArray(projects.id, ids));
  const visible = await visibleProjects(db, await loadViewer(ctx, db), rows);
  return new Map(visible.map((r) => [r.id, r]));
}

export function projectBrief(p: ProjectRow) {
  return { id: p.id, nameZh: p.nameZh, nameEn: p.nameEn, segment: p.segment, stage: p.stage, fundingSoughtFen: p.fundingSoughtFen };
}

export function toCard(p: ParticipantRow, projectsById: Map<string, ProjectRow>): ParticipantCard {
  return {
    id: p.id,
    side: p.side as PartneringSide,
    displayName: p.displayName,
    organisationName: p.organisationName,
    organisationId: p.organisationId,
    jobTitle: p.jobTitle,
    headline: p.headline,
    offer: p.offer,
    seek: p.seek,
    segments: p.segments,
    stages: p.stages,
    projects: p.projectIds.flatMap((id) => {
      const row = projectsById.get(id);
      return row ? [projectBrief(row)] : [];
    }),
    meetingPlace: p.meetingPlace as MeetingPlace,
  };
}

export interface OrgFacts {
  thesisSegments: string[];
  thesisStages: string[];
  ticketMinFen: number | null;
  ticketMaxFen: number | null;
}

export async function orgFactsOf(db: Executor, participants: ParticipantRow[]): Promise<Map<string, OrgFacts>> {
  const ids = [...new Set(participants.flatMap((p) => (p.organisationId ? [p.organisationId] : [])))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: organisations.id, thesisSegments: organisations.thesisSegments, thesisStages: organisations.thesisStages, ticketMinFen: organisations.ticketMinFen, ticketMaxFen: organisations.ticketMaxFen })
    .from(organisations)
    .where(inArray(organisations.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

export function affinityParty(p: ParticipantRow, orgs: Map<string, OrgFacts>, projectsById: Map<string, ProjectRow>): AffinityParty {
  const org = p.organisationId ? orgs.get(p.organisationId) : undefined;
  return {
    side: p.side as PartneringSide,
    segments: p.segments,
    stages: p.stages,
    offer: p.offer,
    seek: p.seek,
    thesisSegments: org?.thesisSegments ?? [],
    thesisStages: org?.thesisStages ?? [],
    ticketMinFen: org?.ticketMinFen ?? null,
    ticketMaxFen: org?.ticketMaxFen ?? null,
    fundingSoughtFen: p.projectIds.flatMap((id) => {
      const f = projectsById.get(id)?.fundingSoughtFen;
      return f ? [f] : [];
    }),
  };
}

/** What the viewer has to do with other participants: requests either way, wishes either way. */
export interface ViewerLinks {
  /** The latest request with each counterpart (a live one wins over older closed ones). */
  requests: Map<string, RequestRow>;
  liveSent: number;
  myWishes: Map<string, PartneringPriority>;
  wishedMe: Set<string>;
}

export async function viewerLinks(db: Executor, eventId: string, me: ParticipantRow | null): Promise<ViewerLinks> {
  const out: ViewerLinks = { requests: new Map(), liveSent: 0, myWishes: new Map(), wishedMe: new Set() };
  if (!me) return out;
  const requests = await db
    .select()
    .from(partneringRequests)
    .where(and(eq(partneringRequests.eventId, eventId), or(eq(partneringRequests.fromParticipantId, me.id), eq(partneringRequests.toParticipantId, me.id))));
  const live = (r: RequestRow) => (LIVE_REQUEST_STATUSES as readonly string[]).includes(r.status);
  for (const r of requests) {
    if (r.fromParticipantId === me.id && live(r)) out.liveSent += 1;
    const other = r.fromParticipantId === me.id ? r.toParticipantId : r.fromParticipantId;
    const known = out.requests.get(other);
    if (!known || (live(r) && !live(known)) || (live(r) === live(known) && r.createdAt > known.createdAt)) out.requests.set(other, r);
  }
  const wishes = await db
    .select()
    .from(partneringWishes)
    .where(and(eq(partneringWishes.eventId, eventId), or(eq(partneringWishes.participantId, me.id), eq(partneringWishes.targetParticipantId, me.id))));
  for (const w of wishes) {
    if (w.participantId === me.id) out.myWishes.set(w.targetParticipantId, w.priority as PartneringPriority);
    else out.wishedMe.add(w.participantId);
  }
  return out;
}

export function relationOf(me: ParticipantRow | null, other: ParticipantRow, links: ViewerLinks, rules: RequestRules, now = Date.now()): Relation {
  const request = links.requests.get(other.id);
  const wish = links.myWishes.get(other.id) ?? null;
  const blocked = me
    ? requestBlockedBy(rules, {
        now,
        from: { id: me.id, side: me.side as PartneringSide, status: me.status as ParticipantStatus },
        to: { id: other.id, side: other.side as PartneringSide, status: other.status as ParticipantStatus },
        liveSent: links.liveSent,
        liveBetween: request ? (LIVE_REQUEST_STATUSES as readonly string[]).includes(request.status) : false,
      })
    : 'withdrawn';
  return {
    request: request
      ? {
          id: request.id,
          direction: request.fromParticipantId === me?.id ? 'outgoing' : 'incoming',
          status: request.status as RequestStatus,
          priority: request.priority as PartneringPriority,
        }
      : null,
    wish,
    // Shown only once mutual: a wish for the viewer stays hidden until they wish back.
    mutualWish: wish !== null && links.wishedMe.has(other.id),
    canRequest: blocked === null,
    requestBlockedBy: blocked,
  };
}
