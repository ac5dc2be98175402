import type { Client } from '../../../../test/app';

/**
 * For the tenancy sweep (src/server/tenancy.api.test.ts): the event message log has no
 * community-scoped writes, only reads; its preview route takes a message id. A public
 * registration for an event of the target community queues one, which is the id given here.
 */
export const bodies: Record<string, unknown> = {};

export async function ids(owner: Client, communityId: string): Promise<Record<string, string>> {
  const event = await owner.post<{ id: string }>(`/api/communities/${communityId}/events`, {
    kind: 'forum',
    title: '仅本社区可见的消息日志活动',
    startsAt: '2030-10-14T09:00:00+08:00',
    endsAt: '2030-10-14T12:00:00+08:00',
    capacity: 20,
  });
  if (event.status !== 201) throw new Error(`creating the sample event failed: ${event.status} ${JSON.stringify(event.body)}`);
  const base = `/api/communities/${communityId}/events/${event.body.id}`;
  const published = await owner.post(`${base}/publish`, {});
  if (published.status !== 200) throw new Error(`publishing the sample event failed: ${published.status} ${JSON.stringify(published.body)}`);
  const types = await owner.get<{ id: string }[]>(`${base}/ticket-types`);
  const ticketTypeId = types.body[0]?.id;
  if (!ticketTypeId) throw new Error(`the sample event has no ticket type: ${types.status} ${JSON.stringify(types.body)}`);
  const registration = await owner.post(`/api/public/events/${event.body.id}/registrations`, { ticketTypeId, name: '消息日志隔离测试', email: 'tenancy.messages@example.cn' });
  if (registration.status !== 201) throw new Error(`registering for the sample event failed: ${registration.status} ${JSON.stringify(registration.body)}`);
  const messages = await owner.get<{ items: { id: number }[] }>(`${base}/messages`);
  const messageId = messages.body.items?.[0]?.id;
  if (messageId === undefined) throw new Error(`the sample registration queued no message: ${messages.status} ${JSON.stringify(messages.body)}`);
  return { messageId: String(messageId) };
}
