/**
 * An event from the visitor's phone to the door: a park publishes a salon; a visitor without an
 * account opens the public page on a phone, registers, gets the confirmation with the QR code
 * and the check-in code, and finds it again on their own registration page; at the door a staff
 * member types the code, sees who it is, and a second check-in of the same code is refused.
 */
import { describe, expect, it } from 'vitest';
import { ACCOUNTS, apiAs, newContext, signIn, TEST_TIMEOUT, useServerAndBrowser } from './helpers';

const env = useServerAndBrowser();
const PARK = 'china-medical-city';

describe('register, confirm, check in', () => {
  it(
    'takes a visitor from the public page to a confirmed seat, and the door checks them in once',
    async () => {
      const staff = await apiAs(env.server.url, ACCOUNTS.staff);
      const community = staff.communityId(PARK);
      const startsAt = new Date(Date.now() + 3 * 86_400_000);
      const event = await staff.call<{ id: string; version: number }>('POST', `/api/communities/${community}/events`, {
        kind: 'salon',
        title: '细胞治疗CMC实务沙龙',
        venue: '中国医药城会展中心B馆',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
        capacity: 30,
      });
      await staff.call('POST', `/api/communities/${community}/events/${event.id}/publish`, { version: event.version });

      // The visitor, on a phone, without an account.
      const visitor = await newContext(env.browser, { phone: true });
      const page = await visitor.newPage();
      await page.goto(`${env.server.url}/e/${event.id}`);
      await expect.poll(() => page.getByTestId('registrations-event-title').textContent()).toContain('细胞治疗CMC实务沙龙');
      const form = page.getByTestId('registrations-form');
      const ticket = form.locator('.ant-radio-wrapper').first();
      if (!(await ticket.locator('.ant-radio-checked').count())) await ticket.click();
      await page.getByTestId('registrations-name').fill('周婉清');
      await page.getByTestId('registrations-email').fill('zhou.wanqing@example.cn');
      await page.getByTestId('registrations-organisation').fill('泰州澄江生物医药有限公司');
      await page.getByTestId('registrations-submit').click();
      await page.getByTestId('registrations-result-confirmed').waitFor();
      await page.getByTestId('registrations-qr').waitFor();
      const code = (await page.getByTestId('registrations-code').textContent())!.trim().slice(0, 8);
      expect(code).toMatch(/^[23456789A-HJKMNP-Z]{8}$/);

      // Their own page, from the link the confirmation e-mail carries, shows the same code.
      await page.getByTestId('registrations-manage-link').click();
      await page.getByTestId('registrations-own').waitFor();
      expect(await page.getByTestId('registrations-code').textContent()).toContain(code);
      await visitor.close();

      // At the door.
      const door = await newContext(env.browser, { phone: true });
      const desk = await door.newPage();
      await signIn(desk, env.server.url, ACCOUNTS.staff);
      await desk.goto(`${env.server.url}/c/${PARK}/events/${event.id}/check-in`);
      await desk.getByTestId('eventDoor-checkin-page').waitFor();
      const input = desk.getByTestId('eventDoor-code-input').locator('input');
      await input.fill(code.toLowerCase());
      await input.press('Enter');
      const result = desk.getByTestId('eventDoor-result');
      await expect.poll(() => result.getAttribute('data-result')).toBe('checked_in');
      expect(await desk.getByTestId('eventDoor-result-name').textContent()).toContain('周婉清');
      await expect.poll(() => desk.getByTestId('eventDoor-count').textContent()).toMatch(/^1\s*\//);

      // The same code again is refused, saying when it was used.
      await input.fill(code);
      await input.press('Enter');
      await expect.poll(() => result.getAttribute('data-result')).toBe('already_checked_in');
      // An unknown code is refused too.
      await input.fill('ZZZZ2222');
      await input.press('Enter');
      await expect.poll(() => result.getAttribute('data-result')).toBe('unknown_code');
      await door.close();

      const attendance = await staff.call<{ checkedIn: number }>('GET', `/api/communities/${community}/events/${event.id}/attendance`);
      expect(attendance.checkedIn).toBe(1);
    },
    TEST_TIMEOUT,
  );
});
