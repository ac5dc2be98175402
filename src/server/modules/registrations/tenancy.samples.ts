import type { Client } from '../../../../test/app';

/**
 * For the tenancy sweep (src/server/tenancy.api.test.ts): valid bodies for the community-scoped
 * writes of registration, and a ticket type and a registration of a published event of the
 * target community for the routes that take their ids. The event's id is left to the events
 * module's samples: every route here answers 404 to the outsider before it compares the two.
 */
export const bodies: Record<string, unknown> = {
  'POST /api/communities/:communityId/events/:eventId/ticket-types': { name: '租户隔离测试票种', capacity: 10 },
  'PATCH /api/communities/:communityId/events/:eventId/ticket-types/:ticketTypeId': { version: 1, capacity: 20 },
  'POST /api/communities/:communityId/events/:eventId/registrations/:registrationId/approve': { version: 1 },
  'POST /api/communities/:communityId/events/:eventId/registrations/:registrationId/decline': { version: 1, reason: '测试' },
  'POST /api/communities/:communityId/events/:eventId/registrations/:registrationId/cancel': { version: 1 },
};

export async function ids(owner: Client, communityId: string): Promise<Record<string, string>> {
  const event = await owner.post<{ id: string }>(`/api/communities/${communityId}/events`, {
    kind: 'salon',
    title: '仅本社区可见的报名活动',
    startsAt: '2030-10-12T09:00:00+08:00',
    endsAt: '2030-10-12T12:00:00+08:00',
    approvalMode: 'reviewed',
    capacity: 30,
  });
  if (event.status !== 201) throw new Error(`creating the sample event failed: ${event.status} ${JSON.stringify(event.body)}`);
  const published = await owner.post(`/api/communities/${communityId}/events/${event.body.id}/publish`, {});
  if (published.status !== 200) throw new Error(`publishing the sample event failed: ${published.status} ${JSON.stringify(published.body)}`);
  const types = await owner.get<{ id: string }[]>(`/api/communities/${communityId}/events/${event.body.id}/ticket-types`);
  const ticketTypeId = types.body[0]?.id;
  if (!ticketTypeId) throw new Error(`the sample event has no ticket type: ${types.status} ${JSON.stringify(types.body)}`);
  const registration = await owner.post<{ id: string }>(`/api/public/events/${event.body.id}/registrations`, {
    ticketTypeId,
    name: '租户隔离测试参会者',
    email: 'tenancy.registrant@example.cn',
  });
  if (registration.status !== 201) throw new Error(`registering for the sample event failed: ${registration.status} ${JSON.stringify(registration.body)}`);
  return { ticketTypeId, registrationId: registration.body.id };
}
