/**
 * The organisations that later records link to (owners of projects, employers of people,
 * investors, spin-out sources, service partners), kept as compact parallel arrays so a run of
 * 100,000 organisations keeps ids, not objects.
 */
import type { OrganisationKind } from '../../src/domain/directory';
import type { Rng } from './random';
import type { LinkRow, OrganisationRow } from './rows';

const INVESTING = new Set<OrganisationKind>(['investor', 'guidance_fund', 'state_financing']);
const ACADEMIC = new Set<OrganisationKind>(['university', 'research_institute', 'hospital']);
/** Kinds that own projects: companies mostly, tech-transfer offices sometimes. */
const OWNERS = new Set<OrganisationKind>(['enterprise', 'research_institute', 'university']);

/** The organisations later records link to, kept as compact parallel arrays. */
export class Pools {
  ids: string[] = [];
  names: string[] = [];
  kinds: OrganisationKind[] = [];
  communities: (string | null)[] = [];
  owners: number[] = []; // indexes into the arrays above
  ownerSegments: string[] = [];
  investors: string[] = [];
  academics: string[] = [];
  services: string[] = [];

  add(id: string, name: string, kind: OrganisationKind, community: string | null, segment: string | null) {
    const i = this.ids.length;
    this.ids.push(id);
    this.names.push(name);
    this.kinds.push(kind);
    this.communities.push(community);
    if (OWNERS.has(kind) && segment) {
      this.owners.push(i);
      this.ownerSegments.push(segment);
    }
    if (INVESTING.has(kind)) this.investors.push(id);
    if (ACADEMIC.has(kind)) this.academics.push(id);
    if (kind === 'service_provider') this.services.push(id);
  }
}

/** Links an organisation brings: residence, investors, spin-out, licence, service partner. */
export function linksOf(rng: Rng, org: OrganisationRow, pools: Pools): LinkRow[] {
  const links: LinkRow[] = [];
  const since = (org.founded_on ?? '2020-01-01') < '2019-01-01' ? `${rng.int(2019, 2025)}-${String(rng.int(1, 12)).padStart(2, '0')}-01` : org.founded_on;
  const link = (role: string, toType: string, toId: string, note = ''): void => {
    if (toId === org.id || links.some((l) => l.role === role && l.to_id === toId)) return;
    links.push({ id: rng.uuid(), from_type: 'organisation', from_id: org.id, role, to_type: toType, to_id: toId, note, since });
  };
  const resident = org.kind === 'enterprise' || org.kind === 'service_provider' || org.kind === 'park_operator' || rng.chance(0.4);
  if (org.steward_community_id && resident) link('resident_of', 'community', org.steward_community_id);
  if (org.kind !== 'enterprise') return links;
  if (pools.investors.length && rng.chance(0.35)) {
    for (let k = rng.int(1, 2); k > 0; k--) {
      // investor_of reads "investor → company": the investor is the link's source.
      const investor = rng.pick(pools.investors);
      if (!links.some((l) => l.from_id === investor)) {
        links.push({ id: rng.uuid(), from_type: 'organisation', from_id: investor, role: 'investor_of', to_type: 'organisation', to_id: org.id, note: '', since });
      }
    }
  }
  if (pools.academics.length && rng.chance(0.12)) link('spun_out_of', 'organisation', rng.pick(pools.academics));
  if (pools.academics.length && rng.chance(0.04)) link('licensee_of', 'organisation', rng.pick(pools.academics), '专利独占许可');
  if (pools.services.length && rng.chance(0.08)) link('partner_of', 'organisation', rng.pick(pools.services), '研发外包合作');
  return links;
}

