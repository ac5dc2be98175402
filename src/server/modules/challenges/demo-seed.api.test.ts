import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedChallenges } from '../../../../demo/challenges/seed-challenges';
import type { AnswerList, Answer, ChallengePage, Thread } from '../../../shared/schemas/challenges';
import { signedIn, type TestApp, startTestApp } from '../../../../test/app';

/**
 * The demo's challenges load into the demo dataset (until demo/seed.ts calls the seeder, this
 * test calls it) and read sensibly through the API: the park's staff see their board, the
 * regenerative-medicine park's challenge is closed with a chosen answer, the communities-only
 * one stays inside its community.
 */

let t: TestApp;

async function rows<T>(query: string): Promise<T[]> {
  return t.database.withConnection((conn) => conn.rows<T>(query));
}

beforeAll(async () => {
  t = await startTestApp();
  const [{ n }] = (await rows<{ n: number }>('select count(*)::int as n from challenges')) as [{ n: number }];
  if (n === 0) {
    const users = await rows<{ id: string; email: string }>('select id, email from users');
    const communities = await rows<{ id: string; slug: string }>('select id, slug from communities');
    await t.database.db.transaction((tx) =>
      seedChallenges(tx, { userIds: new Map(users.map((u) => [u.email, u.id])), communityIds: new Map(communities.map((c) => [c.slug, c.id])) }),
    );
  }
});
afterAll(() => t.close());

describe('the demo challenges', () => {
  it('give China Medical City’s staff a board with answers at several stages and a thread', async () => {
    const staff = await signedIn(t.app, 'staff@biobridge.demo');
    const mine = await staff.get<ChallengePage>('/api/challenges?mine=true');
    expect(mine.body.items.map((c) => c.status).sort()).toEqual(['draft', 'open']);
    const open = mine.body.items.find((c) => c.status === 'open')!;
    const answers = await staff.get<AnswerList>(`/api/challenges/${open.id}/answers`);
    expect(answers.body.counts).toMatchObject({ finalist: 1, shortlisted: 1, qualified: 1, withdrawn: 1 });
    const threaded = answers.body.items.find((a) => a.messageCount > 0)!;
    expect((await staff.get<Thread>(`/api/challenges/${open.id}/answers/${threaded.id}/messages`)).body.items.map((m) => m.side)).toEqual(['poster', 'team']);
  });

  it('shows the closed challenge with its chosen answer to the winning team, without the screening note', async () => {
    const team = await signedIn(t.app, 'hsinyu.yeh@biobridge.demo');
    const [answer] = (await team.get<Answer[]>('/api/me/answers')).body;
    expect([answer!.stage, answer!.challenge.status, 'screeningNote' in answer!]).toEqual(['chosen', 'closed', false]);
    const full = await team.get<Answer>(`/api/challenges/${answer!.challenge.id}/answers/${answer!.id}`);
    expect(full.body.events!.map((e) => e.kind)).toEqual(['submitted', 'advanced', 'advanced', 'advanced', 'advanced']);
  });

  it('keeps the communities-only challenge inside the regenerative-medicine park', async () => {
    const outsider = await signedIn(t.app, 'staff@biobridge.demo');
    const insider = await signedIn(t.app, 'regen.admin@biobridge.demo');
    const title = (p: ChallengePage) => p.items.map((c) => c.titleZh).filter((x) => x.startsWith('CAR-T'));
    expect(title((await outsider.get<ChallengePage>('/api/challenges')).body)).toEqual([]);
    expect(title((await insider.get<ChallengePage>('/api/challenges')).body)).toHaveLength(1);
  });
});
