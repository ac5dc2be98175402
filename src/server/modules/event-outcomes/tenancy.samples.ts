import type { Client } from '../../../../test/app';

/**
 * For the tenancy sweep (src/server/tenancy.api.test.ts): valid bodies for the community-scoped
 * writes of event outcomes, and a closed-door meeting of the target community with a presented
 * project, a material and an agreement in its running order for the routes that take their
 * ids. The material upload is multipart; the sweep sends JSON, which the tenancy gate answers
 * before the body is read.
 */
const ANY_ID = '6c1e0f8d-4b52-4e3f-8d7c-9a2b3c4d5e6f';

export const bodies: Record<string, unknown> = {
  'POST /api/communities/:communityId/events/:eventId/projects': { projectId: ANY_ID },
  'POST /api/communities/:communityId/events/:eventId/projects/from-applications': {},
  'POST /api/communities/:communityId/events/:eventId/projects/order': { projectIds: [ANY_ID] },
  'PATCH /api/communities/:communityId/events/:eventId/projects/:projectId': { note: '租户隔离测试' },
  'POST /api/communities/:communityId/events/:eventId/materials': {},
  'POST /api/communities/:communityId/events/:eventId/signings': { agreementId: ANY_ID },
  'POST /api/communities/:communityId/events/:eventId/signings/order': { agreementIds: [ANY_ID] },
  'PATCH /api/communities/:communityId/events/:eventId/signings/:agreementId': { status: 'signed' },
  'POST /api/communities/:communityId/events/:eventId/follow-ups': { source: 'project', projectId: ANY_ID, pipelineId: ANY_ID },
};

/** A tiny PDF that is plain ASCII, so the multipart body travels intact as a string. */
const PDF_TEXT = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

async function created<T>(what: string, reply: Promise<{ status: number; body: T }>, status = 201): Promise<T> {
  const res = await reply;
  if (res.status !== status) throw new Error(`creating the sample ${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function ids(owner: Client, communityId: string): Promise<Record<string, string>> {
  const event = await created(
    'closed-door meeting',
    owner.post<{ id: string }>(`/api/communities/${communityId}/events`, {
      kind: 'closed_door',
      title: '仅本社区可见的闭门会',
      startsAt: '2030-10-14T14:00:00+08:00',
      endsAt: '2030-10-14T17:00:00+08:00',
      visibility: 'invitation',
      capacity: 20,
    }),
  );
  const base = `/api/communities/${communityId}/events/${event.id}`;
  const project = await created('project', owner.post<{ id: string }>('/api/directory/projects', { communityId, nameZh: '租户隔离测试路演项目', segment: 'innovative_drug', track: 'drug', stage: 'preclinical' }));
  await created('presented project', owner.post(`${base}/projects`, { projectId: project.id }));
  const boundary = '----bbeventmaterialsweep';
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="sweep.pdf"\r\nContent-Type: application/pdf\r\n\r\n${PDF_TEXT}\r\n--${boundary}--\r\n`;
  const material = await created('material', owner.request<{ id: string }>('POST', `${base}/materials`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` }));
  const orgs: string[] = [];
  for (const nameZh of ['租户隔离签约仪式甲方有限公司', '租户隔离签约仪式乙方有限公司']) {
    orgs.push((await created('party', owner.post<{ id: string }>('/api/directory/organisations', { communityId, kind: 'enterprise', nameZh }))).id);
  }
  const agreement = await created(
    'agreement',
    owner.post<{ id: string }>(`/api/communities/${communityId}/agreements`, {
      kind: 'cooperation',
      title: '仅本社区可见的签约仪式协议',
      signedOn: '2030-10-14',
      parties: orgs.map((organisationId, i) => ({ organisationId, role: i === 0 ? 'party_a' : 'party_b' })),
    }),
  );
  await created('signing', owner.post(`${base}/signings`, { agreementId: agreement.id }));
  // The events module names its own sample event `eventId` too; any event of the target serves the gate.
  return { eventId: event.id, projectId: project.id, materialId: material.id, agreementId: agreement.id };
}
