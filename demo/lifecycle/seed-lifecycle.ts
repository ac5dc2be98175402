/**
 * The demo's lifecycle, pipelines, referrals, landing and agreements (issue 4), written on top
 * of the directory seed in the same transaction:
 *
 * - the flagship projects' stage histories (with a skip and a rollback) and dated milestones;
 * - China Medical City's 招商 pipeline (~60 items over a year of history, owners staff@ and
 *   park.admin@, a few overdue next actions for staff@) and its incubator intake;
 * - the Shanghai centre's discovery pipeline and its referrals to China Medical City (pending,
 *   accepted, declined, landed);
 * - China Medical City's zones, landings, incubation records and yearly figures;
 * - agreements, with a signing-ceremony batch.
 *
 * Deterministic: ids and choices come from seeded streams; dates are either the projects' past
 * (absolute) or counted back from the seeding day in Asia/Shanghai, so the boards and reminders
 * always look current. Rows go in set-wise (insertRows).
 */
import { sql } from 'drizzle-orm';
import { generateKeyBetween } from 'fractional-indexing';
import type { Executor } from '../../src/server/db/client';
import { rowsOf } from '../../src/server/db/sql-helpers';
import { refreshSearchDocuments } from '../../src/server/modules/search/index-document';
import { COMPANIES } from '../directory/companies';
import { FLAGSHIP_PROJECTS } from '../directory/flagship-projects';
import type { Slug } from '../directory/types';
import { insertRows } from '../generator/bulk-insert';
import { Rng } from '../generator/random';
import { AGREEMENTS, CEREMONIES } from './agreement-data';
import { ATTRACTION, INCUBATION, LOSSES, NEXT_ACTIONS, OFFSHORE, ROLLBACK_NOTE, STAGE_ACTIVITY, type PipelineDef } from './pipeline-data';
import { FLAGSHIP_HISTORIES, SAMPLE_NOTE } from './project-histories';

/** The directory seed's seed (demo/directory/seed-directory.ts), with streams of our own. */
const DEMO_SEED = 20_260_321;
const STREAM = { pipeline: 21, item: 22, referral: 23, landing: 24, agreement: 25, lifecycle: 26 } as const;
const WAN = 1_000_000;
const DAY = 86_400_000;
const CMC: Slug = 'china-medical-city';
const TSC: Slug = 'taizhou-shanghai-centre';

const COMMUNITY_ADMIN: Record<Slug, string> = {
  'china-medical-city': 'park.admin@biobridge.demo',
  'taizhou-shanghai-centre': 'centre.admin@biobridge.demo',
  'jiading-biomed-alliance': 'alliance.admin@biobridge.demo',
  'daxing-regen-park': 'regen.admin@biobridge.demo',
};

export interface LifecycleSeedRefs {
  userIds: Map<string, string>;
  communityIds: Map<string, string>;
  /** The seeding moment (tests may pin it); defaults to now. */
  now?: number;
}

export interface LifecycleSeedResult {
  pipelineItems: number;
  referrals: number;
  landings: number;
  agreements: number;
}

interface OrgRow {
  id: string;
  name_zh: string;
  short_name_zh: string | null;
  kind: string;
  city: string | null;
  steward_community_id: string | null;
  segments: string[];
}
interface ProjectRow {
  id: string;
  name_zh: string;
  community_id: string;
  owner_organisation_id: string;
  confidentiality: string;
  segment: string;
  track: string;
  stage: string;
}

// ---------------------------------------------------------------- dates (Asia/Shanghai, UTC+8, no DST)

const SHANGHAI = 8 * 3_600_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => isoDay(Date.parse(`${day}T00:00:00Z`) + n * DAY);
/** An instant on a Shanghai calendar day, at a local hour. */
const instant = (day: string, hour: number, minute = 0) => new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI + (hour * 60 + minute) * 60_000).toISOString();

type AuditRow = {
  at: string;
  actor_user_id: string | null;
  community_id: string;
  action: string;
  entity_type: string;
  entity_id: string;
  entity_label: string;
  changes: Record<string, { before: null; after: unknown }>;
  request_id: string;
};

interface Step {
  stage: number;
  daysAgo: number;
}

/**
 * The days (before today) an item entered each stage of `path`: from `from` down to `to`, with
 * the anchors (position in path → days ago) pinned, strictly decreasing, lightly jittered.
 */
function schedule(rng: Rng, path: number[], from: number, to: number, anchors: Map<number, number> = new Map()): Step[] {
  const pins = new Map(anchors);
  pins.set(0, pins.get(0) ?? from);
  if (path.length > 1) pins.set(path.length - 1, pins.get(path.length - 1) ?? to);
  const keys = [...pins.keys()].sort((a, b) => a - b);
  const days: number[] = [];
  for (let k = 0; k < keys.length; k++) {
    const a = keys[k]!;
    days[a] = pins.get(a)!;
    const b = keys[k + 1];
    if (b === undefined) continue;
    const span = pins.get(a)! - pins.get(b)!;
    for (let i = a + 1; i < b; i++) {
      const even = pins.get(a)! - (span * (i - a)) / (b - a);
      days[i] = Math.round(even + (rng.float() - 0.5) * (span / (b - a)) * 0.5);
    }
  }
  for (let i = 1; i < days.length; i++) if (days[i]! >= days[i - 1]!) days[i] = days[i - 1]! - 1;
  return path.map((stage, i) => ({ stage, daysAgo: Math.max(1, days[i]!) }));
}

export async function seedLifecycle(tx: Executor, refs: LifecycleSeedRefs): Promise<LifecycleSeedResult> {
  const now = refs.now ?? Date.now();
  const today = isoDay(now + SHANGHAI);
  const dayAgo = (n: number) => addDays(today, -n);
  const community = (slug: Slug) => refs.communityIds.get(slug)!;
  const user = (email: string) => refs.userIds.get(email) ?? null;
  const admin = (slug: Slug) => user(COMMUNITY_ADMIN[slug]);

  const audit: AuditRow[] = [];
  const created = (slug: Slug, at: string, action: string, type: string, id: string, label: string, after: Record<string, unknown>, actor = admin(slug)) =>
    audit.push({
      at,
      actor_user_id: actor,
      community_id: community(slug),
      action,
      entity_type: type,
      entity_id: id,
      entity_label: label,
      changes: Object.fromEntries(Object.entries(after).filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => [k, { before: null, after: v }])),
      request_id: 'demo-seed',
    });

  // ---------------------------------------------------------------- what the directory seed wrote
  const [orgList, projectList, residentList] = await Promise.all([
    rowsOf<OrgRow>(tx, sql`select id, name_zh, short_name_zh, kind, city, steward_community_id, segments from organisations order by id`),
    rowsOf<ProjectRow>(tx, sql`select id, name_zh, community_id, owner_organisation_id, confidentiality, segment, track, stage from projects order by id`),
    rowsOf<{ from_id: string; to_id: string }>(tx, sql`select from_id, to_id from directory_links where role = 'resident_of' and to_type = 'community'`),
  ]);
  const orgById = new Map(orgList.map((o) => [o.id, o]));
  const org = (key: string): OrgRow => {
    const c = COMPANIES.find((x) => x.key === key);
    const row = c && orgList.find((o) => o.name_zh === c.nameZh && o.steward_community_id === community(c.community));
    if (!row) throw new Error(`demo lifecycle: no organisation ${key}`);
    return row;
  };
  const projectByName = new Map(projectList.map((p) => [p.name_zh, p]));
  const project = (nameZh: string): ProjectRow => {
    const p = projectByName.get(nameZh);
    if (!p) throw new Error(`demo lifecycle: no project ${nameZh}`);
    return p;
  };
  const shortName = (o: OrgRow) => o.short_name_zh ?? o.name_zh.replace(/(股份)?有限公司$/, '').replace(/[((].*?[))]/, '');
  const residents = new Set(residentList.map((r) => `${r.from_id}:${r.to_id}`));
  const newLinks: Record<string, unknown>[] = [];
  const linkRng = new Rng(DEMO_SEED, STREAM.landing, 999);
  const makeResident = (orgId: string, slug: Slug, since: string) => {
    const key = `${orgId}:${community(slug)}`;
    if (residents.has(key)) return;
    residents.add(key);
    newLinks.push({ id: linkRng.uuid(), from_type: 'organisation', from_id: orgId, role: 'resident_of', to_type: 'community', to_id: community(slug), note: '', since, created_by: admin(slug) });
  };
  /** The n-th generated organisation of a kind stewarded by the community (a local one first). */
  const generated = (slug: Slug, kind: string, n: number) => {
    const curated = new Set(COMPANIES.map((c) => c.nameZh));
    const all = orgList.filter((o) => o.steward_community_id === community(slug) && o.kind === kind && !curated.has(o.name_zh));
    const local = slug === CMC ? [...all.filter((o) => o.city === '泰州市'), ...all.filter((o) => o.city !== '泰州市')] : all;
    const row = local[n];
    if (!row) throw new Error(`demo lifecycle: no generated ${kind} #${n} in ${slug}`);
    return row;
  };

  // ---------------------------------------------------------------- lifecycle: flagship histories and milestones
  const lcRng = new Rng(DEMO_SEED, STREAM.lifecycle, 0);
  const stageOrder = new Map<string, string[]>();
  for (const m of await rowsOf<{ track: string; device_class: string | null; stages: string[] }>(tx, sql`select track, device_class, stages from lifecycle_models`)) {
    stageOrder.set(`${m.track}:${m.device_class ?? ''}`, m.stages);
  }
  const slugOf = new Map([...refs.communityIds].map(([slug, id]) => [id, slug as Slug]));
  const initialUpdates: { project_id: string; to_stage: string; changed_on: string }[] = [];
  const projectUpdates: { id: string; stage_since: string; device_class: string | null }[] = [];
  const stageChanges: Record<string, unknown>[] = [];
  const milestones: Record<string, unknown>[] = [];
  const flagshipNames = new Set(FLAGSHIP_PROJECTS.map((p) => p.nameZh));
  for (const h of FLAGSHIP_HISTORIES) {
    const p = project(h.project);
    const slug = slugOf.get(p.community_id)!;
    const order = stageOrder.get(`${p.track}:${h.deviceClass ?? ''}`)!;
    const last = h.changes[h.changes.length - 1]!;
    if (last[0] !== p.stage) throw new Error(`demo lifecycle: ${h.project} history ends at ${last[0]}, the project is at ${p.stage}`);
    const [first] = h.changes;
    initialUpdates.push({ project_id: p.id, to_stage: first![0], changed_on: first![1] });
    projectUpdates.push({ id: p.id, stage_since: last[1], device_class: h.deviceClass ?? null });
    for (let i = 1; i < h.changes.length; i++) {
      const [from, , ] = h.changes[i - 1]!;
      const [to, on, reason] = h.changes[i]!;
      const a = order.indexOf(from);
      const b = order.indexOf(to);
      if (a < 0 || b < 0 || a === b) throw new Error(`demo lifecycle: ${h.project} moves ${from} → ${to}`);
      const kind = b === a + 1 ? 'advance' : b > a ? 'skip' : 'rollback';
      const id = lcRng.uuid();
      const at = instant(on, 10);
      stageChanges.push({ id, project_id: p.id, from_stage: from, to_stage: to, kind, skipped: kind === 'skip' ? order.slice(a + 1, b) : [], reason: reason ?? '', changed_on: on, changed_by: admin(slug), community_id: p.community_id, created_at: at });
      created(slug, at, 'project.stage_moved', 'project', p.id, p.name_zh, { fromStage: from, toStage: to, kind, reason: reason ?? null });
    }
    for (const [kind, on, url, note] of h.milestones ?? []) {
      const id = lcRng.uuid();
      const at = instant(on, 16);
      milestones.push({ id, project_id: p.id, kind, occurred_on: on, note: note ?? SAMPLE_NOTE, evidence_file_id: null, evidence_url: url, recorded_by: admin(slug), community_id: p.community_id, created_at: at });
      created(slug, at, 'project.milestone_added', 'project', p.id, p.name_zh, { milestone: kind, occurredOn: on, evidenceUrl: url });
    }
  }
  // The other projects have sat at their stage for a while: the lifecycle board shows how long.
  for (const p of projectList) {
    if (flagshipNames.has(p.name_zh)) continue;
    const since = dayAgo(new Rng(DEMO_SEED, STREAM.lifecycle, 1 + projectUpdates.length).int(20, 900));
    projectUpdates.push({ id: p.id, stage_since: since, device_class: null });
    initialUpdates.push({ project_id: p.id, to_stage: p.stage, changed_on: since });
  }
  await tx.execute(sql`update projects p set stage_since = v.stage_since, device_class = coalesce(v.device_class, p.device_class)
    from json_to_recordset(${JSON.stringify(projectUpdates)}::json) as v(id uuid, stage_since date, device_class text) where p.id = v.id`);
  await tx.execute(sql`update project_stage_changes c set to_stage = v.to_stage, changed_on = v.changed_on
    from json_to_recordset(${JSON.stringify(initialUpdates)}::json) as v(project_id uuid, to_stage text, changed_on date) where c.project_id = v.project_id and c.kind = 'initial'`);
  await insertRows(tx, 'project_stage_changes', stageChanges);
  await insertRows(tx, 'project_milestones', milestones);

  // ---------------------------------------------------------------- pipelines and stages
  const pipeRng = new Rng(DEMO_SEED, STREAM.pipeline, 0);
  const pipelineRows: Record<string, unknown>[] = [];
  const stageRows: Record<string, unknown>[] = [];
  interface Built {
    id: string;
    slug: Slug;
    def: PipelineDef;
    stageIds: string[];
    ranks: (string | null)[];
  }
  const build = (slug: Slug, def: PipelineDef, daysAgo: number): Built => {
    const id = pipeRng.uuid();
    const at = instant(dayAgo(daysAgo), 9);
    pipelineRows.push({ id, community_id: community(slug), kind: def.kind, name_zh: def.nameZh, name_en: def.nameEn, archived: false, created_by: admin(slug), version: 1, created_at: at, updated_at: at });
    const stageIds = def.stages.map(([code, nameZh, nameEn, probability, action], position) => {
      const sid = pipeRng.uuid();
      stageRows.push({ id: sid, pipeline_id: id, code, name_zh: nameZh, name_en: nameEn, position, probability, action, created_at: at });
      return sid;
    });
    created(slug, at, 'pipeline.created', 'pipeline', id, def.nameZh, { kind: def.kind, nameZh: def.nameZh, stages: def.stages.map(([code]) => code) });
    return { id, slug, def, stageIds, ranks: def.stages.map(() => null) };
  };
  const attraction = build(CMC, ATTRACTION, 720);
  const incubation = build(CMC, INCUBATION, 500);
  const offshore = build(TSC, OFFSHORE, 600);

  // ---------------------------------------------------------------- items
  const itemRows: Record<string, unknown>[] = [];
  const eventRows: Record<string, unknown>[] = [];
  const activityRows: Record<string, unknown>[] = [];
  interface ItemSpec {
    pipeline: Built;
    project: ProjectRow;
    title?: string;
    owner: string;
    path: number[];
    from: number;
    to: number;
    anchors?: Map<number, number>;
    source?: 'direct' | 'referral' | 'event';
    lost?: [reason: string, note: string];
    wan: number | null;
    areaSqm: number | null;
    nextAction?: [text: string, inDays: number] | null;
  }
  interface Made {
    id: string;
    title: string;
    steps: Step[];
    project: ProjectRow;
    organisation: OrgRow;
    wan: number | null;
    areaSqm: number | null;
  }
  let itemNumber = 0;
  const addItem = (spec: ItemSpec): Made => {
    const rng = new Rng(DEMO_SEED, STREAM.item, ++itemNumber);
    const b = spec.pipeline;
    const cid = community(b.slug);
    const id = rng.uuid();
    const o = orgById.get(spec.project.owner_organisation_id)!;
    const title = spec.title ?? `${spec.project.name_zh} 产业化项目`;
    const steps = schedule(rng, spec.path, spec.from, spec.to, spec.anchors);
    const last = steps[steps.length - 1]!;
    const stage = last.stage;
    const owner = user(spec.owner);
    const createdAt = instant(dayAgo(steps[0]!.daysAgo), 9, rng.int(0, 59));
    const fill = (s: string) => s.replaceAll('{org}', shortName(o)).replaceAll('{project}', spec.project.name_zh);
    // Each entry strictly after the one before (two moves may fall on one day).
    let lastAt = Date.parse(createdAt);
    const later = (iso: string) => (lastAt = Math.max(Date.parse(iso), lastAt + 3_600_000));
    steps.forEach((s, i) => {
      const at = new Date(i === 0 ? lastAt : later(instant(dayAgo(s.daysAgo), rng.int(10, 16), rng.int(0, 59)))).toISOString();
      const prev = steps[i - 1];
      const kind = !prev ? 'created' : s.stage === prev.stage + 1 ? 'advance' : s.stage > prev.stage ? 'skip' : 'rollback';
      const skipped = kind === 'skip' ? b.stageIds.slice(prev!.stage + 1, s.stage) : [];
      eventRows.push({ id: rng.uuid(), item_id: id, pipeline_id: b.id, kind, from_stage_id: prev ? b.stageIds[prev.stage] : null, to_stage_id: b.stageIds[s.stage], skipped_stage_ids: skipped, lost_reason: null, note: kind === 'rollback' ? ROLLBACK_NOTE : '', actor_id: owner, at });
      const [activityKind, body] = rng.pick(STAGE_ACTIVITY[b.def.stages[s.stage]![0]]!);
      const occurred = new Date(Date.parse(at) + 30 * 60_000).toISOString();
      activityRows.push({ id: rng.uuid(), item_id: id, community_id: cid, kind: activityKind, occurred_at: occurred, body: fill(body), author_id: owner, created_at: occurred });
    });
    const stageEnteredAt = new Date(lastAt).toISOString();
    let lostAt: string | null = null;
    if (spec.lost) {
      const day = Math.max(1, last.daysAgo - rng.int(5, 40));
      lostAt = new Date(later(instant(dayAgo(day), 17, rng.int(0, 59)))).toISOString();
      eventRows.push({ id: rng.uuid(), item_id: id, pipeline_id: b.id, kind: 'lost', from_stage_id: b.stageIds[stage], to_stage_id: null, skipped_stage_ids: [], lost_reason: spec.lost[0], note: spec.lost[1], actor_id: owner, at: lostAt });
      activityRows.push({ id: rng.uuid(), item_id: id, community_id: cid, kind: 'note', occurred_at: lostAt, body: spec.lost[1], author_id: owner, created_at: lostAt });
    }
    const rank = generateKeyBetween(b.ranks[stage] ?? null, null);
    b.ranks[stage] = rank;
    const next = spec.lost ? null : spec.nextAction;
    itemRows.push({
      id,
      community_id: cid,
      pipeline_id: b.id,
      stage_id: b.stageIds[stage],
      title,
      project_id: spec.project.id,
      organisation_id: o.id,
      owner_user_id: owner,
      expected_investment_fen: spec.wan === null ? null : spec.wan * WAN,
      expected_area_sqm: spec.areaSqm,
      probability: null,
      next_action: next ? next[0] : '',
      next_action_on: next ? addDays(today, next[1]) : null,
      source: spec.source ?? 'direct',
      rank,
      lost_reason: spec.lost ? spec.lost[0] : null,
      lost_note: spec.lost ? spec.lost[1] : '',
      lost_at: lostAt,
      stage_entered_at: stageEnteredAt,
      created_by: owner,
      version: 1 + steps.length - 1 + (spec.lost ? 1 : 0),
      created_at: createdAt,
      updated_at: lostAt ?? stageEnteredAt,
    });
    created(b.slug, createdAt, 'pipeline_item.created', 'pipeline_item', id, title, { title, stageId: b.stageIds[steps[0]!.stage], projectId: spec.project.id, organisationId: o.id, source: spec.source ?? 'direct' }, owner);
    return { id, title, steps, project: spec.project, organisation: o, wan: spec.wan, areaSqm: spec.areaSqm };
  };

  // Who can see what: China Medical City's own public and community projects, other communities' public ones.
  const cmcId = community(CMC);
  const tscId = community(TSC);
  const visibleToCmc = (p: ProjectRow) =>
    (p.community_id === cmcId && p.confidentiality !== 'named_investors') || (p.community_id !== cmcId && p.community_id !== tscId && p.confidentiality === 'public');
  /** Companies that landed long ago (their landings are hand-written below). */
  const OLD_LANDINGS: [key: string, zone: number, landedOn: string, areaSqm: number, capitalWan: number, investmentWan: number, note: string][] = [
    ['chengjiang-cdmo', 2, '2015-10-20', 18000, 10000, 60000, '生物药CDMO基地,含原液与制剂生产线'],
    ['chengyuan-vaccine', 2, '2016-05-10', 32000, 30000, 150000, '疫苗产业化基地'],
    ['jingheng-device', 2, '2017-11-02', 12500, 8000, 35000, '神经介入器械生产基地'],
    ['ruixi-ivd', 1, '2018-09-12', 5600, 5000, 12000, '化学发光试剂与仪器生产线'],
    ['runqi-peptide', 0, '2019-03-26', 2400, 3000, 8000, '口服多肽研发中心'],
    ['heyao-cell', 1, '2019-07-18', 6800, 12000, 45000, 'CAR-T细胞制备GMP车间'],
    ['yaomai-adc', 0, '2020-06-28', 3200, 6000, 20000, 'ADC研发中心及中试平台'],
  ];
  const oldLandingOrgs = new Set(OLD_LANDINGS.map(([key]) => org(key).id));

  const itemRng = new Rng(DEMO_SEED, STREAM.item, 0);
  const shuffle = <T>(list: T[]) => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = itemRng.int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  const candidates = shuffle(projectList.filter((p) => visibleToCmc(p) && !flagshipNames.has(p.name_zh) && !oldLandingOrgs.has(p.owner_organisation_id)));
  const isLocal = (p: ProjectRow) => orgById.get(p.owner_organisation_id)!.city === '泰州市';
  const away = candidates.filter((p) => !isLocal(p));
  const local = candidates.filter(isLocal);
  const used = new Set<string>();
  const usedOrgs = new Set<string>();
  const take = (preferAway: boolean, distinctOrg: boolean) => {
    const pools = preferAway ? [away, local] : [local, away];
    for (const pool of pools) {
      const p = pool.find((x) => !used.has(x.id) && !(distinctOrg && usedOrgs.has(x.owner_organisation_id)));
      if (p) {
        used.add(p.id);
        usedOrgs.add(p.owner_organisation_id);
        return p;
      }
    }
    throw new Error('demo lifecycle: not enough projects for the pipeline');
  };

  // The incubator's applicants: early local startups, kept apart from the 招商 items.
  const EARLY = new Set(['research', 'preclinical', 'device_design', 'device_testing', 'ivd_development', 'ivd_validation']);
  const incubationCandidates: ProjectRow[] = [];
  for (const p of local) {
    if (incubationCandidates.length === 11) break;
    if (p.community_id !== cmcId || !EARLY.has(p.stage) || usedOrgs.has(p.owner_organisation_id)) continue;
    used.add(p.id);
    usedOrgs.add(p.owner_organisation_id);
    incubationCandidates.push(p);
  }
  // How many items sit at each stage (index into ATTRACTION.stages), landed ones first.
  const SPREAD: [stage: number, count: number][] = [[7, 3], [6, 3], [5, 5], [4, 6], [3, 8], [2, 9], [1, 10], [0, 12]];
  const OWNERS = { 'staff@biobridge.demo': 6, 'park.admin@biobridge.demo': 3, 'haoran.qian@biobridge.demo': 1 } as const;
  const landedItems: Made[] = [];
  const signedItems: { made: Made; signedDaysAgo: number; stage: number }[] = [];
  const ceremony = CEREMONIES[CMC]!;
  let lossIndex = 0;
  let overdueForStaff = 0;
  let n = 0;
  for (const [stage, count] of SPREAD) {
    for (let i = 0; i < count; i++, n++) {
      // Later stages are companies coming from elsewhere; early ones mix newcomers and local expansions.
      const p = take(stage >= 4 || itemRng.chance(0.5), stage >= 4);
      const owner = itemRng.weighted(OWNERS);
      let path = Array.from({ length: stage + 1 }, (_, k) => k);
      // Some leads skip straight to a site visit; one negotiation went back to a second visit.
      if (stage >= 2 && stage <= 5 && itemRng.chance(0.2)) path = path.filter((k) => k !== 1);
      if (stage === 2 && i === 0) path = [0, 1, 2, 3, 2];
      let from: number;
      let to: number;
      const anchors = new Map<number, number>();
      if (stage >= 6) {
        from = itemRng.int(450, 700);
        to = itemRng.int(10, 160);
      } else if (stage >= 4) {
        const atCeremony = stage === 4 || i < 2;
        const signed = atCeremony ? ceremony.daysAgo : itemRng.int(200, 300);
        from = signed + itemRng.int(60, 200);
        to = stage === 4 ? signed : itemRng.int(15, signed - 20);
        anchors.set(path.indexOf(4), signed);
      } else {
        from = itemRng.int(stage * 25 + 5, 340);
        to = Math.max(2, from - itemRng.int(stage * 10 + 3, Math.max(stage * 10 + 4, from - 2)));
      }
      const lost = stage <= 3 && (n % 5 === 2) && lossIndex < LOSSES.length ? LOSSES[lossIndex++] : undefined;
      let next: [string, number] | null = null;
      if (!lost && stage < 7) {
        const overdue = owner === 'staff@biobridge.demo' && overdueForStaff < 5 && stage >= 1 && stage <= 5 && itemRng.chance(0.4);
        const due = overdue ? -(++overdueForStaff * 2 + itemRng.int(0, 1)) : itemRng.int(0, 30);
        next = [itemRng.pick(NEXT_ACTIONS[ATTRACTION.stages[stage]![0]]!), due];
      }
      const made = addItem({
        pipeline: attraction,
        project: p,
        title: `${p.name_zh} ${isLocal(p) ? '扩产项目' : '产业化项目'}`,
        owner,
        path,
        from,
        to,
        anchors,
        source: itemRng.chance(0.15) ? 'event' : 'direct',
        lost,
        wan: itemRng.int(6, 160) * 500,
        areaSqm: itemRng.int(10, 250) * 100,
        nextAction: next,
      });
      if (stage >= 6) landedItems.push(made);
      if (stage >= 4) signedItems.push({ made, signedDaysAgo: made.steps.find((s) => s.stage === 4)?.daysAgo ?? made.steps[made.steps.length - 1]!.daysAgo, stage });
    }
  }

  // ---------------------------------------------------------------- the Shanghai centre: discovery pipeline and referrals
  const tscProjects = projectList.filter((p) => p.community_id === tscId && p.confidentiality !== 'named_investors');
  const publicTsc = tscProjects.filter((p) => p.confidentiality === 'public' && !flagshipNames.has(p.name_zh));
  const declinedProject = publicTsc.find((p) => p.segment === 'digital_health') ?? publicTsc[0]!;
  const pendingProjects = publicTsc.filter((p) => p !== declinedProject && ['cell_therapy', 'mrna', 'gene_therapy', 'innovative_drug'].includes(p.segment)).slice(0, 2);
  interface ReferralDef {
    project: ProjectRow;
    status: 'pending' | 'accepted' | 'declined' | 'landed';
    daysAgo: number;
    decidedDaysAgo?: number;
    note: string;
    decline?: [reason: string, note: string];
  }
  const REFERRALS: ReferralDef[] = [
    { project: project('XY-F9 血友病B AAV基因治疗'), status: 'landed', daysAgo: 330, decidedDaysAgo: 321, note: '芯曜基因计划建设AAV载体GMP生产基地,需约8000平方米厂房,推荐对接中国医药城加速区。' },
    { project: project('ZX-Path 胃癌病理切片AI辅助诊断软件'), status: 'accepted', daysAgo: 92, decidedDaysAgo: 85, note: '病理AI软件已进入注册临床,企业希望在泰州设立产品化与数据中心。' },
    { project: project('LMZ-01 长效PCSK9 siRNA'), status: 'accepted', daysAgo: 41, decidedDaysAgo: 34, note: 'siRNA小核酸平台,完成Pre-A轮融资,中试需求明确。' },
    { project: declinedProject, status: 'declined', daysAgo: 63, decidedDaysAgo: 55, note: '团队有意在长三角寻找产业化落地载体。', decline: ['not_in_focus', '园区现阶段聚焦药品、疫苗和医疗器械的产业化,纯软件类项目建议继续在上海培育。'] },
    ...pendingProjects.map((p, i): ReferralDef => ({ project: p, status: 'pending', daysAgo: 9 - i * 6, note: '项目已完成尽调,团队对泰州产业化配套有兴趣,请评估对接。' })),
  ];
  const refRng = new Rng(DEMO_SEED, STREAM.referral, 0);
  // The centre's own pipeline: the referred projects at 推荐回泰州, others earlier.
  const referredIds = new Set(REFERRALS.map((r) => r.project.id));
  for (const r of REFERRALS) {
    addItem({
      pipeline: offshore,
      project: r.project,
      title: r.project.name_zh,
      owner: refRng.chance(0.5) ? 'centre.admin@biobridge.demo' : 'zhiqiang.xu@biobridge.demo',
      path: [0, 1, 2, 3, 4],
      from: r.daysAgo + refRng.int(120, 240),
      to: r.daysAgo,
      wan: null,
      areaSqm: null,
      nextAction: null,
    });
  }
  const otherTsc = tscProjects.filter((p) => !referredIds.has(p.id));
  for (let i = 0; i < 8 && i < otherTsc.length; i++) {
    const stage = i % 4;
    const from = refRng.int(30 + stage * 30, 300);
    addItem({
      pipeline: offshore,
      project: otherTsc[i]!,
      title: otherTsc[i]!.name_zh,
      owner: i % 2 ? 'centre.admin@biobridge.demo' : 'zhiqiang.xu@biobridge.demo',
      path: Array.from({ length: stage + 1 }, (_, k) => k),
      from,
      to: Math.max(2, from - refRng.int(10, from - 5)),
      lost: i === 7 ? ['project_stopped', '团队解散,项目停止。'] : undefined,
      wan: null,
      areaSqm: null,
      nextAction: i === 7 ? null : [refRng.pick(NEXT_ACTIONS[OFFSHORE.stages[stage]![0]]!), refRng.int(-3, 20)],
    });
  }
  const referralRows: Record<string, unknown>[] = [];
  for (const r of REFERRALS) {
    const id = refRng.uuid();
    const createdAt = instant(dayAgo(r.daysAgo), 15, refRng.int(0, 59));
    const decidedAt = r.decidedDaysAgo === undefined ? null : instant(dayAgo(r.decidedDaysAgo), 11, refRng.int(0, 59));
    let acceptedItemId: string | null = null;
    if (r.status === 'accepted' || r.status === 'landed') {
      const landed = r.status === 'landed';
      const target = landed ? 6 : r.daysAgo > 60 ? 2 : 1;
      const made = addItem({
        pipeline: attraction,
        project: r.project,
        owner: landed ? 'park.admin@biobridge.demo' : 'staff@biobridge.demo',
        path: Array.from({ length: target + 1 }, (_, k) => k),
        from: r.decidedDaysAgo!,
        to: landed ? 38 : Math.max(2, r.decidedDaysAgo! - 20),
        anchors: landed ? new Map([[4, ceremony.daysAgo]]) : undefined,
        source: 'referral',
        wan: landed ? 38000 : r.daysAgo > 60 ? 8000 : 15000,
        areaSqm: landed ? 8000 : r.daysAgo > 60 ? 1500 : 3000,
        nextAction: landed ? ['跟进AAV载体生产车间GMP验证', 20] : r.daysAgo > 60 ? ['提供厂房方案与政策测算', 6] : ['安排园区实地考察', 4],
      });
      acceptedItemId = made.id;
      if (landed) {
        landedItems.push(made);
        signedItems.push({ made, signedDaysAgo: ceremony.daysAgo, stage: 6 });
      }
    }
    const updatedAt = r.status === 'landed' ? instant(dayAgo(38), 16) : (decidedAt ?? createdAt);
    referralRows.push({
      id,
      from_community_id: tscId,
      to_community_id: cmcId,
      project_id: r.project.id,
      note: r.note,
      status: r.status,
      decline_reason: r.decline?.[0] ?? null,
      decline_note: r.decline?.[1] ?? '',
      accepted_item_id: acceptedItemId,
      created_by: admin(TSC),
      decided_by: decidedAt ? admin(CMC) : null,
      decided_at: decidedAt,
      version: 1 + (decidedAt ? 1 : 0) + (r.status === 'landed' ? 1 : 0),
      created_at: createdAt,
      updated_at: updatedAt,
    });
    for (const slug of [TSC, CMC]) created(slug, createdAt, 'referral.created', 'referral', id, r.project.name_zh, { projectId: r.project.id, note: r.note, status: 'pending' }, admin(TSC));
  }

  // ---------------------------------------------------------------- incubator intake (China Medical City)
  const admittedItems: Made[] = [];
  const INTAKE: [stage: number, count: number][] = [[2, 4], [1, 3], [0, 4]];
  for (const [stage, count] of INTAKE) {
    for (let i = 0; i < count; i++) {
      const p = incubationCandidates.shift();
      if (!p) break;
      const from = stage === 2 ? itemRng.int(120, 330) : itemRng.int(10, 90);
      const made = addItem({
        pipeline: incubation,
        project: p,
        title: `${shortName(orgById.get(p.owner_organisation_id)!)} 入孵申请`,
        owner: i % 2 ? 'haoran.qian@biobridge.demo' : 'staff@biobridge.demo',
        path: Array.from({ length: stage + 1 }, (_, k) => k),
        from,
        to: Math.max(2, from - itemRng.int(14, 45)),
        lost: stage === 1 && i === 2 ? ['policy_mismatch', '项目尚处于概念阶段,未达到入孵评审要求。'] : undefined,
        wan: null,
        areaSqm: itemRng.int(2, 8) * 50,
        nextAction: stage === 2 ? null : [itemRng.pick(NEXT_ACTIONS[INCUBATION.stages[stage]![0]]!), itemRng.int(-1, 14)],
      });
      if (stage === 2) admittedItems.push(made);
    }
  }

  // ---------------------------------------------------------------- zones and landings (China Medical City)
  const landRng = new Rng(DEMO_SEED, STREAM.landing, 0);
  const ZONES: [kind: string, nameZh: string, nameEn: string, area: number][] = [
    ['rnd', '研发区', 'R&D zone', 86000],
    ['acceleration', '加速区', 'Acceleration zone', 152000],
    ['industrialisation', '产业化区', 'Industrialisation zone', 420000],
  ];
  const zoneRows = ZONES.map(([kind, nameZh, nameEn, area], i) => ({ id: landRng.uuid(), community_id: cmcId, kind, name_zh: nameZh, name_en: nameEn, total_area_sqm: area, sort_order: i, version: 1, created_at: instant(dayAgo(730), 9) }));
  for (const z of zoneRows) created(CMC, z.created_at, 'zone.created', 'community_zone', z.id, z.name_zh, { kind: z.kind, nameZh: z.name_zh, totalAreaSqm: z.total_area_sqm });
  const landingRows: Record<string, unknown>[] = [];
  const landing = (o: OrgRow, p: ProjectRow | null, itemId: string | null, zone: number, area: number, capitalWan: number, investmentWan: number, landedOn: string, note: string) => {
    const id = landRng.uuid();
    const at = instant(landedOn, 15);
    landingRows.push({
      id,
      community_id: cmcId,
      organisation_id: o.id,
      project_id: p?.id ?? null,
      pipeline_item_id: itemId,
      zone_id: zoneRows[zone]!.id,
      floor_area_sqm: area,
      registered_capital_fen: capitalWan * WAN,
      committed_investment_fen: investmentWan * WAN,
      landed_on: landedOn,
      note,
      created_by: admin(CMC),
      version: 1,
      created_at: at,
      updated_at: at,
    });
    makeResident(o.id, CMC, landedOn);
    created(CMC, at, 'landing.created', 'landing', id, o.name_zh, { organisationId: o.id, projectId: p?.id ?? null, zoneId: zoneRows[zone]!.id, floorAreaSqm: area, landedOn });
  };
  for (const [key, zone, landedOn, area, capital, investment, note] of OLD_LANDINGS) landing(org(key), null, null, zone, area, capital, investment, landedOn, note);
  for (const m of landedItems) {
    const movedIn = m.steps.find((s) => s.stage === 6)!;
    const zone = (m.areaSqm ?? 0) >= 12000 ? 2 : m.project.segment === 'innovative_drug' ? 0 : 1;
    landing(m.organisation, m.project, m.id, zone, m.areaSqm ?? 2000, Math.round((m.wan ?? 10000) / 10 / 100) * 100, m.wan ?? 10000, dayAgo(movedIn.daysAgo), '');
  }

  // ---------------------------------------------------------------- incubation records and yearly figures
  const incubationRows: Record<string, unknown>[] = [];
  const incubated = new Set<string>();
  const record = (o: OrgRow, batch: string, admittedOn: string, status: 'admitted' | 'graduated' | 'exited', end: string | null, exitReason = '') => {
    if (incubated.has(o.id)) return;
    incubated.add(o.id);
    const id = landRng.uuid();
    const at = instant(admittedOn, 14);
    incubationRows.push({
      id,
      community_id: cmcId,
      organisation_id: o.id,
      status,
      batch,
      admitted_on: admittedOn,
      graduated_on: status === 'graduated' ? end : null,
      listed_on: null,
      stock_code: null,
      exited_on: status === 'exited' ? end : null,
      exit_reason: exitReason,
      created_by: admin(CMC),
      version: status === 'admitted' ? 1 : 2,
      created_at: at,
      updated_at: end ? instant(end, 14) : at,
    });
    makeResident(o.id, CMC, admittedOn);
    created(CMC, at, 'incubation.created', 'incubation_record', id, o.name_zh, { organisationId: o.id, batch, admittedOn, status: 'admitted' });
  };
  const batchOf = (day: string) => `${day.slice(0, 4)}年第${Number(day.slice(5, 7)) <= 6 ? '一' : '二'}批`;
  record(org('yaomai-adc'), '2021年第一批', '2021-04-20', 'graduated', '2024-06-28');
  record(org('runqi-peptide'), '2022年第一批', '2022-03-15', 'graduated', '2025-06-30');
  const residentStartups = orgList.filter(
    (o) => o.kind === 'enterprise' && o.city === '泰州市' && o.steward_community_id === cmcId && residents.has(`${o.id}:${cmcId}`) && !usedOrgs.has(o.id) && !oldLandingOrgs.has(o.id),
  );
  const INCUBATED: [batch: string, admittedOn: string, status: 'admitted' | 'graduated' | 'exited', end: string | null, exitReason?: string][] = [
    ['2023年第一批', '2023-03-20', 'graduated', '2025-12-19'],
    ['2023年第一批', '2023-03-20', 'exited', '2024-08-30', '核心项目终止,企业主动退出孵化。'],
    ['2023年第二批', '2023-09-15', 'graduated', '2026-06-30'],
    ['2024年第一批', '2024-04-10', 'admitted', null],
    ['2024年第二批', '2024-10-18', 'admitted', null],
    ['2025年第一批', '2025-04-08', 'admitted', null],
  ];
  INCUBATED.forEach(([batch, admittedOn, status, end, reason], i) => {
    const o = residentStartups[i];
    if (!o) return;
    if (end === null || end < today) record(o, batch, admittedOn, status, end, reason);
    else record(o, batch, admittedOn, 'admitted', null);
    // Graduates took space of their own in the R&D zone.
    if (status === 'graduated' && end !== null && end < today) landing(o, null, null, 0, 600 + i * 200, 500, 3000, end, '孵化毕业后租用研发区独立楼层');
  });
  for (const m of admittedItems) {
    const day = dayAgo(m.steps[m.steps.length - 1]!.daysAgo);
    record(m.organisation, batchOf(day), day, 'admitted', null);
  }

  const figureRows: Record<string, unknown>[] = [];
  const FIGURES: [key: string, revenueWan: number, headcount: number, rndWan: number, taxWan: number][] = [
    ['chengjiang-cdmo', 42000, 620, 5200, 2600],
    ['chengyuan-vaccine', 86000, 1150, 21000, 7800],
    ['jingheng-device', 31000, 410, 4800, 2100],
    ['ruixi-ivd', 18500, 260, 3100, 1200],
    ['runqi-peptide', 2600, 120, 6800, 150],
    ['heyao-cell', 1200, 186, 9800, 45],
    ['yaomai-adc', 800, 142, 12500, 30],
  ];
  for (const [key, revenue, headcount, rnd, tax] of FIGURES) {
    const o = org(key);
    [2023, 2024, 2025].forEach((year, i) => {
      const growth = 1 + i * landRng.int(8, 22) / 100;
      const byCompany = key === 'heyao-cell' && year >= 2024;
      figureRows.push({
        community_id: cmcId,
        organisation_id: o.id,
        year,
        revenue_fen: Math.round(revenue * growth) * WAN,
        headcount: Math.round(headcount * (1 + i * 0.09)),
        rnd_spend_fen: Math.round(rnd * growth) * WAN,
        tax_fen: Math.round(tax * growth) * WAN,
        entered_by: byCompany ? user('member@biobridge.demo') : user('staff@biobridge.demo'),
        entered_as: byCompany ? 'company' : 'staff',
        version: 1,
        updated_at: instant(`${year + 1}-03-${10 + i * 5}`, 10),
      });
      created(CMC, instant(`${year + 1}-03-${10 + i * 5}`, 10), 'figures.entered', 'company_yearly_figures', o.id, o.name_zh, { year, headcount: Math.round(headcount * (1 + i * 0.09)) }, byCompany ? user('member@biobridge.demo') : user('staff@biobridge.demo'));
    });
  }

  // ---------------------------------------------------------------- agreements
  const agRng = new Rng(DEMO_SEED, STREAM.agreement, 0);
  const agreementRows: Record<string, unknown>[] = [];
  const partyRows: Record<string, unknown>[] = [];
  const agreement = (slug: Slug, a: { kind: string; title: string; wan: number | null; signedOn: string; place: string; status: string; projectId: string | null; segment: string | null; itemId: string | null; note: string }, parties: [OrgRow, string][]) => {
    const id = agRng.uuid();
    const at = instant(a.signedOn, 18);
    agreementRows.push({
      id,
      community_id: community(slug),
      kind: a.kind,
      title: a.title,
      amount_fen: a.wan === null ? null : a.wan * WAN,
      signed_on: a.signedOn,
      signed_place: a.place,
      event_id: null,
      status: a.status,
      project_id: a.projectId,
      segment: a.segment,
      pipeline_item_id: a.itemId,
      note: a.note,
      created_by: admin(slug),
      version: 1,
      created_at: at,
      updated_at: at,
    });
    parties.forEach(([o, role], position) => partyRows.push({ agreement_id: id, organisation_id: o.id, role, position }));
    created(slug, at, 'agreement.created', 'agreement', id, a.title, { kind: a.kind, title: a.title, amountFen: a.wan === null ? null : a.wan * WAN, signedOn: a.signedOn, signedPlace: a.place, parties: parties.map(([o, role]) => `${o.name_zh}(${role})`) });
  };
  const partyOf = (slug: Slug, key: string): OrgRow => {
    if (!key.startsWith('gen:')) return org(key);
    const [, kind, k] = key.split(':');
    return generated(slug, kind!, Number(k));
  };
  for (const a of AGREEMENTS) {
    const c = a.ceremony ? CEREMONIES[a.community]! : null;
    agreement(
      a.community,
      {
        kind: a.kind,
        title: a.title,
        wan: a.wan,
        signedOn: dayAgo(c ? c.daysAgo : a.daysAgo),
        place: c ? c.place : '',
        status: a.status,
        projectId: a.project ? project(a.project).id : null,
        segment: a.project ? null : (a.segment ?? null),
        itemId: null,
        note: a.note ?? '',
      },
      a.parties.map(([key, role]) => [partyOf(a.community, key), role]),
    );
  }
  // Every 招商 item that reached 签约 signed a landing agreement; the local fund co-invests.
  const localFund = generated(CMC, 'investor', 0);
  for (const { made, signedDaysAgo, stage } of signedItems) {
    const atCeremony = signedDaysAgo === ceremony.daysAgo;
    agreement(
      CMC,
      {
        kind: 'landing',
        title: `${made.project.name_zh}项目落户协议`,
        wan: made.wan,
        signedOn: dayAgo(signedDaysAgo),
        place: atCeremony ? ceremony.place : '中国医药城投资促进中心',
        status: stage >= 7 ? 'completed' : stage >= 5 ? 'in_force' : 'signed',
        projectId: made.project.id,
        segment: null,
        itemId: made.id,
        note: atCeremony ? '集中签约项目' : '',
      },
      [
        [made.organisation, 'party_a'],
        [localFund, 'investor'],
      ],
    );
  }

  // ---------------------------------------------------------------- write
  await insertRows(tx, 'pipelines', pipelineRows);
  await insertRows(tx, 'pipeline_stages', stageRows);
  await insertRows(tx, 'pipeline_items', itemRows);
  await insertRows(tx, 'pipeline_item_events', eventRows);
  await insertRows(tx, 'pipeline_activities', activityRows);
  await insertRows(tx, 'referrals', referralRows);
  await insertRows(tx, 'community_zones', zoneRows);
  await insertRows(tx, 'directory_links', newLinks);
  await insertRows(tx, 'landings', landingRows);
  await insertRows(tx, 'incubation_records', incubationRows);
  await insertRows(tx, 'company_yearly_figures', figureRows);
  await insertRows(tx, 'agreements', agreementRows);
  await insertRows(tx, 'agreement_parties', partyRows);
  if (newLinks.length > 0) await refreshSearchDocuments(tx, 'organisation', newLinks.map((l) => l.from_id as string));
  audit.sort((a, b) => a.at.localeCompare(b.at));
  await insertRows(tx, 'audit_log', audit);
  return { pipelineItems: itemRows.length, referrals: referralRows.length, landings: landingRows.length, agreements: agreementRows.length };
}
