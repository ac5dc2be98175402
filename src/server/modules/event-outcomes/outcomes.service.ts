import type { z } from 'zod';
import { APPLICATION_STATUSES, FOLLOW_UP_SOURCES, REGISTRATION_STATUSES, type SigningStatus } from '../../../domain/events/vocabularies';
import type { AgreementKind, AgreementStatus, PartyRole } from '../../../domain/lifecycle/vocabularies';
import type { AttendeeList, attendeeQuery, Outcomes } from '../../../shared/schemas/event-outcomes';
import type { RequestContext } from '../../http/context';
import { partiesOf } from '../agreements/queries';
import { visibleProjects } from '../directory/project-visibility';
import { loadViewer } from '../directory/viewer';
import { followUps } from './follow-ups.service';
import { requireEvent } from './gate';
import * as q from './queries';

/**
 * What an event produced: attendance (by status and ticket type, check-ins, no-shows once it
 * has ended), agreements signed at it, applications, projects presented and the follow-ups
 * created into pipelines. Organisers only (events.manage).
 */

const zeroes = <T extends string>(keys: readonly T[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<T, number>;

export async function outcomes(ctx: RequestContext, communityId: string, eventId: string): Promise<Outcomes> {
  const { event } = await requireEvent(ctx, communityId, eventId);
  const ended = event.endsAt.getTime() <= Date.now();

  const counts = await q.registrationCounts(ctx.db, eventId);
  const byStatus = zeroes(REGISTRATION_STATUSES);
  let checkedIn = 0;
  for (const c of counts) {
    byStatus[c.status as keyof typeof byStatus] += Number(c.n);
    checkedIn += Number(c.checked_in);
  }
  const byTicketType = (await q.ticketTypesOf(ctx.db, eventId)).map((t) => {
    const of = (status: string) => counts.filter((c) => c.ticket_type_id === t.id && c.status === status).reduce((n, c) => n + Number(c.n), 0);
    return {
      ticketTypeId: t.id,
      name: t.name,
      capacity: t.capacity,
      confirmed: of('confirmed'),
      waitlisted: of('waitlisted'),
      pending: of('pending'),
      checkedIn: counts.filter((c) => c.ticket_type_id === t.id).reduce((n, c) => n + Number(c.checked_in), 0),
    };
  });
  const confirmed = byStatus.confirmed;

  const agreementRows = await q.agreementsOfEvent(ctx.db, communityId, eventId);
  const parties = await partiesOf(ctx.db, agreementRows.map((a) => a.id));
  let amountFen = 0;
  let withoutAmount = 0;
  for (const a of agreementRows) {
    if (a.amount_fen === null) withoutAmount += 1;
    else amountFen += Number(a.amount_fen);
  }

  const applicationsByStatus = zeroes(APPLICATION_STATUSES);
  for (const a of await q.applicationCounts(ctx.db, eventId)) applicationsByStatus[a.status as keyof typeof applicationsByStatus] += Number(a.n);

  // Presented projects are named only when the organiser may see them in the directory now.
  const presented = await q.presentedProjects(ctx.db, eventId);
  const visible = new Set((await visibleProjects(ctx.db, await loadViewer(ctx), presented.map((p) => p.project))).map((p) => p.id));

  const follow = await followUps(ctx, eventId);
  const bySource = zeroes(FOLLOW_UP_SOURCES);
  for (const f of follow) bySource[f.source] += 1;

  return {
    ended,
    registrations: {
      total: Object.values(byStatus).reduce((a, b) => a + b, 0),
      byStatus,
      byTicketType,
      checkedIn,
      noShows: ended ? confirmed - checkedIn : null,
      attendanceRate: confirmed > 0 ? checkedIn / confirmed : null,
    },
    agreements: {
      count: agreementRows.length,
      amountFen,
      withoutAmount,
      items: agreementRows.map((a) => ({
        id: a.id,
        title: a.title,
        kind: a.kind as AgreementKind,
        status: a.status as AgreementStatus,
        amountFen: a.amount_fen === null ? null : Number(a.amount_fen),
        signedOn: a.signed_on,
        signingStatus: (a.signing_status as SigningStatus | null) ?? null,
        parties: parties
          .filter((p) => p.agreementId === a.id)
          .map((p) => ({ organisation: { entityType: 'organisation' as const, id: p.organisationId, nameZh: p.nameZh, nameEn: p.nameEn }, role: p.role as PartyRole, position: p.position })),
      })),
    },
    applications: { total: Object.values(applicationsByStatus).reduce((a, b) => a + b, 0), byStatus: applicationsByStatus },
    projects: {
      count: presented.length,
      items: presented
        .filter((p) => visible.has(p.project.id))
        .map((p) => ({
          project: { entityType: 'project' as const, id: p.project.id, nameZh: p.project.nameZh, nameEn: p.project.nameEn },
          organisation:
            p.project.ownerOrganisationId && p.organisationNameZh !== null
              ? { entityType: 'organisation' as const, id: p.project.ownerOrganisationId, nameZh: p.organisationNameZh, nameEn: p.organisationNameEn }
              : null,
        })),
    },
    followUps: { count: follow.length, bySource, items: follow },
  };
}

/** Confirmed attendees for the follow-up picker: checked in first, then in arrival order. */
export async function attendeeList(ctx: RequestContext, communityId: string, eventId: string, query: z.output<typeof attendeeQuery>): Promise<AttendeeList> {
  await requireEvent(ctx, communityId, eventId);
  const { rows, total } = await q.attendees(ctx.db, eventId, { q: query.q, checkedIn: query.checkedIn === undefined ? undefined : query.checkedIn === 'true' }, 50);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      organisationName: r.organisation_name,
      jobTitle: r.job_title,
      ticketTypeName: r.ticket_type_name,
      organisation: r.organisation_id && r.org_name_zh !== null ? { entityType: 'organisation' as const, id: r.organisation_id, nameZh: r.org_name_zh, nameEn: r.org_name_en } : null,
      checkedInAt: r.checked_in_at === null ? null : new Date(r.checked_in_at).toISOString(),
      followUpCount: Number(r.follow_ups),
    })),
  };
}
