import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../../../../test/app';
import type { Locale } from '../../../domain/locales';
import { rowsOf } from '../../db/sql-helpers';
import { SAMPLE_PAYLOADS } from './email-samples';
import { enqueueEmail, type EmailPayloads, type EmailTemplate } from './enqueue';
import { MAX_ATTEMPTS } from './policy';
import { queueDueReminders } from './reminders';
import { startTestSmtp, type TestSmtp } from './smtp-test-server';
import { renderEmail } from './templates';
import { createMailer } from './transport';
import { createOutboxWorker, type OutboxWorker } from './worker';

let t: TestApp;
let smtp: TestSmtp;
let worker: OutboxWorker;
const flaky = new Map<string, number>();

interface OutboxDbRow {
  id: string | number;
  recipient: string;
  template: string;
  locale: string;
  payload: Record<string, unknown>;
  sent_at: Date | string | null;
  attempts: number;
  last_error: string | null;
  wait_seconds: number;
}

const db = () => t.database.db;
const rows = <T>(query: ReturnType<typeof sql>) => rowsOf<T>(db(), query);

async function outboxFor(recipient: string): Promise<OutboxDbRow[]> {
  return rows<OutboxDbRow>(
    sql`select id, recipient, template, locale, payload, sent_at, attempts, last_error,
               extract(epoch from next_attempt_at - now())::float8 as wait_seconds
          from outbox where recipient = ${recipient} order by id`,
  );
}

async function queue<T extends EmailTemplate>(recipient: string, template: T, locale: Locale, payload: EmailPayloads[T], eventId: string | null = null) {
  await db().transaction((tx) => enqueueEmail(tx, { recipient, template, locale, payload, eventId }));
}

const makeDue = (recipient: string) => db().execute(sql`update outbox set next_attempt_at = now() - interval '1 second' where recipient = ${recipient}`);
const mailTo = (recipient: string) => smtp.received.filter((m) => m.to.includes(recipient));

beforeAll(async () => {
  t = await startTestApp();
  smtp = await startTestSmtp((recipient) => {
    if (recipient.startsWith('nobody')) return { code: 550, message: '5.1.1 <nobody>: no such user here' };
    if (recipient.startsWith('always-busy')) return { code: 451, message: '4.3.0 mailbox busy, try later' };
    if (recipient.startsWith('flaky')) {
      const seen = flaky.get(recipient) ?? 0;
      flaky.set(recipient, seen + 1);
      if (seen === 0) return { code: 451, message: '4.7.1 greylisted, try again later' };
    }
    return null;
  });
  worker = createOutboxWorker({ db: t.database.db, mailer: createMailer(smtp.url), from: 'BioBridge <no-reply@bb.test>' });
});

afterAll(async () => {
  await worker.stop();
  await smtp.close();
  await t.close();
});

beforeEach(async () => {
  // Whatever the demo data or an earlier test queued is not this test's business.
  await db().execute(sql`update outbox set sent_at = coalesce(sent_at, now())`);
  smtp.received.length = 0;
});

describe('the outbox worker over SMTP', () => {
  it("sends a password reset queued by the real flow, in the account's language, with the link, and records it as sent", async () => {
    await db().execute(sql`update users set locale = 'zh-TW' where email = 'judge@biobridge.demo'`);
    const anonymous = new Client(t.app);
    expect((await anonymous.post('/api/auth/password-reset/request', { email: 'judge@biobridge.demo' })).status).toBe(202);
    const [row] = await outboxFor('judge@biobridge.demo');
    expect(row).toMatchObject({ template: 'password_reset', locale: 'zh-TW', sent_at: null });

    const result = await worker.runOnce();
    expect(result).toEqual({ claimed: 1, sent: 1, failed: 0 });
    const [mail] = mailTo('judge@biobridge.demo');
    expect(mail).toBeDefined();
    expect(mail!.from).toBe('no-reply@bb.test');
    expect(mail!.subject).toBe('重設您的 BioBridge 密碼');
    const link = row!.payload.link as string;
    expect(link).toMatch(/^http:\/\/bb\.test\/reset-password\/.+/);
    expect(mail!.text).toContain(link);
    expect(mail!.html).toContain(`href="${link}"`);
    expect(mail!.text).toContain('小時內點選下方按鈕設定新密碼');
    expect(mail!.headers['auto-submitted']).toBe('auto-generated');
    expect(mail!.headers['x-biobridge-outbox-id']).toBe(String(row!.id));

    const [after] = await outboxFor('judge@biobridge.demo');
    expect(after!.sent_at).not.toBeNull();
    expect(after!.attempts).toBe(1);
    expect((await worker.runOnce()).claimed).toBe(0);
  });

  it('sends a member invitation in the language it was asked in', async () => {
    const admin = await new Client(t.app).signIn('park.admin@biobridge.demo');
    const communityId = admin.communityId('china-medical-city');
    const res = await admin.request('POST', `/api/communities/${communityId}/invitations`, { email: 'new.partner@example.com', role: 'investor' }, { 'accept-language': 'en' });
    expect(res.status).toBe(201);
    const [row] = await outboxFor('new.partner@example.com');
    expect(row!.locale).toBe('en');
    await worker.runOnce();
    const [mail] = mailTo('new.partner@example.com');
    expect(mail!.subject).toBe(renderEmail('invitation', 'en', row!.payload).subject);
    expect(mail!.subject).toMatch(/^You are invited to join /);
    expect(mail!.text).toContain(row!.payload.link as string);
  });

  it('sends an event e-mail with its facts, Chinese intact and names shown as text', async () => {
    await queue('zhang.san@example.com', 'event_registration_confirmed', 'zh-CN', SAMPLE_PAYLOADS.event_registration_confirmed);
    await worker.runOnce();
    const [mail] = mailTo('zhang.san@example.com');
    expect(mail!.subject).toBe('报名成功:2026 生物医药<创新>路演 & 投融资对接会');
    expect(mail!.text).toContain('签到码:K7M2Q9');
    expect(mail!.text).toContain('泰州医药城会展中心 3 号厅');
    expect(mail!.text).toContain('2026-05-18 14:30–17:00');
    expect(mail!.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;张三');
    expect(mail!.html).not.toContain('<script>');
  });

  it('tries again after the back-off when the server answers 451, then sends', async () => {
    await queue('flaky@example.com', 'event_reminder', 'en', SAMPLE_PAYLOADS.event_reminder);
    expect(await worker.runOnce()).toEqual({ claimed: 1, sent: 0, failed: 1 });
    let [row] = await outboxFor('flaky@example.com');
    expect(row!.sent_at).toBeNull();
    expect(row!.attempts).toBe(1);
    expect(row!.last_error).toContain('451');
    expect(row!.wait_seconds).toBeGreaterThan(50);
    expect(row!.wait_seconds).toBeLessThanOrEqual(60);
    // Not due yet: nothing to do.
    expect((await worker.runOnce()).claimed).toBe(0);

    await makeDue('flaky@example.com');
    expect(await worker.runOnce()).toEqual({ claimed: 1, sent: 1, failed: 0 });
    [row] = await outboxFor('flaky@example.com');
    expect(row!.sent_at).not.toBeNull();
    expect(row!.attempts).toBe(2);
    expect(mailTo('flaky@example.com')).toHaveLength(1);
    expect(mailTo('flaky@example.com')[0]!.subject).toContain('Reminder');
  });

  it('backs off 1 min, 5 min, 30 min, 2 h, 12 h and gives up after the sixth try', async () => {
    await queue('always-busy@example.com', 'event_cancelled', 'zh-CN', SAMPLE_PAYLOADS.event_cancelled);
    const waits: number[] = [];
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      await makeDue('always-busy@example.com');
      expect((await worker.runOnce()).failed).toBe(1);
      const [row] = await outboxFor('always-busy@example.com');
      expect(row!.attempts).toBe(i);
      waits.push(Math.round(row!.wait_seconds / 60));
    }
    // The sixth failure schedules nothing: the message is failed for good.
    expect(waits.slice(0, 5)).toEqual([1, 5, 30, 120, 720]);
    await makeDue('always-busy@example.com');
    expect((await worker.runOnce()).claimed).toBe(0);
    expect(mailTo('always-busy@example.com')).toHaveLength(0);
  });

  it('gives up at once on a permanent 550 refusal', async () => {
    await queue('nobody@example.com', 'event_registration_pending', 'zh-CN', SAMPLE_PAYLOADS.event_registration_pending);
    expect(await worker.runOnce()).toEqual({ claimed: 1, sent: 0, failed: 1 });
    const [row] = await outboxFor('nobody@example.com');
    expect(row!.last_error).toContain('550');
    expect(row!.last_error).toContain('no such user');
    expect(row!.attempts).toBe(MAX_ATTEMPTS);
    await makeDue('nobody@example.com');
    expect((await worker.runOnce()).claimed).toBe(0);
    expect(smtp.attempts.filter((a) => a === 'nobody@example.com')).toHaveLength(1);
  });

  it('fails a message it cannot render at once, without sending anything', async () => {
    await db().execute(sql`insert into outbox (recipient, template, locale, payload) values ('broken@example.com', 'event_reminder', 'zh-CN', '{"name":"x"}'::jsonb)`);
    expect(await worker.runOnce()).toEqual({ claimed: 1, sent: 0, failed: 1 });
    const [row] = await outboxFor('broken@example.com');
    expect(row!.last_error).toMatch(/^render failed/);
    expect(row!.attempts).toBe(MAX_ATTEMPTS);
    expect(smtp.attempts).not.toContain('broken@example.com');
  });

  it('leaves a message claimed by another (possibly dead) process alone until its claim expires', async () => {
    await queue('claimed@example.com', 'event_reminder', 'zh-CN', SAMPLE_PAYLOADS.event_reminder);
    await db().execute(sql`update outbox set claimed_until = now() + interval '1 minute', attempts = 1 where recipient = 'claimed@example.com'`);
    expect((await worker.runOnce()).claimed).toBe(0);
    await db().execute(sql`update outbox set claimed_until = now() - interval '1 second' where recipient = 'claimed@example.com'`);
    expect(await worker.runOnce()).toEqual({ claimed: 1, sent: 1, failed: 0 });
    expect((await outboxFor('claimed@example.com'))[0]!.attempts).toBe(2);
  });

  it('sends each message once when two workers run at the same time', async () => {
    const recipients = Array.from({ length: 30 }, (_, i) => `many-${i}@example.com`);
    await db().transaction(async (tx) => {
      for (const r of recipients) await enqueueEmail(tx, { recipient: r, template: 'event_reminder', locale: 'zh-CN', payload: SAMPLE_PAYLOADS.event_reminder });
    });
    const workers = [0, 1].map(() => createOutboxWorker({ db: t.database.db, mailer: createMailer(smtp.url), from: 'BioBridge <no-reply@bb.test>', batchSize: 4 }));
    const drain = async (w: OutboxWorker) => {
      let sent = 0;
      for (;;) {
        const r = await w.runOnce();
        if (r.claimed === 0) return sent;
        sent += r.sent;
      }
    };
    const [a, b] = await Promise.all(workers.map(drain));
    await Promise.all(workers.map((w) => w.stop()));
    expect(a! + b!).toBe(30);
    const delivered = smtp.received.flatMap((m) => m.to).filter((to) => to.startsWith('many-'));
    expect(delivered.sort()).toEqual([...recipients].sort());
    const [{ unsent }] = (await rows<{ unsent: number }>(sql`select count(*)::int as unsent from outbox where recipient like 'many-%' and sent_at is null`)) as [{ unsent: number }];
    expect(unsent).toBe(0);
  });

  it('stop() waits for the batch in flight', async () => {
    await queue('in-flight@example.com', 'password_changed', 'en', { displayName: 'Ada' });
    const looping = createOutboxWorker({ db: t.database.db, mailer: createMailer(smtp.url), from: 'BioBridge <no-reply@bb.test>' });
    looping.start();
    // The first round starts at once; stop() resolves only after it has recorded the message.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await looping.stop();
    expect((await outboxFor('in-flight@example.com'))[0]!.sent_at).not.toBeNull();
    expect(mailTo('in-flight@example.com')).toHaveLength(1);
  });
});

describe('day-before reminders', () => {
  let communityId: string;

  async function makeEvent(options: { startsInHours: number; status?: string; title: string }) {
    const [event] = await rows<{ id: string }>(
      sql`insert into events (community_id, kind, title, venue, starts_at, ends_at, status, published_at)
          values (${communityId}, 'salon', ${options.title}, '会议室 A',
                  now() + make_interval(mins => ${Math.round(options.startsInHours * 60)}),
                  now() + make_interval(mins => ${Math.round(options.startsInHours * 60) + 180}),
                  ${options.status ?? 'published'}, now())
          returning id`,
    );
    const [ticket] = await rows<{ id: string }>(sql`insert into event_ticket_types (event_id, name, capacity) values (${event!.id}, '普通票', 10) returning id`);
    return { eventId: event!.id, ticketId: ticket!.id };
  }

  async function register(e: { eventId: string; ticketId: string }, email: string, status: string, locale: Locale = 'zh-CN', waitlistNo: number | null = null) {
    const token = crypto.randomBytes(12).toString('hex');
    const code = crypto.randomBytes(4).toString('hex').toUpperCase();
    await db().execute(
      sql`insert into event_registrations (event_id, ticket_type_id, name, email, locale, status, waitlist_no, code, manage_token, confirmed_at)
          values (${e.eventId}, ${e.ticketId}, ${`参会人 ${email}`}, ${email}, ${locale}, ${status}, ${waitlistNo}, ${code}, ${token},
                  ${status === 'confirmed' ? sql`now()` : null})`,
    );
    return { token, code };
  }

  const remindersOf = (eventId: string) =>
    rows<{ recipient: string; locale: string; payload: Record<string, unknown> }>(
      sql`select recipient, locale, payload from outbox where template = 'event_reminder' and event_id = ${eventId} order by recipient`,
    );

  beforeAll(async () => {
    const [c] = await rows<{ id: string }>(sql`select id from communities where slug = 'china-medical-city'`);
    communityId = c!.id;
  });

  it('queues one reminder per confirmed registration of events starting within 24 h, once, even when run twice at the same time', async () => {
    const soon = await makeEvent({ startsInHours: 20, title: '明日沙龙' });
    const a = await register(soon, 'a.confirmed@example.com', 'confirmed', 'zh-CN');
    await register(soon, 'b.confirmed@example.com', 'confirmed', 'zh-TW');
    await register(soon, 'c.confirmed@example.com', 'confirmed', 'en');
    await register(soon, 'waiting@example.com', 'waitlisted', 'zh-CN', 1);
    await register(soon, 'pending@example.com', 'pending');
    await register(soon, 'gone@example.com', 'cancelled');
    const later = await makeEvent({ startsInHours: 30, title: '后天论坛' });
    await register(later, 'later@example.com', 'confirmed');
    const started = await makeEvent({ startsInHours: -1, title: '进行中的路演' });
    await register(started, 'started@example.com', 'confirmed');
    const draft = await makeEvent({ startsInHours: 20, status: 'draft', title: '草稿活动' });
    await register(draft, 'draft@example.com', 'confirmed');
    const cancelled = await makeEvent({ startsInHours: 20, status: 'cancelled', title: '已取消活动' });
    await register(cancelled, 'cancelled-event@example.com', 'confirmed');

    await Promise.all([queueDueReminders(db(), 'http://bb.test'), queueDueReminders(db(), 'http://bb.test')]);
    await queueDueReminders(db(), 'http://bb.test');

    const queued = await remindersOf(soon.eventId);
    expect(queued.map((r) => [r.recipient, r.locale])).toEqual([
      ['a.confirmed@example.com', 'zh-CN'],
      ['b.confirmed@example.com', 'zh-TW'],
      ['c.confirmed@example.com', 'en'],
    ]);
    expect(queued[0]!.payload).toMatchObject({ eventId: soon.eventId, eventTitle: '明日沙龙', code: a.code, link: `http://bb.test/r/${a.token}`, name: '参会人 a.confirmed@example.com' });
    expect(queued[0]!.payload.communityName).toMatchObject({ 'zh-CN': expect.any(String), 'zh-TW': expect.any(String), en: expect.any(String) });
    for (const e of [later, started, draft, cancelled]) expect(await remindersOf(e.eventId)).toEqual([]);
    const [flag] = await rows<{ queued: boolean }>(sql`select reminders_queued_at is not null as queued from events where id = ${soon.eventId}`);
    expect(flag!.queued).toBe(true);

    // And the worker sends them, each in its recipient's language.
    await worker.runOnce();
    expect(mailTo('c.confirmed@example.com')[0]!.subject).toBe('Reminder: 明日沙龙 is coming up');
    expect(mailTo('b.confirmed@example.com')[0]!.subject).toBe('活動提醒:明日沙龙 即將開始');
    expect(mailTo('a.confirmed@example.com')[0]!.text).toContain(`http://bb.test/r/${a.token}`);
  });

  it('queues an event once it comes within the window, and not again', async () => {
    const e = await makeEvent({ startsInHours: 25, title: '窗口外活动' });
    await register(e, 'edge@example.com', 'confirmed');
    await queueDueReminders(db(), 'http://bb.test');
    expect(await remindersOf(e.eventId)).toEqual([]);
    await db().execute(sql`update events set starts_at = starts_at - interval '2 hours', ends_at = ends_at - interval '2 hours' where id = ${e.eventId}`);
    await queueDueReminders(db(), 'http://bb.test');
    await queueDueReminders(db(), 'http://bb.test');
    expect((await remindersOf(e.eventId)).map((r) => r.recipient)).toEqual(['edge@example.com']);
  });
});
