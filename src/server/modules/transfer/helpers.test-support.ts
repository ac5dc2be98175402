import crypto from 'node:crypto';
import type { Client, TestApp } from '../../../../test/app';
import type { ImportJob, ImportPreview } from '../../../shared/schemas/transfer';
import { multipart } from './test-files';

/** What the import tests do over HTTP, the way the wizard does it. */
export interface ErrorReply {
  error: { code: string; message: string; fields?: Record<string, string> };
}

export function importsOf(t: TestApp, client: Client, communityId: string) {
  const base = `/api/communities/${communityId}/imports`;
  return {
    async upload(entityType: string, filename: string, content: Buffer, locale = 'zh-CN') {
      const { body, contentType } = multipart({ entityType }, { filename, content });
      const res = await t.app.inject({
        method: 'POST',
        url: base,
        headers: { cookie: client.cookie ?? '', 'x-csrf-token': client.csrfToken ?? '', 'content-type': contentType, 'accept-language': locale },
        payload: body,
      });
      return { status: res.statusCode, body: res.json() as ImportJob & ErrorReply };
    },
    preview(job: ImportJob, duplicateStrategy: 'update' | 'skip' = 'skip', mapping = job.mapping) {
      return client.request<ImportPreview & ErrorReply>('PUT', `${base}/${job.id}`, { mapping, duplicateStrategy });
    },
    rows(job: ImportJob, query = '') {
      return client.get<ImportPreview & ErrorReply>(`${base}/${job.id}/rows${query}`);
    },
    commit(job: ImportJob) {
      return client.post<ImportJob & ErrorReply>(`${base}/${job.id}/commit`);
    },
    get(job: ImportJob) {
      return client.get<ImportJob & ErrorReply>(`${base}/${job.id}`);
    },
    list() {
      return client.get<ImportJob[]>(base);
    },
    /** Upload, preview and commit in one go; fails the test on any non-success. */
    async run(entityType: string, filename: string, content: Buffer, strategy: 'update' | 'skip' = 'skip') {
      const up = await this.upload(entityType, filename, content);
      if (up.status !== 201) throw new Error(`upload ${up.status} ${JSON.stringify(up.body)}`);
      const pre = await this.preview(up.body, strategy);
      if (pre.status !== 200) throw new Error(`preview ${pre.status} ${JSON.stringify(pre.body)}`);
      const done = await this.commit(up.body);
      if (done.status !== 200) throw new Error(`commit ${done.status} ${JSON.stringify(done.body)}`);
      return { job: done.body, preview: pre.body };
    },
  };
}

/** A tag that makes this test's names unique in a shared database. */
export function uniqueTag(): string {
  return crypto.randomBytes(3).toString('hex');
}

export async function sql<T>(t: TestApp, text: string, params: unknown[] = []): Promise<T[]> {
  return t.database.withConnection((conn) => conn.rows<T>(text, params));
}
