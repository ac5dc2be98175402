import { and, asc, eq } from 'drizzle-orm';
import { generateKeyBetween } from 'fractional-indexing';
import type { ItemSource } from '../../../domain/lifecycle/vocabularies';
import type { Tx } from '../../db/client';
import { pipelineItemEvents, pipelineItems, pipelineStages, pipelines } from '../../db/schema';
import type { RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { lastRank } from './queries';

export interface NewItem {
  communityId: string;
  pipelineId: string;
  /** Omitted: the pipeline's first stage. */
  stageId?: string;
  title: string;
  projectId?: string | null;
  organisationId?: string | null;
  ownerUserId?: string | null;
  expectedInvestmentFen?: number | null;
  expectedAreaSqm?: number | null;
  probability?: number | null;
  nextAction?: string;
  nextActionOn?: string | null;
  source: ItemSource;
}

/**
 * Puts a new item at the end of its stage's column, with its `created` history entry and an
 * audit entry, inside the caller's transaction. The pipelines service and an accepted referral
 * both create items through here. The caller has passed the tenancy gate and checked that the
 * project and organisation are visible; this checks that the pipeline and stage are the
 * community's (another community's pipeline is not found).
 */
export async function insertItem(tx: Tx, ctx: Pick<RequestContext, 'user' | 'requestId'>, input: NewItem): Promise<string> {
  const [pipeline] = await tx
    .select({ id: pipelines.id, archived: pipelines.archived })
    .from(pipelines)
    .where(and(eq(pipelines.id, input.pipelineId), eq(pipelines.communityId, input.communityId)));
  if (!pipeline) throw new AppError('not_found');
  if (pipeline.archived) throw new AppError('validation_failed', { fields: { pipelineId: 'pipeline_archived' } });

  const stages = await tx.select({ id: pipelineStages.id }).from(pipelineStages).where(eq(pipelineStages.pipelineId, pipeline.id)).orderBy(asc(pipelineStages.position));
  const stageId = input.stageId ?? stages[0]?.id;
  if (!stageId || !stages.some((s) => s.id === stageId)) throw new AppError('validation_failed', { fields: { stageId: 'unknown_stage' } });

  // Ranks compare byte by byte (collate "C"), whatever the database's default collation.
  const rank = generateKeyBetween(await lastRank(tx, pipeline.id, stageId), null);

  const [row] = await tx
    .insert(pipelineItems)
    .values({
      communityId: input.communityId,
      pipelineId: pipeline.id,
      stageId,
      title: input.title,
      projectId: input.projectId ?? null,
      organisationId: input.organisationId ?? null,
      ownerUserId: input.ownerUserId ?? null,
      expectedInvestmentFen: input.expectedInvestmentFen ?? null,
      expectedAreaSqm: input.expectedAreaSqm ?? null,
      probability: input.probability ?? null,
      nextAction: input.nextAction ?? '',
      nextActionOn: input.nextActionOn ?? null,
      source: input.source,
      rank,
      createdBy: ctx.user?.id ?? null,
    })
    .returning();
  const item = row!;
  await tx.insert(pipelineItemEvents).values({ itemId: item.id, pipelineId: pipeline.id, kind: 'created', toStageId: stageId, actorId: ctx.user?.id ?? null });
  await recordAudit(tx, ctx, {
    communityId: input.communityId,
    action: 'pipeline_item.created',
    entityType: 'pipeline_item',
    entityId: item.id,
    entityLabel: item.title,
    before: null,
    after: { title: item.title, stageId, projectId: item.projectId, organisationId: item.organisationId, source: item.source },
  });
  return item.id;
}
