/**
 * The large synthetic dataset: organisations, projects and people with realistic Chinese and
 * English content, linked to each other and to existing communities, indexed for search.
 *
 * Built batch by batch (generate → INSERT … SELECT FROM json_populate_recordset → index, in one
 * transaction per batch), so memory stays bounded by the batch size plus the ids later records
 * link to. Every record is drawn from its own random stream (seed, type, number), so the same
 * seed on the same starting database gives the same data, ids included. Record numbers continue
 * after the records already in the database, so a second run adds new, non-colliding records
 * (credit codes and e-mail addresses are derived from the numbers).
 */
import { sql } from 'drizzle-orm';
import type { OrganisationKind } from '../../src/domain/directory';
import type { Database, Executor } from '../../src/server/db/client';
import { refreshSearchDocuments } from '../../src/server/modules/search/index-document';
import { insertRows } from './bulk-insert';
import { makeOrganisation, makePerson, makeProject } from './records';
import { Pools, linksOf } from './pools';
import { Rng, STREAM } from './random';
import type { AffiliationRow, LinkRow, NamedInvestorRow, OrganisationRow, PersonRow, ProjectRow } from './rows';

export interface GenerateOptions {
  orgs: number;
  projects: number;
  /** Default: half the number of organisations. */
  people?: number;
  seed?: number;
  /** Communities the records belong to; default: every community, in slug order. */
  communityIds?: string[];
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateResult {
  orgs: number;
  projects: number;
  people: number;
  seconds: number;
}

/** Records per transaction. */
const BATCH = 2000;

async function rowsOf<T>(db: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * Runs batch transactions with up to `limit` in flight: on PostgreSQL (a pool of connections)
 * one batch's tokenising in the application overlaps the previous batch's writes in the server.
 * Batches of one phase are independent; a phase drains before the next reads what it wrote.
 */
class Pipeline {
  private pending = new Set<Promise<void>>();
  private failure: unknown = null;
  constructor(private readonly limit: number) {}

  async submit(work: () => Promise<void>): Promise<void> {
    while (this.pending.size >= this.limit) await Promise.race(this.pending);
    this.check();
    const run: Promise<void> = work()
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => this.pending.delete(run));
    this.pending.add(run);
  }

  async drain(): Promise<void> {
    await Promise.all(this.pending);
    this.check();
  }

  private check() {
    if (this.failure) throw this.failure;
  }
}

async function count(db: Executor, table: 'organisations' | 'projects' | 'people'): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return row?.n ?? 0;
}

/** When nothing is generated to link to, the records already in the database serve. */
async function loadExisting(db: Executor, pools: Pools): Promise<void> {
  const rows = await rowsOf<{ id: string; name_zh: string; kind: OrganisationKind; steward: string | null; segment: string | null }>(
    db,
    sql`select id, name_zh, kind, steward_community_id as steward, coalesce(segments[1], thesis_segments[1]) as segment
        from organisations order by created_at, id limit 50000`,
  );
  for (const r of rows) pools.add(r.id, r.name_zh, r.kind, r.steward, r.segment);
}

export async function generateDataset(database: Database, options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const db = database.db;
  const seed = (options.seed ?? 1) >>> 0;
  const wanted = { orgs: Math.max(0, options.orgs), projects: Math.max(0, options.projects), people: Math.max(0, options.people ?? Math.round(options.orgs / 2)) };
  const communityIds =
    options.communityIds ?? (await rowsOf<{ id: string }>(db, sql`select id from communities order by slug`)).map((r) => r.id);
  if (communityIds.length === 0 && wanted.projects > 0) {
    throw new Error('Projects need a home community and the database has none: create one (or load the demo) first.');
  }
  const offset = { orgs: await count(db, 'organisations'), projects: await count(db, 'projects'), people: await count(db, 'people') };
  const total = wanted.orgs + wanted.projects + wanted.people;
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };
  const pools = new Pools();
  const pipeline = new Pipeline(database.kind === 'postgres' ? 2 : 1);
  const pickCommunity = (rng: Rng) => (communityIds.length ? rng.pick(communityIds) : null);

  for (let start = 0; start < wanted.orgs; start += BATCH) {
    const orgs: OrganisationRow[] = [];
    const links: LinkRow[] = [];
    for (let i = start; i < Math.min(wanted.orgs, start + BATCH); i++) {
      const number = offset.orgs + i;
      const rng = new Rng(seed, STREAM.organisation, number);
      const { row, segment } = makeOrganisation(rng, { number, communityId: pickCommunity(rng) });
      orgs.push(row);
      pools.add(row.id, row.name_zh, row.kind as OrganisationKind, row.steward_community_id, segment);
    }
    // After the whole batch joined the pools, so a company may link to an investor of its own batch.
    orgs.forEach((org, k) => links.push(...linksOf(new Rng(seed, STREAM.link, offset.orgs + start + k), org, pools)));
    await pipeline.submit(async () => {
      await db.transaction(async (tx) => {
        await insertRows(tx, 'organisations', orgs);
        await insertRows(tx, 'directory_links', links);
        await refreshSearchDocuments(tx, 'organisation', orgs.map((o) => o.id));
      });
      progress(orgs.length);
    });
  }
  // Projects' and people's search rows show their organisations' names: those must be committed.
  await pipeline.drain();

  if ((wanted.projects > 0 && pools.owners.length === 0) || (wanted.people > 0 && pools.ids.length === 0)) await loadExisting(db, pools);

  for (let start = 0; start < wanted.projects; start += BATCH) {
    const projects: ProjectRow[] = [];
    const named: NamedInvestorRow[] = [];
    for (let j = start; j < Math.min(wanted.projects, start + BATCH); j++) {
      const rng = new Rng(seed, STREAM.project, offset.projects + j);
      const owner = pools.owners.length ? rng.int(0, pools.owners.length - 1) : -1;
      const ownerIndex = owner >= 0 ? pools.owners[owner]! : -1;
      const { row, namedInvestors } = makeProject(rng, {
        ownerId: ownerIndex >= 0 ? pools.ids[ownerIndex]! : null,
        segment: owner >= 0 ? pools.ownerSegments[owner]! : 'innovative_drug',
        communityId: (ownerIndex >= 0 ? pools.communities[ownerIndex] : null) ?? rng.pick(communityIds),
        investors: pools.investors,
      });
      projects.push(row);
      for (const investor of namedInvestors) named.push({ project_id: row.id, organisation_id: investor });
    }
    await pipeline.submit(async () => {
      await db.transaction(async (tx) => {
        await insertRows(tx, 'projects', projects);
        await insertRows(tx, 'project_named_investors', named);
        await refreshSearchDocuments(tx, 'project', projects.map((p) => p.id));
      });
      progress(projects.length);
    });
  }

  for (let start = 0; start < wanted.people && pools.ids.length; start += BATCH) {
    const people: PersonRow[] = [];
    const affiliations: AffiliationRow[] = [];
    for (let k = start; k < Math.min(wanted.people, start + BATCH); k++) {
      const number = offset.people + k;
      const rng = new Rng(seed, STREAM.person, number);
      const at = rng.int(0, pools.ids.length - 1);
      const { row, role } = makePerson(rng, { orgKind: pools.kinds[at]!, orgNameZh: pools.names[at]!, communityId: pools.communities[at] ?? null, number });
      people.push(row);
      affiliations.push({ id: rng.uuid(), person_id: row.id, organisation_id: pools.ids[at]!, role: role[0], is_current: true });
      // Some people also advise a company or moved on from an earlier employer.
      if (rng.chance(0.2)) {
        const other = rng.int(0, pools.ids.length - 1);
        if (other !== at) {
          const current = rng.chance(0.5);
          affiliations.push({ id: rng.uuid(), person_id: row.id, organisation_id: pools.ids[other]!, role: current ? '科学顾问' : '前任研发负责人', is_current: current });
        }
      }
    }
    await pipeline.submit(async () => {
      await db.transaction(async (tx) => {
        await insertRows(tx, 'people', people);
        await insertRows(tx, 'person_affiliations', affiliations);
        await refreshSearchDocuments(tx, 'person', people.map((p) => p.id));
      });
      progress(people.length);
    });
  }
  await pipeline.drain();

  const made = {
    orgs: wanted.orgs,
    projects: wanted.projects,
    people: pools.ids.length ? wanted.people : 0,
  };
  return { ...made, seconds: Math.round((performance.now() - started) / 10) / 100 };
}

