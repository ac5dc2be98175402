/**
 * The demo's lifecycle, pipelines, referrals, landing and agreements (demo/lifecycle) are
 * internally consistent: what the pages and reports read from them adds up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/server/db/client';
import { startTestApp, type TestApp } from '../test/app';
import { INSTITUTIONS } from './directory/institutions';
import { CEREMONIES } from './lifecycle/agreement-data';

const rows = <T>(database: Database, query: string, params?: unknown[]) => database.withConnection((c) => c.rows<T>(query, params));
const one = async (database: Database, query: string, params?: unknown[]) => Number(Object.values((await rows<Record<string, unknown>>(database, query, params))[0]!)[0]);
const community = (slug: string) => `(select id from communities where slug = '${slug}')`;

describe('the demo lifecycle data', () => {
  let t: TestApp;
  let db: Database;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.database;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives China Medical City a 招商 pipeline of about 60 items over the standard stages, an incubator intake, and the centre a discovery pipeline', async () => {
    const pipelines = await rows<{ slug: string; kind: string; stages: string[]; items: number; lost: number }>(
      db,
      `select c.slug, p.kind, array(select s.code from pipeline_stages s where s.pipeline_id = p.id order by s.position) as stages,
              (select count(*)::int from pipeline_items i where i.pipeline_id = p.id) as items,
              (select count(*)::int from pipeline_items i where i.pipeline_id = p.id and i.lost_reason is not null) as lost
         from pipelines p join communities c on c.id = p.community_id order by c.slug, p.kind`,
    );
    expect(pipelines.map((p) => [p.slug, p.kind])).toEqual([
      ['china-medical-city', 'attraction'],
      ['china-medical-city', 'incubation'],
      ['taizhou-shanghai-centre', 'investment'],
    ]);
    const attraction = pipelines[0]!;
    expect(attraction.stages).toEqual(['lead', 'contacted', 'site_visit', 'negotiation', 'agreement_signed', 'registered', 'moved_in', 'producing']);
    expect(attraction.items).toBeGreaterThanOrEqual(55);
    expect(attraction.items).toBeLessThanOrEqual(65);
    expect(attraction.lost).toBeGreaterThanOrEqual(5);
    expect(pipelines[1]!.items).toBeGreaterThanOrEqual(8);
    expect(pipelines[2]!.items).toBeGreaterThanOrEqual(10);
    // Probabilities and actions of the standard stages.
    expect(
      await rows(db, `select s.code, s.probability, s.action from pipeline_stages s join pipelines p on p.id = s.pipeline_id where p.kind = 'attraction' and s.action <> 'none' order by s.position`),
    ).toEqual([
      { code: 'agreement_signed', probability: 70, action: 'agreement' },
      { code: 'moved_in', probability: 95, action: 'landing' },
    ]);
    // Items sit in every stage, and have owners, amounts and areas.
    expect(
      await one(db, `select count(distinct i.stage_id) from pipeline_items i join pipelines p on p.id = i.pipeline_id where p.kind = 'attraction' and i.lost_reason is null`),
    ).toBe(8);
    expect(
      await rows(
        db,
        `select u.email, count(*)::int as n from pipeline_items i join pipelines p on p.id = i.pipeline_id join users u on u.id = i.owner_user_id
          where p.kind = 'attraction' and u.email in ('staff@biobridge.demo', 'park.admin@biobridge.demo') group by u.email order by u.email`,
      ).then((r) => r.length),
    ).toBe(2);
    expect(await one(db, `select count(*) from pipeline_items i join pipelines p on p.id = i.pipeline_id where p.kind = 'attraction' and (i.expected_investment_fen is null or i.expected_area_sqm is null)`)).toBe(0);
  });

  it("keeps every item in a stage of its own pipeline and community, with a history that ends where the item stands", async () => {
    expect(
      await one(db, `select count(*) from pipeline_items i join pipeline_stages s on s.id = i.stage_id join pipelines p on p.id = i.pipeline_id where s.pipeline_id <> i.pipeline_id or p.community_id <> i.community_id`),
    ).toBe(0);
    expect(await one(db, `select count(*) from pipeline_item_events e join pipeline_items i on i.id = e.item_id where e.pipeline_id <> i.pipeline_id`)).toBe(0);
    // Each item starts with `created`; its last move lands on its stage; lost items have a `lost` entry.
    expect(
      await one(db, `select count(*) from pipeline_items i where (select e.kind from pipeline_item_events e where e.item_id = i.id order by e.at, e.id limit 1) is distinct from 'created'`),
    ).toBe(0);
    expect(
      await one(
        db,
        `select count(*) from pipeline_items i where (select e.to_stage_id from pipeline_item_events e where e.item_id = i.id and e.kind <> 'lost' order by e.at desc, e.id limit 1) is distinct from i.stage_id`,
      ),
    ).toBe(0);
    expect(
      await one(db, `select count(*) from pipeline_items i where (i.lost_reason is not null) <> exists (select 1 from pipeline_item_events e where e.item_id = i.id and e.kind = 'lost' and e.lost_reason = i.lost_reason)`),
    ).toBe(0);
    // Move kinds agree with stage positions; the history has skips and a rollback with a note.
    expect(
      await one(
        db,
        `select count(*) from pipeline_item_events e join pipeline_stages f on f.id = e.from_stage_id join pipeline_stages s on s.id = e.to_stage_id
          where e.kind in ('advance', 'skip', 'rollback')
            and e.kind <> case when s.position = f.position + 1 then 'advance' when s.position > f.position then 'skip' else 'rollback' end`,
      ),
    ).toBe(0);
    expect(await one(db, `select count(*) from pipeline_item_events where kind = 'skip'`)).toBeGreaterThan(0);
    // A skip names exactly the stages between its two ends; other entries name none.
    expect(
      await one(
        db,
        `select count(*) from pipeline_item_events e left join pipeline_stages f on f.id = e.from_stage_id left join pipeline_stages t on t.id = e.to_stage_id
          where e.skipped_stage_ids is distinct from (case when e.kind = 'skip' then coalesce((select array_agg(s.id order by s.position) from pipeline_stages s
            where s.pipeline_id = f.pipeline_id and s.position > f.position and s.position < t.position), '{}') else '{}' end)`,
      ),
    ).toBe(0);
    expect(await one(db, `select count(*) from pipeline_item_events where kind = 'rollback' and length(note) > 0`)).toBeGreaterThan(0);
    // Nothing happened in the future; a year of history feeds the conversion report.
    expect(await one(db, `select count(*) from pipeline_item_events where at > now()`)).toBe(0);
    expect(await one(db, `select count(*) from pipeline_activities where occurred_at > now()`)).toBe(0);
    expect(await one(db, `select count(*) from pipeline_item_events where at > now() - interval '12 months' and kind in ('advance', 'skip')`)).toBeGreaterThan(50);
    expect(await one(db, `select count(distinct lost_reason) from pipeline_items where lost_reason is not null`)).toBeGreaterThanOrEqual(5);
    // Activities of every kind, on items of the same community.
    expect(await one(db, `select count(distinct kind) from pipeline_activities`)).toBe(5);
    expect(await one(db, `select count(*) from pipeline_activities a join pipeline_items i on i.id = a.item_id where a.community_id <> i.community_id`)).toBe(0);
    // Each item has its audit entry.
    expect(await one(db, `select count(*) from pipeline_items i where not exists (select 1 from audit_log l where l.entity_id = i.id::text and l.action = 'pipeline_item.created' and l.community_id = i.community_id)`)).toBe(0);
  });

  it('links items only to projects the community can see', async () => {
    expect(
      await one(
        db,
        `select count(*) from pipeline_items i join projects p on p.id = i.project_id
          where not (p.confidentiality = 'public' or (p.community_id = i.community_id and p.confidentiality = 'community'))`,
      ),
    ).toBe(0);
    expect(await one(db, `select count(*) from pipeline_items i join projects p on p.id = i.project_id where i.organisation_id <> p.owner_organisation_id`)).toBe(0);
  });

  it('gives staff@ overdue next actions for the home page reminders, and open items only have next actions', async () => {
    const overdue = await one(
      db,
      `select count(*) from pipeline_items i join users u on u.id = i.owner_user_id join communities c on c.id = i.community_id
        where u.email = 'staff@biobridge.demo' and i.lost_reason is null and i.next_action_on < (now() at time zone c.time_zone)::date`,
    );
    expect(overdue).toBeGreaterThanOrEqual(3);
    expect(await one(db, `select count(*) from pipeline_items where lost_reason is not null and (next_action_on is not null or next_action <> '')`)).toBe(0);
    expect(await one(db, `select count(*) from pipeline_items where (next_action_on is null) <> (next_action = '')`)).toBe(0);
  });

  it('keeps referrals consistent with the receiving pipeline and landings', async () => {
    const referrals = await rows<{ status: string; n: number }>(
      db,
      `select status, count(*)::int as n from referrals where from_community_id = ${community('taizhou-shanghai-centre')} and to_community_id = ${community('china-medical-city')} group by status order by status`,
    );
    expect(referrals).toEqual([
      { status: 'accepted', n: 2 },
      { status: 'declined', n: 1 },
      { status: 'landed', n: 1 },
      { status: 'pending', n: 2 },
    ]);
    // Accepted and landed: an item of the receiving community, from the referral, on the referred project.
    expect(
      await one(
        db,
        `select count(*) from referrals r left join pipeline_items i on i.id = r.accepted_item_id
          where (r.status in ('accepted', 'landed')) <> (i.id is not null and i.community_id = r.to_community_id and i.project_id = r.project_id and i.source = 'referral')`,
      ),
    ).toBe(0);
    expect(await one(db, `select count(*) from referrals where status in ('pending', 'declined') and (accepted_item_id is not null or (status = 'pending') <> (decided_at is null))`)).toBe(0);
    expect(await one(db, `select count(*) from referrals where status = 'declined' and length(decline_note) = 0`)).toBe(0);
    // Landed exactly when the project landed in the receiving community (from the accepted item).
    expect(
      await one(
        db,
        `select count(*) from referrals r where (r.status = 'landed') <> exists (select 1 from landings l where l.community_id = r.to_community_id and l.project_id = r.project_id and l.pipeline_item_id = r.accepted_item_id)`,
      ),
    ).toBe(0);
    // The referred projects sit at the centre's last stage.
    expect(
      await one(
        db,
        `select count(*) from referrals r where not exists (select 1 from pipeline_items i join pipeline_stages s on s.id = i.stage_id where i.community_id = r.from_community_id and i.project_id = r.project_id and s.code = 'referred')`,
      ),
    ).toBe(0);
    // Both sides' audit logs have it.
    expect(await one(db, `select count(distinct community_id) from audit_log where entity_type = 'referral' and action = 'referral.created'`)).toBe(2);
  });

  it('lands resident companies in zones, with the moved-in and producing items landed', async () => {
    const zones = await rows<{ kind: string; name_zh: string; total_area_sqm: number }>(
      db,
      `select kind, name_zh, total_area_sqm from community_zones where community_id = ${community('china-medical-city')} order by sort_order`,
    );
    expect(zones.map((z) => [z.kind, z.name_zh])).toEqual([
      ['rnd', '研发区'],
      ['acceleration', '加速区'],
      ['industrialisation', '产业化区'],
    ]);
    expect(zones.every((z) => z.total_area_sqm > 0)).toBe(true);
    expect(await one(db, `select count(*) from landings where community_id = ${community('china-medical-city')}`)).toBeGreaterThanOrEqual(14);
    expect(
      await one(
        db,
        `select count(*) from landings l where not exists (select 1 from directory_links d where d.from_id = l.organisation_id and d.role = 'resident_of' and d.to_type = 'community' and d.to_id = l.community_id)`,
      ),
    ).toBe(0);
    expect(await one(db, `select count(*) from landings l join community_zones z on z.id = l.zone_id where z.community_id <> l.community_id`)).toBe(0);
    // Each item at 入驻 or 投产 has its landing, and only those.
    expect(
      await one(
        db,
        `select count(*) from pipeline_items i join pipeline_stages s on s.id = i.stage_id join pipelines p on p.id = i.pipeline_id
          where p.kind = 'attraction' and (s.code in ('moved_in', 'producing')) <> exists (select 1 from landings l where l.pipeline_item_id = i.id and l.organisation_id = i.organisation_id)`,
      ),
    ).toBe(0);
    // Zones are not over-filled.
    expect(
      await one(db, `select count(*) from community_zones z where z.total_area_sqm < (select coalesce(sum(l.floor_area_sqm), 0) from landings l where l.zone_id = z.id)`),
    ).toBe(0);
  });

  it('has incubation batches with graduates and an exit, and no invented listing', async () => {
    const records = await rows<{ status: string; n: number }>(
      db,
      `select status, count(*)::int as n from incubation_records where community_id = ${community('china-medical-city')} group by status order by status`,
    );
    expect(records.map((r) => r.status)).toEqual(['admitted', 'exited', 'graduated']);
    expect(records.find((r) => r.status === 'graduated')!.n).toBeGreaterThanOrEqual(3);
    expect(await one(db, `select count(*) from incubation_records where batch !~ '^[0-9]{4}年第[一二]批$' or substr(batch, 1, 4) <> extract(year from admitted_on)::text`)).toBe(0);
    expect(await one(db, `select count(*) from incubation_records where stock_code is not null or status = 'listed'`)).toBe(0);
    expect(await one(db, `select count(*) from incubation_records where graduated_on < admitted_on or exited_on < admitted_on or graduated_on > current_date`)).toBe(0);
  });

  it("gives resident companies yearly figures for 2023–2025, member@'s company entered by its representative", async () => {
    const heyao = await rows<{ year: number; entered_as: string; email: string }>(
      db,
      `select f.year, f.entered_as, u.email from company_yearly_figures f join organisations o on o.id = f.organisation_id join users u on u.id = f.entered_by
        where o.name_zh = '江苏禾曜细胞治疗有限公司' order by f.year`,
    );
    expect(heyao).toEqual([
      { year: 2023, entered_as: 'staff', email: 'staff@biobridge.demo' },
      { year: 2024, entered_as: 'company', email: 'member@biobridge.demo' },
      { year: 2025, entered_as: 'company', email: 'member@biobridge.demo' },
    ]);
    expect(
      await one(
        db,
        `select count(*) from company_yearly_figures f where not exists (select 1 from directory_links d where d.from_id = f.organisation_id and d.role = 'resident_of' and d.to_id = f.community_id)`,
      ),
    ).toBe(0);
  });

  it('records agreements with two or more parties of the community, and a signing ceremony batch', async () => {
    expect(await one(db, `select count(*) from agreements where community_id = ${community('china-medical-city')}`)).toBeGreaterThanOrEqual(28);
    expect(await one(db, `select count(*) from agreements a where (select count(*) from agreement_parties p where p.agreement_id = a.id) < 2`)).toBe(0);
    expect(await one(db, `select count(distinct kind) from agreements where community_id = ${community('china-medical-city')}`)).toBe(6);
    expect(await one(db, `select count(distinct status) from agreements`)).toBe(4);
    // Parties are the community's own records: stewarded by it, resident in it, or courted in its pipeline.
    expect(
      await one(
        db,
        `select count(*) from agreement_parties p join agreements a on a.id = p.agreement_id join organisations o on o.id = p.organisation_id
          where o.steward_community_id <> a.community_id
            and not exists (select 1 from directory_links d where d.from_id = o.id and d.role = 'resident_of' and d.to_id = a.community_id)
            and not exists (select 1 from pipeline_items i where i.organisation_id = o.id and i.community_id = a.community_id)`,
      ),
    ).toBe(0);
    // No invented deal names a real institution.
    expect(await one(db, `select count(*) from agreement_parties p join organisations o on o.id = p.organisation_id where o.name_zh = any($1)`, [INSTITUTIONS.map((i) => i.nameZh)])).toBe(0);
    expect(await one(db, `select count(*) from agreements a join projects p on p.id = a.project_id where p.confidentiality = 'named_investors'`)).toBe(0);
    // The ceremony: many projects signed on one day at one place, for several 亿元.
    const [ceremony] = await rows<{ n: number; yi: number; days: number }>(
      db,
      `select count(*)::int as n, (sum(amount_fen) / 10000000000)::int as yi, count(distinct signed_on)::int as days
         from agreements where community_id = ${community('china-medical-city')} and signed_place = $1`,
      [CEREMONIES['china-medical-city']!.place],
    );
    expect(ceremony!.days).toBe(1);
    expect(ceremony!.n).toBeGreaterThanOrEqual(10);
    expect(ceremony!.yi).toBeGreaterThanOrEqual(20);
    // Items that reached 签约 have their agreement.
    expect(
      await one(
        db,
        `select count(*) from pipeline_items i join pipeline_stages s on s.id = i.stage_id join pipelines p on p.id = i.pipeline_id
          where p.kind = 'attraction' and s.position >= 4 and not exists (select 1 from agreements a where a.pipeline_item_id = i.id and a.community_id = i.community_id)`,
      ),
    ).toBe(0);
    expect(await one(db, `select count(*) from agreements where community_id = ${community('daxing-regen-park')} and kind = 'strategic' and (select count(*) from agreement_parties p where p.agreement_id = agreements.id) = 3`)).toBe(1);
    expect(await one(db, `select count(*) from agreements where community_id = ${community('jiading-biomed-alliance')} and kind = 'strategic'`)).toBe(1);
  });

  it('gives every project a stage history ending at its stage, dated by stage_since; flagships have advances, a skip, a rollback and milestones', async () => {
    expect(
      await one(
        db,
        `select count(*) from projects p
          where p.stage_since <> (select max(c.changed_on) from project_stage_changes c where c.project_id = p.id)
             or p.stage <> (select c.to_stage from project_stage_changes c where c.project_id = p.id order by c.changed_on desc, c.created_at desc limit 1)
             or (select count(*) from project_stage_changes c where c.project_id = p.id and c.kind = 'initial') <> 1`,
      ),
    ).toBe(0);
    expect(await one(db, `select count(*) from projects where stage_since > current_date`)).toBe(0);
    // The move kinds follow the project's lifecycle model.
    expect(
      await one(
        db,
        `select count(*) from project_stage_changes c join projects p on p.id = c.project_id
           join lifecycle_models m on m.track = p.track and m.device_class is not distinct from p.device_class
          where c.kind <> 'initial' and c.kind <> case
            when array_position(m.stages, c.to_stage) = array_position(m.stages, c.from_stage) + 1 then 'advance'
            when array_position(m.stages, c.to_stage) > array_position(m.stages, c.from_stage) then 'skip' else 'rollback' end`,
      ),
    ).toBe(0);
    const kinds = await rows<{ kind: string }>(db, `select distinct kind from project_stage_changes order by kind`);
    expect(kinds.map((k) => k.kind)).toEqual(['advance', 'initial', 'rollback', 'skip']);
    expect(await one(db, `select count(*) from project_stage_changes where kind = 'skip' and cardinality(skipped) = 0`)).toBe(0);
    const [rollback] = await rows<{ name_zh: string; reason: string }>(
      db,
      `select p.name_zh, c.reason from project_stage_changes c join projects p on p.id = c.project_id where c.kind = 'rollback'`,
    );
    expect(rollback!.name_zh).toBe('HY-CAR01 BCMA CAR-T细胞注射液');
    expect(rollback!.reason).toContain('临床暂停');
    // Milestones carry https evidence, are marked as sample data, and fit the project's track.
    expect(await one(db, `select count(*) from project_milestones`)).toBeGreaterThanOrEqual(25);
    expect(await one(db, `select count(*) from project_milestones where evidence_url !~ '^https://' or note not like '示例数据%'`)).toBe(0);
    expect(
      await one(
        db,
        `select count(*) from project_milestones ms join milestone_kinds k on k.code = ms.kind join projects p on p.id = ms.project_id
          where cardinality(k.tracks) > 0 and not (p.track = any(k.tracks))`,
      ),
    ).toBe(0);
    expect(await one(db, `select count(*) from projects where track = 'device' and device_class is not null`)).toBeGreaterThanOrEqual(7);
  });
});
