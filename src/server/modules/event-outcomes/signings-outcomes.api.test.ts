import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementDetail } from '../../../shared/schemas/agreements';
import type { AttendeeList, FollowUp, Outcomes, Signing } from '../../../shared/schemas/event-outcomes';
import { startTestApp, type Client, type TestApp } from '../../../../test/app';
import { createOrganisation, createProject, signInEach } from '../directory/directory.fixtures';
import { insertApplication, insertEvent, insertRegistration, insertSession, insertTicketType, one } from './event-outcomes.fixtures';

type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

let t: TestApp;
let admin: Client;
let staff: Client;
let member: Client;
let alliance: Client;
let cmc: string;
let jiading: string;
let orgA: string;
let orgB: string;
let ceremony: string;
let forum: string;

const base = (eventId: string) => `/api/communities/${cmc}/events/${eventId}`;

async function agreement(client: Client, communityId: string, parties: [string, string], fields: Record<string, unknown> = {}): Promise<AgreementDetail> {
  const res = await client.post<AgreementDetail>(`/api/communities/${communityId}/agreements`, {
    kind: 'cooperation',
    title: '签约仪式测试协议',
    amountFen: 1200 * 1_000_000,
    signedOn: '2030-05-20',
    parties: [
      { organisationId: parties[0], role: 'party_a' },
      { organisationId: parties[1], role: 'party_b' },
    ],
    ...fields,
  });
  if (res.status !== 201) throw new Error(`agreement: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const eventOf = async (agreementId: string) => (await one<{ event_id: string | null }>(t, 'select event_id from agreements where id = $1', [agreementId])).event_id;

beforeAll(async () => {
  t = await startTestApp();
  [admin, staff, member, alliance] = await signInEach(t.app, ['park.admin', 'staff', 'member', 'alliance.admin']);
  cmc = staff.communityId('china-medical-city');
  jiading = alliance.communityId('jiading-biomed-alliance');
  orgA = (await createOrganisation(staff, cmc, { nameZh: '签约仪式甲方生物有限公司' })).id;
  orgB = (await createOrganisation(staff, cmc, { nameZh: '签约仪式乙方投资有限公司', nameEn: 'Signing B Capital' })).id;
  ceremony = await insertEvent(t, cmc, { kind: 'signing_ceremony', title: '重点项目集中签约仪式' });
  forum = await insertEvent(t, cmc, { kind: 'forum', title: '产业发展论坛' });
});
afterAll(() => t.close());

describe('signing ceremony running order', () => {
  let first: AgreementDetail;
  let second: AgreementDetail;

  it('adds agreements in order and links them to the event', async () => {
    first = await agreement(staff, cmc, [orgA, orgB], { title: '第一项签约' });
    second = await agreement(staff, cmc, [orgA, orgB], { title: '第二项签约', amountFen: null });
    const session = await insertSession(t, ceremony, '集中签约');
    const a = await staff.post<Signing>(`${base(ceremony)}/signings`, { agreementId: first.id, sessionId: session });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ position: 0, status: 'planned', session: { id: session }, agreement: { id: first.id, title: '第一项签约', amountFen: 1200 * 1_000_000 } });
    expect(a.body.agreement.parties.map((p) => p.organisation.id)).toEqual([orgA, orgB]);
    const b = await staff.post<Signing>(`${base(ceremony)}/signings`, { agreementId: second.id });
    expect(b.body.position).toBe(1);
    expect(await eventOf(first.id)).toBe(ceremony);
    expect(await eventOf(second.id)).toBe(ceremony);
    // The agreement page shows the event.
    const detail = (await staff.get<AgreementDetail>(`/api/communities/${cmc}/agreements/${first.id}`)).body;
    expect(detail.eventId).toBe(ceremony);
    expect(detail.event).toEqual({ id: ceremony, title: '重点项目集中签约仪式' });
  });

  it('refuses an agreement twice, in another ceremony, or of another community', async () => {
    const twice = await staff.post<ErrorBody>(`${base(ceremony)}/signings`, { agreementId: first.id });
    expect(twice.status).toBe(409);
    const other = await staff.post<ErrorBody>(`${base(forum)}/signings`, { agreementId: first.id });
    expect(other.status).toBe(409);
    expect(other.body.error.fields?.agreementId).toBeTruthy();
    expect(await eventOf(first.id)).toBe(ceremony);
    const theirOrgs = [(await createOrganisation(alliance, jiading)).id, (await createOrganisation(alliance, jiading)).id] as [string, string];
    const theirs = await agreement(alliance, jiading, theirOrgs);
    const foreign = await staff.post<ErrorBody>(`${base(ceremony)}/signings`, { agreementId: theirs.id });
    expect(foreign.status).toBe(400);
    expect(await eventOf(theirs.id)).toBeNull();
  });

  it('reorders, and keeps agreements.event_id right through status changes', async () => {
    const order = await staff.post<Signing[]>(`${base(ceremony)}/signings/order`, { agreementIds: [second.id, first.id] });
    expect(order.status).toBe(200);
    expect(order.body.map((s) => s.agreement.id)).toEqual([second.id, first.id]);
    expect((await staff.post(`${base(ceremony)}/signings/order`, { agreementIds: [second.id, second.id] })).status).toBe(400);

    const signed = await staff.patch<Signing>(`${base(ceremony)}/signings/${first.id}`, { status: 'signed', note: '现场签约' });
    expect(signed.body).toMatchObject({ status: 'signed', note: '现场签约' });
    expect(await eventOf(first.id)).toBe(ceremony);
    const withdrawn = await staff.patch<Signing>(`${base(ceremony)}/signings/${second.id}`, { status: 'withdrawn' });
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(await eventOf(second.id)).toBeNull();
    // Still in this ceremony's order: another event cannot take it meanwhile.
    expect((await staff.post(`${base(forum)}/signings`, { agreementId: second.id })).status).toBe(409);
    await staff.patch(`${base(ceremony)}/signings/${second.id}`, { status: 'planned' });
    expect(await eventOf(second.id)).toBe(ceremony);
  });

  it('prints the running order as a PDF', async () => {
    const res = await staff.request<string>('GET', `${base(ceremony)}/signings.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(String(res.body).startsWith('%PDF-')).toBe(true);
    expect(String(res.headers['content-disposition'])).toContain('.pdf');
  });

  it('removes an agreement from the order and unlinks it; then another event may take it', async () => {
    expect((await staff.delete(`${base(ceremony)}/signings/${second.id}`)).status).toBe(200);
    expect(await eventOf(second.id)).toBeNull();
    expect((await staff.delete(`${base(ceremony)}/signings/${second.id}`)).status).toBe(404);
    expect((await staff.post(`${base(forum)}/signings`, { agreementId: second.id })).status).toBe(201);
    expect(await eventOf(second.id)).toBe(forum);
  });

  it('is for organisers of the community only', async () => {
    expect((await member.get(`${base(ceremony)}/signings`)).status).toBe(403);
    expect((await alliance.get(`${base(ceremony)}/signings`)).status).toBe(404);
    expect((await alliance.get(`/api/communities/${jiading}/events/${ceremony}/signings`)).status).toBe(404);
    const audit = await one<{ n: number }>(t, `select count(*)::int as n from audit_log where entity_id = $1 and action like 'event.signing%'`, [ceremony]);
    expect(audit.n).toBeGreaterThanOrEqual(6);
  });
});

describe('outcomes', () => {
  let past: string;

  beforeAll(async () => {
    past = await insertEvent(t, cmc, { kind: 'forum', title: '已结束的论坛', startsInHours: -48, hours: 6 });
    const companies = await insertTicketType(t, past, '企业代表', 10);
    const investors = await insertTicketType(t, past, '投资机构', 5);
    for (let i = 0; i < 4; i += 1) await insertRegistration(t, past, companies, { name: `企业代表${i}`, checkedIn: i < 3 });
    await insertRegistration(t, past, investors, { name: '投资人甲', checkedIn: false });
    await insertRegistration(t, past, investors, { name: '投资人乙', status: 'waitlisted' });
    await insertRegistration(t, past, companies, { name: '取消者', status: 'cancelled' });
    await insertRegistration(t, past, companies, { name: '待审者', status: 'pending' });
    await insertApplication(t, past, { status: 'screened_in' });
    await insertApplication(t, past, { status: 'screened_out' });
    const signedHere = await agreement(staff, cmc, [orgA, orgB], { title: '论坛签约一', amountFen: 3000 * 1_000_000 });
    await staff.post(`${base(past)}/signings`, { agreementId: signedHere.id });
    // Recorded with the event directly (not through the running order): it counts too.
    await agreement(staff, cmc, [orgA, orgB], { title: '论坛签约二', amountFen: null, eventId: past });
  });

  it('counts registrations, attendance, agreements and applications of an ended event', async () => {
    const res = await staff.get<Outcomes>(`${base(past)}/outcomes`);
    expect(res.status).toBe(200);
    const o = res.body;
    expect(o.ended).toBe(true);
    expect(o.registrations).toMatchObject({ total: 8, checkedIn: 3, noShows: 2, attendanceRate: 0.6 });
    expect(o.registrations.byStatus).toEqual({ pending: 1, confirmed: 5, waitlisted: 1, declined: 0, cancelled: 1 });
    expect(o.registrations.byTicketType).toEqual([
      expect.objectContaining({ name: '企业代表', capacity: 10, confirmed: 4, pending: 1, waitlisted: 0, checkedIn: 3 }),
      expect.objectContaining({ name: '投资机构', capacity: 5, confirmed: 1, waitlisted: 1, checkedIn: 0 }),
    ]);
    expect(o.agreements).toMatchObject({ count: 2, amountFen: 3000 * 1_000_000, withoutAmount: 1 });
    expect(o.agreements.items.map((a) => [a.title, a.signingStatus])).toEqual([
      ['论坛签约一', 'planned'],
      ['论坛签约二', null],
    ]);
    expect(o.applications).toEqual({ total: 2, byStatus: { submitted: 0, screened_in: 1, screened_out: 1, withdrawn: 0 } });
  });

  it('leaves no-shows open until the event has ended', async () => {
    const upcoming = await insertEvent(t, cmc, { kind: 'salon' });
    const ticket = await insertTicketType(t, upcoming);
    await insertRegistration(t, upcoming, ticket);
    const res = await staff.get<Outcomes>(`${base(upcoming)}/outcomes`);
    expect(res.body).toMatchObject({ ended: false, registrations: { noShows: null, attendanceRate: 0, checkedIn: 0 } });
  });

  it('lists confirmed attendees, checked in first, searchable', async () => {
    const res = await staff.get<AttendeeList>(`${base(past)}/outcomes/attendees`);
    expect(res.body.total).toBe(5);
    expect(res.body.items.slice(0, 3).every((a) => a.checkedInAt !== null)).toBe(true);
    const found = await staff.get<AttendeeList>(`${base(past)}/outcomes/attendees?q=${encodeURIComponent('投资人')}`);
    expect(found.body.items.map((a) => a.name)).toEqual(['投资人甲']);
    expect((await member.get(`${base(past)}/outcomes`)).status).toBe(403);
    expect((await alliance.get(`${base(past)}/outcomes`)).status).toBe(404);
  });
});

describe('follow-ups into pipelines', () => {
  let event: string;
  let pipeline: string;
  let stages: string[];
  let attendee: string;
  let project: string;
  let presentedProject: string;
  let application: string;

  beforeAll(async () => {
    event = await insertEvent(t, cmc, { kind: 'roadshow', title: '跟进测试路演', startsInHours: -30, hours: 4 });
    pipeline = (await one<{ id: string }>(t, `select id from pipelines where community_id = $1 and kind = 'attraction' and not archived order by created_at limit 1`, [cmc])).id;
    stages = (await t.database.withConnection((c) => c.rows<{ id: string }>('select id from pipeline_stages where pipeline_id = $1 order by position', [pipeline]))).map((r) => r.id);
    const ticket = await insertTicketType(t, event, '企业代表');
    attendee = await insertRegistration(t, event, ticket, { name: '李华', organisationName: '跟进测试企业', checkedIn: true });
    project = (await createProject(staff, cmc, { nameZh: '跟进测试申报项目' })).id;
    presentedProject = (await createProject(staff, cmc, { nameZh: '跟进测试路演项目', ownerOrganisationId: orgA })).id;
    application = await insertApplication(t, event, { projectId: project });
    expect((await staff.post(`${base(event)}/projects`, { projectId: presentedProject })).status).toBe(201);
  });

  it('asks to pick the directory organisation for an attendee without one, then remembers it', async () => {
    const missing = await staff.post<ErrorBody>(`${base(event)}/follow-ups`, { source: 'registration', registrationId: attendee, pipelineId: pipeline });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields?.organisationId).toBeTruthy();
    const res = await staff.post<FollowUp>(`${base(event)}/follow-ups`, { source: 'registration', registrationId: attendee, pipelineId: pipeline, organisationId: orgB, stageId: stages[1] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ source: 'registration', registration: { id: attendee, name: '李华' }, organisation: { id: orgB }, item: { title: '签约仪式乙方投资有限公司', pipelineId: pipeline, stageId: stages[1], owner: { displayName: '王磊' } } });
    const item = await one<{ source: string; organisation_id: string }>(t, 'select source, organisation_id from pipeline_items where id = $1', [res.body.item.id]);
    expect(item).toEqual({ source: 'event', organisation_id: orgB });
    const activity = await one<{ kind: string; body: string }>(t, 'select kind, body from pipeline_activities where item_id = $1', [res.body.item.id]);
    expect(activity.kind).toBe('meeting');
    expect(activity.body).toContain('跟进测试路演');
    expect((await one<{ organisation_id: string }>(t, 'select organisation_id from event_registrations where id = $1', [attendee])).organisation_id).toBe(orgB);
    // The second time the organisation is already open in that pipeline.
    const again = await staff.post<ErrorBody>(`${base(event)}/follow-ups`, { source: 'registration', registrationId: attendee, pipelineId: pipeline });
    expect(again.status).toBe(409);
    expect(again.body.error.fields?.pipelineId).toBeTruthy();
  });

  it('creates items from an application and from a presented project, once each', async () => {
    const fromApplication = await staff.post<FollowUp>(`${base(event)}/follow-ups`, { source: 'application', applicationId: application, pipelineId: pipeline });
    expect(fromApplication.status).toBe(201);
    expect(fromApplication.body).toMatchObject({ source: 'application', project: { id: project }, item: { stageId: stages[0] } });
    expect((await staff.post(`${base(event)}/follow-ups`, { source: 'application', applicationId: application, pipelineId: pipeline })).status).toBe(409);

    const fromProject = await staff.post<FollowUp>(`${base(event)}/follow-ups`, { source: 'project', projectId: presentedProject, pipelineId: pipeline });
    expect(fromProject.status).toBe(201);
    expect(fromProject.body).toMatchObject({ project: { id: presentedProject }, organisation: { id: orgA }, item: { title: '跟进测试路演项目' } });
    expect((await staff.post(`${base(event)}/follow-ups`, { source: 'project', projectId: presentedProject, pipelineId: pipeline })).status).toBe(409);
    const notPresented = await staff.post<ErrorBody>(`${base(event)}/follow-ups`, { source: 'project', projectId: project, pipelineId: pipeline });
    expect(notPresented.status).toBe(400);
  });

  it("refuses another community's pipeline, and members without the permission", async () => {
    const theirs = (await one<{ id: string }>(t, `select id from pipelines where community_id <> $1 limit 1`, [cmc])).id;
    const res = await staff.post<ErrorBody>(`${base(event)}/follow-ups`, { source: 'project', projectId: presentedProject, pipelineId: theirs });
    expect(res.status).toBe(400);
    expect(res.body.error.fields?.pipelineId).toBeTruthy();
    expect((await member.post(`${base(event)}/follow-ups`, { source: 'project', projectId: presentedProject, pipelineId: pipeline })).status).toBe(403);
    expect((await alliance.post(`${base(event)}/follow-ups`, { source: 'project', projectId: presentedProject, pipelineId: pipeline })).status).toBe(404);
    expect((await staff.post(`${base(event)}/follow-ups`, { source: 'registration', pipelineId: pipeline, extra: 1 })).status).toBe(400);
  });

  it('lists the follow-ups with their current stage, in the outcomes too', async () => {
    const list = await admin.get<FollowUp[]>(`${base(event)}/follow-ups`);
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(3);
    expect(new Set(list.body.map((f) => f.source))).toEqual(new Set(['registration', 'application', 'project']));
    const outcomes = await staff.get<Outcomes>(`${base(event)}/outcomes`);
    expect(outcomes.body.followUps).toMatchObject({ count: 3, bySource: { registration: 1, application: 1, project: 1 } });
    expect(outcomes.body.projects.count).toBe(1);
    const attendees = await staff.get<AttendeeList>(`${base(event)}/outcomes/attendees`);
    expect(attendees.body.items[0]).toMatchObject({ id: attendee, followUpCount: 1, organisation: { id: orgB } });
  });
});
