import type { FastifyInstance } from 'fastify';
import type { Client } from '../../../../test/app';

/**
 * For the tenancy sweep (src/server/tenancy.api.test.ts): valid bodies for judging's
 * community-scoped writes, and a competition of the target community with a screened-in
 * application, a round, a criterion and a judge for the routes that take their ids. The event
 * and the application are inserted directly: their own APIs belong to other modules, and the
 * sweep only needs the records to exist.
 */
const SOME_USER = '5b2c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e';
const SOME_APPLICATION = '6c3d0e2f-4a5b-4c7d-9e8f-0a1b2c3d4e5f';

const round = '/api/communities/:communityId/events/:eventId/rounds/:roundId';

export const bodies: Record<string, unknown> = {
  'PUT /api/communities/:communityId/events/:eventId/judging-settings': { normalisation: 'z_score', version: 1 },
  'POST /api/communities/:communityId/events/:eventId/rounds': { kind: 'preliminary', name: '租户隔离测试初赛' },
  [`PATCH ${round}`]: { version: 1, name: '已改名的轮次' },
  [`POST ${round}/close`]: { version: 1 },
  [`POST ${round}/reopen`]: { version: 1 },
  [`PUT ${round}/entries`]: { version: 1, applicationIds: [] },
  [`POST ${round}/criteria`]: { name: '技术创新性', weight: 1 },
  [`PATCH ${round}/criteria/:criterionId`]: { weight: 2 },
  [`POST ${round}/judges`]: { userId: SOME_USER },
  [`POST ${round}/recusals`]: { userId: SOME_USER, applicationId: SOME_APPLICATION, reason: '测试' },
  [`POST ${round}/publish`]: { version: 1 },
};

export async function ids(owner: Client, communityId: string): Promise<Record<string, string>> {
  // The test client keeps its app private; the sweep runs in-process, so reach the database through it.
  const app = (owner as unknown as { app: FastifyInstance }).app;
  const database = app.deps.database;
  const [event] = await database.withConnection((c) =>
    c.rows<{ id: string }>(
      `insert into events (community_id, kind, title, starts_at, ends_at) values ($1, 'competition', '租户隔离测试大赛', '2030-09-01T01:00:00Z', '2030-09-01T09:00:00Z') returning id`,
      [communityId],
    ),
  );
  const [application] = await database.withConnection((c) =>
    c.rows<{ id: string }>(
      `insert into event_applications (event_id, project_name, organisation_name, contact_name, contact_email, status, manage_token)
       values ($1, '租户隔离测试项目', '租户隔离测试公司', '联系人', 'sweep-applicant@example.demo', 'screened_in', 'sweep-judging-token') returning id`,
      [event!.id],
    ),
  );
  const created = await owner.post<{ id: string; criteria: { id: string }[] }>(`/api/communities/${communityId}/events/${event!.id}/rounds`, { kind: 'preliminary', name: '仅本社区可见的初赛' });
  if (created.status !== 201) throw new Error(`creating the sample round failed: ${created.status} ${JSON.stringify(created.body)}`);
  const roundId = created.body.id;
  const withCriterion = await owner.post<{ criteria: { id: string }[] }>(`/api/communities/${communityId}/events/${event!.id}/rounds/${roundId}/criteria`, { name: '市场前景', weight: 1 });
  if (withCriterion.status !== 201) throw new Error(`creating the sample criterion failed: ${withCriterion.status}`);
  const [judge] = await database.withConnection((c) => c.rows<{ id: string }>(`select id from users where email = 'judge@biobridge.demo'`));
  const assigned = await owner.post(`/api/communities/${communityId}/events/${event!.id}/rounds/${roundId}/judges`, { userId: judge!.id });
  if (assigned.status !== 200) throw new Error(`assigning the sample judge failed: ${assigned.status}`);
  return { eventId: event!.id, roundId, criterionId: withCriterion.body.criteria[0]!.id, userId: judge!.id, applicationId: application!.id };
}
