import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementDetail, AgreementFile, AgreementPage, AgreementTotalsReply } from '../../../shared/schemas/agreements';
import { CATALOGUES } from '../../../web/i18n/catalogue';
import { startTestApp, type Client, type TestApp } from '../../../../test/app';
import { createOrganisation, createProject, PDF, PNG, sendMultipart, signInEach } from '../directory/directory.fixtures';

/** Field errors come back as messages in the request's language (zh-CN here). */
function msg(key: string): string {
  const text = (CATALOGUES['zh-CN'].fieldErrors as Record<string, string>)[key];
  if (!text) throw new Error(`no zh-CN text for ${key}`);
  return text;
}

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

let t: TestApp;
let admin: Client; // community admin of China Medical City
let staff: Client;
let member: Client;
let alliance: Client; // admin of another community
let platform: Client;
let cmc: string;
let jiading: string;
let orgA: string;
let orgB: string;
let orgC: string;
let ceremony: string;
let otherCeremony: string;
let deviceOrg: string;
let project: string;

const base = () => `/api/communities/${cmc}/agreements`;

beforeAll(async () => {
  t = await startTestApp();
  [admin, staff, member, alliance, platform] = await signInEach(t.app, ['park.admin', 'staff', 'member', 'alliance.admin', 'admin']);
  cmc = staff.communityId('china-medical-city');
  jiading = alliance.communityId('jiading-biomed-alliance');
  orgA = (await createOrganisation(staff, cmc, { nameZh: '甲方签约测试生物有限公司', nameEn: 'Alpha Signing Bio' })).id;
  orgB = (await createOrganisation(staff, cmc, { nameZh: '乙方签约测试投资有限公司' })).id;
  orgC = (await createOrganisation(staff, cmc, { nameZh: '丙方签约测试服务有限公司' })).id;
  deviceOrg = (await createOrganisation(staff, cmc, { nameZh: '器械签约测试有限公司', segments: ['medical_device', 'ivd'] })).id;
  project = (await createProject(staff, cmc, { nameZh: '签约测试项目ADC', segment: 'innovative_drug' })).id;
  // A signing ceremony of this community, and one of another, for the agreement's eventId.
  const insertEvent = (communityId: string) =>
    t.database.withConnection((c) =>
      c.rows<{ id: string }>(
        `insert into events (community_id, kind, title, starts_at, ends_at) values ($1, 'signing_ceremony', '签约仪式', '2030-05-20T01:00:00Z', '2030-05-20T03:00:00Z') returning id`,
        [communityId],
      ),
    );
  ceremony = (await insertEvent(cmc))[0]!.id;
  otherCeremony = (await insertEvent(jiading))[0]!.id;
});
afterAll(() => t.close());

function body(fields: Record<string, unknown> = {}) {
  return {
    kind: 'cooperation',
    title: '联合研发合作协议',
    amountFen: 500 * 1_000_000,
    signedOn: '2030-05-20',
    signedPlace: '泰州',
    parties: [
      { organisationId: orgA, role: 'party_a' },
      { organisationId: orgB, role: 'party_b' },
    ],
    ...fields,
  };
}

async function count(communityId = cmc): Promise<number> {
  const [row] = await t.database.withConnection((c) => c.rows<{ n: number }>(`select count(*)::int as n from agreements where community_id = '${communityId}'`));
  return row!.n;
}

async function create(client: Client, fields: Record<string, unknown> = {}): Promise<AgreementDetail> {
  const res = await client.post<AgreementDetail>(base(), body(fields));
  if (res.status !== 201) throw new Error(`create agreement: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function raw(client: Client, url: string, language = 'zh-CN') {
  return t.app.inject({ method: 'GET', url, remoteAddress: '10.0.0.1', headers: { cookie: client.cookie!, 'accept-language': language } });
}

describe('recording agreements', () => {
  it('creates an agreement with its parties in order, the segment taken from the project', async () => {
    const res = await staff.post<AgreementDetail>(base(), body({ projectId: project, eventId: ceremony, note: '签约仪式' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      communityId: cmc,
      kind: 'cooperation',
      title: '联合研发合作协议',
      amountFen: 500_000_000,
      signedOn: '2030-05-20',
      signedPlace: '泰州',
      status: 'signed',
      segment: 'innovative_drug',
      eventId: ceremony,
      project: { id: project, nameZh: '签约测试项目ADC' },
      version: 1,
      files: [],
      fileCount: 0,
    });
    expect(res.body.parties.map((p) => [p.organisation.id, p.role, p.position])).toEqual([
      [orgA, 'party_a', 0],
      [orgB, 'party_b', 1],
    ]);
    expect(res.body.parties[0]!.organisation.nameEn).toBe('Alpha Signing Bio');
    const [audit] = await t.database.withConnection((c) => c.rows<{ action: string }>(`select action from audit_log where entity_id = '${res.body.id}'`));
    expect(audit!.action).toBe('agreement.created');
  });

  it("defaults the segment to the first party's first segment, else none; an explicit one wins", async () => {
    const fromParty = await create(staff, { parties: [{ organisationId: deviceOrg, role: 'party_a' }, { organisationId: orgA, role: 'party_b' }] });
    expect(fromParty.segment).toBe('medical_device');
    const none = await create(staff);
    expect(none.segment).toBeNull();
    const explicit = await create(staff, { projectId: project, segment: 'ivd' });
    expect(explicit.segment).toBe('ivd');
  });

  it("accepts a pipeline item of the community and refuses another community's", async () => {
    const [own] = await t.database.withConnection((c) => c.rows<{ id: string }>(`select id from pipeline_items where community_id = '${cmc}' limit 1`));
    const [foreign] = await t.database.withConnection((c) => c.rows<{ id: string }>(`select id from pipeline_items where community_id <> '${cmc}' limit 1`));
    const ok = await create(staff, { pipelineItemId: own!.id, kind: 'landing' });
    expect(ok.pipelineItemId).toBe(own!.id);
    const byItem = await staff.get<AgreementPage>(`${base()}?pipelineItemId=${own!.id}`);
    expect(byItem.body.items.map((a) => a.id)).toContain(ok.id);
    const before = await count();
    const res = await staff.post<ErrorBody>(base(), body({ pipelineItemId: foreign!.id }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ pipelineItemId: msg('agreement_item_unknown') });
    expect(await count()).toBe(before);
  });

  it("names an event of the community and refuses another community's", async () => {
    const before = await count();
    const res = await staff.post<ErrorBody>(base(), body({ eventId: otherCeremony }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ eventId: msg('agreement_event_unknown') });
    expect(await count()).toBe(before);
  });

  it('refuses bad input with the field named, writing nothing', async () => {
    const before = await count();
    const one = await staff.post<ErrorBody>(base(), body({ parties: [{ organisationId: orgA, role: 'party_a' }] }));
    expect(one.status).toBe(400);
    expect(Object.keys(one.body.error.fields!)).toEqual(['parties']);
    const unknown = await staff.post<ErrorBody>(base(), body({ parties: [{ organisationId: orgA, role: 'party_a' }, { organisationId: '00000000-0000-4000-8000-000000000001', role: 'party_b' }] }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual({ 'parties.1.organisationId': msg('agreement_party_unknown') });
    const duplicate = await staff.post<ErrorBody>(base(), body({ parties: [{ organisationId: orgA, role: 'party_a' }, { organisationId: orgA, role: 'party_b' }] }));
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.fields).toEqual({ parties: msg('agreement_parties_duplicate') });
    const negative = await staff.post<ErrorBody>(base(), body({ amountFen: -1 }));
    expect(negative.status).toBe(400);
    expect(Object.keys(negative.body.error.fields!)).toEqual(['amountFen']);
    const kind = await staff.post<ErrorBody>(base(), body({ kind: 'marriage' }));
    expect(Object.keys(kind.body.error.fields!)).toEqual(['kind']);
    const role = await staff.post<ErrorBody>(base(), body({ parties: [{ organisationId: orgA, role: 'boss' }, { organisationId: orgB, role: 'party_b' }] }));
    expect(Object.keys(role.body.error.fields!)).toEqual(['parties.0.role']);
    const projectMissing = await staff.post<ErrorBody>(base(), body({ projectId: '00000000-0000-4000-8000-000000000002' }));
    expect(projectMissing.body.error.fields).toEqual({ projectId: msg('agreement_project_unknown') });
    const segment = await staff.post<ErrorBody>(base(), body({ segment: 'astrology' }));
    expect(segment.body.error.fields).toEqual({ segment: msg('agreement_segment_unknown') });
    const extra = await staff.post<ErrorBody>(base(), { ...body(), hacked: true });
    expect(extra.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('answers 403 to members without the permission and 404 to other communities', async () => {
    const a = await create(staff);
    expect((await member.get(base())).status).toBe(403);
    expect((await member.get(`${base()}/${a.id}`)).status).toBe(403);
    expect((await member.post(base(), body())).status).toBe(403);
    expect((await member.get(`${base()}/totals`)).status).toBe(403);
    expect((await alliance.get(base())).status).toBe(404);
    expect((await alliance.get(`${base()}/${a.id}`)).status).toBe(404);
    // Another community's agreement under one's own community: not found.
    expect((await alliance.get(`/api/communities/${jiading}/agreements/${a.id}`)).status).toBe(404);
    expect((await alliance.patch(`/api/communities/${jiading}/agreements/${a.id}`, { version: 1, title: 'x' })).status).toBe(404);
    expect((await alliance.delete(`/api/communities/${jiading}/agreements/${a.id}`)).status).toBe(404);
    expect((await staff.get<AgreementDetail>(`${base()}/${a.id}`)).body.title).toBe('联合研发合作协议');
  });
});

describe('listing', () => {
  it('filters by kind, status, period, project, party name and pages by signing date', async () => {
    const mk = (signedOn: string, extra: Record<string, unknown> = {}) => create(staff, { signedOn, title: `列表测试协议${signedOn}`, ...extra });
    const a1 = await mk('2032-01-05', { kind: 'licensing', parties: [{ organisationId: orgC, role: 'licensor' }, { organisationId: orgB, role: 'licensee' }] });
    const a2 = await mk('2032-02-10', { status: 'in_force', projectId: project });
    const a3 = await mk('2032-03-15');
    const a4 = await mk('2032-03-15');
    const period = `from=2032-01-01&to=2032-12-31`;
    const all = await staff.get<AgreementPage>(`${base()}?${period}`);
    expect(all.body.total).toBe(4);
    const sameDay = [a3.id, a4.id].sort().reverse();
    expect(all.body.items.map((a) => a.id)).toEqual([...sameDay, a2.id, a1.id]);
    const page1 = await staff.get<AgreementPage>(`${base()}?${period}&limit=3`);
    expect(page1.body.items).toHaveLength(3);
    const page2 = await staff.get<AgreementPage>(`${base()}?${period}&limit=3&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((a) => a.id)).toEqual([a1.id]);
    expect(page2.body.nextCursor).toBeNull();
    expect((await staff.get<AgreementPage>(`${base()}?${period}&kind=licensing`)).body.items.map((a) => a.id)).toEqual([a1.id]);
    expect((await staff.get<AgreementPage>(`${base()}?${period}&status=in_force`)).body.items.map((a) => a.id)).toEqual([a2.id]);
    expect((await staff.get<AgreementPage>(`${base()}?${period}&projectId=${project}`)).body.items.map((a) => a.id)).toEqual([a2.id]);
    expect((await staff.get<AgreementPage>(`${base()}?from=2032-02-01&to=2032-02-28`)).body.items.map((a) => a.id)).toEqual([a2.id]);
    expect((await staff.get<AgreementPage>(`${base()}?${period}&q=${encodeURIComponent('丙方签约')}`)).body.items.map((a) => a.id)).toEqual([a1.id]);
    expect((await staff.get<AgreementPage>(`${base()}?${period}&q=${encodeURIComponent('2032-02')}`)).body.items.map((a) => a.id)).toEqual([a2.id]);
    expect((await staff.get<AgreementPage>(`${base()}?${period}&q=%25`)).body.total).toBe(0);
    const bad = await staff.get<ErrorBody>(`${base()}?cursor=garbage`);
    expect(bad.status).toBe(400);
    const order = await staff.get<ErrorBody>(`${base()}?from=2032-02-01&to=2032-01-01`);
    expect(order.body.error.fields).toEqual({ to: msg('agreement_period_order') });
  });
});

describe('changing and deleting', () => {
  it('replaces the parties as a set, changes the status and bumps the version', async () => {
    const a = await create(staff);
    const res = await staff.patch<AgreementDetail>(`${base()}/${a.id}`, {
      version: 1,
      status: 'in_force',
      amountFen: null,
      parties: [
        { organisationId: orgC, role: 'provider' },
        { organisationId: orgA, role: 'client' },
        { organisationId: orgB, role: 'witness' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'in_force', amountFen: null, version: 2, title: '联合研发合作协议' });
    expect(res.body.parties.map((p) => [p.organisation.id, p.role])).toEqual([
      [orgC, 'provider'],
      [orgA, 'client'],
      [orgB, 'witness'],
    ]);
    const [audit] = await t.database.withConnection((c) => c.rows<{ action: string }>(`select action from audit_log where entity_id = '${a.id}' order by at desc, id desc limit 1`));
    expect(audit!.action).toBe('agreement.status_changed');
    const dup = await staff.patch<ErrorBody>(`${base()}/${a.id}`, { version: 2, parties: [{ organisationId: orgC, role: 'provider' }, { organisationId: orgC, role: 'client' }] });
    expect(dup.status).toBe(400);
    expect((await staff.get<AgreementDetail>(`${base()}/${a.id}`)).body.parties).toHaveLength(3);
  });

  it('lets one of two edits on the same version win and refuses the other with 409, losing nothing', async () => {
    const a = await create(staff);
    const [r1, r2] = await Promise.all([
      staff.patch<AgreementDetail>(`${base()}/${a.id}`, { version: 1, title: '第一位编辑' }),
      admin.patch<AgreementDetail>(`${base()}/${a.id}`, { version: 1, signedPlace: '南京' }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    const winner = r1.status === 200 ? r1 : r2;
    const loser = r1.status === 200 ? r2 : r1;
    expect((loser.body as unknown as ErrorBody).error.code).toBe('version_conflict');
    const now = await staff.get<AgreementDetail>(`${base()}/${a.id}`);
    expect(now.body.version).toBe(2);
    expect([now.body.title, now.body.signedPlace]).toEqual([winner.body.title, winner.body.signedPlace]);
    // The refused edit, resent on the new version, lands on top of the first.
    const again = await admin.patch<AgreementDetail>(`${base()}/${a.id}`, { version: 2, signedPlace: '南京', title: now.body.title });
    expect(again.body).toMatchObject({ version: 3, signedPlace: '南京', title: winner.body.title });
  });

  it('lets only community admins delete, with the attachments', async () => {
    const a = await create(staff);
    const file = await sendMultipart<AgreementFile>(t.app, staff, `${base()}/${a.id}/files`, [{ name: 'file', file: { filename: '协议.pdf', contentType: 'application/pdf', data: PDF } }]);
    expect(file.status).toBe(201);
    expect((await staff.delete<ErrorBody>(`${base()}/${a.id}`)).status).toBe(403);
    expect((await admin.delete(`${base()}/${a.id}`)).status).toBe(200);
    expect((await staff.get(`${base()}/${a.id}`)).status).toBe(404);
    const [left] = await t.database.withConnection((c) => c.rows<{ n: number }>(`select count(*)::int as n from files where id = '${file.body.fileId}'`));
    expect(left!.n).toBe(0);
    expect((await admin.delete(`${base()}/${a.id}`)).status).toBe(404);
  });
});

describe('attachments', () => {
  it('stores a PDF, lists it, serves it to readers and removes it', async () => {
    const a = await create(staff);
    const up = await sendMultipart<AgreementFile>(t.app, staff, `${base()}/${a.id}/files`, [{ name: 'file', file: { filename: '签约文本.pdf', contentType: 'application/pdf', data: PDF } }]);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ filename: '签约文本.pdf', contentType: 'application/pdf', sizeBytes: PDF.length });
    const detail = await staff.get<AgreementDetail>(`${base()}/${a.id}`);
    expect(detail.body.files.map((f) => f.id)).toEqual([up.body.id]);
    expect(detail.body.fileCount).toBe(1);
    const download = await raw(admin, `${base()}/${a.id}/files/${up.body.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(String(download.headers['content-disposition'])).toContain("filename*=UTF-8''");
    // The directory's generic file route does not serve agreement files.
    expect((await admin.get(`/api/files/${up.body.fileId}`)).status).toBe(404);
    expect((await raw(member, `${base()}/${a.id}/files/${up.body.id}`)).statusCode).toBe(403);
    expect((await raw(alliance, `${base()}/${a.id}/files/${up.body.id}`)).statusCode).toBe(404);
    expect((await member.delete(`${base()}/${a.id}/files/${up.body.id}`)).status).toBe(403);
    expect((await staff.delete(`${base()}/${a.id}/files/${up.body.id}`)).status).toBe(200);
    expect((await raw(admin, `${base()}/${a.id}/files/${up.body.id}`)).statusCode).toBe(404);
    expect((await staff.get<AgreementDetail>(`${base()}/${a.id}`)).body.files).toEqual([]);
  });

  it('refuses a file that is not a PDF by its bytes with 422 unreadable_file, storing nothing', async () => {
    const a = await create(staff);
    const [before] = await t.database.withConnection((c) => c.rows<{ n: number }>('select count(*)::int as n from files'));
    const res = await sendMultipart<ErrorBody>(t.app, staff, `${base()}/${a.id}/files`, [{ name: 'file', file: { filename: 'fake.pdf', contentType: 'application/pdf', data: PNG } }]);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('unreadable_file');
    expect(res.body.error.fields).toEqual({ file: msg('attachment_not_pdf') });
    const [after] = await t.database.withConnection((c) => c.rows<{ n: number }>('select count(*)::int as n from files'));
    expect(after!.n).toBe(before!.n);
    const none = await sendMultipart<ErrorBody>(t.app, staff, `${base()}/${a.id}/files`, [{ name: 'note', value: 'x' }]);
    expect(none.status).toBe(400);
    expect((await sendMultipart(t.app, member, `${base()}/${a.id}/files`, [{ name: 'file', file: { filename: 'a.pdf', contentType: 'application/pdf', data: PDF } }])).status).toBe(403);
  });
});

describe('totals and export', () => {
  const period = 'from=2031-01-01&to=2031-12-31';
  let other: string;

  beforeAll(async () => {
    other = (await createProject(staff, cmc, { nameZh: '签约测试器械项目', segment: 'medical_device', track: 'device', stage: 'design' }).catch(() => createProject(staff, cmc, { nameZh: '签约测试器械项目', segment: 'medical_device' }))).id;
    const wan = 1_000_000;
    await create(staff, { kind: 'investment', signedOn: '2031-02-01', amountFen: 15000 * wan, projectId: project, status: 'completed' });
    await create(staff, { kind: 'landing', signedOn: '2031-02-20', amountFen: 5000 * wan, projectId: project });
    await create(staff, { kind: 'cooperation', signedOn: '2031-03-03', amountFen: null, projectId: other });
    await create(staff, { kind: 'service', signedOn: '2031-03-31', amountFen: 12.5 * wan });
    await create(staff, { kind: 'investment', signedOn: '2031-04-01', amountFen: 99999 * wan, projectId: other, status: 'terminated' });
  });

  it('adds up the period exactly, leaving terminated agreements out by default', async () => {
    const res = await staff.get<AgreementTotalsReply>(`${base()}/totals?${period}`);
    expect(res.status).toBe(200);
    const wan = 1_000_000;
    expect(res.body).toMatchObject({ from: '2031-01-01', to: '2031-12-31', communityId: cmc, statuses: ['signed', 'in_force', 'completed'], count: 4, projectCount: 2, amountFen: 20012.5 * wan, withoutAmount: 1 });
    expect(res.body.byKind.filter((b) => b.count > 0).map((b) => [b.kind, b.count, b.projectCount, b.amountFen])).toEqual([
      ['cooperation', 1, 1, 0],
      ['investment', 1, 1, 15000 * wan],
      ['landing', 1, 1, 5000 * wan],
      ['service', 1, 0, 12.5 * wan],
    ]);
    expect(res.body.bySegment.map((b) => [b.segment, b.nameZhHans, b.count, b.amountFen])).toEqual([
      ['innovative_drug', '创新药', 2, 20000 * wan],
      ['medical_device', '医疗器械', 1, 0],
      [null, null, 1, 12.5 * wan],
    ]);
    expect(res.body.bySegment[0]!.nameEn).toBeTruthy();
    expect(res.body.byMonth.map((b) => [b.month, b.count, b.projectCount, b.amountFen])).toEqual([
      ['2031-02', 2, 1, 20000 * wan],
      ['2031-03', 2, 1, 12.5 * wan],
    ]);
    const withTerminated = await staff.get<AgreementTotalsReply>(`${base()}/totals?${period}&status=signed,in_force,completed,terminated`);
    expect([withTerminated.body.count, withTerminated.body.projectCount, withTerminated.body.amountFen]).toEqual([5, 2, 120011.5 * wan]);
    const onlyTerminated = await staff.get<AgreementTotalsReply>(`${base()}/totals?${period}&status=terminated`);
    expect([onlyTerminated.body.count, onlyTerminated.body.statuses]).toEqual([1, ['terminated']]);
    expect((await staff.get(`${base()}/totals?status=lost`)).status).toBe(400);
    expect((await alliance.get(`${base()}/totals?${period}`)).status).toBe(404);
  });

  it('exports a workbook with the summary and one row per agreement, in the request language', async () => {
    const res = await raw(staff, `${base()}/export.xlsx?${period}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', '协议清单']);
    const summary = wb.worksheets[0]!;
    const values = new Map<string, unknown>();
    summary.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('协议数量')).toBe(4);
    expect(values.get('项目数量')).toBe(2);
    expect(values.get('金额（万元）')).toBe(20012.5);
    expect(values.get('期间')).toBe('2031-01-01 – 2031-12-31');
    expect(String(values.get('生成时间'))).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \(Asia\/Shanghai\)$/);
    const list = wb.worksheets[1]!;
    expect(list.rowCount).toBe(5);
    const rows = list.getSheetValues().slice(2) as unknown[][];
    const first = rows[0]!;
    expect(first[2]).toBe('联合研发合作协议');
    expect(first[3]).toBe('服务协议');
    expect(first[5]).toBe(12.5);
    expect(String(first[6])).toContain('甲方签约测试生物有限公司（甲方）');
    expect(rows.map((r) => r[5] ?? null)).toEqual([12.5, null, 5000, 15000]);
    const en = await raw(staff, `${base()}/export.xlsx?${period}`, 'en');
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(wbEn.worksheets.map((s) => s.name)).toEqual(['Summary', 'Agreements']);
    expect(wbEn.worksheets[1]!.getRow(2).getCell(3).value).toBe('Service');
    expect((await raw(member, `${base()}/export.xlsx?${period}`)).statusCode).toBe(403);
  });

  it("counts an agreement without its own segment under its project's", async () => {
    const a = await create(staff, { signedOn: '2033-06-01', projectId: project, amountFen: 7 * 1_000_000 });
    await t.database.withConnection((c) => c.rows(`update agreements set segment = null where id = '${a.id}'`));
    const totals = await staff.get<AgreementTotalsReply>(`${base()}/totals?from=2033-01-01&to=2033-12-31`);
    expect(totals.body.bySegment.map((b) => [b.segment, b.count, b.amountFen])).toEqual([['innovative_drug', 1, 7_000_000]]);
    const list = await staff.get<AgreementPage>(`${base()}?from=2033-01-01&to=2033-12-31&segment=innovative_drug`);
    expect(list.body.items.map((x) => [x.id, x.segment])).toEqual([[a.id, 'innovative_drug']]);
    expect((await staff.get<AgreementDetail>(`${base()}/${a.id}`)).body.segment).toBe('innovative_drug');
  });

  it('gives platform admins the totals across communities, and nobody else', async () => {
    expect((await staff.get(`/api/agreements/totals?${period}`)).status).toBe(403);
    expect((await admin.get(`/api/agreements/totals?${period}`)).status).toBe(403);
    const one = await platform.get<AgreementTotalsReply>(`/api/agreements/totals?${period}&communityId=${cmc}`);
    expect([one.status, one.body.count, one.body.communityId]).toEqual([200, 4, cmc]);
    const all = await platform.get<AgreementTotalsReply>(`/api/agreements/totals?${period}`);
    expect([all.body.count, all.body.communityId]).toEqual([4, null]);
    expect((await platform.get(`/api/agreements/totals?communityId=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });
});

describe('API documentation', () => {
  it('documents every agreements route', async () => {
    const res = await staff.get<{ paths: Record<string, Record<string, { summary?: string; tags?: string[] }>> }>('/api/openapi.json');
    expect(res.status).toBe(200);
    const paths = Object.keys(res.body.paths).filter((p) => p.includes('agreements'));
    expect(paths.sort()).toEqual(
      [
        '/api/agreements/totals',
        '/api/communities/{communityId}/agreements',
        '/api/communities/{communityId}/agreements/export.xlsx',
        '/api/communities/{communityId}/agreements/totals',
        '/api/communities/{communityId}/agreements/{agreementId}',
        '/api/communities/{communityId}/agreements/{agreementId}/files',
        '/api/communities/{communityId}/agreements/{agreementId}/files/{agreementFileId}',
      ].sort(),
    );
    for (const p of paths) for (const op of Object.values(res.body.paths[p]!)) expect([op.tags, Boolean(op.summary)]).toEqual([['agreements'], true]);
  });
});
