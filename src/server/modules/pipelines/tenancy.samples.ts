import type { Client } from '../../../../test/app';

/**
 * For the tenancy sweep (src/server/tenancy.api.test.ts): valid bodies for the community-scoped
 * writes of the pipelines, and a pipeline and an item of the target community for the
 * :pipelineId and :itemId routes.
 */
const SOME_STAGE = '3c9e1f0a-5b7d-4e2a-8c6f-1d2e3f4a5b6c';

export const bodies: Record<string, unknown> = {
  'POST /api/communities/:communityId/pipelines': { kind: 'attraction', nameZh: '租户隔离测试招商管道' },
  'PATCH /api/communities/:communityId/pipelines/:pipelineId': { version: 1, nameZh: '改名' },
  'POST /api/communities/:communityId/pipelines/:pipelineId/items': { title: '租户隔离测试项目' },
  'PATCH /api/communities/:communityId/pipeline-items/:itemId': { version: 1, title: '改名' },
  'POST /api/communities/:communityId/pipeline-items/:itemId/move': { version: 1, stageId: SOME_STAGE },
  'POST /api/communities/:communityId/pipeline-items/:itemId/lose': { version: 1, reason: 'no_response' },
  'POST /api/communities/:communityId/pipeline-items/:itemId/reopen': { version: 1 },
  'POST /api/communities/:communityId/pipeline-items/:itemId/activities': { kind: 'call', occurredAt: '2026-03-02T09:30:00+08:00', body: '电话沟通' },
};

export async function ids(owner: Client, communityId: string): Promise<Record<string, string>> {
  const pipeline = await owner.post<{ id: string }>(`/api/communities/${communityId}/pipelines`, { kind: 'attraction', nameZh: '租户隔离测试管道' });
  if (pipeline.status !== 201) throw new Error(`creating the sample pipeline failed: ${pipeline.status} ${JSON.stringify(pipeline.body)}`);
  const item = await owner.post<{ id: string }>(`/api/communities/${communityId}/pipelines/${pipeline.body.id}/items`, { title: '仅本社区可见的招商项目' });
  if (item.status !== 201) throw new Error(`creating the sample item failed: ${item.status} ${JSON.stringify(item.body)}`);
  return { pipelineId: pipeline.body.id, itemId: item.body.id };
}
