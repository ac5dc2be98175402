/**
 * The tenancy sweep for the door routes alone (the platform sweep stops at the first failing
 * route of any module): another community's event answers 404 on every route, exactly like a
 * missing community, and with its ids under one's own community.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signedIn, startTestApp, type Client, type TestApp } from '../../../../test/app';
import * as samples from './tenancy.samples';

let t: TestApp;
let outsider: Client;
let owner: Client;
let target: string;
let own: string;
let ids: Record<string, string>;
beforeAll(async () => {
  t = await startTestApp();
  outsider = await signedIn(t.app, 'alliance.admin@biobridge.demo');
  owner = await signedIn(t.app, 'park.admin@biobridge.demo');
  target = owner.communityId('china-medical-city');
  own = outsider.communityId('jiading-biomed-alliance');
  ids = await samples.ids(owner, target);
});
afterAll(() => t.close());
const mine = () => t.app.routeList.filter((r) => r.url.includes(':communityId') && /\/events\/:eventId\/(invitations|check-ins|attendance|attendees|badges)/.test(r.url));
const fill = (url: string, c: string) => url.replace(':communityId', c).replace(/:(\w+)/g, (_, n: string) => ids[n] ?? `missing-${n}`);
it('answers 404 on every door route for another community, as for a missing one', async () => {
  const routes = mine();
  expect(routes.length).toBe(11);
  const missing = '00000000-0000-4000-8000-000000000000';
  for (const r of routes) {
    if (r.method !== 'GET' && r.method !== 'DELETE') expect(samples.bodies).toHaveProperty(`${r.method} ${r.url}`);
    const body = samples.bodies[`${r.method} ${r.url}`];
    const res = await outsider.request<{ error: { code: string; message: string } }>(r.method as 'GET', fill(r.url, target), body);
    expect(res.status, `${r.method} ${r.url}`).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    const ghost = await outsider.request<{ error: { code: string; message: string } }>(r.method as 'GET', fill(r.url, missing), body);
    expect([ghost.status, ghost.body.error.message]).toEqual([404, res.body.error.message]);
    const crossed = await outsider.request<{ error: { code: string } }>(r.method as 'GET', fill(r.url, own), body);
    expect(crossed.status, `crossed ${r.method} ${r.url}`).toBe(404);
  }
});
