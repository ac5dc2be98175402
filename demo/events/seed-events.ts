/**
 * The demo's events (issue 5), written on top of the directory and lifecycle seeds in the same
 * transaction, dated from the seeding day so there are always past and upcoming events:
 *
 * China Medical City —
 * - a past industry forum (on the day of the lifecycle seed's signing ceremony) with an agenda,
 *   organisers, three ticket types, 120 registrations (about 85 % checked in), the ceremony's
 *   agreements in its signing order and two follow-ups into the 招商 pipeline;
 * - an upcoming public salon, nearly full, with a small waitlist; member@ is registered;
 * - an upcoming innovation competition with its call open, 12 applications, a preliminary round
 *   with weighted criteria, three judges (judge@ has some left to score) and one recusal;
 * - an upcoming closed-door investment meeting (invitation only) with four presented projects,
 *   invitations and investor@ confirmed; two PDF materials when a file storage is given;
 * - a draft training.
 * Jiading alliance — a past industry conference (its ceremony's agreements) and an upcoming salon.
 *
 * Deterministic (seeded streams); rows go in set-wise (insertRows).
 */
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { generateKeyBetween } from 'fractional-indexing';
import type { Executor } from '../../src/server/db/client';
import { rowsOf } from '../../src/server/db/sql-helpers';
import { FONT_BOLD, renderPdf } from '../../src/server/pdf/document';
import type { FileStorage } from '../../src/server/storage/storage';
import { AGREEMENTS } from '../lifecycle/agreement-data';
import { insertRows } from '../generator/bulk-insert';
import { GIVEN, SURNAMES } from '../generator/names';
import { Rng } from '../generator/random';
import {
  APPLICATION_COMMENTS,
  CLOSED_DOOR_AGENDA,
  CLOSED_DOOR_INVITEES,
  CLOSED_DOOR_PROJECTS,
  CMC_ORGANISERS,
  COMPETITION_AGENDA,
  CRITERIA,
  FORUM_AGENDA,
  JIADING_AGENDA,
  JIADING_ORGANISERS,
  JOB_TITLES,
  MEDIA,
  SALON_AGENDA,
  type SessionDef,
} from './event-data';

const DEMO_SEED = 20_260_321;
const STREAM = 31;
const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;
/** The lifecycle seed's signing ceremonies (demo/lifecycle/agreement-data.ts CEREMONIES). */
const CMC_FORUM_DAYS_AGO = 150;
const JIADING_FORUM_DAYS_AGO = 210;

export interface EventSeedRefs {
  userIds: Map<string, string>;
  communityIds: Map<string, string>;
  now?: number;
  /** Where the closed-door meeting's PDF materials are stored; without one they are left out. */
  storage?: FileStorage;
}

export interface EventSeedResult {
  events: number;
  registrations: number;
  applications: number;
  signings: number;
  followUps: number;
  materials: number;
}

type Row = Record<string, unknown>;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** An instant on a Shanghai calendar day, at a local time. */
const at = (day: string, [h, m]: [number, number]) => new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI + (h * 60 + m) * 60_000);
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export async function seedEvents(tx: Executor, refs: EventSeedRefs): Promise<EventSeedResult> {
  const now = refs.now ?? Date.now();
  const today = isoDay(now + SHANGHAI);
  const day = (offset: number) => isoDay(Date.parse(`${today}T00:00:00Z`) + offset * DAY);
  const rng = new Rng(DEMO_SEED, STREAM, 0);
  const community = (slug: string) => refs.communityIds.get(slug)!;
  const user = (email: string) => refs.userIds.get(email) ?? null;
  const CMC = community('china-medical-city');
  const JD = community('jiading-biomed-alliance');
  const cmcAdmin = user('park.admin@biobridge.demo');
  const cmcStaff = user('staff@biobridge.demo');
  const jdAdmin = user('alliance.admin@biobridge.demo');

  const token = () => crypto.randomBytes(24).toString('base64url');
  const usedCodes = new Set<string>();
  const code = () => {
    for (;;) {
      const c = Array.from({ length: 8 }, () => CODE_ALPHABET[rng.int(0, CODE_ALPHABET.length - 1)]).join('');
      if (!usedCodes.has(c)) {
        usedCodes.add(c);
        return c;
      }
    }
  };
  const personName = () => `${rng.pick(SURNAMES)[0]}${rng.pick(GIVEN)[0]}${rng.chance(0.6) ? rng.pick(GIVEN)[0] : ''}`;

  // ---------------------------------------------------------------- what the earlier seeds wrote
  const orgs = await rowsOf<{ id: string; name_zh: string; short_name_zh: string | null; kind: string; steward_community_id: string | null }>(
    tx,
    sql`select id, name_zh, short_name_zh, kind, steward_community_id from organisations order by name_zh, id`,
  );
  const orgByName = new Map(orgs.map((o) => [o.name_zh, o]));
  const projects = await rowsOf<{ id: string; name_zh: string; community_id: string; owner_organisation_id: string | null; confidentiality: string; created_by: string | null }>(
    tx,
    sql`select id, name_zh, community_id, owner_organisation_id, confidentiality, created_by from projects order by name_zh, id`,
  );
  const projectByName = new Map(projects.map((p) => [p.name_zh, p]));
  const people = await rowsOf<{ id: string; steward_community_id: string | null }>(tx, sql`select id, steward_community_id from people order by name_zh, id`);
  const peopleOf = (communityId: string) => people.filter((p) => p.steward_community_id === communityId);
  const agreementRows = await rowsOf<{ id: string; title: string; community_id: string }>(tx, sql`select id, title, community_id from agreements order by title, id`);

  const rows: Record<string, Row[]> = {
    events: [],
    event_organisers: [],
    event_sessions: [],
    event_session_people: [],
    event_ticket_types: [],
    event_invitations: [],
    event_registrations: [],
    event_applications: [],
    event_rounds: [],
    event_criteria: [],
    event_round_entries: [],
    event_round_judges: [],
    event_recusals: [],
    event_score_sheets: [],
    event_projects: [],
    event_signings: [],
    files: [],
    event_materials: [],
    pipeline_items: [],
    pipeline_item_events: [],
    pipeline_activities: [],
    event_follow_ups: [],
    audit_log: [],
  };

  interface EventDef {
    communityId: string;
    kind: string;
    title: string;
    summary: string;
    description: string;
    venue: string;
    day: string;
    agenda: SessionDef[];
    visibility?: string;
    status?: string;
    approvalMode?: string;
    createdBy: string | null;
    applicationsOpen?: boolean;
    applicationDeadline?: Date | null;
  }

  const addEvent = (e: EventDef): { id: string; sessions: { id: string; def: SessionDef }[]; startsAt: Date } => {
    const id = rng.uuid();
    const startsAt = at(e.day, e.agenda[0]!.from);
    const endsAt = at(e.day, e.agenda[e.agenda.length - 1]!.to);
    const status = e.status ?? 'published';
    const created = new Date(startsAt.getTime() - 40 * DAY);
    const createdAt = new Date(Math.min(created.getTime(), now - DAY)).toISOString();
    rows.events!.push({
      id,
      community_id: e.communityId,
      kind: e.kind,
      title: e.title,
      summary: e.summary,
      description_html: e.description,
      venue: e.venue,
      starts_at: startsAt.toISOString(),
      ends_at: endsAt.toISOString(),
      visibility: e.visibility ?? 'public',
      status,
      approval_mode: e.approvalMode ?? 'automatic',
      applications_open: e.applicationsOpen ?? false,
      application_deadline: e.applicationDeadline?.toISOString() ?? null,
      normalisation: 'raw_mean',
      // Past events already had their reminders.
      reminders_queued_at: status === 'published' && startsAt.getTime() - DAY < now ? new Date(startsAt.getTime() - DAY).toISOString() : null,
      published_at: status === 'published' ? new Date(Math.min(startsAt.getTime() - 30 * DAY, now - DAY)).toISOString() : null,
      created_by: e.createdBy,
      version: 1,
      created_at: createdAt,
      updated_at: createdAt,
    });
    rows.audit_log!.push({
      actor_user_id: e.createdBy,
      community_id: e.communityId,
      action: 'event.created',
      entity_type: 'event',
      entity_id: id,
      entity_label: e.title,
      changes: { kind: { before: null, after: e.kind }, title: { before: null, after: e.title }, startsAt: { before: null, after: startsAt.toISOString() } },
      request_id: 'demo-seed',
      at: createdAt,
    });
    const pool = peopleOf(e.communityId);
    const sessions = e.agenda.map((def) => {
      const sid = rng.uuid();
      rows.event_sessions!.push({ id: sid, event_id: id, kind: def.kind, title: def.title, description: '', starts_at: at(e.day, def.from).toISOString(), ends_at: at(e.day, def.to).toISOString(), room: def.room ?? '', version: 1 });
      const onStage = rng.sample(pool, Math.min(pool.length, (def.speakers ?? 0) + (def.moderator ? 1 : 0)));
      onStage.forEach((p, i) =>
        rows.event_session_people!.push({ session_id: sid, person_id: p.id, role: def.moderator && i === onStage.length - 1 ? 'moderator' : 'speaker', position: i }),
      );
      return { id: sid, def };
    });
    return { id, sessions, startsAt };
  };

  const organisers = (eventId: string, list: [string, string][]) =>
    list.forEach(([name, role], position) => {
      const o = orgByName.get(name);
      if (o) rows.event_organisers!.push({ event_id: eventId, organisation_id: o.id, role, position });
    });

  const ticket = (eventId: string, name: string, capacity: number, position: number, description = '') => {
    const id = rng.uuid();
    const row: Row = { id, event_id: eventId, name, description, capacity, waitlist_seq: 0, is_open: true, position, version: 1 };
    rows.event_ticket_types!.push(row);
    return { id, row };
  };

  let registrationCount = 0;
  const register = (
    eventId: string,
    t: { id: string; row: Row },
    r: { name: string; email: string; organisationName: string; jobTitle: string; status: string; checkedIn?: Date | null; userId?: string | null; organisationId?: string | null; createdAt: Date; invitationId?: string | null; phone?: string },
  ) => {
    const id = rng.uuid();
    let waitlistNo: number | null = null;
    if (r.status === 'waitlisted') {
      waitlistNo = (t.row.waitlist_seq as number) + 1;
      t.row.waitlist_seq = waitlistNo;
    }
    const created = r.createdAt.toISOString();
    rows.event_registrations!.push({
      id,
      event_id: eventId,
      ticket_type_id: t.id,
      user_id: r.userId ?? null,
      invitation_id: r.invitationId ?? null,
      name: r.name,
      email: r.email,
      phone: r.phone ?? `13${rng.int(100000000, 999999999)}`,
      organisation_name: r.organisationName,
      job_title: r.jobTitle,
      organisation_id: r.organisationId ?? null,
      answers: {},
      locale: 'zh-CN',
      status: r.status,
      waitlist_no: waitlistNo,
      code: code(),
      manage_token: token(),
      checked_in_at: r.checkedIn ? r.checkedIn.toISOString() : null,
      checked_in_by: r.checkedIn ? cmcStaff : null,
      confirmed_at: r.status === 'confirmed' ? created : null,
      cancelled_at: r.status === 'cancelled' ? new Date(r.createdAt.getTime() + 2 * DAY).toISOString() : null,
      version: 1,
      created_at: created,
      updated_at: created,
    });
    registrationCount += 1;
    return id;
  };

  const localOrgs = (communityId: string, kind: string) => orgs.filter((o) => o.steward_community_id === communityId && o.kind === kind);
  const shortOf = (o: { name_zh: string; short_name_zh: string | null }) => o.short_name_zh ?? o.name_zh;
  const emailOf = (i: number, domain: string) => `guest${String(i).padStart(3, '0')}@${domain}`;

  // ================================================================ China Medical City: past forum
  const forumDay = day(-CMC_FORUM_DAYS_AGO);
  const forumYear = forumDay.slice(0, 4);
  const forum = addEvent({
    communityId: CMC,
    kind: 'forum',
    title: `${forumYear}中国医药城生物医药产业发展论坛`,
    summary: '聚焦创新药、细胞与基因治疗和高端医疗器械，汇聚产业、资本与临床资源，并举行重点项目集中签约。',
    description:
      '<p>论坛由泰州医药高新区管委会指导，围绕<strong>ADC与双抗</strong>、<strong>细胞与基因治疗产业化</strong>以及园区服务展开主旨演讲与圆桌讨论。</p><p>上午举行重点项目集中签约仪式，下午安排一对一项目对接。</p>',
    venue: '中国医药城会展交易中心A馆',
    day: forumDay,
    agenda: FORUM_AGENDA,
    createdBy: cmcAdmin,
  });
  organisers(forum.id, CMC_ORGANISERS);
  const forumTickets = [ticket(forum.id, '企业代表', 90, 0, '园区及区域生物医药企业'), ticket(forum.id, '投资机构', 30, 1, '创投、产业资本与政府引导基金'), ticket(forum.id, '媒体', 10, 2, '受邀媒体')];
  const companies = [...localOrgs(CMC, 'enterprise'), ...localOrgs(CMC, 'service_provider')];
  const investors = localOrgs(CMC, 'investor');
  const forumStart = forum.startsAt.getTime();
  const forumRegistrations: { id: string; orgId: string | null; name: string }[] = [];
  // 82 + 28 + 8 confirmed, 2 cancelled: 120 registrations; about 85 % of the confirmed checked in.
  const plan: [number, number, number][] = [
    [0, 82, 1],
    [1, 28, 1],
    [2, 8, 0],
  ];
  let guest = 0;
  for (const [ti, confirmed, cancelled] of plan) {
    const t = forumTickets[ti]!;
    const name = t.row.name as string;
    for (let i = 0; i < confirmed + cancelled; i++) {
      guest += 1;
      const org = name === '媒体' ? null : rng.pick(name === '投资机构' ? investors : companies);
      const status = i < confirmed ? 'confirmed' : 'cancelled';
      const checkedIn = status === 'confirmed' && rng.chance(0.86) ? new Date(forumStart - 30 * 60_000 + rng.int(0, 50) * 60_000) : null;
      const person = personName();
      const id = register(forum.id, t, {
        name: person,
        email: emailOf(guest, 'forum.biobridge.demo'),
        organisationName: org ? org.name_zh : rng.pick(MEDIA),
        organisationId: org && rng.chance(0.5) ? org.id : null,
        jobTitle: rng.pick(JOB_TITLES[name]!),
        status,
        checkedIn,
        createdAt: new Date(forumStart - rng.int(3, 28) * DAY),
      });
      if (org && status === 'confirmed' && checkedIn) forumRegistrations.push({ id, orgId: org.id, name: person });
    }
  }

  // The ceremony's agreements (signed that day at the exhibition centre) in the forum's signing order.
  const signingSession = forum.sessions.find((s) => s.def.kind === 'signing')!.id;
  const ceremonyTitles = (slug: string) => AGREEMENTS.filter((a) => a.community === slug && a.ceremony).map((a) => a.title);
  const linkSignings = (eventId: string, communityId: string, titles: string[], sessionId: string) => {
    const linked: string[] = [];
    titles.forEach((title) => {
      const a = agreementRows.find((x) => x.title === title && x.community_id === communityId);
      if (!a) return;
      rows.event_signings!.push({ event_id: eventId, agreement_id: a.id, position: linked.length, session_id: sessionId, status: 'signed', note: '' });
      linked.push(a.id);
    });
    return linked;
  };
  const cmcSigned = linkSignings(forum.id, CMC, ceremonyTitles('china-medical-city'), signingSession);

  // Two follow-ups into the 招商 pipeline: attendees whose companies are not on it yet.
  const [attraction] = await rowsOf<{ id: string }>(tx, sql`select id from pipelines where community_id = ${CMC} and kind = 'attraction' order by created_at limit 1`);
  let followUps = 0;
  if (attraction) {
    const stages = await rowsOf<{ id: string; position: number }>(tx, sql`select id, position from pipeline_stages where pipeline_id = ${attraction.id} order by position`);
    const onPipeline = new Set((await rowsOf<{ organisation_id: string | null }>(tx, sql`select organisation_id from pipeline_items where pipeline_id = ${attraction.id}`)).map((r) => r.organisation_id));
    const ranks = new Map<string, string | null>();
    for (const s of stages) {
      const [last] = await rowsOf<{ rank: string }>(tx, sql`select rank from pipeline_items where pipeline_id = ${attraction.id} and stage_id = ${s.id} order by rank collate "C" desc limit 1`);
      ranks.set(s.id, last?.rank ?? null);
    }
    const chosen = forumRegistrations.filter((r) => r.orgId && !onPipeline.has(r.orgId)).filter((r, i, all) => all.findIndex((x) => x.orgId === r.orgId) === i).slice(0, 2);
    chosen.forEach((r, i) => {
      const stage = stages[Math.min(i + 1, stages.length - 1)]!;
      const org = orgs.find((o) => o.id === r.orgId)!;
      const itemId = rng.uuid();
      const rank = generateKeyBetween(ranks.get(stage.id) ?? null, null);
      ranks.set(stage.id, rank);
      const createdAt = new Date(forumStart + (2 + i) * DAY).toISOString();
      rows.pipeline_items!.push({
        id: itemId,
        community_id: CMC,
        pipeline_id: attraction.id,
        stage_id: stage.id,
        title: org.name_zh,
        organisation_id: org.id,
        owner_user_id: cmcStaff,
        next_action: i === 0 ? '约见企业负责人，了解扩产用地需求' : '发送园区政策包并安排实地考察',
        next_action_on: day(5 + i * 3),
        source: 'event',
        // What the company said at the forum: a first estimate, refined on the site visit.
        expected_investment_fen: (i === 0 ? 30_000 : 12_000) * 1_000_000,
        expected_area_sqm: i === 0 ? 6_000 : 2_500,
        rank,
        stage_entered_at: createdAt,
        created_by: cmcStaff,
        version: 1,
        created_at: createdAt,
        updated_at: createdAt,
      });
      rows.pipeline_item_events!.push({ id: rng.uuid(), item_id: itemId, pipeline_id: attraction.id, kind: 'created', to_stage_id: stage.id, actor_id: cmcStaff, at: createdAt });
      rows.pipeline_activities!.push({
        id: rng.uuid(),
        item_id: itemId,
        community_id: CMC,
        kind: 'meeting',
        occurred_at: forum.startsAt.toISOString(),
        body: `活动：${forumYear}中国医药城生物医药产业发展论坛（${r.name} · ${org.name_zh}）`,
        author_id: cmcStaff,
        created_at: createdAt,
      });
      rows.event_follow_ups!.push({ id: rng.uuid(), event_id: forum.id, pipeline_item_id: itemId, source: 'registration', registration_id: r.id, created_by: cmcStaff, created_at: createdAt });
      // Every pipeline item has its creation in the audit log, as one made through the app would.
      rows.audit_log!.push({
        actor_user_id: cmcStaff,
        community_id: CMC,
        action: 'pipeline_item.created',
        entity_type: 'pipeline_item',
        entity_id: itemId,
        entity_label: org.name_zh,
        changes: { title: { before: null, after: org.name_zh }, stageId: { before: null, after: stage.id }, organisationId: { before: null, after: org.id }, source: { before: null, after: 'event' } },
        request_id: 'demo-seed',
        at: createdAt,
      });
      followUps += 1;
    });
    // The registration remembers the directory organisation it was followed up under.
    for (const r of chosen) {
      const reg = rows.event_registrations!.find((x) => x.id === r.id)!;
      reg.organisation_id = r.orgId;
    }
  }

  // ================================================================ upcoming public salon (nearly full)
  const salon = addEvent({
    communityId: CMC,
    kind: 'salon',
    title: '医药城投融资沙龙（第十二期）：ADC药物的下一个十年',
    summary: '面向园区企业与投资机构的小型沙龙：ADC临床开发关键决策与赛道估值对话。',
    description: '<p>本期沙龙邀请ADC领域的研发负责人与投资人，分享临床开发中的关键决策点，并就赛道估值展开对话。</p><p>名额有限，额满后进入候补，有人取消时按候补顺序自动递补。</p>',
    venue: '中国医药城投资促进中心路演厅',
    day: day(10),
    agenda: SALON_AGENDA,
    createdBy: cmcStaff,
  });
  organisers(salon.id, [['泰州医药高新区华银金融投资有限公司', 'host']]);
  const salonCompanies = ticket(salon.id, '企业代表', 40, 0);
  const salonInvestors = ticket(salon.id, '投资机构', 15, 1);
  const salonStart = salon.startsAt.getTime();
  let salonGuest = 0;
  const salonReg = (t: typeof salonCompanies, status: string, org: { id: string; name_zh: string }) =>
    register(salon.id, t, {
      name: personName(),
      email: emailOf(++salonGuest, 'salon.biobridge.demo'),
      organisationName: org.name_zh,
      jobTitle: rng.pick(JOB_TITLES[t.row.name as string]!),
      status,
      createdAt: new Date(Math.min(now - DAY, salonStart - rng.int(11, 20) * DAY) + salonGuest * 3_600_000),
    });
  register(salon.id, salonCompanies, {
    name: '孙悦',
    email: 'member@biobridge.demo',
    userId: user('member@biobridge.demo'),
    organisationName: shortOf(orgByName.get('泰州润启药业有限公司') ?? companies[0]!),
    jobTitle: '商务拓展总监',
    status: 'confirmed',
    createdAt: new Date(now - 6 * DAY),
  });
  for (let i = 0; i < 39; i++) salonReg(salonCompanies, 'confirmed', rng.pick(companies));
  for (let i = 0; i < 3; i++) salonReg(salonCompanies, 'waitlisted', rng.pick(companies));
  for (let i = 0; i < 13; i++) salonReg(salonInvestors, 'confirmed', rng.pick(investors));
  salonReg(salonCompanies, 'cancelled', rng.pick(companies));

  // ================================================================ upcoming competition (call open)
  const competition = addEvent({
    communityId: CMC,
    kind: 'competition',
    title: '第三届中国医药城创新创业大赛·生物医药赛道',
    summary: '面向创新药、医疗器械与体外诊断初创团队的创新创业大赛，优胜项目可获园区基金优先投资与落地支持。',
    description: '<p>大赛分初赛、决赛两轮。初赛由评委线上评审，按<strong>技术创新性、团队、市场前景、商业模式、知识产权</strong>加权评分；决赛现场路演。</p><ul><li>一等奖：500万元投资意向 + 1000平方米免租载体</li><li>二等奖：300万元投资意向</li></ul>',
    venue: '中国医药城创业大厦报告厅',
    day: day(30),
    agenda: COMPETITION_AGENDA,
    createdBy: cmcAdmin,
    applicationsOpen: true,
    applicationDeadline: at(day(14), [23, 59]),
  });
  organisers(competition.id, [
    ['泰州医药高新技术产业开发区管理委员会', 'host'],
    ['江苏省人才创新创业促进会', 'co_host'],
    ['泰州医药高新区华银金融投资有限公司', 'support'],
  ]);
  ticket(competition.id, '观众', 200, 0);
  const curatedProjects = new Set([...CLOSED_DOOR_PROJECTS]);
  const cmcProjects = projects.filter((p) => p.community_id === CMC && p.confidentiality !== 'named_investors' && !curatedProjects.has(p.name_zh) && p.owner_organisation_id);
  const applicants = rng.sample(cmcProjects, Math.min(12, cmcProjects.length));
  const statuses = ['screened_in', 'screened_in', 'screened_in', 'screened_in', 'screened_in', 'screened_in', 'screened_out', 'screened_out', 'submitted', 'submitted', 'submitted', 'submitted'];
  const applications = applicants.map((p, i) => {
    const id = rng.uuid();
    const owner = orgs.find((o) => o.id === p.owner_organisation_id);
    const status = statuses[i]!;
    const created = new Date(now - rng.int(2, 20) * DAY);
    rows.event_applications!.push({
      id,
      event_id: competition.id,
      project_id: p.id,
      organisation_id: owner?.id ?? null,
      project_name: p.name_zh,
      organisation_name: owner?.name_zh ?? '',
      summary: `${p.name_zh}：${rng.pick(['已完成临床前药效与安全性评价，计划明年提交IND。', '已获得二类医疗器械注册证，正在拓展医院渠道。', '核心专利已授权，完成天使轮融资，正在开展工艺放大。', '已进入I期临床，初步数据显示良好耐受性。'])}`,
      segment: null,
      team: [
        { name: personName(), role: '创始人、首席执行官' },
        { name: personName(), role: '首席科学官' },
        { name: personName(), role: '首席财务官' },
      ],
      answers: {},
      contact_name: personName(),
      contact_email: `bp${String(i + 1).padStart(2, '0')}@applicant.biobridge.demo`,
      contact_phone: `13${rng.int(100000000, 999999999)}`,
      locale: 'zh-CN',
      status,
      screening_note: status === 'screened_out' ? '与本届赛道方向不符' : status === 'screened_in' ? '材料完整，进入初赛' : '',
      screened_by: status === 'submitted' ? null : cmcStaff,
      screened_at: status === 'submitted' ? null : new Date(created.getTime() + DAY).toISOString(),
      manage_token: token(),
      version: status === 'submitted' ? 1 : 2,
      created_at: created.toISOString(),
      updated_at: created.toISOString(),
    });
    return { id, status, projectId: p.id, orgId: owner?.id ?? null };
  });
  const round = rng.uuid();
  rows.event_rounds!.push({ id: round, event_id: competition.id, kind: 'preliminary', name: '初赛（线上评审）', position: 0, status: 'open', score_min: 0, score_max: 10, version: 1 });
  const criteria = CRITERIA.map(([name, description, weight], position) => {
    const id = rng.uuid();
    rows.event_criteria!.push({ id, round_id: round, name, description, weight, position });
    return id;
  });
  const entries = applications.filter((a) => a.status === 'screened_in');
  entries.forEach((a, position) => rows.event_round_entries!.push({ round_id: round, application_id: a.id, position, award: '', advanced: false }));
  const judges = ['judge@biobridge.demo', 'haoran.qian@biobridge.demo', 'jiahe.shen@biobridge.demo'].map(user).filter((u): u is string => u !== null);
  judges.forEach((u) => rows.event_round_judges!.push({ round_id: round, user_id: u }));
  // 沈嘉禾's fund is affiliated with the first entry's company: recused from it.
  const recusedJudge = judges[2];
  const recusedEntry = entries[0];
  if (recusedJudge && recusedEntry) {
    rows.event_recusals!.push({ round_id: round, user_id: recusedJudge, application_id: recusedEntry.id, source: 'affiliation', reason: '评委所在投资机构已投资该项目所属企业' });
  }
  const sheet = (judge: string, entry: { id: string }, submitted: boolean, bias: number) => {
    const scores = Object.fromEntries(criteria.map((c) => [c, Math.max(0, Math.min(10, Math.round((6 + bias + rng.float() * 3.5) * 2) / 2))]));
    const created = new Date(now - rng.int(1, 3) * DAY).toISOString();
    rows.event_score_sheets!.push({
      id: rng.uuid(),
      round_id: round,
      application_id: entry.id,
      judge_user_id: judge,
      scores,
      comment: rng.pick(APPLICATION_COMMENTS),
      submitted_at: submitted ? created : null,
      version: 1,
      created_at: created,
      updated_at: created,
    });
  };
  entries.forEach((e, i) => {
    // The two other judges have scored everything they may; judge@ has two done and one draft.
    if (judges[1]) sheet(judges[1], e, true, 0.5);
    if (judges[2] && e !== recusedEntry) sheet(judges[2], e, true, -0.5);
    if (judges[0] && i < 2) sheet(judges[0], e, true, 0);
    if (judges[0] && i === 2) sheet(judges[0], e, false, 0);
  });

  // ================================================================ upcoming closed-door meeting
  const closed = addEvent({
    communityId: CMC,
    kind: 'closed_door',
    title: '中国医药城重点项目闭门投资对接会',
    summary: '仅限受邀投资机构参加的闭门路演：四个园区重点项目的融资计划与尽调资料。',
    description: '<p>本次闭门会仅面向受邀投资人。参会者确认后可在活动页查看路演项目的保密资料，资料仅限本次会议使用。</p>',
    venue: '泰州医药高新区管委会三楼闭门会议室',
    day: day(5),
    agenda: CLOSED_DOOR_AGENDA,
    visibility: 'invitation',
    approvalMode: 'reviewed',
    createdBy: cmcAdmin,
  });
  organisers(closed.id, [['泰州医药高新区华银金融投资有限公司', 'host']]);
  const closedTicket = ticket(closed.id, '受邀投资人', 20, 0);
  const roadshowSlot = closed.sessions.find((s) => s.def.kind === 'roadshow')!.id;
  const presented = CLOSED_DOOR_PROJECTS.map((n) => projectByName.get(n)).filter((p): p is NonNullable<typeof p> => Boolean(p));
  presented.forEach((p, position) =>
    rows.event_projects!.push({ event_id: closed.id, project_id: p.id, session_id: roadshowSlot, position, note: position === 0 ? '仅向指定投资人开放的项目，资料仅限本会使用' : '' }),
  );
  CLOSED_DOOR_INVITEES.forEach(([name, email, orgName], i) => {
    const invitationId = rng.uuid();
    const accepted = i < 4;
    rows.event_invitations!.push({
      id: invitationId,
      event_id: closed.id,
      email,
      name,
      ticket_type_id: closedTicket.id,
      token: token(),
      locale: 'zh-CN',
      note: '',
      status: accepted ? 'registered' : 'sent',
      created_by: cmcAdmin,
      created_at: new Date(now - 8 * DAY).toISOString(),
      updated_at: new Date(now - 8 * DAY).toISOString(),
    });
    if (accepted) {
      register(closed.id, closedTicket, {
        name,
        email,
        userId: user(email),
        organisationName: orgName,
        jobTitle: rng.pick(JOB_TITLES['投资机构']!),
        status: 'confirmed',
        invitationId,
        createdAt: new Date(now - (7 - i) * DAY),
      });
    }
  });
  let materials = 0;
  if (refs.storage && presented.length > 0) {
    const storage = refs.storage;
    const pdf = async (title: string, lines: string[]) =>
      renderPdf({ size: 'A4', margin: 56, info: { Title: title } }, (doc) => {
        doc.font(FONT_BOLD).fontSize(18).text(title);
        doc.moveDown();
        doc.font('cjk').fontSize(11);
        for (const line of lines) doc.text(line).moveDown(0.5);
        doc.moveDown().fontSize(9).fillColor('#888888').text('演示数据 · 仅限本次闭门会使用');
      });
    const docs: [string, string | null, Buffer][] = [
      ['闭门会议程与参会须知', null, await pdf('中国医药城重点项目闭门投资对接会 · 议程与参会须知', ['14:00 园区政策与基金介绍', '14:20 重点项目闭门路演（每个项目20分钟，含问答）', '16:20 投资人一对一交流', '会议资料仅限本次会议使用，请勿转发。'])],
      [`${presented[0]!.name_zh} 融资计划书（摘要）`, presented[0]!.id, await pdf(`${presented[0]!.name_zh} · 融资计划书（摘要）`, ['本轮融资：A轮 8,000万元', '资金用途：IND申报、I期临床与CMC放大', '核心优势：双靶点协同、差异化连接子与载荷', '里程碑：18个月内完成首例患者入组'])],
    ];
    for (const [title, projectId, bytes] of docs) {
      const stored = await storage.put(Readable.from(bytes), bytes.length + 1);
      const fileId = rng.uuid();
      rows.files!.push({ id: fileId, storage_key: stored.key, filename: `${title}.pdf`, content_type: 'application/pdf', size_bytes: stored.sizeBytes, sha256: stored.sha256, uploaded_by: cmcAdmin });
      rows.event_materials!.push({ id: rng.uuid(), event_id: closed.id, project_id: projectId, file_id: fileId, title, created_by: cmcAdmin });
      materials += 1;
    }
  }

  // ================================================================ draft training
  addEvent({
    communityId: CMC,
    kind: 'training',
    title: '药品注册申报实务培训（IND/NDA）',
    summary: '面向园区企业注册事务人员的实务培训：申报资料撰写、常见缺陷与沟通交流会议。',
    description: '<p>培训内容：CTD格式资料撰写要点、药学变更研究、常见发补问题解析。</p>',
    venue: '中国医药城培训中心201教室',
    day: day(45),
    agenda: [
      { kind: 'keynote', title: 'IND申报资料撰写要点', from: [9, 0], to: [10, 30], room: '201教室', speakers: 1 },
      { kind: 'keynote', title: '常见发补问题与沟通交流会议', from: [10, 45], to: [12, 0], room: '201教室', speakers: 1 },
    ],
    status: 'draft',
    createdBy: cmcStaff,
  });

  // ================================================================ Jiading alliance
  const jdDay = day(-JIADING_FORUM_DAYS_AGO);
  const jdForum = addEvent({
    communityId: JD,
    kind: 'forum',
    title: `${jdDay.slice(0, 4)}嘉定区生物医药产业发展大会`,
    summary: '高端医疗器械产业链协同发展大会暨产医融合项目签约。',
    description: '<p>大会围绕高端医疗器械国产替代、产医融合与临床转化展开，并举行产业链协同项目签约。</p>',
    venue: '嘉定保利大剧院',
    day: jdDay,
    agenda: JIADING_AGENDA,
    createdBy: jdAdmin,
  });
  organisers(jdForum.id, JIADING_ORGANISERS);
  const jdTickets = [ticket(jdForum.id, '企业代表', 60, 0), ticket(jdForum.id, '投资机构', 20, 1)];
  const jdCompanies = [...localOrgs(JD, 'enterprise'), ...localOrgs(JD, 'service_provider')];
  const jdInvestors = localOrgs(JD, 'investor');
  for (let i = 0; i < 64; i++) {
    const t = i < 48 ? jdTickets[0]! : jdTickets[1]!;
    const pool = i < 48 ? jdCompanies : jdInvestors.length ? jdInvestors : jdCompanies;
    const org = rng.pick(pool);
    register(jdForum.id, t, {
      name: personName(),
      email: emailOf(i + 1, 'jiading.biobridge.demo'),
      organisationName: org.name_zh,
      jobTitle: rng.pick(JOB_TITLES[t.row.name as string]!),
      status: 'confirmed',
      checkedIn: rng.chance(0.82) ? new Date(jdForum.startsAt.getTime() - rng.int(0, 40) * 60_000) : null,
      createdAt: new Date(jdForum.startsAt.getTime() - rng.int(3, 20) * DAY),
    });
  }
  const jdSigned = linkSignings(jdForum.id, JD, ceremonyTitles('jiading-biomed-alliance'), jdForum.sessions.find((s) => s.def.kind === 'signing')!.id);
  const jdSalon = addEvent({
    communityId: JD,
    kind: 'salon',
    title: '械谷沙龙：手术机器人临床转化与注册路径',
    summary: '手术机器人企业、临床专家与投资人的小型交流会。',
    description: '<p>分享手术机器人从样机到注册的关键节点，讨论临床试验设计与医院采购。</p>',
    venue: '上海械谷创新医疗器械产业园路演中心',
    day: day(18),
    agenda: [
      { kind: 'keynote', title: '手术机器人注册临床试验设计', from: [14, 0], to: [14, 40], room: '路演中心', speakers: 1 },
      { kind: 'roundtable', title: '圆桌：医院如何评价与采购手术机器人', from: [14, 40], to: [15, 40], room: '路演中心', speakers: 2, moderator: true },
    ],
    createdBy: jdAdmin,
  });
  const jdSalonTicket = ticket(jdSalon.id, '参会嘉宾', 50, 0);
  for (let i = 0; i < 21; i++) {
    const org = rng.pick(jdCompanies);
    register(jdSalon.id, jdSalonTicket, {
      name: personName(),
      email: emailOf(i + 1, 'xiegu-salon.biobridge.demo'),
      organisationName: org.name_zh,
      jobTitle: rng.pick(JOB_TITLES['参会嘉宾']!),
      status: 'confirmed',
      createdAt: new Date(now - rng.int(1, 9) * DAY),
    });
  }

  // ================================================================ write
  // Ticket types first, with their waitlist counters; the trigger counts confirmed seats on insert.
  for (const table of Object.keys(rows)) {
    if (table === 'audit_log') continue;
    await insertRows(tx, table, rows[table]!);
  }
  // Agreements signed at an event name it (the running order and the agreement agree).
  const linked: [string, string[]][] = [
    [forum.id, cmcSigned],
    [jdForum.id, jdSigned],
  ];
  for (const [eventId, ids] of linked) {
    for (const id of ids) await tx.execute(sql`update agreements set event_id = ${eventId} where id = ${id}`);
  }
  await insertRows(tx, 'audit_log', rows.audit_log!);
  return {
    events: rows.events!.length,
    registrations: registrationCount,
    applications: rows.event_applications!.length,
    signings: rows.event_signings!.length,
    followUps,
    materials,
  };
}
