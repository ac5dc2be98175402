import type { Client } from '../../../../test/app';

/**
 * For the tenancy sweep (src/server/tenancy.api.test.ts): valid bodies for the community-scoped
 * writes of notes and annotations, and a note of the target community for the :noteId routes.
 */
const SOME_RECORD = '7d3f6a52-0c1e-4b8a-9f2d-5e6b7c8d9e0f';

export const bodies: Record<string, unknown> = {
  'POST /api/communities/:communityId/notes': { entityType: 'organisation', entityId: SOME_RECORD, body: '跟进:下周约谈创始团队' },
  'PATCH /api/communities/:communityId/notes/:noteId': { body: '已约谈,待反馈' },
  'PUT /api/communities/:communityId/annotations': { entityType: 'organisation', entityId: SOME_RECORD, tags: ['重点跟进'], rating: 4 },
};

export async function ids(owner: Client, communityId: string): Promise<Record<string, string>> {
  const org = await owner.post<{ id: string }>('/api/directory/organisations', { communityId, kind: 'enterprise', nameZh: '租户隔离测试生物科技有限公司' });
  if (org.status !== 201) throw new Error(`creating the sample organisation failed: ${org.status} ${JSON.stringify(org.body)}`);
  const note = await owner.post<{ id: string }>(`/api/communities/${communityId}/notes`, { entityType: 'organisation', entityId: org.body.id, body: '仅本社区可见的备注' });
  if (note.status !== 201) throw new Error(`creating the sample note failed: ${note.status} ${JSON.stringify(note.body)}`);
  return { noteId: note.body.id };
}
