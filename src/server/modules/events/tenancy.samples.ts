import type { Client } from '../../../../test/app';

/**
 * For the tenancy sweep (src/server/tenancy.api.test.ts): valid bodies for the community-scoped
 * writes of events and their agenda, and a published event of the target community with one
 * session for the routes that take their ids.
 */
const START = '2030-10-10T09:00:00+08:00';
const END = '2030-10-10T17:00:00+08:00';

export const bodies: Record<string, unknown> = {
  'POST /api/communities/:communityId/events': { kind: 'salon', title: '租户隔离测试沙龙', startsAt: START, endsAt: END, capacity: 10 },
  'PATCH /api/communities/:communityId/events/:eventId': { version: 1, title: '已改名的活动' },
  'POST /api/communities/:communityId/events/:eventId/publish': {},
  'POST /api/communities/:communityId/events/:eventId/cancel': { reason: '测试' },
  'POST /api/communities/:communityId/events/:eventId/duplicate': { startsAt: '2030-11-10T09:00:00+08:00' },
  'POST /api/communities/:communityId/events/:eventId/sessions': { kind: 'keynote', title: '租户隔离测试演讲', startsAt: START, endsAt: '2030-10-10T10:00:00+08:00' },
  'PATCH /api/communities/:communityId/events/:eventId/sessions/:sessionId': { version: 1, title: '已改名的议程' },
};

export async function ids(owner: Client, communityId: string): Promise<Record<string, string>> {
  const event = await owner.post<{ id: string; version: number }>(`/api/communities/${communityId}/events`, { kind: 'forum', title: '仅本社区可见的论坛', startsAt: START, endsAt: END, capacity: 50 });
  if (event.status !== 201) throw new Error(`creating the sample event failed: ${event.status} ${JSON.stringify(event.body)}`);
  const session = await owner.post<{ session: { id: string } }>(`/api/communities/${communityId}/events/${event.body.id}/sessions`, {
    kind: 'opening',
    title: '开幕致辞',
    startsAt: START,
    endsAt: '2030-10-10T09:30:00+08:00',
  });
  if (session.status !== 201) throw new Error(`creating the sample session failed: ${session.status} ${JSON.stringify(session.body)}`);
  const published = await owner.post(`/api/communities/${communityId}/events/${event.body.id}/publish`, {});
  if (published.status !== 200) throw new Error(`publishing the sample event failed: ${published.status} ${JSON.stringify(published.body)}`);
  return { eventId: event.body.id, sessionId: session.body.session.id };
}
