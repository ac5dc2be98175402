import type { FastifyInstance } from 'fastify';
import type { Client } from '../../../../test/app';
import { insertMeeting, insertParticipants, insertPartneringEvent } from './partnering.fixtures';

/**
 * For the tenancy sweep (src/server/tenancy.api.test.ts): valid bodies for the organisers'
 * partnering writes, and an event of the target community with partnering on, a slot, a
 * location, two participants, a meeting and a run. Participants and the meeting are written with
 * SQL (the participants' API is another module's); the rest goes through this module's API.
 */
export const bodies: Record<string, unknown> = {
  'PUT /api/communities/:communityId/events/:eventId/partnering/settings': { version: 1, optInOpen: false },
  'POST /api/communities/:communityId/events/:eventId/partnering/slots/generate': { days: ['2030-05-20'], sessions: [{ label: '上午', start: '09:00', end: '10:00' }], slotMinutes: 20 },
  'POST /api/communities/:communityId/events/:eventId/partnering/slots': { session: '下午', startsAt: '2030-05-20T16:00:00+08:00', endsAt: '2030-05-20T16:20:00+08:00' },
  'POST /api/communities/:communityId/events/:eventId/partnering/locations': { kind: 'table', name: '租户隔离桌' },
  'POST /api/communities/:communityId/events/:eventId/partnering/locations/bulk': { kind: 'table', prefix: '隔离', count: 2 },
  'PATCH /api/communities/:communityId/events/:eventId/partnering/locations/:locationId': { name: '改名桌' },
  'PATCH /api/communities/:communityId/events/:eventId/partnering/participants/:participantId': { version: 1, maxMeetings: 3 },
  'POST /api/communities/:communityId/events/:eventId/partnering/meetings': { participantAId: '00000000-0000-4000-8000-000000000001', participantBId: '00000000-0000-4000-8000-000000000002' },
  'PATCH /api/communities/:communityId/events/:eventId/partnering/meetings/:meetingId': { version: 1, locked: true },
  'POST /api/communities/:communityId/events/:eventId/partnering/runs': { timeLimitSeconds: 0.2 },
  'POST /api/communities/:communityId/events/:eventId/partnering/schedule/publish': { scheduleVersion: 0 },
};

export async function ids(owner: Client, communityId: string): Promise<Record<string, string>> {
  // The test client keeps its app private; the sweep needs its database for the SQL-made records.
  const app = (owner as unknown as { app: FastifyInstance }).app;
  const database = app.deps.database;
  const eventId = await insertPartneringEvent(database, communityId, { title: '仅本社区可见的洽谈会' });
  const base = `/api/communities/${communityId}/events/${eventId}/partnering`;
  const must = async <T>(reply: Promise<{ status: number; body: T }>, what: string): Promise<T> => {
    const r = await reply;
    if (r.status !== 200 && r.status !== 201) throw new Error(`creating the sample ${what} failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  await must(owner.request('PUT', `${base}/settings`, {}), 'settings');
  const slots = await must(owner.post<{ items: { id: string }[] }>(`${base}/slots/generate`, { days: ['2030-05-20'], sessions: [{ label: '上午', start: '10:00', end: '11:00' }], slotMinutes: 30 }), 'slots');
  const location = await must(owner.post<{ id: string }>(`${base}/locations`, { kind: 'table', name: 'A1' }), 'location');
  const [a, b] = await insertParticipants(database, eventId, 2);
  const meetingId = await insertMeeting(database, eventId, a!.id, b!.id);
  const run = await must(owner.post<{ id: string }>(`${base}/runs`, { timeLimitSeconds: 0.2 }), 'run');
  return { eventId, slotId: slots.items[0]!.id, locationId: location.id, participantId: a!.id, meetingId, runId: run.id };
}
