import type { Client } from '../../../../test/app';

/**
 * For the tenancy sweep (src/server/tenancy.api.test.ts): valid bodies for the community-scoped
 * writes of agreements, and an agreement of the target community with one attachment for the
 * routes that take their ids. The upload is multipart; the sweep sends JSON, which the tenancy
 * gate (and the agreement lookup) answer before the body is read.
 */
const ORG_A = '7d3f6a52-0c1e-4b8a-9f2d-5e6b7c8d9e0f';
const ORG_B = '8e4a7b63-1d2f-4c9b-a03e-6f7c8d9e0a1b';

export const bodies: Record<string, unknown> = {
  'POST /api/communities/:communityId/agreements': {
    kind: 'cooperation',
    title: '租户隔离测试合作协议',
    signedOn: '2026-06-01',
    parties: [
      { organisationId: ORG_A, role: 'party_a' },
      { organisationId: ORG_B, role: 'party_b' },
    ],
  },
  'PATCH /api/communities/:communityId/agreements/:agreementId': { version: 1, title: '已改名的协议' },
  'POST /api/communities/:communityId/agreements/:agreementId/files': {},
};

/** A tiny PDF that is plain ASCII, so the multipart body travels intact as a string. */
const PDF_TEXT = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

export async function ids(owner: Client, communityId: string): Promise<Record<string, string>> {
  const orgs: string[] = [];
  for (const nameZh of ['租户隔离签约甲方有限公司', '租户隔离签约乙方有限公司']) {
    const org = await owner.post<{ id: string }>('/api/directory/organisations', { communityId, kind: 'enterprise', nameZh });
    if (org.status !== 201) throw new Error(`creating a sample party failed: ${org.status} ${JSON.stringify(org.body)}`);
    orgs.push(org.body.id);
  }
  const agreement = await owner.post<{ id: string }>(`/api/communities/${communityId}/agreements`, {
    kind: 'cooperation',
    title: '仅本社区可见的协议',
    signedOn: '2026-06-01',
    parties: orgs.map((organisationId, i) => ({ organisationId, role: i === 0 ? 'party_a' : 'party_b' })),
  });
  if (agreement.status !== 201) throw new Error(`creating the sample agreement failed: ${agreement.status} ${JSON.stringify(agreement.body)}`);
  const boundary = '----bbagreementsweep';
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="sweep.pdf"\r\nContent-Type: application/pdf\r\n\r\n${PDF_TEXT}\r\n--${boundary}--\r\n`;
  const file = await owner.request<{ id: string }>('POST', `/api/communities/${communityId}/agreements/${agreement.body.id}/files`, body, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
  if (file.status !== 201) throw new Error(`uploading the sample attachment failed: ${file.status} ${JSON.stringify(file.body)}`);
  return { agreementId: agreement.body.id, agreementFileId: file.body.id };
}
