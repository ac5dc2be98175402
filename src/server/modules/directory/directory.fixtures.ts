/**
 * Helpers shared by the directory's API tests: valid credit codes, records made through the
 * API, and multipart uploads (the test client speaks JSON only).
 */
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '../../../domain/credit-code';
import { signedIn, type Client, type Reply, type TestApp } from '../../../../test/app';

/** A fresh, valid unified social credit code (random body, correct check character). */
export function creditCode(): string {
  const bytes = crypto.randomBytes(9);
  const body = `91321291${[...bytes].map((b) => CREDIT_CODE_ALPHABET[b % 31]).join('')}`;
  return body + creditCodeCheckChar(body)!;
}

export async function createOrganisation(client: Client, communityId: string, fields: Record<string, unknown> = {}) {
  const res = await client.post<{ id: string; version: number }>('/api/directory/organisations', {
    communityId,
    kind: 'enterprise',
    nameZh: `测试生物科技${crypto.randomBytes(3).toString('hex')}有限公司`,
    ...fields,
  });
  if (res.status !== 201) throw new Error(`create organisation: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createPerson(client: Client, communityId: string, fields: Record<string, unknown> = {}) {
  const res = await client.post<{ id: string; version: number }>('/api/directory/people', { communityId, nameZh: '李明', ...fields });
  if (res.status !== 201) throw new Error(`create person: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createProject(client: Client, communityId: string, fields: Record<string, unknown> = {}) {
  const res = await client.post<{ id: string; version: number }>('/api/directory/projects', {
    communityId,
    nameZh: '新型抗体偶联药物',
    segment: 'innovative_drug',
    track: 'drug',
    stage: 'preclinical',
    ...fields,
  });
  if (res.status !== 201) throw new Error(`create project: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface Part {
  name: string;
  value?: string;
  file?: { filename: string; contentType: string; data: Buffer };
}

/** Sends a multipart/form-data request as the client (its session cookie and CSRF token). */
export async function sendMultipart<T = unknown>(app: FastifyInstance, client: Client, url: string, parts: Part[]): Promise<Reply<T>> {
  const boundary = `----bb${crypto.randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const head = p.file
      ? `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.file.filename}"\r\nContent-Type: ${p.file.contentType}\r\n\r\n`
      : `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n`;
    chunks.push(Buffer.from(head, 'utf8'), p.file ? p.file.data : Buffer.from(p.value ?? '', 'utf8'), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  const res = await app.inject({
    method: 'POST',
    url,
    remoteAddress: '10.0.0.1',
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...(client.csrfToken ? { 'x-csrf-token': client.csrfToken } : {}),
    },
    payload: Buffer.concat(chunks),
  });
  const body = res.headers['content-type']?.toString().includes('json') ? (res.json() as T) : (res.body as T);
  return { status: res.statusCode, body, headers: res.headers };
}

export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(200)]);
export const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(500), Buffer.from('\n%%EOF\n')]);

/** Signs in several demo accounts (by the part before @biobridge.demo) at once, in order. */
export async function signInEach<const N extends readonly string[]>(app: FastifyInstance, names: N): Promise<{ [K in keyof N]: Client }> {
  return (await Promise.all(names.map((n) => signedIn(app, `${n}@biobridge.demo`)))) as unknown as { [K in keyof N]: Client };
}

/** Makes the person the record of a user account (clearing whichever record the demo data gave that account). */
export async function linkPersonToUser(t: TestApp, personId: string, email: string): Promise<void> {
  await t.database.withConnection((c) =>
    c.exec(`update people set user_id = null where user_id = (select id from users where email = '${email}');
            update people set user_id = (select id from users where email = '${email}') where id = '${personId}'`),
  );
}
