/**
 * What the matchmaking seeders (briefs, challenges) share: looking up demo users and communities
 * by name, adding the invented organisations they need to the directory (stewarded by a demo
 * community, optionally with a demo user as representative, indexed for search and matching),
 * and finding the directory's own invented companies by key.
 */
import { inArray } from 'drizzle-orm';
import { nameKey } from '../../src/domain/text/fold';
import type { Executor } from '../../src/server/db/client';
import { organisationRepresentatives, organisations } from '../../src/server/db/schema';
import { refreshSearchDocuments } from '../../src/server/modules/search/index-document';
import { COMPANIES } from '../directory/companies';

export interface MatchSeedRefs {
  userIds: Map<string, string>;
  communityIds: Map<string, string>;
}

/** `community(slug)` and `user(email)` that fail loudly, naming the seeder. */
export function seedLookups(refs: MatchSeedRefs, seeder: string) {
  const lookup = (map: Map<string, string>, what: string) => (key: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`${seeder} seed: no ${what} ${key}`);
    return id;
  };
  return { community: lookup(refs.communityIds, 'community'), user: lookup(refs.userIds, 'user') };
}

export interface InventedOrganisation {
  key: string;
  community: string;
  kind: 'enterprise' | 'hospital' | 'research_institute';
  nameZh: string;
  nameEn: string;
  shortNameZh?: string;
  shortNameEn?: string;
  province: string;
  city: string;
  district?: string;
  segments: string[];
  descriptionZh: string;
  descriptionEn: string;
  /** Demo user who represents it. */
  representative?: string;
}

/** Adds the organisations and returns their ids by key. */
export async function insertInventedOrganisations(tx: Executor, orgs: readonly InventedOrganisation[], lookups: ReturnType<typeof seedLookups>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const o of orgs) {
    const [row] = await tx
      .insert(organisations)
      .values({
        kind: o.kind,
        nameZh: o.nameZh,
        nameEn: o.nameEn,
        shortNameZh: o.shortNameZh ?? null,
        shortNameEn: o.shortNameEn ?? null,
        nameKey: nameKey(o.nameZh),
        province: o.province,
        city: o.city,
        district: o.district ?? null,
        segments: o.segments,
        descriptionZh: o.descriptionZh,
        descriptionEn: o.descriptionEn,
        stewardCommunityId: lookups.community(o.community),
      })
      .returning({ id: organisations.id });
    ids.set(o.key, row!.id);
    if (o.representative) await tx.insert(organisationRepresentatives).values({ organisationId: row!.id, userId: lookups.user(o.representative) });
  }
  await refreshSearchDocuments(tx, 'organisation', [...ids.values()]);
  return ids;
}

/** Ids of the directory's invented companies (demo/directory/companies.ts) whose keys are asked for. */
export async function companyIdsByKey(tx: Executor, keys: ReadonlySet<string>): Promise<Map<string, string>> {
  const wanted = COMPANIES.filter((c) => keys.has(c.key));
  const ids = new Map<string, string>();
  if (wanted.length === 0) return ids;
  const rows = await tx
    .select({ id: organisations.id, nameZh: organisations.nameZh })
    .from(organisations)
    .where(inArray(organisations.nameZh, wanted.map((c) => c.nameZh)));
  for (const c of wanted) {
    const row = rows.find((r) => r.nameZh === c.nameZh);
    if (row) ids.set(c.key, row.id);
  }
  return ids;
}
