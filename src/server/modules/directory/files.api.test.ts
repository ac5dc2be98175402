import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment, Organisation, ProjectDetail } from '../../../shared/schemas/directory';
import { startTestApp, type Client, type TestApp } from '../../../../test/app';
import { createOrganisation, createProject, PDF, PNG, sendMultipart, signInEach } from './directory.fixtures';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

const UPLOAD_LIMIT = 3 * 1024 * 1024;
let t: TestApp;
let staff: Client;
let member: Client;
let alliance: Client;
let cmc: string;

beforeAll(async () => {
  t = await startTestApp({ env: { UPLOAD_LIMIT: String(UPLOAD_LIMIT) } });
  [staff, member, alliance] = await signInEach(t.app, ['staff', 'member', 'alliance.admin']);
  cmc = staff.communityId('china-medical-city');
});
afterAll(() => t.close());

/** Files in storage (bytes), whatever their directory. */
function storedFiles(): string[] {
  const out: string[] = [];
  for (const dir of fs.readdirSync(t.filesDir)) for (const f of fs.readdirSync(path.join(t.filesDir, dir))) out.push(f);
  return out;
}

async function fileRows(): Promise<number> {
  const [row] = await t.database.withConnection((c) => c.rows<{ n: number }>('select count(*)::int as n from files'));
  return row!.n;
}

describe('logos', () => {
  it('stores a PNG logo, replaces it, and serves it to anyone signed in', async () => {
    const org = await createOrganisation(staff, cmc);
    const first = await sendMultipart<Organisation>(t.app, staff, `/api/directory/organisations/${org.id}/logo`, [{ name: 'file', file: { filename: 'logo.png', contentType: 'image/png', data: PNG } }]);
    expect(first.status).toBe(200);
    expect(first.body.logoFileId).not.toBeNull();
    const second = await sendMultipart<Organisation>(t.app, staff, `/api/directory/organisations/${org.id}/logo`, [{ name: 'file', file: { filename: 'new.png', contentType: 'image/png', data: PNG } }]);
    expect(second.body.version).toBe(3);
    expect((await member.get(`/api/files/${first.body.logoFileId}`)).status).toBe(404); // the old one is gone
    const res = await alliance.get<string>(`/api/files/${second.body.logoFileId}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(String(res.headers['content-disposition'])).toContain('inline; filename="new.png"');
  });

  it('refuses a file that is not an image by its bytes (422), whatever it claims, storing nothing', async () => {
    const org = await createOrganisation(staff, cmc);
    const [rowsBefore, bytesBefore] = [await fileRows(), storedFiles().length];
    const res = await sendMultipart<ErrorBody>(t.app, staff, `/api/directory/organisations/${org.id}/logo`, [
      { name: 'file', file: { filename: 'logo.png', contentType: 'image/png', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') } },
    ]);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('unreadable_file');
    expect([await fileRows(), storedFiles().length]).toEqual([rowsBefore, bytesBefore]);
  });

  it('refuses a logo over 2 MB (413), storing nothing', async () => {
    const org = await createOrganisation(staff, cmc);
    const [rowsBefore, bytesBefore] = [await fileRows(), storedFiles().length];
    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
    const res = await sendMultipart<ErrorBody>(t.app, staff, `/api/directory/organisations/${org.id}/logo`, [{ name: 'file', file: { filename: 'big.png', contentType: 'image/png', data: big } }]);
    expect(res.status).toBe(413);
    expect([await fileRows(), storedFiles().length]).toEqual([rowsBefore, bytesBefore]);
  });

  it('refuses someone who may not edit the profile before storing anything', async () => {
    const org = await createOrganisation(staff, cmc);
    const bytesBefore = storedFiles().length;
    const res = await sendMultipart(t.app, member, `/api/directory/organisations/${org.id}/logo`, [{ name: 'file', file: { filename: 'logo.png', contentType: 'image/png', data: PNG } }]);
    expect(res.status).toBe(403);
    expect(storedFiles().length).toBe(bytesBefore);
  });

  it('asks for the file when the form has none', async () => {
    const org = await createOrganisation(staff, cmc);
    const res = await sendMultipart<ErrorBody>(t.app, staff, `/api/directory/organisations/${org.id}/logo`, [{ name: 'note', value: 'no file' }]);
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('file');
  });
});

describe('project attachments', () => {
  it('stores a PDF with its kind (sent before or after the file) and serves it under its Chinese name', async () => {
    const p = await createProject(staff, cmc, { confidentiality: 'community' });
    const res = await sendMultipart<Attachment>(t.app, staff, `/api/directory/projects/${p.id}/attachments`, [
      { name: 'file', file: { filename: '商业计划书 2026.pdf', contentType: 'application/pdf', data: PDF } },
      { name: 'kind', value: 'other' },
    ]);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'other', filename: '商业计划书 2026.pdf', contentType: 'application/pdf', sizeBytes: PDF.length });
    const detail = await member.get<ProjectDetail>(`/api/directory/projects/${p.id}`);
    expect(detail.body.attachments.map((a) => a.id)).toEqual([res.body.id]);
    const file = await member.get<string>(`/api/files/${res.body.fileId}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="_____ 2026.pdf"; filename*=UTF-8''${encodeURIComponent('商业计划书 2026.pdf')}`,
    );
    expect(Buffer.from(file.body, 'latin1').subarray(0, 5).toString()).toBe('%PDF-');
    // Someone who may not see the project cannot fetch its files either.
    expect((await alliance.get(`/api/files/${res.body.fileId}`)).status).toBe(404);
  });

  it('refuses a file that is not a PDF (422) and a bad kind (400), storing nothing', async () => {
    const p = await createProject(staff, cmc);
    const [rowsBefore, bytesBefore] = [await fileRows(), storedFiles().length];
    const notPdf = await sendMultipart<ErrorBody>(t.app, staff, `/api/directory/projects/${p.id}/attachments`, [
      { name: 'kind', value: 'pitch_deck' },
      { name: 'file', file: { filename: 'deck.pdf', contentType: 'application/pdf', data: PNG } },
    ]);
    expect(notPdf.status).toBe(422);
    expect(notPdf.body.error.code).toBe('unreadable_file');
    const badKind = await sendMultipart<ErrorBody>(t.app, staff, `/api/directory/projects/${p.id}/attachments`, [
      { name: 'kind', value: 'selfie' },
      { name: 'file', file: { filename: 'deck.pdf', contentType: 'application/pdf', data: PDF } },
    ]);
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.fields).toHaveProperty('kind');
    expect([await fileRows(), storedFiles().length]).toEqual([rowsBefore, bytesBefore]);
  });

  it('refuses a file over the upload limit (413), storing nothing', async () => {
    const p = await createProject(staff, cmc);
    const [rowsBefore, bytesBefore] = [await fileRows(), storedFiles().length];
    const big = Buffer.concat([PDF, Buffer.alloc(UPLOAD_LIMIT)]);
    const res = await sendMultipart<ErrorBody>(t.app, staff, `/api/directory/projects/${p.id}/attachments`, [{ name: 'file', file: { filename: 'big.pdf', contentType: 'application/pdf', data: big } }]);
    expect(res.status).toBe(413);
    expect([await fileRows(), storedFiles().length]).toEqual([rowsBefore, bytesBefore]);
  });

  it('answers 404 for uploads to a project the user cannot see, 403 when they see but cannot edit', async () => {
    const hidden = await createProject(staff, cmc, { confidentiality: 'named_investors' });
    const res = await sendMultipart(t.app, alliance, `/api/directory/projects/${hidden.id}/attachments`, [{ name: 'file', file: { filename: 'a.pdf', contentType: 'application/pdf', data: PDF } }]);
    expect(res.status).toBe(404);
    const visible = await createProject(staff, cmc, { confidentiality: 'public' });
    const denied = await sendMultipart(t.app, member, `/api/directory/projects/${visible.id}/attachments`, [{ name: 'file', file: { filename: 'a.pdf', contentType: 'application/pdf', data: PDF } }]);
    expect(denied.status).toBe(403);
  });

  it('removes an attachment with its bytes, and a deleted project takes its files along', async () => {
    const p = await createProject(staff, cmc);
    const bytesBefore = storedFiles().length;
    const a = await sendMultipart<Attachment>(t.app, staff, `/api/directory/projects/${p.id}/attachments`, [{ name: 'file', file: { filename: 'a.pdf', contentType: 'application/pdf', data: PDF } }]);
    const b = await sendMultipart<Attachment>(t.app, staff, `/api/directory/projects/${p.id}/attachments`, [{ name: 'file', file: { filename: 'b.pdf', contentType: 'application/pdf', data: PDF } }]);
    expect(storedFiles().length).toBe(bytesBefore + 2);
    expect((await member.delete(`/api/directory/projects/${p.id}/attachments/${a.body.id}`)).status).toBe(403);
    expect((await staff.delete(`/api/directory/projects/${p.id}/attachments/${a.body.id}`)).status).toBe(200);
    expect((await staff.delete(`/api/directory/projects/${p.id}/attachments/${a.body.id}`)).status).toBe(404);
    expect((await staff.get(`/api/files/${a.body.fileId}`)).status).toBe(404);
    expect((await staff.delete(`/api/directory/projects/${p.id}`)).status).toBe(200);
    expect((await staff.get(`/api/files/${b.body.fileId}`)).status).toBe(404);
    expect(storedFiles().length).toBe(bytesBefore);
  });

  it('never serves files that are neither logos nor attachments', async () => {
    expect((await staff.get('/api/files/00000000-0000-4000-8000-000000000002')).status).toBe(404);
  });
});
