import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outcomes, Room } from '../../../shared/schemas/event-outcomes';
import { startTestApp, type Client, type TestApp } from '../../../../test/app';
import { signInEach } from '../directory/directory.fixtures';
import { one } from './event-outcomes.fixtures';

/** The demo's events (demo/events): what people judge the product by, checked through the API. */

let t: TestApp;
let staff: Client;
let investor: Client;
let member: Client;
let cmc: string;

const eventId = async (title: string) => (await one<{ id: string }>(t, 'select id from events where title like $1', [title])).id;

beforeAll(async () => {
  t = await startTestApp();
  [staff, investor, member] = await signInEach(t.app, ['staff', 'investor', 'member']);
  cmc = staff.communityId('china-medical-city');
});
afterAll(() => t.close());

describe('the demo events', () => {
  it('seeds past and upcoming events in two communities', async () => {
    const counts = await one<{ events: number; cmc: number; past: number; upcoming: number; drafts: number; registrations: number; signings: number }>(
      t,
      `select count(*)::int as events, count(*) filter (where community_id = $1)::int as cmc, count(*) filter (where ends_at < now())::int as past,
              count(*) filter (where starts_at > now())::int as upcoming, count(*) filter (where status = 'draft')::int as drafts,
              (select count(*)::int from event_registrations) as registrations, (select count(*)::int from event_signings) as signings
       from events`,
      [cmc],
    );
    expect(counts).toMatchObject({ events: 8, cmc: 6, past: 2, upcoming: 6, drafts: 1 });
    expect(counts.registrations).toBeGreaterThan(250);
    expect(counts.signings).toBe(7);
    const agreements = await one<{ n: number }>(t, 'select count(*)::int as n from agreements a join event_signings s on s.agreement_id = a.id and s.event_id = a.event_id');
    expect(agreements.n).toBe(7);
  });

  it("gives the past forum its attendance, agreements and follow-ups", async () => {
    const forum = await eventId('%中国医药城生物医药产业发展论坛');
    const res = await staff.get<Outcomes>(`/api/communities/${cmc}/events/${forum}/outcomes`);
    expect(res.status).toBe(200);
    const o = res.body;
    expect(o.ended).toBe(true);
    expect(o.registrations.total).toBe(120);
    expect(o.registrations.byStatus.confirmed).toBe(118);
    expect(o.registrations.attendanceRate).toBeGreaterThan(0.75);
    expect(o.registrations.attendanceRate).toBeLessThan(0.95);
    expect(o.registrations.byTicketType.map((b) => b.name)).toEqual(['企业代表', '投资机构', '媒体']);
    expect(o.agreements.count).toBe(4);
    expect(o.agreements.amountFen).toBeGreaterThan(0);
    expect(o.followUps.count).toBe(2);
    expect(o.followUps.items.every((f) => f.item.pipelineName === '重点招商项目库')).toBe(true);
  });

  it("shows investor@ (invited, confirmed) the closed-door meeting's room, and keeps member@ out", async () => {
    const closed = await eventId('中国医药城重点项目闭门投资对接会');
    const room = await investor.get<Room>(`/api/public/events/${closed}/room`);
    expect(room.status).toBe(200);
    expect(room.body.projects).toHaveLength(4);
    expect(room.body.projects[0]!.nameZh).toBe('YM-203 TROP2/EGFR双抗ADC');
    expect((await member.get(`/api/public/events/${closed}/room`)).status).toBe(404);
  });

  it('leaves member@ registered for the salon, which is full with a waitlist', async () => {
    const salon = await eventId('医药城投融资沙龙%');
    const row = await one<{ status: string; full: boolean; waitlisted: number }>(
      t,
      `select r.status, t.confirmed_count = t.capacity as full, (select count(*)::int from event_registrations w where w.ticket_type_id = t.id and w.status = 'waitlisted') as waitlisted
       from event_registrations r join event_ticket_types t on t.id = r.ticket_type_id join users u on u.id = r.user_id
       where r.event_id = $1 and u.email = 'member@biobridge.demo'`,
      [salon],
    );
    expect(row).toEqual({ status: 'confirmed', full: true, waitlisted: 3 });
  });

  it('leaves judge@ something to score in the competition', async () => {
    const competition = await eventId('第三届中国医药城创新创业大赛%');
    const judge = await one<{ entries: number; submitted: number; recusals: number; applications: number }>(
      t,
      `select (select count(*)::int from event_round_entries e join event_rounds r on r.id = e.round_id where r.event_id = $1) as entries,
              (select count(*)::int from event_score_sheets s join users u on u.id = s.judge_user_id join event_rounds r on r.id = s.round_id where r.event_id = $1 and u.email = 'judge@biobridge.demo' and s.submitted_at is not null) as submitted,
              (select count(*)::int from event_recusals x join event_rounds r on r.id = x.round_id where r.event_id = $1) as recusals,
              (select count(*)::int from event_applications where event_id = $1) as applications`,
      [competition],
    );
    expect(judge).toEqual({ entries: 6, submitted: 2, recusals: 1, applications: 12 });
  });
});
