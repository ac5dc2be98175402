import type { Client } from '../../../../test/app';
import type { ImportJob } from '../../../shared/schemas/transfer';
import { csvOf, multipart } from './test-files';

/**
 * For the tenancy sweep (src/server/tenancy.api.test.ts): a body for each community-scoped
 * write of the import, and an import of the target community for the routes that take one.
 * The upload is multipart; the sweep sends JSON, which the tenancy gate answers before the
 * body is read.
 */
export const bodies: Record<string, unknown> = {
  'POST /api/communities/:communityId/imports': { entityType: 'organisation' },
  'PUT /api/communities/:communityId/imports/:importId': { mapping: { 企业名称: 'nameZh' }, duplicateStrategy: 'skip' },
  'POST /api/communities/:communityId/imports/:importId/commit': {},
};

export async function ids(owner: Client, communityId: string): Promise<Record<string, string>> {
  const { body, contentType } = multipart({ entityType: 'organisation' }, { filename: 'sweep.csv', content: csvOf([['企业名称'], ['租户隔离测试有限公司']]) });
  // The file is UTF-8 text, so the multipart body travels intact as a string.
  const res = await owner.request<ImportJob>('POST', `/api/communities/${communityId}/imports`, body.toString('utf8'), { 'content-type': contentType });
  if (res.status !== 201) throw new Error(`sweep import upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { importId: res.body.id };
}
