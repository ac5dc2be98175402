/**
 * One-to-one partnering from request to calendar: a park sets up a partnering day (slots and
 * tables); a startup founder and an investor, both registered, opt in; the founder finds the
 * investor on a phone and asks for a "must meet" meeting; the investor accepts; the organiser runs
 * the scheduler and publishes; the founder's agenda shows the table and time, and the .ics it
 * downloads holds the meeting.
 */
import { describe, expect, it } from 'vitest';
import { ACCOUNTS, apiAs, newContext, signIn, TEST_TIMEOUT, useServerAndBrowser } from './helpers';

const env = useServerAndBrowser();
const PARK = 'china-medical-city';
const FOUNDER = ACCOUNTS.member;
const INVESTOR = ACCOUNTS.investor;

/** The event's first day in Shanghai, as the slot generator takes it. */
function shanghaiDay(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

describe('partnering: request, accept, schedule, agenda, calendar', () => {
  it(
    'takes a meeting request from a phone to a published table and an .ics entry',
    async () => {
      const staff = await apiAs(env.server.url, ACCOUNTS.staff);
      const community = staff.communityId(PARK);
      const base = `/api/communities/${community}/events`;
      // 09:00 Shanghai, three weeks from now.
      const day = shanghaiDay(new Date(Date.now() + 21 * 86_400_000));
      const startsAt = new Date(`${day}T09:00:00+08:00`);
      const created = await staff.call<{ id: string; version: number }>('POST', base, {
        kind: 'partnering_day',
        title: '细胞治疗投融资一对一洽谈日',
        venue: '中国医药城会展中心 B 厅',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 8 * 3_600_000).toISOString(),
        capacity: 100,
      });
      const event = `${base}/${created.id}`;
      await staff.call('POST', `${event}/publish`, { version: created.version });
      await staff.call('PUT', `${event}/partnering/settings`, { mode: 'requests' });
      await staff.call('POST', `${event}/partnering/slots/generate`, {
        days: [day],
        sessions: [
          { label: 'morning', start: '09:30', end: '11:30' },
          { label: 'afternoon', start: '14:00', end: '16:00' },
        ],
        slotMinutes: 25,
        gapMinutes: 5,
      });
      await staff.call('POST', `${event}/partnering/locations/bulk`, { kind: 'table', prefix: '洽谈桌 ', start: 1, count: 6 });

      // Both register for the event, signed in; the investor opts in through the API.
      const [ticket] = await staff.call<{ id: string }[]>('GET', `${event}/ticket-types`);
      const founderApi = await apiAs(env.server.url, FOUNDER);
      const investorApi = await apiAs(env.server.url, INVESTOR);
      await founderApi.call('POST', `/api/public/events/${created.id}/registrations`, { ticketTypeId: ticket!.id, name: '沈若溪', email: FOUNDER, organisationName: '泰州禾曦细胞科技有限公司' });
      await investorApi.call('POST', `/api/public/events/${created.id}/registrations`, { ticketTypeId: ticket!.id, name: '陈立', email: INVESTOR, organisationName: '泰州医药产业投资基金' });
      const investor = await investorApi.call<{ id: string }>('PUT', `/api/events/${created.id}/partnering/me`, {
        side: 'investor',
        displayName: '陈立',
        organisationName: '泰州医药产业投资基金',
        headline: '关注细胞与基因治疗早期项目',
        seek: 'A 轮前后的细胞治疗、基因治疗项目',
      });

      // The founder opts in and asks for a meeting, on a phone.
      const phoneContext = await newContext(env.browser, { phone: true });
      const phone = await phoneContext.newPage();
      await signIn(phone, env.server.url, FOUNDER);
      await phone.goto(`${env.server.url}/partnering/${created.id}?tab=profile`);
      await phone.getByTestId('partnering-optin-submit').waitFor();
      const field = (id: string) => phone.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();
      await field('partnering-name').fill('沈若溪');
      await field('partnering-headline').fill('通用型CAR-NK平台，寻求 A 轮领投');
      await phone.getByTestId('partnering-optin-submit').click();
      await phone.getByTestId('partnering-tab-people').click();
      const card = phone.getByTestId(`participant-card-${investor.id}`);
      await card.waitFor();
      await phone.getByTestId(`request-button-${investor.id}`).click();
      await phone.getByTestId('request-priority-must').click();
      await phone.locator('textarea[data-testid="request-message"], [data-testid="request-message"] textarea').first().fill('希望介绍我们的 CAR-NK 平台与 IIT 数据。');
      await phone.getByTestId('request-submit').click();
      await card.getByText('等待对方回复').waitFor();

      // The investor accepts at a desk.
      const deskContext = await newContext(env.browser);
      const desk = await deskContext.newPage();
      await signIn(desk, env.server.url, INVESTOR);
      await desk.goto(`${env.server.url}/partnering/${created.id}?tab=requests`);
      const incoming = await investorApi.call<{ items: { id: string; status: string }[] }>('GET', `/api/events/${created.id}/partnering/requests?box=incoming`);
      expect(incoming.items.map((r) => r.status)).toEqual(['pending']);
      await desk.getByTestId(`request-accept-${incoming.items[0]!.id}`).click();
      await expect
        .poll(async () => (await investorApi.call<{ items: { status: string }[] }>('GET', `/api/events/${created.id}/partnering/requests?box=incoming`)).items[0]!.status)
        .toBe('accepted');
      await deskContext.close();

      // The organiser runs the scheduler and publishes.
      const orgContext = await newContext(env.browser);
      const organiser = await orgContext.newPage();
      await signIn(organiser, env.server.url, ACCOUNTS.staff);
      await organiser.goto(`${env.server.url}/c/${PARK}/events/${created.id}/partnering?tab=schedule`);
      await organiser.getByTestId('schedule-run').click();
      const summary = organiser.getByTestId('schedule-run-summary');
      await summary.waitFor();
      await organiser.getByTestId('schedule-publish').click();
      await organiser.getByTestId('schedule-publish-confirm').click();
      await expect.poll(async () => (await staff.call<{ scheduleVersion: number }>('GET', `${event}/partnering/settings`)).scheduleVersion).toBe(1);
      await orgContext.close();

      // The founder's agenda shows the meeting at a table, and the calendar file holds it.
      await phone.goto(`${env.server.url}/partnering/${created.id}?tab=agenda`);
      const agenda = await founderApi.call<{ meetings: { id: string; location: { name: string } }[] }>('GET', `/api/events/${created.id}/partnering/agenda`);
      expect(agenda.meetings).toHaveLength(1);
      const meeting = agenda.meetings[0]!;
      expect(meeting.location.name).toMatch(/^洽谈桌 \d$/);
      const row = phone.getByTestId(`agenda-meeting-${meeting.id}`);
      await row.getByText(meeting.location.name).waitFor();
      await row.getByText('泰州医药产业投资基金').waitFor();
      const [download] = await Promise.all([phone.waitForEvent('download'), phone.getByTestId('agenda-ics').click()]);
      const stream = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      const ics = Buffer.concat(chunks).toString('utf8');
      expect(ics).toContain('BEGIN:VEVENT');
      expect(ics).toContain(meeting.location.name);
      expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
      await phoneContext.close();
    },
    TEST_TIMEOUT,
  );
});
