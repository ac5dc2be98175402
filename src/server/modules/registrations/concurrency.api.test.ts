import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistrationCreated } from '../../../shared/schemas/registrations';
import { Client, startTestApp, type TestApp } from '../../../../test/app';
import { eventRegistrations, eventTicketTypes } from '../../db/schema';
import { makeEvent, person } from './test-fixtures';

/**
 * Registrations arriving at once, through the app (on PostgreSQL with a pool of connections,
 * so the transactions really do overlap; on PGlite they queue). The row lock on the ticket
 * type and the unique indexes must keep the count, the order and one-per-person exact.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const register = (eventId: string, body: unknown, ip = '10.1.0.1') => new Client(t.app, ip).post<RegistrationCreated>(`/api/public/events/${eventId}/registrations`, body);

async function rowsOf(ticketTypeId: string) {
  return t.database.db.select().from(eventRegistrations).where(eq(eventRegistrations.ticketTypeId, ticketTypeId)).orderBy(asc(eventRegistrations.seq));
}

describe('concurrent registration', () => {
  it('30 at once for 10 seats: exactly 10 confirmed, 20 waitlisted numbered 1..20 in arrival order', async () => {
    const { event, tickets } = await makeEvent(t.database.db, 'china-medical-city', { tickets: [{ name: '普通', capacity: 10 }] });
    const ticketTypeId = tickets[0]!.id;
    const replies = await Promise.all(Array.from({ length: 30 }, (_, i) => register(event.id, { ...person(`cc${i}`), ticketTypeId }, `10.1.0.${i + 1}`)));
    expect(replies.every((r) => r.status === 201)).toBe(true);
    const rows = await rowsOf(ticketTypeId);
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(10);
    const waiting = rows.filter((r) => r.status === 'waitlisted');
    expect(waiting).toHaveLength(20);
    // In arrival (insert) order the numbers run 1..20 without a gap.
    expect(waiting.map((r) => r.waitlistNo)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // Everyone confirmed arrived before everyone waiting.
    const lastConfirmed = Math.max(...rows.filter((r) => r.status === 'confirmed').map((r) => r.seq));
    expect(waiting.every((r) => r.seq > lastConfirmed)).toBe(true);
    const [tt] = await t.database.db.select().from(eventTicketTypes).where(eq(eventTicketTypes.id, ticketTypeId));
    expect(tt).toMatchObject({ confirmedCount: 10, waitlistSeq: 20 });
  });

  it('two cancellations at once promote two different people, the first two in line', async () => {
    const { event, tickets } = await makeEvent(t.database.db, 'china-medical-city', { tickets: [{ name: '普通', capacity: 2 }] });
    const ticketTypeId = tickets[0]!.id;
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await register(event.id, { ...person(`cx${i}`), ticketTypeId })).body);
    const anon = new Client(t.app, '10.2.0.1');
    const cancels = await Promise.all([anon.post(`/api/public/registrations/${made[0]!.manageToken}/cancel`), anon.post(`/api/public/registrations/${made[1]!.manageToken}/cancel`)]);
    expect(cancels.map((c) => c.status)).toEqual([200, 200]);
    const rows = await rowsOf(ticketTypeId);
    const status = new Map(rows.map((r) => [r.id, r]));
    expect(status.get(made[2]!.id)!.status).toBe('confirmed');
    expect(status.get(made[3]!.id)!.status).toBe('confirmed');
    expect(status.get(made[4]!.id)).toMatchObject({ status: 'waitlisted', waitlistNo: 3 });
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(2);
  });

  it('the same person twice at once: one 201, one 409', async () => {
    const { event, tickets } = await makeEvent(t.database.db, 'china-medical-city', { tickets: [{ name: '甲', capacity: 5 }, { name: '乙', capacity: 5 }] });
    const replies = await Promise.all([
      register(event.id, { ...person('twin'), ticketTypeId: tickets[0]!.id }, '10.3.0.1'),
      register(event.id, { ...person('twin'), ticketTypeId: tickets[1]!.id }, '10.3.0.2'),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = replies.find((r) => r.status === 409)!;
    expect((loser.body as unknown as { error: { code: string } }).error.code).toBe('already_registered');
    const live = await t.database.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, event.id));
    expect(live).toHaveLength(1);
  });

  it('a capacity raise and registrations at once never overbook', async () => {
    const { event, community, tickets } = await makeEvent(t.database.db, 'china-medical-city', { tickets: [{ name: '普通', capacity: 3 }] });
    const ticketTypeId = tickets[0]!.id;
    const staff = await new Client(t.app, '10.4.0.1').signIn('staff@biobridge.demo');
    const [patch] = await Promise.all([
      staff.patch(`/api/communities/${community.id}/events/${event.id}/ticket-types/${ticketTypeId}`, { version: 1, capacity: 6 }),
      ...Array.from({ length: 12 }, (_, i) => register(event.id, { ...person(`cr${i}`), ticketTypeId }, `10.4.1.${i + 1}`)),
    ]);
    expect(patch.status).toBe(200);
    const rows = await rowsOf(ticketTypeId);
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(6);
    const waiting = rows.filter((r) => r.status === 'waitlisted').sort((a, b) => a.waitlistNo! - b.waitlistNo!);
    expect(waiting).toHaveLength(6);
    // Whoever waits arrived after everyone confirmed straight away, and waits in arrival order.
    expect(waiting.map((r) => r.seq)).toEqual([...waiting.map((r) => r.seq)].sort((a, b) => a - b));
  });
});
