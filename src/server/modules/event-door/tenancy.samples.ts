import type { FastifyInstance } from 'fastify';
import type { Client } from '../../../../test/app';
import { insertEvent, insertRegistration } from './door.fixtures';

/**
 * For the tenancy sweep (src/server/tenancy.api.test.ts): valid bodies for the door's writes,
 * and an event of the target community with a ticket type, a registration and an invitation.
 * The event and registration are written with SQL through the app's database (registering is
 * another module's API, and the sweep only needs the records to exist); the invitation goes
 * through this module's own API.
 */
const TICKET = '5b1e0c1a-3f5d-4f0e-9a51-2c7d8e9f0a1b';

export const bodies: Record<string, unknown> = {
  'POST /api/communities/:communityId/events/:eventId/invitations': { invitees: [{ name: '租户隔离', email: 'sweep.invitee@example.com', ticketTypeId: TICKET }] },
  'POST /api/communities/:communityId/events/:eventId/invitations/:eventInvitationId/resend': {},
  'POST /api/communities/:communityId/events/:eventId/invitations/:eventInvitationId/revoke': {},
  'POST /api/communities/:communityId/events/:eventId/check-ins': { code: 'SWEEP001' },
};

export async function ids(owner: Client, communityId: string): Promise<Record<string, string>> {
  // The test client keeps its app private; the sweep needs its database for the SQL-made records.
  const app = (owner as unknown as { app: FastifyInstance }).app;
  const database = app.deps.database;
  const event = await insertEvent(database, communityId, { title: '仅本社区可见的活动' });
  const registration = await insertRegistration(database, event, { code: 'SWEEP001' });
  const invitation = await owner.post<{ items: { id: string }[] }>(`/api/communities/${communityId}/events/${event.eventId}/invitations`, {
    invitees: [{ name: '租户隔离样本', email: 'sweep.sample@example.com', ticketTypeId: event.ticketTypeIds[0] }],
  });
  if (invitation.status !== 201) throw new Error(`creating the sample invitation failed: ${invitation.status} ${JSON.stringify(invitation.body)}`);
  return { eventId: event.eventId, registrationId: registration.id, eventInvitationId: invitation.body.items[0]!.id };
}
