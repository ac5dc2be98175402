/**
 * The demo's partnering (issue 6), written after the events seed in the same transaction:
 *
 * China Medical City — an upcoming, published `partnering_day` event three weeks out
 * (“生物医药投融资对接会 · 一对一洽谈日”), requests mode: one day of 20-minute slots (上午
 * 09:00–12:00, 下午 13:30–17:00, 5 minutes between), 20 numbered tables and the booth of a
 * vaccine maker; about 40 participants from the demo directory (startups with their projects,
 * investors with their theses, pharma, CDMO/CRO, a research institute), each with a confirmed
 * registration and a user account; requests in every state; the scheduler's placement stored as
 * draft and published (schedule version 1), then a few requests accepted after publication and
 * not yet scheduled, so the organisers have a re-run to do.
 *
 * Jiading alliance — its upcoming salon gets wish-list partnering: a dozen participants and
 * their ranked wishes (some mutual), slots and six tables, nothing scheduled yet.
 *
 * Participants without a demo account get one (partner.NN@biobridge.demo, the demo password),
 * not listed at start. Deterministic apart from the run's measured duration.
 */
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Instance } from '../../src/domain/partnering/instance';
import { meetingWeight } from '../../src/domain/partnering/request-rules';
import { schedule } from '../../src/domain/partnering/schedule';
import { runSummary } from '../../src/domain/partnering/draft';
import { generateSlots } from '../../src/domain/partnering/slots';
import { PARTNERING_PRIORITIES, type PartneringPriority, type PartneringSide } from '../../src/domain/partnering/vocabularies';
import type { Executor } from '../../src/server/db/client';
import { rowsOf } from '../../src/server/db/sql-helpers';
import { formatMoney, formatMoneyRange } from '../../src/web/lib/money';
import { insertRows } from '../generator/bulk-insert';
import { Rng } from '../generator/random';
import {
  CMC_ACCOUNT_PARTICIPANTS,
  CMC_BOOTH,
  DECLINE_REASONS,
  JIADING_ACCOUNT_PARTICIPANTS,
  MESSAGES,
  OFFER,
  PRIORITY_MIX,
  ROUND_LABELS,
  SEEK,
} from './partnering-data';

const DEMO_SEED = 20_260_321;
const STREAM = 61;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const SHANGHAI = 8 * HOUR;
const ZONE = 'Asia/Shanghai';
/** Days from the seeding day to the partnering day (the Jiading salon is the events seed's, day 18). */
export const PARTNERING_DAY_OFFSET = 21;
export const CMC_PARTNERING_TITLE_SUFFIX = '中国医药城生物医药投融资对接会 · 一对一洽谈日';
export const JIADING_SALON_TITLE = '械谷沙龙：手术机器人临床转化与注册路径';
/** The scheduler's seed and move budget: the same placement on every run of the seed. */
const SCHEDULE_SEED = 7;
const SCHEDULE_ITERATIONS = 4000;

export interface PartneringSeedRefs {
  userIds: Map<string, string>;
  communityIds: Map<string, string>;
  now?: number;
}

export interface PartneringSeedResult {
  events: number;
  participants: number;
  requests: number;
  meetings: number;
  published: number;
  wishes: number;
  accounts: number;
}

type Row = Record<string, unknown>;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const at = (day: string, [h, m]: [number, number]) => new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI + (h * 60 + m) * 60_000);
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

interface Org {
  id: string;
  name_zh: string;
  short_name_zh: string | null;
  kind: string;
  segments: string[];
  thesis_segments: string[];
  thesis_stages: string[];
  ticket_min_fen: number | null;
  ticket_max_fen: number | null;
  steward_community_id: string | null;
  /** Invented records carry one; real public institutions none (no invented people or deals for them). */
  credit_code: string | null;
}
interface Project {
  id: string;
  name_zh: string;
  owner_organisation_id: string;
  segment: string;
  stage: string;
  funding_sought_fen: number | null;
  funding_round: string | null;
}
interface Person {
  id: string;
  name_zh: string;
  user_id: string | null;
  organisation_id: string;
  role: string;
}

interface ParticipantDef {
  id: string;
  userId: string;
  email: string;
  name: string;
  org: Org;
  personId: string | null;
  side: PartneringSide;
  jobTitle: string;
  locale: string;
}

export async function seedPartnering(tx: Executor, refs: PartneringSeedRefs): Promise<PartneringSeedResult> {
  const now = refs.now ?? Date.now();
  const today = isoDay(now + SHANGHAI);
  const day = (offset: number) => isoDay(Date.parse(`${today}T00:00:00Z`) + offset * DAY);
  const rng = new Rng(DEMO_SEED, STREAM, 0);
  const CMC = refs.communityIds.get('china-medical-city')!;
  const TSC = refs.communityIds.get('taizhou-shanghai-centre')!;
  const JD = refs.communityIds.get('jiading-biomed-alliance')!;
  const user = (email: string) => refs.userIds.get(email) ?? null;
  const cmcAdmin = user('park.admin@biobridge.demo');
  const cmcStaff = user('staff@biobridge.demo');
  const jdAdmin = user('alliance.admin@biobridge.demo');

  // ---------------------------------------------------------------- what the earlier seeds wrote
  const orgs = await rowsOf<Org>(
    tx,
    sql`select id, name_zh, short_name_zh, kind, segments, thesis_segments, thesis_stages, ticket_min_fen::float8 as ticket_min_fen, ticket_max_fen::float8 as ticket_max_fen, steward_community_id, credit_code
        from organisations order by name_zh, id`,
  );
  const orgByName = new Map(orgs.map((o) => [o.name_zh, o]));
  const projects = await rowsOf<Project>(
    tx,
    sql`select id, name_zh, owner_organisation_id, segment, stage, funding_sought_fen::float8 as funding_sought_fen, funding_round
        from projects where owner_organisation_id is not null and confidentiality <> 'named_investors' order by name_zh, id`,
  );
  const projectsOf = (orgId: string) => projects.filter((p) => p.owner_organisation_id === orgId);
  const people = await rowsOf<Person>(
    tx,
    sql`select p.id, p.name_zh, p.user_id, a.organisation_id, a.role from people p join person_affiliations a on a.person_id = p.id and a.is_current order by p.name_zh, p.id, a.role`,
  );
  const terms = await rowsOf<{ taxonomy: string; code: string; name_zh_hans: string }>(tx, sql`select taxonomy, code, name_zh_hans from taxonomy_terms where taxonomy in ('segment', 'stage')`);
  const termName = new Map(terms.map((t) => [`${t.taxonomy}:${t.code}`, t.name_zh_hans]));
  const [hashRow] = await rowsOf<{ password_hash: string }>(tx, sql`select password_hash from users where email = 'member@biobridge.demo'`);
  const usedCodes = new Set((await rowsOf<{ code: string }>(tx, sql`select code from event_registrations`)).map((r) => r.code));
  const passwordHash = hashRow!.password_hash;
  const userLocale = new Map((await rowsOf<{ id: string; locale: string }>(tx, sql`select id, locale from users`)).map((u) => [u.id, u.locale]));

  const rows: Record<string, Row[]> = {
    users: [],
    events: [],
    event_sessions: [],
    event_ticket_types: [],
    event_registrations: [],
    partnering_settings: [],
    partnering_slots: [],
    partnering_participants: [],
    partnering_unavailability: [],
    partnering_locations: [],
    partnering_requests: [],
    partnering_wishes: [],
    partnering_runs: [],
    partnering_meetings: [],
    audit_log: [],
  };

  // ---------------------------------------------------------------- helpers
  let accountNo = 0;
  const newAccount = (name: string, locale = 'zh-CN'): { id: string; email: string } => {
    accountNo += 1;
    const id = rng.uuid();
    const email = `partner.${String(accountNo).padStart(2, '0')}@biobridge.demo`;
    rows.users!.push({ id, email, display_name: name, password_hash: passwordHash, locale, is_platform_admin: false, failed_login_count: 0, password_changed_at: new Date(now - 30 * DAY).toISOString() });
    return { id, email };
  };
  const code = () => {
    for (;;) {
      const c = Array.from({ length: 8 }, () => CODE_ALPHABET[rng.int(0, CODE_ALPHABET.length - 1)]).join('');
      if (!usedCodes.has(c)) {
        usedCodes.add(c);
        return c;
      }
    }
  };
  const token = () => crypto.randomBytes(24).toString('base64url');
  const register = (eventId: string, ticketTypeId: string, p: ParticipantDef, createdAt: Date) => {
    const id = rng.uuid();
    const created = createdAt.toISOString();
    rows.event_registrations!.push({
      id,
      event_id: eventId,
      ticket_type_id: ticketTypeId,
      user_id: p.userId,
      invitation_id: null,
      name: p.name,
      email: p.email,
      phone: `13${rng.int(100000000, 999999999)}`,
      organisation_name: p.org.name_zh,
      job_title: p.jobTitle,
      organisation_id: p.org.id,
      answers: {},
      locale: p.locale,
      status: 'confirmed',
      waitlist_no: null,
      code: code(),
      manage_token: token(),
      checked_in_at: null,
      checked_in_by: null,
      confirmed_at: created,
      cancelled_at: null,
      version: 1,
      created_at: created,
      updated_at: created,
    });
    return id;
  };
  const pickPriority = (): PartneringPriority => rng.weighted(PRIORITY_MIX);
  const shortOf = (o: Org) => o.short_name_zh ?? o.name_zh;
  const segmentWords = (codes: readonly string[]) =>
    codes
      .map((c) => termName.get(`segment:${c}`))
      .filter(Boolean)
      .slice(0, 3)
      .join('、');

  /** The card a participant shows: headline, offer, seek, segments, stages and projects. */
  const profile = (p: ParticipantDef) => {
    const own = p.side === 'startup' ? projectsOf(p.org.id).slice(0, 2) : [];
    let segments: string[];
    let stages: string[];
    let headline: string;
    let offer: string;
    if (p.side === 'investor') {
      segments = [...p.org.thesis_segments];
      stages = [...p.org.thesis_stages];
      const ticket = p.org.ticket_min_fen && p.org.ticket_max_fen ? `，单笔${formatMoneyRange(p.org.ticket_min_fen, p.org.ticket_max_fen, 'zh-CN')}` : '';
      headline = `${shortOf(p.org)} · 关注${segmentWords(segments) || '生物医药'}`;
      offer = `投资方向：${segmentWords(segments) || '生物医药'}${ticket}；可提供投后产业资源与后续轮次对接。`;
    } else if (p.side === 'startup') {
      segments = [...new Set([...own.map((x) => x.segment), ...p.org.segments])];
      stages = [...new Set(own.map((x) => x.stage))];
      const lead = own[0];
      const round = lead?.funding_round ? ROUND_LABELS[lead.funding_round] ?? '' : '';
      headline = lead ? `${lead.name_zh}${lead.funding_sought_fen ? ` · ${round || '本轮'}融资${formatMoney(lead.funding_sought_fen, 'zh-CN')}` : ''}` : `${shortOf(p.org)} · ${segmentWords(segments)}`;
      offer = own.length
        ? own.map((x) => `${x.name_zh}（${termName.get(`stage:${x.stage}`) ?? x.stage}）`).join('；') + '。可当面介绍数据与开发计划。'
        : `${segmentWords(segments)}方向的产品与技术平台。`;
    } else {
      segments = [...p.org.segments];
      stages = [];
      headline = `${shortOf(p.org)} · ${segmentWords(segments) || '生物医药'}`;
      offer = OFFER[p.side as keyof typeof OFFER];
    }
    return { segments, stages, headline, offer, seek: rng.pick(SEEK[p.side]), projectIds: own.map((x) => x.id) };
  };

  const participantRow = (eventId: string, p: ParticipantDef, registrationId: string, extra: { maxMeetings?: number | null; meetingPlace?: string }, createdAt: Date) => {
    const card = profile(p);
    const created = createdAt.toISOString();
    rows.partnering_participants!.push({
      id: p.id,
      event_id: eventId,
      user_id: p.userId,
      registration_id: registrationId,
      organisation_id: p.org.id,
      person_id: p.personId,
      side: p.side,
      display_name: p.name,
      organisation_name: p.org.name_zh,
      job_title: p.jobTitle,
      headline: card.headline,
      offer: card.offer,
      seek: card.seek,
      segments: card.segments,
      stages: card.stages,
      project_ids: card.projectIds,
      max_meetings: extra.maxMeetings ?? null,
      meeting_place: extra.meetingPlace ?? 'table',
      online_url: null,
      status: 'active',
      locale: p.locale,
      version: 1,
      created_at: created,
      updated_at: created,
    });
  };

  /** Participants: the demo accounts listed, then directory people of the given communities without one. */
  const gather = (
    accounts: { email: string; organisation: string; side: PartneringSide; jobTitle: string }[],
    communities: string[],
    want: { startup: number; investor: number; pharma: number; service: number; research: number },
  ): ParticipantDef[] => {
    const list: ParticipantDef[] = [];
    const usedOrgs = new Set<string>();
    for (const a of accounts) {
      const org = orgByName.get(a.organisation);
      const userId = user(a.email);
      if (!org || !userId) continue;
      const person = people.find((x) => x.user_id === userId);
      list.push({ id: rng.uuid(), userId, email: a.email, name: person?.name_zh ?? a.email, org, personId: person?.id ?? null, side: a.side, jobTitle: a.jobTitle, locale: userLocale.get(userId) ?? 'zh-CN' });
      usedOrgs.add(org.id);
    }
    const local = new Set(communities);
    const candidates = people.filter((x) => x.user_id === null);
    /** Investors travel: they come from every community; the others are local. */
    const take = (side: keyof typeof want, fits: (o: Org) => boolean, anywhere = false) => {
      let n = 0;
      for (const person of candidates) {
        if (n >= want[side]) break;
        const org = orgs.find((o) => o.id === person.organisation_id);
        if (!org || !org.credit_code || !org.steward_community_id || (!anywhere && !local.has(org.steward_community_id)) || usedOrgs.has(org.id) || !fits(org)) continue;
        if (list.some((x) => x.personId === person.id)) continue;
        usedOrgs.add(org.id);
        const locale = /^[A-Za-z]/.test(person.name_zh) ? 'en' : 'zh-CN';
        const account = newAccount(person.name_zh, locale);
        list.push({ id: rng.uuid(), userId: account.id, email: account.email, name: person.name_zh, org, personId: person.id, side, jobTitle: person.role, locale });
        n++;
      }
    };
    take('research', (o) => o.kind === 'research_institute');
    take('investor', (o) => ['investor', 'guidance_fund', 'state_financing'].includes(o.kind), true);
    take('service', (o) => o.kind === 'service_provider');
    // Pharma: established enterprises with several projects in the clinic or on the market.
    take('pharma', (o) => o.kind === 'enterprise' && projectsOf(o.id).filter((x) => /phase|pivotal|review|nda|commercial|manufactur|registered|market/.test(x.stage)).length >= 2);
    take('startup', (o) => o.kind === 'enterprise' && projectsOf(o.id).length > 0);
    return list;
  };

  // ================================================================ China Medical City: the partnering day
  const eventDay = day(PARTNERING_DAY_OFFSET);
  const eventId = rng.uuid();
  const startsAt = at(eventDay, [9, 0]);
  const endsAt = at(eventDay, [17, 0]);
  const title = `${eventDay.slice(0, 4)} ${CMC_PARTNERING_TITLE_SUFFIX}`;
  const createdAt = new Date(now - 25 * DAY).toISOString();
  rows.events!.push({
    id: eventId,
    community_id: CMC,
    kind: 'partnering_day',
    title,
    summary: '面向创新药、细胞治疗、医疗器械企业与投资机构、药企的一对一洽谈日：会前在线发出洽谈邀约，主办方统一排定时间与洽谈桌。',
    description_html:
      '<p>本次对接会为<strong>一对一洽谈</strong>形式：报名后在“一对一洽谈”页面完善资料、浏览参会者并发出邀约，对方接受后由主办方统一排定时间和洽谈桌。</p><p>上午 09:00–12:00、下午 13:30–17:00，每场洽谈20分钟。邀约截止时间为活动前一天18:00。</p>',
    venue: '中国医药城会展交易中心B馆 洽谈区',
    starts_at: startsAt.toISOString(),
    ends_at: endsAt.toISOString(),
    visibility: 'public',
    status: 'published',
    approval_mode: 'automatic',
    applications_open: false,
    application_deadline: null,
    normalisation: 'raw_mean',
    reminders_queued_at: null,
    published_at: new Date(now - 24 * DAY).toISOString(),
    created_by: cmcAdmin,
    version: 1,
    created_at: createdAt,
    updated_at: createdAt,
  });
  rows.audit_log!.push({
    actor_user_id: cmcAdmin,
    community_id: CMC,
    action: 'event.created',
    entity_type: 'event',
    entity_id: eventId,
    entity_label: title,
    changes: { kind: { before: null, after: 'partnering_day' }, title: { before: null, after: title }, startsAt: { before: null, after: startsAt.toISOString() } },
    request_id: 'demo-seed',
    at: createdAt,
  });
  (
    [
      ['opening', '开场：对接规则与园区政策介绍', [8, 40], [9, 0]],
      ['free_exchange', '上午一对一洽谈', [9, 0], [12, 0]],
      ['break', '午餐', [12, 0], [13, 30]],
      ['free_exchange', '下午一对一洽谈', [13, 30], [17, 0]],
    ] as [string, string, [number, number], [number, number]][]
  ).forEach(([kind, sessionTitle, from, to]) =>
    rows.event_sessions!.push({ id: rng.uuid(), event_id: eventId, kind, title: sessionTitle, description: '', starts_at: at(eventDay, from).toISOString(), ends_at: at(eventDay, to).toISOString(), room: 'B馆洽谈区', version: 1 }),
  );
  const tickets = [
    { id: rng.uuid(), name: '企业代表', capacity: 120, description: '创新药、医疗器械与诊断企业' },
    { id: rng.uuid(), name: '投资机构', capacity: 40, description: '创投、产业资本与药企投资部门' },
    { id: rng.uuid(), name: '服务机构', capacity: 30, description: 'CRO、CDMO与科研院所' },
  ];
  tickets.forEach((t, position) => rows.event_ticket_types!.push({ id: t.id, event_id: eventId, name: t.name, description: t.description, capacity: t.capacity, waitlist_seq: 0, is_open: true, position, version: 1 }));
  const ticketFor = (side: PartneringSide) => (side === 'investor' ? tickets[1]! : side === 'service' || side === 'research' ? tickets[2]! : tickets[0]!);

  const cmcPeople = gather(CMC_ACCOUNT_PARTICIPANTS, [CMC, TSC], { startup: 18, investor: 4, pharma: 2, service: 2, research: 1 });
  const boothOwner = cmcPeople.find((p) => p.email === CMC_BOOTH.email)!;
  const byEmail = (email: string) => cmcPeople.find((p) => p.email === email)!;
  cmcPeople.forEach((p, i) => {
    const optedIn = new Date(now - (20 - (i % 12)) * DAY);
    const registrationId = register(eventId, ticketFor(p.side).id, p, new Date(optedIn.getTime() - 2 * HOUR));
    participantRow(eventId, p, registrationId, { maxMeetings: p.side === 'investor' ? 10 : null, meetingPlace: p === boothOwner ? 'booth' : 'table' }, optedIn);
  });

  // Settings: requests mode, the deadline the evening before, at most 15 live requests each.
  const publishedAt = new Date(now - 2 * DAY);
  rows.partnering_settings!.push({
    event_id: eventId,
    mode: 'requests',
    opt_in_open: true,
    request_deadline: at(day(PARTNERING_DAY_OFFSET - 1), [18, 0]).toISOString(),
    max_requests_per_participant: 15,
    allowed_pairs: null,
    default_max_meetings: 12,
    fairness: null,
    schedule_version: 1,
    published_at: publishedAt.toISOString(),
    published_by: cmcStaff,
    version: 3,
    created_at: createdAt,
    updated_at: publishedAt.toISOString(),
  });

  // Slots: one day, 上午 and 下午, 20 minutes with 5-minute changeovers.
  const planned = generateSlots(
    {
      days: [eventDay],
      sessions: [
        { label: '上午', start: '09:00', end: '12:00' },
        { label: '下午', start: '13:30', end: '17:00' },
      ],
      slotMinutes: 20,
      gapMinutes: 5,
      breaks: [],
    },
    ZONE,
  );
  if (!planned.ok) throw new Error('demo partnering slots do not plan');
  const slots = planned.slots.map((s) => ({ ...s, id: rng.uuid() }));
  slots.forEach((s) => rows.partnering_slots!.push({ id: s.id, event_id: eventId, day: s.day, session: s.session, starts_at: s.startsAt.toISOString(), ends_at: s.endsAt.toISOString(), created_at: createdAt }));
  const morning = slots.filter((s) => s.session === '上午').map((s) => s.id);
  const afternoon = slots.filter((s) => s.session === '下午').map((s) => s.id);

  // Locations: 洽谈桌 1–20 and the vaccine maker's booth.
  const locations = Array.from({ length: 20 }, (_, i) => ({ id: rng.uuid(), name: `洽谈桌 ${i + 1}`, kind: 'table', owner: null as string | null, position: i + 1 }));
  locations.push({ id: rng.uuid(), name: CMC_BOOTH.name, kind: 'booth', owner: boothOwner.id, position: 100 });
  locations.forEach((l) => rows.partnering_locations!.push({ id: l.id, event_id: eventId, kind: l.kind, name: l.name, owner_participant_id: l.owner, online_url: null, position: l.position, created_at: createdAt }));

  // Unavailability: bowen.peng arrives from Shanghai at noon; one startup leaves at lunch; a few gaps.
  const unavailable = new Map<string, string[]>();
  const startups = cmcPeople.filter((p) => p.side === 'startup' && p.email.startsWith('partner.'));
  const lateInvestor = byEmail('bowen.peng@biobridge.demo');
  const earlyStartup = startups[0]!;
  unavailable.set(lateInvestor.id, morning);
  unavailable.set(earlyStartup.id, afternoon);
  unavailable.set(byEmail('jiahe.shen@biobridge.demo').id, afternoon.slice(-2));
  unavailable.set(startups[3]!.id, morning.slice(0, 2));
  for (const [participantId, slotIds] of unavailable) for (const slotId of slotIds) rows.partnering_unavailability!.push({ participant_id: participantId, slot_id: slotId });

  // ---------------------------------------------------------------- requests
  interface RequestDef {
    id: string;
    from: ParticipantDef;
    to: ParticipantDef;
    priority: PartneringPriority;
    responsePriority: PartneringPriority | null;
    status: 'pending' | 'accepted' | 'declined' | 'cancelled';
    reason: string | null;
    cancelledBy: ParticipantDef | null;
    createdAt: Date;
    respondedAt: Date | null;
    /** Accepted after the schedule was published: not yet placed. */
    late: boolean;
  }
  const requests: RequestDef[] = [];
  const pairKey = (a: ParticipantDef, b: ParticipantDef) => [a.id, b.id].sort().join('|');
  const pairs = new Set<string>();
  const liveSent = new Map<string, number>();
  const message = (from: ParticipantDef, to: ParticipantDef) => rng.pick(MESSAGES[`${from.side}>${to.side}`] ?? MESSAGES.other!);
  const addRequest = (from: ParticipantDef, to: ParticipantDef, status: RequestDef['status'], options: { priority?: PartneringPriority; late?: boolean; reason?: string | null } = {}) => {
    if (from === to || pairs.has(pairKey(from, to))) return false;
    const live = status === 'pending' || status === 'accepted';
    if (live && (liveSent.get(from.id) ?? 0) >= 15) return false;
    pairs.add(pairKey(from, to));
    if (live) liveSent.set(from.id, (liveSent.get(from.id) ?? 0) + 1);
    const late = options.late ?? false;
    const created = late ? new Date(now - 1.5 * DAY - rng.int(0, 8) * HOUR) : status === 'pending' ? new Date(now - rng.int(6, 60) * HOUR) : new Date(now - rng.int(5, 14) * DAY - rng.int(0, 20) * HOUR);
    const responded =
      status === 'accepted' || status === 'declined'
        ? late
          ? new Date(publishedAt.getTime() + rng.int(4, 20) * HOUR)
          : new Date(Math.min(created.getTime() + rng.int(3, 48) * HOUR, publishedAt.getTime() - HOUR))
        : null;
    requests.push({
      id: rng.uuid(),
      from,
      to,
      priority: options.priority ?? pickPriority(),
      responsePriority: status === 'accepted' ? pickPriority() : null,
      status,
      reason: status === 'declined' ? (options.reason === undefined ? rng.pick(DECLINE_REASONS) : options.reason) : null,
      cancelledBy: status === 'cancelled' ? from : null,
      createdAt: created,
      respondedAt: responded,
      late,
    });
    return true;
  };

  const investor = byEmail('investor@biobridge.demo');
  const member = byEmail('member@biobridge.demo');
  const provider = byEmail('provider@biobridge.demo');
  const investors = cmcPeople.filter((p) => p.side === 'investor');
  const pharma = cmcPeople.filter((p) => p.side === 'pharma');
  const services = cmcPeople.filter((p) => p.side === 'service' || p.side === 'research');
  const allStartups = cmcPeople.filter((p) => p.side === 'startup');
  const others = allStartups.filter((p) => p !== member);

  // investor@: published meetings, incoming requests waiting for an answer, a decline, a cancellation.
  addRequest(member, investor, 'accepted', { priority: 'must' });
  addRequest(byEmail('yutong.feng@biobridge.demo'), investor, 'accepted', { priority: 'must' });
  addRequest(byEmail('xinyi.cao@biobridge.demo'), investor, 'accepted', { priority: 'would_like' });
  addRequest(investor, others[4]!, 'accepted', { priority: 'would_like' });
  addRequest(others[5]!, investor, 'accepted', { priority: 'if_time' });
  addRequest(others[6]!, investor, 'pending', { priority: 'must' });
  addRequest(others[7]!, investor, 'pending', { priority: 'would_like' });
  addRequest(others[8]!, investor, 'declined', { priority: 'would_like', reason: DECLINE_REASONS[0]! });
  addRequest(investor, others[9]!, 'cancelled', { priority: 'if_time' });
  // member@: a pending request out, meetings with the CDMO and at the vaccine maker's booth, one declined without a reason.
  addRequest(member, byEmail('jiahe.shen@biobridge.demo'), 'pending', { priority: 'would_like' });
  addRequest(member, byEmail('mengqi.han@biobridge.demo'), 'accepted', { priority: 'would_like' });
  addRequest(member, boothOwner, 'accepted', { priority: 'must' });
  addRequest(member, lateInvestor, 'declined', { priority: 'if_time', reason: null });
  addRequest(provider, member, 'pending', { priority: 'if_time' });
  // provider@ (CRO): two accepted, one pending.
  addRequest(provider, others[0]!, 'accepted', { priority: 'would_like' });
  addRequest(provider, others[1]!, 'accepted', { priority: 'if_time' });
  addRequest(provider, others[2]!, 'pending', { priority: 'would_like' });
  // A meeting that cannot be placed: the late investor (afternoon only) and the early startup (morning only).
  addRequest(earlyStartup, lateInvestor, 'accepted', { priority: 'would_like' });

  // Everyone else: each startup asks two to four investors, pharma or service providers; a few ask back.
  const statusMix = { accepted: 11, pending: 4, declined: 3, cancelled: 2 } as const;
  for (const s of others) {
    const targets = rng.sample([...investors, ...pharma, ...services].filter((x) => x !== provider), rng.int(2, 4));
    for (const t of targets) addRequest(s, t, rng.weighted(statusMix));
  }
  for (const from of [...investors.filter((x) => x !== investor), ...pharma, ...services.filter((x) => x !== provider)]) {
    for (const t of rng.sample(others, rng.int(1, 2))) addRequest(from, t, rng.weighted(statusMix));
  }
  // Accepted after publication: three meetings waiting for a re-run.
  let late = 0;
  for (const s of others.slice(10)) {
    if (late >= 3) break;
    const t = investors.find((x) => x !== investor && !pairs.has(pairKey(s, x)));
    if (t && addRequest(s, t, 'accepted', { late: true })) late++;
  }

  for (const r of requests) {
    const updated = (r.respondedAt ?? (r.status === 'cancelled' ? new Date(r.createdAt.getTime() + rng.int(2, 30) * HOUR) : r.createdAt)).toISOString();
    rows.partnering_requests!.push({
      id: r.id,
      event_id: eventId,
      from_participant_id: r.from.id,
      to_participant_id: r.to.id,
      priority: r.priority,
      response_priority: r.responsePriority,
      message: message(r.from, r.to),
      status: r.status,
      decline_reason: r.reason,
      responded_at: r.respondedAt?.toISOString() ?? null,
      cancelled_by_participant_id: r.cancelledBy?.id ?? null,
      cancelled_at: r.status === 'cancelled' ? updated : null,
      version: r.status === 'pending' ? 1 : 2,
      created_at: r.createdAt.toISOString(),
      updated_at: updated,
    });
  }

  // ---------------------------------------------------------------- meetings, the run, the published schedule
  const accepted = requests.filter((r) => r.status === 'accepted');
  const meetings = accepted.map((r) => ({ id: rng.uuid(), request: r, weight: meetingWeight(r.priority, r.responsePriority) }));
  const scheduled = meetings.filter((m) => !m.request.late);
  const instance: Instance = {
    version: 1,
    name: title,
    slots: slots.map((s) => ({ id: s.id, day: s.day, session: s.session })),
    locations: locations.map((l) => ({ id: l.id, name: l.name, kind: l.kind as 'table' | 'booth', ...(l.owner ? { owner: l.owner } : {}) })),
    participants: cmcPeople.map((p) => ({
      id: p.id,
      name: p.name,
      ...(unavailable.has(p.id) ? { forbiddenSlots: unavailable.get(p.id)! } : {}),
      ...(p.side === 'investor' ? { maxMeetings: 10 } : { maxMeetings: 12 }),
    })),
    meetings: scheduled.map((m) => ({ id: m.id, participants: [m.request.from.id, m.request.to.id] as [string, string], weight: m.weight })),
  };
  const result = schedule(instance, { seed: SCHEDULE_SEED, maxIterations: SCHEDULE_ITERATIONS, timeLimitMs: 5_000 });
  const placement = new Map(result.assignments.map((a) => [a.meeting, a]));
  const reasons = new Map(result.unscheduled.map((u) => [u.meeting, u.reason]));
  const runStarted = new Date(publishedAt.getTime() - 40 * 60_000);
  const runFinished = new Date(runStarted.getTime() + Math.max(1, Math.round(result.stats.timeMs)));
  rows.partnering_runs!.push({
    id: rng.uuid(),
    event_id: eventId,
    status: 'finished',
    started_by: cmcStaff,
    started_at: runStarted.toISOString(),
    lease_until: runFinished.toISOString(),
    finished_at: runFinished.toISOString(),
    options: { keepPublished: true, timeLimitSeconds: null, seed: SCHEDULE_SEED },
    summary: runSummary(result, scheduled.length, 0, result.stats.timeMs),
    error: null,
  });
  for (const m of meetings) {
    const place = placement.get(m.id);
    const created = m.request.respondedAt!.toISOString();
    rows.partnering_meetings!.push({
      id: m.id,
      event_id: eventId,
      request_id: m.request.id,
      participant_a_id: m.request.from.id,
      participant_b_id: m.request.to.id,
      source: 'request',
      weight: m.weight,
      status: 'active',
      draft_slot_id: place?.slot ?? null,
      draft_location_id: place?.location ?? null,
      unscheduled_reason: reasons.get(m.id) ?? null,
      locked: false,
      published_slot_id: place?.slot ?? null,
      published_location_id: place?.location ?? null,
      cancelled_at: null,
      version: place || reasons.has(m.id) ? 2 : 1,
      created_at: created,
      updated_at: m.request.late ? created : runFinished.toISOString(),
    });
  }
  rows.audit_log!.push({
    actor_user_id: cmcStaff,
    community_id: CMC,
    action: 'partnering.schedule_published',
    entity_type: 'event',
    entity_id: eventId,
    entity_label: title,
    changes: { scheduleVersion: { before: 0, after: 1 }, published: { before: 0, after: result.scheduledMeetings } },
    request_id: 'demo-seed',
    at: publishedAt.toISOString(),
  });

  // ================================================================ Jiading: wish lists at the upcoming salon
  const [salon] = await rowsOf<{ id: string; starts_at: string }>(tx, sql`select id, starts_at::text from events where community_id = ${JD} and title = ${JIADING_SALON_TITLE}`);
  let wishes = 0;
  let jdParticipants = 0;
  if (salon) {
    const [salonTicket] = await rowsOf<{ id: string }>(tx, sql`select id from event_ticket_types where event_id = ${salon.id} order by position limit 1`);
    const salonDay = isoDay(new Date(salon.starts_at).getTime() + SHANGHAI);
    const jdPeople = gather(JIADING_ACCOUNT_PARTICIPANTS, [JD], { startup: 5, investor: 2, pharma: 0, service: 1, research: 0 });
    jdPeople.forEach((p, i) => {
      const optedIn = new Date(now - (6 - (i % 5)) * DAY);
      const registrationId = register(salon.id, salonTicket!.id, p, new Date(optedIn.getTime() - HOUR));
      participantRow(salon.id, p, registrationId, {}, optedIn);
    });
    jdParticipants = jdPeople.length;
    const salonCreated = new Date(now - 8 * DAY).toISOString();
    rows.partnering_settings!.push({
      event_id: salon.id,
      mode: 'wishlist',
      opt_in_open: true,
      request_deadline: at(isoDay(Date.parse(`${salonDay}T00:00:00Z`) - DAY), [18, 0]).toISOString(),
      max_requests_per_participant: null,
      allowed_pairs: null,
      default_max_meetings: 4,
      fairness: null,
      schedule_version: 0,
      published_at: null,
      published_by: null,
      version: 1,
      created_at: salonCreated,
      updated_at: salonCreated,
    });
    // After the talks: 15:50–17:30, 15-minute meetings with 5-minute changeovers, six tables.
    const salonPlan = generateSlots({ days: [salonDay], sessions: [{ label: '会后交流', start: '15:50', end: '17:30' }], slotMinutes: 15, gapMinutes: 5, breaks: [] }, ZONE);
    if (!salonPlan.ok) throw new Error('demo salon slots do not plan');
    for (const s of salonPlan.slots) rows.partnering_slots!.push({ id: rng.uuid(), event_id: salon.id, day: s.day, session: s.session, starts_at: s.startsAt.toISOString(), ends_at: s.endsAt.toISOString(), created_at: salonCreated });
    for (let i = 1; i <= 6; i++) rows.partnering_locations!.push({ id: rng.uuid(), event_id: salon.id, kind: 'table', name: `洽谈桌 ${i}`, owner_participant_id: null, online_url: null, position: i, created_at: salonCreated });
    // Wishes: startups rank the investors and the CRO; investors rank some startups (mutual pairs appear).
    const jdInvestors = jdPeople.filter((p) => p.side === 'investor');
    const jdStartups = jdPeople.filter((p) => p.side === 'startup');
    const jdServices = jdPeople.filter((p) => p.side === 'service');
    const wish = (from: ParticipantDef, to: ParticipantDef, priority: PartneringPriority) => {
      if (from === to || rows.partnering_wishes!.some((w) => w.participant_id === from.id && w.target_participant_id === to.id)) return;
      rows.partnering_wishes!.push({ event_id: salon.id, participant_id: from.id, target_participant_id: to.id, priority, created_at: new Date(now - rng.int(1, 4) * DAY).toISOString() });
      wishes++;
    };
    for (const s of jdStartups) {
      for (const [i, inv] of jdInvestors.entries()) wish(s, inv, PARTNERING_PRIORITIES[Math.min(i, 2)]!);
      if (jdServices[0] && rng.chance(0.5)) wish(s, jdServices[0], 'if_time');
    }
    for (const inv of jdInvestors) for (const s of rng.sample(jdStartups, 3)) wish(inv, s, rng.pick(['must', 'would_like'] as const));
    for (const svc of jdServices) for (const s of rng.sample(jdStartups, 2)) wish(svc, s, 'would_like');
    rows.audit_log!.push({
      actor_user_id: jdAdmin,
      community_id: JD,
      action: 'partnering.enabled',
      entity_type: 'event',
      entity_id: salon.id,
      entity_label: JIADING_SALON_TITLE,
      changes: { mode: { before: null, after: 'wishlist' } },
      request_id: 'demo-seed',
      at: salonCreated,
    });
  }

  // ================================================================ write
  for (const table of Object.keys(rows)) {
    if (table === 'audit_log') continue;
    await insertRows(tx, table, rows[table]!);
  }
  await insertRows(tx, 'audit_log', rows.audit_log!);
  return {
    events: salon ? 2 : 1,
    participants: cmcPeople.length + jdParticipants,
    requests: requests.length,
    meetings: meetings.length,
    published: result.scheduledMeetings,
    wishes,
    accounts: accountNo,
  };
}
