import type { z } from 'zod';
import type { FollowUpSource } from '../../../domain/events/vocabularies';
import { can, isMembershipRole } from '../../../domain/roles';
import type { FollowUp, followUpCreateInput } from '../../../shared/schemas/event-outcomes';
import { CATALOGUES } from '../../../web/i18n/catalogue';
import type { Executor, Tx } from '../../db/client';
import { requireUser, type RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { requireVisibleProject, visibleProjects } from '../directory/project-visibility';
import { loadViewer } from '../directory/viewer';
import { insertItem } from '../pipelines/insert-item';
import { membershipRole } from '../pipelines/queries';
import { fieldError, requireEvent } from './gate';
import * as q from './queries';

/**
 * Follow-ups: a pipeline item created from an event — from an attendee (their directory
 * organisation), an application or a presented project (its project) — with an
 * `event_follow_ups` row and a first activity naming the event, all in one transaction. The
 * pipeline must be the community's; the same project (or organisation) open in it already is
 * refused with 409.
 */

type CreateInput = z.output<typeof followUpCreateInput>;

export async function followUps(ctx: RequestContext, eventId: string, id?: string, db: Executor = ctx.db): Promise<FollowUp[]> {
  const rows = await q.followUpsOf(db, eventId, id);
  const projectRows = await q.projectsByIds(db, [...new Set(rows.flatMap((r) => (r.project_id ? [r.project_id] : [])))]);
  const visible = new Map((await visibleProjects(db, await loadViewer(ctx, db), projectRows)).map((p) => [p.id, p]));
  return rows.map((r) => {
    const project = r.project_id ? visible.get(r.project_id) : undefined;
    return {
      id: r.id,
      source: r.source as FollowUpSource,
      item: {
        id: r.item_id,
        title: r.item_title,
        pipelineId: r.pipeline_id,
        pipelineName: r.pipeline_name,
        stageId: r.stage_id,
        stageName: r.stage_name,
        lost: r.lost_reason !== null,
        owner: r.owner_user_id && r.owner_name !== null ? { id: r.owner_user_id, displayName: r.owner_name } : null,
      },
      registration: r.registration_id && r.registration_name !== null ? { id: r.registration_id, name: r.registration_name, organisationName: r.registration_org ?? '' } : null,
      application: r.application_id && r.application_project !== null ? { id: r.application_id, projectName: r.application_project } : null,
      project: project ? { entityType: 'project' as const, id: project.id, nameZh: project.nameZh, nameEn: project.nameEn } : null,
      organisation: r.organisation_id && r.organisation_name_zh !== null ? { entityType: 'organisation' as const, id: r.organisation_id, nameZh: r.organisation_name_zh, nameEn: r.organisation_name_en } : null,
      createdBy: r.created_by && r.creator_name !== null ? { id: r.created_by, displayName: r.creator_name } : null,
      createdAt: new Date(r.created_at).toISOString(),
    };
  });
}

export async function listFollowUps(ctx: RequestContext, communityId: string, eventId: string): Promise<FollowUp[]> {
  await requireEvent(ctx, communityId, eventId);
  return followUps(ctx, eventId);
}

async function holdsPipelineWrite(db: Executor, communityId: string, userId: string): Promise<boolean> {
  const role = await membershipRole(db, communityId, userId);
  return role !== undefined && isMembershipRole(role) && can({ role, isPlatformAdmin: false }, 'pipeline.write');
}

interface Target {
  title: string;
  projectId: string | null;
  organisationId: string | null;
  registrationId: string | null;
  applicationId: string | null;
  /** Who or what it came from, for the item's first activity. */
  origin: string;
}

async function visibleProjectOrField(tx: Tx, ctx: RequestContext, projectId: string, field: string) {
  try {
    return (await requireVisibleProject(tx, await loadViewer(ctx, tx), projectId)).row;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
    throw fieldError({ [field]: 'eventOutcomes_project_unknown' });
  }
}

/** What the item is about, from the source named; each source's own field errors. */
async function resolveTarget(tx: Tx, ctx: RequestContext, eventId: string, input: CreateInput): Promise<Target> {
  if (input.source === 'registration') {
    if (!input.registrationId) throw fieldError({ registrationId: 'eventOutcomes_registration_required' });
    const registration = await q.findRegistration(tx, eventId, input.registrationId);
    if (!registration) throw fieldError({ registrationId: 'eventOutcomes_registration_unknown' });
    if (registration.status !== 'confirmed') throw fieldError({ registrationId: 'eventOutcomes_registration_not_confirmed' });
    const organisationId = input.organisationId ?? registration.organisationId;
    if (!organisationId) throw fieldError({ organisationId: 'eventOutcomes_pick_organisation' });
    const organisation = await q.findOrganisation(tx, organisationId);
    if (!organisation) throw fieldError({ organisationId: 'eventOutcomes_organisation_unknown' });
    // Chosen now: remembered on the registration for the next follow-up and the attendee list.
    if (organisationId !== registration.organisationId) await q.setRegistrationOrganisation(tx, eventId, registration.id, organisationId);
    return {
      title: organisation.nameZh,
      projectId: null,
      organisationId,
      registrationId: registration.id,
      applicationId: null,
      origin: [registration.name, registration.jobTitle, registration.organisationName].filter(Boolean).join(' · '),
    };
  }
  if (input.source === 'application') {
    if (!input.applicationId) throw fieldError({ applicationId: 'eventOutcomes_application_required' });
    const application = await q.findApplication(tx, eventId, input.applicationId);
    if (!application) throw fieldError({ applicationId: 'eventOutcomes_application_unknown' });
    if (!application.project_id) throw fieldError({ applicationId: 'eventOutcomes_application_no_project' });
    const project = await visibleProjectOrField(tx, ctx, application.project_id, 'applicationId');
    return {
      title: project.nameZh,
      projectId: project.id,
      organisationId: application.organisation_id ?? project.ownerOrganisationId,
      registrationId: null,
      applicationId: application.id,
      origin: application.project_name,
    };
  }
  if (!input.projectId) throw fieldError({ projectId: 'eventOutcomes_project_required' });
  if (!(await q.findPresented(tx, eventId, input.projectId))) throw fieldError({ projectId: 'eventOutcomes_project_not_presented' });
  const project = await visibleProjectOrField(tx, ctx, input.projectId, 'projectId');
  return { title: project.nameZh, projectId: project.id, organisationId: project.ownerOrganisationId, registrationId: null, applicationId: null, origin: project.nameZh };
}

export async function createFollowUp(ctx: RequestContext, communityId: string, eventId: string, input: CreateInput): Promise<FollowUp> {
  return ctx.db.transaction(async (tx) => {
    const { access, event } = await requireEvent(ctx, communityId, eventId, 'events.manage', tx);
    if (!can(access.standing, 'pipeline.write')) throw new AppError('forbidden');
    const target = await resolveTarget(tx, ctx, eventId, input);
    // The pipeline row lock serialises follow-ups into one pipeline, so the duplicate check holds.
    if (!(await q.lockPipeline(tx, communityId, input.pipelineId))) throw fieldError({ pipelineId: 'eventOutcomes_pipeline_unknown' });
    if (await q.openItemFor(tx, input.pipelineId, target)) throw new AppError('duplicate_record', { fields: { pipelineId: 'eventOutcomes_already_in_pipeline' } });
    const me = requireUser(ctx).id;
    let ownerUserId: string | null;
    if (input.ownerUserId !== undefined) {
      if (input.ownerUserId && !(await holdsPipelineWrite(tx, communityId, input.ownerUserId))) throw fieldError({ ownerUserId: 'pipeline_owner_not_staff' });
      ownerUserId = input.ownerUserId;
    } else {
      ownerUserId = (await holdsPipelineWrite(tx, communityId, me)) ? me : null;
    }
    const itemId = await insertItem(tx, ctx, {
      communityId,
      pipelineId: input.pipelineId,
      stageId: input.stageId,
      title: target.title,
      projectId: target.projectId,
      organisationId: target.organisationId,
      ownerUserId,
      source: 'event',
    });
    const template = (CATALOGUES[ctx.locale] as unknown as { eventOutcomes: { activityBody: string } }).eventOutcomes.activityBody;
    await q.insertActivity(tx, {
      itemId,
      communityId,
      kind: 'meeting',
      // Met at the event: when it took place, or now for one still to come.
      occurredAt: new Date(Math.min(event.startsAt.getTime(), Date.now())),
      body: template.replace('{{event}}', event.title).replace('{{origin}}', target.origin),
      authorId: me,
    });
    const { id } = await q.insertFollowUp(tx, {
      eventId,
      pipelineItemId: itemId,
      source: input.source,
      registrationId: target.registrationId,
      applicationId: target.applicationId,
      projectId: target.projectId,
      createdBy: me,
    });
    await recordAudit(tx, ctx, {
      communityId,
      action: 'event.follow_up_created',
      entityType: 'event',
      entityId: eventId,
      entityLabel: event.title,
      before: null,
      after: { source: input.source, pipelineItemId: itemId, pipelineId: input.pipelineId, title: target.title, registrationId: target.registrationId, applicationId: target.applicationId, projectId: target.projectId, organisationId: target.organisationId },
    });
    const [out] = await followUps(ctx, eventId, id, tx);
    return out!;
  });
}
