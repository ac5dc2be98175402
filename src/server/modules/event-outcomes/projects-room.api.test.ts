import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMaterial, EventProject, EventProjectsReply, FromApplicationsReply, ProjectCandidate, Room } from '../../../shared/schemas/event-outcomes';
import { Client, startTestApp, type TestApp } from '../../../../test/app';
import { createProject, PDF, sendMultipart, signInEach } from '../directory/directory.fixtures';
import { insertApplication, insertEvent, insertRegistration, insertSession, insertTicketType, one, userId, zipWith } from './event-outcomes.fixtures';

type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

let t: TestApp;
let staff: Client;
let member: Client;
let investor: Client;
let alliance: Client;
let cmc: string;
let jiading: string;
let meeting: string; // a closed-door meeting of China Medical City
let otherEvent: string;
let secret: string; // a project only its community's staff may see (named investors, none named)
let open: string;
let hidden: string; // another community's confidential project
let deckFileId: string;

const base = (eventId = meeting) => `/api/communities/${cmc}/events/${eventId}`;

beforeAll(async () => {
  t = await startTestApp();
  [staff, member, investor, alliance] = await signInEach(t.app, ['staff', 'member', 'investor', 'alliance.admin']);
  cmc = staff.communityId('china-medical-city');
  jiading = alliance.communityId('jiading-biomed-alliance');
  meeting = await insertEvent(t, cmc, { kind: 'closed_door', title: '闭门投资对接会' });
  otherEvent = await insertEvent(t, cmc, { kind: 'roadshow', title: '另一场路演' });
  secret = (await createProject(staff, cmc, { nameZh: '闭门测试项目-双抗', confidentiality: 'named_investors', summaryZh: '保密的双特异性抗体项目', fundingSoughtFen: 5000 * 1_000_000, team: [{ name: '张博士', role: 'CEO' }] })).id;
  open = (await createProject(staff, cmc, { nameZh: '公开测试项目-器械', confidentiality: 'public' })).id;
  hidden = (await createProject(alliance, jiading, { nameZh: '嘉定保密项目', confidentiality: 'community' })).id;
  const deck = await sendMultipart<{ fileId: string }>(t.app, staff, `/api/directory/projects/${secret}/attachments`, [
    { name: 'kind', value: 'pitch_deck' },
    { name: 'file', file: { filename: '商业计划书.pdf', contentType: 'application/pdf', data: PDF } },
  ]);
  expect(deck.status).toBe(201);
  deckFileId = deck.body.fileId;
});
afterAll(() => t.close());

describe('projects presented', () => {
  it('adds a project the organiser may see, once', async () => {
    const session = await insertSession(t, meeting);
    const res = await staff.post<EventProject>(`${base()}/projects`, { projectId: secret, sessionId: session, note: '第一个出场' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ project: { id: secret }, position: 0, note: '第一个出场', session: { id: session, title: '项目路演' }, segment: { code: 'innovative_drug' } });
    const again = await staff.post<ErrorBody>(`${base()}/projects`, { projectId: secret });
    expect(again.status).toBe(409);
    expect(again.body.error.fields?.projectId).toBeTruthy();
    expect((await staff.post(`${base()}/projects`, { projectId: open })).status).toBe(201);
  });

  it("refuses a project the organiser may not see, and another event's session", async () => {
    const res = await staff.post<ErrorBody>(`${base()}/projects`, { projectId: hidden });
    expect(res.status).toBe(400);
    expect(res.body.error.fields?.projectId).toBeTruthy();
    const foreignSession = await insertSession(t, otherEvent);
    const bad = await staff.patch<ErrorBody>(`${base()}/projects/${open}`, { sessionId: foreignSession });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.sessionId).toBeTruthy();
  });

  it('lists candidates the organiser may see, marking those presented', async () => {
    const res = await staff.get<ProjectCandidate[]>(`${base()}/project-candidates?q=${encodeURIComponent('测试项目')}`);
    expect(res.status).toBe(200);
    const ids = res.body.map((c) => c.project.id);
    expect(ids).toEqual(expect.arrayContaining([secret, open]));
    expect(ids).not.toContain(hidden);
    expect(res.body.find((c) => c.project.id === secret)?.presented).toBe(true);
  });

  it('reorders with the full list only', async () => {
    const res = await staff.post<EventProject[]>(`${base()}/projects/order`, { projectIds: [open, secret] });
    expect(res.status).toBe(200);
    expect(res.body.map((p) => p.project.id)).toEqual([open, secret]);
    expect(res.body.map((p) => p.position)).toEqual([0, 1]);
    const partial = await staff.post<ErrorBody>(`${base()}/projects/order`, { projectIds: [open] });
    expect(partial.status).toBe(400);
    expect(partial.body.error.fields?.projectIds).toBeTruthy();
  });

  it('keeps members without events.manage and other communities out', async () => {
    expect((await member.get(`${base()}/projects`)).status).toBe(403);
    expect((await member.post(`${base()}/projects`, { projectId: open })).status).toBe(403);
    expect((await alliance.get(`${base()}/projects`)).status).toBe(404);
    // An event of another community under this community's path is not found.
    const theirs = await insertEvent(t, jiading, { kind: 'roadshow' });
    expect((await staff.get(`${base(theirs)}/projects`)).status).toBe(404);
  });

  it("adds the screened-in applications' projects in one click", async () => {
    const event = await insertEvent(t, cmc, { kind: 'roadshow', title: '路演申报测试' });
    const p1 = (await createProject(staff, cmc, { nameZh: '申报项目一' })).id;
    const p2 = (await createProject(staff, cmc, { nameZh: '申报项目二' })).id;
    await insertApplication(t, event, { projectId: p1 });
    await insertApplication(t, event, { projectId: p2 });
    await insertApplication(t, event, { projectId: open, status: 'submitted' });
    await insertApplication(t, event, { projectId: null });
    await insertApplication(t, event, { projectId: hidden });
    const res = await staff.post<FromApplicationsReply>(`${base(event)}/projects/from-applications`);
    expect(res.status).toBe(200);
    expect(res.body.added).toBe(2);
    expect(res.body.skipped).toBe(1);
    expect(res.body.projects.map((p) => p.project.id)).toEqual([p1, p2]);
    expect(res.body.projects.every((p) => p.applicationId !== null)).toBe(true);
    const again = await staff.post<FromApplicationsReply>(`${base(event)}/projects/from-applications`);
    expect(again.body.added).toBe(0);
  });
});

describe('materials', () => {
  let material: EventMaterial;

  it('takes a PDF tied to a presented project', async () => {
    const res = await sendMultipart<EventMaterial>(t.app, staff, `${base()}/materials`, [
      { name: 'title', value: '投资要点' },
      { name: 'projectId', value: secret },
      { name: 'file', file: { filename: 'highlights.pdf', contentType: 'application/pdf', data: PDF } },
    ]);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: '投资要点', projectId: secret, contentType: 'application/pdf', filename: 'highlights.pdf' });
    material = res.body;
  });

  it('takes a PowerPoint deck by its bytes and refuses other files whatever their name', async () => {
    const pptx = await sendMultipart<EventMaterial>(t.app, staff, `${base()}/materials`, [
      { name: 'file', file: { filename: '会议议程.pptx', contentType: 'application/octet-stream', data: zipWith('ppt/presentation.xml') } },
    ]);
    expect(pptx.status).toBe(201);
    expect(pptx.body.contentType).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    expect(pptx.body.title).toBe('会议议程');
    expect(pptx.body.projectId).toBeNull();

    const before = await one<{ n: number }>(t, 'select count(*)::int as n from files');
    const fake = await sendMultipart<ErrorBody>(t.app, staff, `${base()}/materials`, [
      { name: 'file', file: { filename: 'deck.pdf', contentType: 'application/pdf', data: Buffer.from('<script>alert(1)</script>') } },
    ]);
    expect(fake.status).toBe(422);
    expect(fake.body.error.fields?.file).toBeTruthy();
    const zip = await sendMultipart<ErrorBody>(t.app, staff, `${base()}/materials`, [
      { name: 'file', file: { filename: 'deck.pptx', contentType: 'application/octet-stream', data: zipWith('word/document.xml') } },
    ]);
    expect(zip.status).toBe(422);
    const notPresented = await sendMultipart<ErrorBody>(t.app, staff, `${base()}/materials`, [
      { name: 'projectId', value: hidden },
      { name: 'file', file: { filename: 'x.pdf', contentType: 'application/pdf', data: PDF } },
    ]);
    expect(notPresented.status).toBe(400);
    expect((await one<{ n: number }>(t, 'select count(*)::int as n from files')).n).toBe(before.n);
  });

  it('refuses uploads from members without events.manage', async () => {
    const res = await sendMultipart(t.app, member, `${base()}/materials`, [{ name: 'file', file: { filename: 'x.pdf', contentType: 'application/pdf', data: PDF } }]);
    expect(res.status).toBe(403);
  });

  it('lists the materials with the projects and lets organisers download them', async () => {
    const res = await staff.get<EventProjectsReply>(`${base()}/projects`);
    expect(res.body.materials).toHaveLength(2);
    expect(res.body.projects.find((p) => p.project.id === secret)?.materialCount).toBe(1);
    const file = await staff.get<string>(`${base()}/materials/${material.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
  });
});

describe('the attendee room', () => {
  let investorUser: string;
  let memberUser: string;
  let ticket: string;

  beforeAll(async () => {
    investorUser = await userId(t, 'investor@biobridge.demo');
    memberUser = await userId(t, 'member@biobridge.demo');
    ticket = await insertTicketType(t, meeting);
    await insertRegistration(t, meeting, ticket, { userId: investorUser, email: 'investor@biobridge.demo', name: '赵明轩' });
    await insertRegistration(t, meeting, ticket, { userId: memberUser, email: 'member@biobridge.demo', name: '孙悦', status: 'waitlisted' });
  });

  it("shows a confirmed attendee the confidential project's profile and files through the event", async () => {
    const res = await investor.get<Room>(`/api/public/events/${meeting}/room`);
    expect(res.status).toBe(200);
    const project = res.body.projects.find((p) => p.id === secret)!;
    expect(project).toMatchObject({ nameZh: '闭门测试项目-双抗', summaryZh: '保密的双特异性抗体项目', fundingSoughtFen: 5000 * 1_000_000, team: [{ name: '张博士', role: 'CEO' }] });
    expect(project.files.map((f) => f.title)).toEqual(['投资要点', '商业计划书']);
    expect(res.body.files.map((f) => f.title)).toEqual(['会议议程']);
    for (const f of [...project.files, ...res.body.files]) {
      const download = await investor.get<string>(f.url);
      expect(download.status).toBe(200);
    }
    expect(project.files.some((f) => f.fileId === deckFileId)).toBe(true);
  });

  it('grants nothing outside the event: the directory still hides the project', async () => {
    expect((await investor.get(`/api/directory/projects/${secret}`)).status).toBe(404);
    expect((await staff.get(`/api/directory/projects/${secret}`)).status).toBe(200);
    // The deck is not reachable through another event's room either.
    const roadshowTicket = await insertTicketType(t, otherEvent, '企业代表');
    await insertRegistration(t, otherEvent, roadshowTicket, { userId: investorUser, email: 'investor@biobridge.demo' });
    expect((await investor.get(`/api/public/events/${otherEvent}/room`)).status).toBe(200);
    expect((await investor.get(`/api/public/events/${otherEvent}/room/files/${deckFileId}`)).status).toBe(404);
  });

  it('answers 404 to the waitlisted, strangers, the signed-out and other communities', async () => {
    expect((await member.get(`/api/public/events/${meeting}/room`)).status).toBe(404);
    expect((await member.get(`/api/public/events/${meeting}/room/files/${deckFileId}`)).status).toBe(404);
    expect((await alliance.get(`/api/public/events/${meeting}/room`)).status).toBe(404);
    const anonymous = new Client(t.app, '10.0.0.9');
    expect((await anonymous.get(`/api/public/events/${meeting}/room`)).status).toBe(404);
    expect((await anonymous.get(`/api/public/events/${meeting}/room/files/${deckFileId}`)).status).toBe(404);
    expect((await investor.get(`/api/public/events/00000000-0000-4000-8000-000000000000/room`)).status).toBe(404);
    expect((await investor.get(`/api/public/events/not-a-uuid/room`)).status).toBe(400);
  });

  it('lets organisers in, and hands out only files of this event', async () => {
    expect((await staff.get(`/api/public/events/${meeting}/room`)).status).toBe(200);
    const unrelated = await sendMultipart<{ fileId: string }>(t.app, staff, `/api/directory/projects/${open}/attachments`, [
      { name: 'kind', value: 'other' },
      { name: 'file', file: { filename: 'x.pdf', contentType: 'application/pdf', data: PDF } },
    ]);
    expect(unrelated.status).toBe(201);
    // `open` is presented: its attachments are in the room. A file of a project not presented is not.
    const elsewhere = (await createProject(staff, cmc, { nameZh: '未参会项目' })).id;
    const outside = await sendMultipart<{ fileId: string }>(t.app, staff, `/api/directory/projects/${elsewhere}/attachments`, [
      { name: 'kind', value: 'pitch_deck' },
      { name: 'file', file: { filename: 'y.pdf', contentType: 'application/pdf', data: PDF } },
    ]);
    expect((await investor.get(`/api/public/events/${meeting}/room/files/${outside.body.fileId}`)).status).toBe(404);
  });

  it("removing a project takes its materials along and shuts its files", async () => {
    const res = await staff.delete(`${base()}/projects/${secret}`);
    expect(res.status).toBe(200);
    const room = await investor.get<Room>(`/api/public/events/${meeting}/room`);
    expect(room.body.projects.map((p) => p.id)).toEqual([open]);
    expect((await investor.get(`/api/public/events/${meeting}/room/files/${deckFileId}`)).status).toBe(404);
    const listed = await staff.get<EventProjectsReply>(`${base()}/projects`);
    expect(listed.body.materials.map((m) => m.title)).toEqual(['会议议程']);
    const audit = await one<{ n: number }>(t, `select count(*)::int as n from audit_log where entity_id = $1 and action like 'event.%'`, [meeting]);
    expect(audit.n).toBeGreaterThanOrEqual(6);
  });
});
