/**
 * The demo's ecosystem directory: about 300 organisations, 300 projects and 150 people across
 * the four demo communities. Hand-written records (public institutions, the companies of the
 * demo's story, the demo accounts' own organisations) come first; each community is then filled
 * out with generated records that fit its focus (the regenerative-medicine park gets cell,
 * stem-cell, tissue-engineering and biomaterial companies; Jiading devices and diagnostics …).
 * Everything is deterministic, inserted set-wise and indexed for search, in the caller's
 * transaction.
 */
import type { OrganisationKind } from '../../src/domain/directory';
import { nameKey } from '../../src/domain/text/fold';
import type { Executor } from '../../src/server/db/client';
import { refreshSearchDocuments } from '../../src/server/modules/search/index-document';
import { insertRows } from '../generator/bulk-insert';
import { creditCode } from '../generator/credit-codes';
import { PLACES, type Place } from '../generator/places';
import { linksOf, Pools } from '../generator/pools';
import { Rng, STREAM } from '../generator/random';
import { makeOrganisation, makePerson, makeProject } from '../generator/records';
import type { AffiliationRow, LinkRow, NamedInvestorRow, OrganisationRow, PersonRow, ProjectRow } from '../generator/rows';
import { ANNOTATIONS, NOTES } from './community-notes';
import { COMPANIES, COMPANY_LINKS } from './companies';
import { FLAGSHIP_PROJECTS } from './flagship-projects';
import { INSTITUTION_LINKS, INSTITUTIONS } from './institutions';
import { CURATED_PEOPLE, REPRESENTATIVES } from './people';
import type { CuratedOrganisation, Slug } from './types';

/** The demo's own seed: its records never share ids with a generator run (seeded from 1 by default). */
const DEMO_SEED = 20_260_321;
const WAN = 1_000_000;

const place = (prefix: string, districts?: string[]): Place => {
  const p = PLACES.find((x) => x.prefix === prefix)!;
  return districts ? { ...p, districts: p.districts.filter(([d]) => districts.includes(d)) } : p;
};

/** What each community's generated records look like: its focus segments, where they are, how many. */
const FILL: Record<Slug, { segments: string[]; places: [Place, number][]; orgs: number; projects: number; people: number }> = {
  'china-medical-city': {
    segments: ['innovative_drug', 'vaccines', 'medical_device', 'ivd', 'biomaterials'],
    places: [[place('泰州'), 70], [place('南京'), 15], [place('苏州'), 15]],
    orgs: 75, projects: 85, people: 34,
  },
  'taizhou-shanghai-centre': {
    segments: ['innovative_drug', 'cell_therapy', 'gene_therapy', 'mrna', 'digital_health', 'ivd'],
    places: [[place('上海', ['浦东新区', '徐汇区', '闵行区']), 100]],
    orgs: 50, projects: 60, people: 30,
  },
  'jiading-biomed-alliance': {
    segments: ['medical_device', 'ivd', 'digital_health', 'biomaterials'],
    places: [[place('上海', ['嘉定区']), 80], [place('上海', ['宝山区', '闵行区']), 20]],
    orgs: 55, projects: 60, people: 32,
  },
  'daxing-regen-park': {
    segments: ['cell_therapy', 'regenerative_medicine', 'biomaterials', 'gene_therapy'],
    places: [[place('北京', ['大兴区']), 80], [place('北京', ['海淀区', '昌平区']), 20]],
    orgs: 60, projects: 60, people: 32,
  },
};
const FILL_KINDS = { enterprise: 72, investor: 10, service_provider: 13, research_institute: 5 } as const;

/** Who added each community's records (its admin): the audit log and notes name them. */
const COMMUNITY_ADMIN: Record<Slug, string> = {
  'china-medical-city': 'park.admin@biobridge.demo',
  'taizhou-shanghai-centre': 'centre.admin@biobridge.demo',
  'jiading-biomed-alliance': 'alliance.admin@biobridge.demo',
  'daxing-regen-park': 'regen.admin@biobridge.demo',
};

const CODE_PREFIX: Partial<Record<OrganisationKind, '12' | '11' | '51'>> = { university: '12', research_institute: '12', hospital: '12', government_agency: '11', association: '51' };

function curatedRow(o: CuratedOrganisation, id: string, number: number, communityId: string): OrganisationRow {
  return {
    id,
    kind: o.kind,
    name_zh: o.nameZh,
    name_en: o.nameEn,
    short_name_zh: o.shortNameZh ?? null,
    short_name_en: o.shortNameEn ?? null,
    name_key: nameKey(o.nameZh),
    // Real institutions carry no code here: we do not publish identifiers we have not verified.
    credit_code: o.real || !o.division ? null : creditCode(CODE_PREFIX[o.kind] ?? '91', o.division, number, 'demo'),
    founded_on: o.foundedOn ?? null,
    province: o.province,
    city: o.city,
    district: o.district ?? null,
    address: o.address ?? null,
    website: o.website ?? null,
    segments: o.segments ?? [],
    headcount_band: o.headcountBand ?? null,
    listing_status: 'unlisted',
    stock_code: null,
    qualifications: o.qualifications ?? [],
    description_zh: o.descriptionZh,
    description_en: o.descriptionEn,
    investor_type: o.investorType ?? null,
    thesis_segments: o.thesisSegments ?? [],
    thesis_stages: o.thesisStages ?? [],
    thesis_regions: o.thesisRegions ?? [],
    ticket_min_fen: o.ticketMinWan !== undefined ? o.ticketMinWan * WAN : null,
    ticket_max_fen: o.ticketMaxWan !== undefined ? o.ticketMaxWan * WAN : null,
    aum_fen: o.aumYi !== undefined ? o.aumYi * 10_000 * WAN : null,
    services: o.services ?? [],
    steward_community_id: communityId,
  };
}

export interface DirectorySeedRefs {
  /** Demo account e-mail → user id. */
  userIds: Map<string, string>;
  /** Community slug → id. */
  communityIds: Map<string, string>;
}

export interface DirectorySeedResult {
  organisations: number;
  projects: number;
  people: number;
}

type AuditRow = {
  actor_user_id: string | null;
  community_id: string;
  action: string;
  entity_type: string;
  entity_id: string;
  entity_label: string;
  changes: Record<string, { before: null; after: unknown }>;
  request_id: string;
};

export async function seedDirectory(tx: Executor, refs: DirectorySeedRefs): Promise<DirectorySeedResult> {
  const community = (slug: Slug) => refs.communityIds.get(slug)!;
  const slugOf = new Map([...refs.communityIds].map(([slug, id]) => [id, slug as Slug]));
  const user = (email: string) => refs.userIds.get(email) ?? null;
  const audit: AuditRow[] = [];
  const created = (type: string, id: string, label: string, communityId: string, after: Record<string, unknown>) =>
    audit.push({
      actor_user_id: user(COMMUNITY_ADMIN[slugOf.get(communityId)!]),
      community_id: communityId,
      action: `${type}.created`,
      entity_type: type,
      entity_id: id,
      entity_label: label,
      changes: Object.fromEntries(Object.entries(after).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0)).map(([k, v]) => [k, { before: null, after: v }])),
      request_id: 'demo-seed',
    });

  // ---------------------------------------------------------------- organisations
  const orgs: OrganisationRow[] = [];
  const links: LinkRow[] = [];
  const byKey = new Map<string, OrganisationRow>();
  const idRng = new Rng(DEMO_SEED, STREAM.organisation, 0);
  const linkRng = new Rng(DEMO_SEED, STREAM.link, 0);
  [...INSTITUTIONS, ...COMPANIES].forEach((o, i) => {
    const row = curatedRow(o, idRng.uuid(), i, community(o.community));
    orgs.push(row);
    byKey.set(o.key, row);
  });
  const link = (from: OrganisationRow | { id: string; type: string }, role: string, toType: string, toId: string, note = '', since: string | null = null) =>
    links.push({ id: linkRng.uuid(), from_type: 'type' in from ? from.type : 'organisation', from_id: from.id, role, to_type: toType, to_id: toId, note, since });
  for (const o of [...INSTITUTIONS, ...COMPANIES]) for (const slug of o.residentOf ?? []) link(byKey.get(o.key)!, 'resident_of', 'community', community(slug));
  for (const [from, role, to, note] of INSTITUTION_LINKS) link(byKey.get(from)!, role, 'organisation', byKey.get(to)!.id, note);
  for (const [from, role, to, note, since] of COMPANY_LINKS) link(byKey.get(from)!, role, 'organisation', byKey.get(to)!.id, note, since);

  // Each community's generated records link only to invented organisations of that community.
  const pools = new Map<Slug, Pools>();
  const curatedOf = (slug: Slug) => [...COMPANIES].filter((o) => o.community === slug || o.residentOf?.includes(slug));
  let number = 1000;
  for (const [slug, fill] of Object.entries(FILL) as [Slug, (typeof FILL)[Slug]][]) {
    const pool = new Pools();
    for (const o of curatedOf(slug)) {
      const row = byKey.get(o.key)!;
      pool.add(row.id, row.name_zh, row.kind as OrganisationKind, community(slug), row.segments[0] ?? row.thesis_segments[0] ?? null);
    }
    const weights = Object.fromEntries(fill.places.map(([, w], i) => [String(i), w])) as Record<string, number>;
    const made: OrganisationRow[] = [];
    const first = number;
    for (let i = 0; i < fill.orgs; i++, number++) {
      const rng = new Rng(DEMO_SEED, STREAM.organisation, number);
      const { row, segment } = makeOrganisation(rng, {
        number,
        communityId: community(slug),
        kind: rng.weighted(FILL_KINDS),
        segments: fill.segments,
        place: fill.places[Number(rng.weighted(weights))]![0],
        series: 'demo',
        englishOnly: false,
      });
      made.push(row);
      pool.add(row.id, row.name_zh, row.kind as OrganisationKind, community(slug), segment);
    }
    made.forEach((row, k) => links.push(...linksOf(new Rng(DEMO_SEED, STREAM.link, first + k), row, pool)));
    orgs.push(...made);
    pools.set(slug, pool);
  }
  for (const o of orgs) created('organisation', o.id, o.name_zh, o.steward_community_id!, { kind: o.kind, nameZh: o.name_zh, nameEn: o.name_en, creditCode: o.credit_code, province: o.province, city: o.city, segments: o.segments });
  await insertRows(tx, 'organisations', orgs);
  await insertRows(tx, 'directory_links', links);
  await refreshSearchDocuments(tx, 'organisation', orgs.map((o) => o.id));

  // ---------------------------------------------------------------- people (before projects: flagship teams name them)
  const people: PersonRow[] = [];
  const affiliations: AffiliationRow[] = [];
  const personRng = new Rng(DEMO_SEED, STREAM.person, 0);
  const personOf = new Map<string, PersonRow>();
  const teamOf = new Map<string, { name: string; role: string; personId: string }[]>();
  for (const p of CURATED_PEOPLE) {
    const row: PersonRow = {
      id: personRng.uuid(),
      name_zh: p.nameZh,
      name_en: p.nameEn,
      title: p.at[0]![1],
      email: p.email ?? null,
      phone: p.phone ?? null,
      wechat_id: p.wechatId ?? null,
      consent_to_contact: p.consent !== undefined,
      consent_at: p.consent ? new Date(p.consent.at).toISOString() : null,
      consent_source: p.consent?.source ?? null,
      bio_zh: p.bioZh,
      bio_en: p.bioEn,
      user_id: p.account ? user(p.account) : null,
      steward_community_id: community(p.community),
    };
    people.push(row);
    personOf.set(p.key, row);
    for (const [org, role, current] of p.at) {
      const orgId = byKey.get(org)!.id;
      affiliations.push({ id: personRng.uuid(), person_id: row.id, organisation_id: orgId, role, is_current: current !== false });
      if (current !== false) teamOf.set(org, [...(teamOf.get(org) ?? []), { name: p.nameZh, role, personId: row.id }]);
    }
  }
  let personNumber = 1000;
  for (const [slug, fill] of Object.entries(FILL) as [Slug, (typeof FILL)[Slug]][]) {
    const pool = pools.get(slug)!;
    for (let i = 0; i < fill.people; i++, personNumber++) {
      const rng = new Rng(DEMO_SEED, STREAM.person, personNumber);
      const at = rng.int(0, pool.ids.length - 1);
      const { row, role } = makePerson(rng, { orgKind: pool.kinds[at]!, orgNameZh: pool.names[at]!, communityId: community(slug), number: personNumber, emailDomain: 'example.org' });
      people.push(row);
      affiliations.push({ id: rng.uuid(), person_id: row.id, organisation_id: pool.ids[at]!, role: role[0], is_current: true });
    }
  }
  for (const p of people) created('person', p.id, p.name_zh, p.steward_community_id!, { nameZh: p.name_zh, nameEn: p.name_en, title: p.title });
  await insertRows(tx, 'people', people);
  await insertRows(tx, 'person_affiliations', affiliations);
  await refreshSearchDocuments(tx, 'person', people.map((p) => p.id));

  // ---------------------------------------------------------------- projects
  const projects: ProjectRow[] = [];
  const named: NamedInvestorRow[] = [];
  const projectRng = new Rng(DEMO_SEED, STREAM.project, 0);
  const flagshipIds = new Map<string, string[]>();
  for (const p of FLAGSHIP_PROJECTS) {
    const owner = byKey.get(p.owner)!;
    const row: ProjectRow = {
      id: projectRng.uuid(),
      name_zh: p.nameZh,
      name_en: p.nameEn,
      owner_organisation_id: owner.id,
      community_id: community(p.community),
      segment: p.segment,
      modality: p.modality,
      indications: p.indications,
      track: p.track,
      stage: p.stage,
      regulatory_status: p.regulatoryStatus ?? null,
      patents: p.patents ?? [],
      team: teamOf.get(p.owner) ?? [],
      funding_sought_fen: p.fundingWan !== undefined ? p.fundingWan * WAN : null,
      funding_round: p.fundingRound ?? null,
      confidentiality: p.confidentiality,
      summary_zh: p.summaryZh,
      summary_en: p.summaryEn,
    };
    projects.push(row);
    flagshipIds.set(p.owner, [...(flagshipIds.get(p.owner) ?? []), row.id]);
    for (const key of p.namedInvestors ?? []) named.push({ project_id: row.id, organisation_id: byKey.get(key)!.id });
  }
  let projectNumber = 1000;
  for (const [slug, fill] of Object.entries(FILL) as [Slug, (typeof FILL)[Slug]][]) {
    const pool = pools.get(slug)!;
    // Only invented enterprises own generated projects (never a real institution).
    const owners = pool.owners.filter((i) => pool.kinds[i] === 'enterprise');
    for (let i = 0; i < fill.projects; i++, projectNumber++) {
      const rng = new Rng(DEMO_SEED, STREAM.project, projectNumber);
      const owner = owners[rng.int(0, owners.length - 1)]!;
      const { row, namedInvestors } = makeProject(rng, {
        ownerId: pool.ids[owner]!,
        segment: pool.ownerSegments[pool.owners.indexOf(owner)]!,
        communityId: community(slug),
        investors: pool.investors,
      });
      projects.push(row);
      for (const investor of namedInvestors) named.push({ project_id: row.id, organisation_id: investor });
    }
  }
  for (const p of projects) created('project', p.id, p.name_zh, p.community_id, { nameZh: p.name_zh, segment: p.segment, track: p.track, stage: p.stage, confidentiality: p.confidentiality });
  await insertRows(tx, 'projects', projects);
  await insertRows(tx, 'project_named_investors', named);
  await refreshSearchDocuments(tx, 'project', projects.map((p) => p.id));

  // ---------------------------------------------------------------- representatives, notes, annotations, audit
  await insertRows(
    tx,
    'organisation_representatives',
    REPRESENTATIVES.map(([account, org]) => ({ organisation_id: byKey.get(org)!.id, user_id: user(account), added_by: user('admin@biobridge.demo') })),
  );
  const target = (on: string) => {
    if (!on.startsWith('project:')) return { entity_type: 'organisation', entity_id: byKey.get(on)!.id };
    const [, owner, n] = on.split(':');
    return { entity_type: 'project', entity_id: flagshipIds.get(owner!)![Number(n)]! };
  };
  const noteRng = new Rng(DEMO_SEED, STREAM.annotation, 0);
  const now = Date.now();
  await insertRows(
    tx,
    'community_notes',
    NOTES.map((n) => {
      const at = new Date(now - n.daysAgo * 86_400_000).toISOString();
      return { id: noteRng.uuid(), community_id: community(n.community), ...target(n.on), author_id: user(n.author), body: n.body, created_at: at, updated_at: at };
    }),
  );
  await insertRows(
    tx,
    'community_annotations',
    ANNOTATIONS.map((a) => ({ community_id: community(a.community), ...target(a.on), tags: a.tags, rating: a.rating, updated_by: user(COMMUNITY_ADMIN[a.community]) })),
  );
  await insertRows(tx, 'audit_log', audit);
  return { organisations: orgs.length, projects: projects.length, people: people.length };
}
