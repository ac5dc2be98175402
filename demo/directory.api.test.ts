/**
 * The demo directory has what the demo promises, and the large-dataset generator makes valid,
 * deterministic data (small scale here; `npm run demo:generate` does the large runs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidCreditCode } from '../src/domain/credit-code';
import { communities } from '../src/server/db/schema';
import type { Database } from '../src/server/db/client';
import { freshDatabase, type TestDatabase } from '../test/db';
import { startTestApp, type TestApp } from '../test/app';
import { DEMO_COMMUNITIES } from './communities';
import { INSTITUTIONS } from './directory/institutions';
import { generateDataset } from './generator/generate';

const rows = <T>(database: Database, query: string, params?: unknown[]) => database.withConnection((c) => c.rows<T>(query, params));
const one = async (database: Database, query: string, params?: unknown[]) => Number(Object.values((await rows<Record<string, unknown>>(database, query, params))[0]!)[0]);

/** Checks every generated or seeded record must pass, whatever its source. */
async function expectValidDirectory(database: Database) {
  // Each project's stage is a stage of its own track.
  expect(
    await one(database, `select count(*) from projects p where not exists (select 1 from taxonomy_terms t where t.taxonomy = 'stage' and t.code = p.stage and t.group_code = p.track)`),
  ).toBe(0);
  // Codes of segments, qualifications and services are terms of the taxonomy.
  for (const [taxonomy, query] of [
    ['segment', `select unnest(segments) from organisations union select unnest(thesis_segments) from organisations union select segment from projects`],
    ['qualification', `select unnest(qualifications) from organisations`],
    ['service', `select unnest(services) from organisations`],
    ['stage', `select unnest(thesis_stages) from organisations`],
  ] as const) {
    const unknown = await rows<{ code: string }>(database, `select x.code from (${query}) as x(code) where not exists (select 1 from taxonomy_terms t where t.taxonomy = $1 and t.code = x.code)`, [taxonomy]);
    expect(unknown, taxonomy).toEqual([]);
  }
  // Credit codes: valid check character, unique.
  const codes = (await rows<{ credit_code: string }>(database, `select credit_code from organisations where credit_code is not null`)).map((r) => r.credit_code);
  expect(codes.filter((c) => !isValidCreditCode(c))).toEqual([]);
  expect(new Set(codes).size).toBe(codes.length);
  // A search document for every record.
  for (const [type, table] of [['organisation', 'organisations'], ['person', 'people'], ['project', 'projects']] as const) {
    expect(await one(database, `select count(*) from ${table} r where not exists (select 1 from search_documents d where d.entity_type = $1 and d.entity_id = r.id)`, [type]), type).toBe(0);
  }
  // Named investors are investing organisations; investor tickets are ordered.
  expect(
    await one(database, `select count(*) from project_named_investors n join organisations o on o.id = n.organisation_id where o.kind not in ('investor', 'guidance_fund', 'state_financing')`),
  ).toBe(0);
  expect(await one(database, `select count(*) from projects p where p.confidentiality = 'named_investors' and not exists (select 1 from project_named_investors n where n.project_id = p.id)`)).toBe(0);
  // Links point at records that exist.
  expect(
    await one(
      database,
      `select count(*) from directory_links l where not exists (select 1 from organisations o where o.id = l.from_id)
         or (l.to_type = 'organisation' and not exists (select 1 from organisations o where o.id = l.to_id))
         or (l.to_type = 'community' and not exists (select 1 from communities c where c.id = l.to_id))`,
    ),
  ).toBe(0);
}

describe('the demo directory', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('fills every community with organisations, projects and people', async () => {
    const perCommunity = await rows<{ slug: string; orgs: number; projects: number; people: number; notes: number; annotations: number }>(
      t.database,
      `select c.slug,
         (select count(*)::int from organisations o where o.steward_community_id = c.id) as orgs,
         (select count(*)::int from projects p where p.community_id = c.id) as projects,
         (select count(*)::int from people p where p.steward_community_id = c.id) as people,
         (select count(*)::int from community_notes n where n.community_id = c.id) as notes,
         (select count(*)::int from community_annotations a where a.community_id = c.id) as annotations
       from communities c order by c.slug`,
    );
    expect(perCommunity.map((c) => c.slug)).toEqual(DEMO_COMMUNITIES.map((c) => c.slug).sort());
    for (const c of perCommunity) {
      expect(c.orgs, c.slug).toBeGreaterThanOrEqual(50);
      expect(c.projects, c.slug).toBeGreaterThanOrEqual(50);
      expect(c.people, c.slug).toBeGreaterThanOrEqual(25);
      expect(c.notes, c.slug).toBeGreaterThanOrEqual(3);
      expect(c.annotations, c.slug).toBeGreaterThanOrEqual(3);
    }
    const total = (k: 'orgs' | 'projects' | 'people') => perCommunity.reduce((s, c) => s + c[k], 0);
    expect(total('orgs')).toBeGreaterThanOrEqual(250);
    expect(total('projects')).toBeGreaterThanOrEqual(250);
    expect(total('people')).toBeGreaterThanOrEqual(120);
  });

  it('holds valid, indexed records', async () => {
    await expectValidDirectory(t.database);
  });

  it('keeps each community to its focus: the regenerative-medicine park is about cells, tissues and materials', async () => {
    const segments = await rows<{ segment: string }>(
      t.database,
      `select distinct p.segment from projects p join communities c on c.id = p.community_id where c.slug = 'daxing-regen-park'`,
    );
    expect(segments.map((s) => s.segment).every((s) => ['cell_therapy', 'regenerative_medicine', 'biomaterials', 'gene_therapy'].includes(s))).toBe(true);
  });

  it('has investors of every type, service providers, every kind of link and people with and without consent', async () => {
    const types = (await rows<{ t: string }>(t.database, `select distinct investor_type as t from organisations where investor_type is not null`)).map((r) => r.t);
    expect(types.sort()).toEqual(['angel', 'cvc', 'guidance_fund', 'pe', 'state_financing', 'vc']);
    expect(await one(t.database, `select count(*) from organisations where kind = 'service_provider' and services && '{cro,cdmo,cmo}'`)).toBeGreaterThanOrEqual(5);
    const roles = (await rows<{ role: string }>(t.database, `select distinct role from directory_links`)).map((r) => r.role);
    expect(roles.sort()).toEqual(['investor_of', 'licensee_of', 'partner_of', 'resident_of', 'spun_out_of']);
    expect(await one(t.database, `select count(*) from people where consent_to_contact and consent_at is not null`)).toBeGreaterThan(10);
    expect(await one(t.database, `select count(*) from people where not consent_to_contact`)).toBeGreaterThan(10);
    expect(await one(t.database, `select count(*) from person_affiliations`)).toBeGreaterThanOrEqual(await one(t.database, `select count(*) from people`));
  });

  it('makes the demo accounts representatives of fitting organisations', async () => {
    const represented = await rows<{ email: string; kind: string; services: string[]; name: string }>(
      t.database,
      `select u.email, o.kind, o.services, o.name_zh as name from organisation_representatives r
         join users u on u.id = r.user_id join organisations o on o.id = r.organisation_id
       where u.email in ('investor@biobridge.demo', 'member@biobridge.demo', 'provider@biobridge.demo') order by u.email`,
    );
    expect(represented.map((r) => [r.email, r.kind])).toEqual([
      ['investor@biobridge.demo', 'investor'],
      ['member@biobridge.demo', 'enterprise'],
      ['provider@biobridge.demo', 'service_provider'],
    ]);
    expect(represented[2]!.services).toContain('cro');
    // The investor's organisation is named on some named-investors projects.
    expect(
      await one(
        t.database,
        `select count(*) from project_named_investors n join organisation_representatives r on r.organisation_id = n.organisation_id
           join users u on u.id = r.user_id where u.email = 'investor@biobridge.demo'`,
      ),
    ).toBeGreaterThanOrEqual(2);
  });

  it('attaches no invented project, person or code to a real institution', async () => {
    const names = INSTITUTIONS.map((i) => i.nameZh);
    expect(await one(t.database, `select count(*) from organisations where name_zh = any($1) and credit_code is null`, [names])).toBe(names.length);
    expect(await one(t.database, `select count(*) from projects p join organisations o on o.id = p.owner_organisation_id where o.name_zh = any($1)`, [names])).toBe(0);
    expect(await one(t.database, `select count(*) from person_affiliations a join organisations o on o.id = a.organisation_id where o.name_zh = any($1)`, [names])).toBe(0);
  });
});

async function withCommunities(): Promise<TestDatabase> {
  const database = await freshDatabase();
  await database.db.insert(communities).values(DEMO_COMMUNITIES.map((c) => ({ ...c })));
  return database;
}

/** Everything a run produced, with community ids replaced by slugs (they differ between databases). */
async function snapshot(database: Database) {
  const slugs = await rows<{ id: string; slug: string }>(database, `select id, slug from communities`);
  const bySlug = (text: string) => slugs.reduce((s, c) => s.replaceAll(c.id, c.slug), text);
  const dump = async (query: string) => bySlug(JSON.stringify(await rows(database, query)));
  return {
    organisations: await dump(`select id, kind, name_zh, name_en, credit_code, founded_on::text, district, segments, qualifications, description_zh, ticket_min_fen, steward_community_id from organisations order by id`),
    projects: await dump(`select id, name_zh, owner_organisation_id, community_id, segment, track, stage, indications, funding_sought_fen, confidentiality, summary_en from projects order by id`),
    people: await dump(`select id, name_zh, email, consent_to_contact, consent_at::text from people order by id`),
    links: await dump(`select id, from_id, role, to_id from directory_links order by id`),
    named: await dump(`select project_id, organisation_id from project_named_investors order by 1, 2`),
  };
}

describe('the large-dataset generator', () => {
  it('adds valid, linked, indexed records to the demo (500 organisations, 1000 projects)', { timeout: 300_000 }, async () => {
    const t = await startTestApp();
    try {
      const before = { orgs: await one(t.database, 'select count(*) from organisations'), projects: await one(t.database, 'select count(*) from projects') };
      const progress: number[] = [];
      const result = await generateDataset(t.database, { orgs: 500, projects: 1000, people: 300, seed: 7, onProgress: (done) => progress.push(done) });
      expect(result).toMatchObject({ orgs: 500, projects: 1000, people: 300 });
      expect(progress.at(-1)).toBe(1800);
      expect(await one(t.database, 'select count(*) from organisations')).toBe(before.orgs + 500);
      expect(await one(t.database, 'select count(*) from projects')).toBe(before.projects + 1000);
      await expectValidDirectory(t.database);
      // Projects belong to the demo communities and mostly to generated enterprises.
      expect(await one(t.database, `select count(*) from projects where owner_organisation_id is null`)).toBe(0);
      expect(await one(t.database, `select count(distinct confidentiality) from projects`)).toBe(3);
      expect(await one(t.database, `select count(*) from organisations where name_zh ~ '^[A-Za-z]'`)).toBeGreaterThan(0);
      // A second run continues the numbering: new codes and e-mail addresses, no collision.
      await generateDataset(t.database, { orgs: 50, projects: 50, seed: 7 });
      await expectValidDirectory(t.database);
      expect(await one(t.database, `select count(*) - count(distinct email) from people where email is not null`)).toBe(0);
    } finally {
      await t.close();
    }
  });

  it('gives the same data for the same seed, and other data for another seed', { timeout: 300_000 }, async () => {
    const [a, b, c] = await Promise.all([withCommunities(), withCommunities(), withCommunities()]);
    try {
      const options = { orgs: 120, projects: 200, people: 60 };
      await generateDataset(a, { ...options, seed: 42 });
      await generateDataset(b, { ...options, seed: 42 });
      await generateDataset(c, { ...options, seed: 43 });
      const [sa, sb, sc] = [await snapshot(a), await snapshot(b), await snapshot(c)];
      expect(sb).toEqual(sa);
      expect(sc.organisations).not.toEqual(sa.organisations);
      expect(sc.projects).not.toEqual(sa.projects);
      await expectValidDirectory(a);
    } finally {
      await Promise.all([a.destroy(), b.destroy(), c.destroy()]);
    }
  });

  it('refuses to make projects where there is no community for them', async () => {
    const database = await freshDatabase();
    try {
      await expect(generateDataset(database, { orgs: 5, projects: 5 })).rejects.toThrow(/community/);
      expect(await one(database, 'select count(*) from organisations')).toBe(0);
    } finally {
      await database.destroy();
    }
  });
});
