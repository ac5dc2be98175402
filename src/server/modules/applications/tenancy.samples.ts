import type { Client } from '../../../../test/app';

/**
 * For the tenancy sweep (src/server/tenancy.api.test.ts): valid bodies for the community-scoped
 * writes of applications (the call, screening, bulk screening, directory links), and a published
 * roadshow of the target community with an open call and one application for the routes that
 * take their ids.
 */
const ANY_ID = '5b0f9e7c-3a41-4d2e-9c6b-8f1a2d3e4c5b';

export const bodies: Record<string, unknown> = {
  'PUT /api/communities/:communityId/events/:eventId/call': { applicationsOpen: true, applicationDeadline: null, applicationQuestions: [], version: 1 },
  'POST /api/communities/:communityId/events/:eventId/applications/screen': { decision: 'in', note: '', items: [{ applicationId: ANY_ID, version: 1 }] },
  'POST /api/communities/:communityId/events/:eventId/applications/:applicationId/screen': { decision: 'out', note: '租户隔离测试', version: 1 },
  'PATCH /api/communities/:communityId/events/:eventId/applications/:applicationId/links': { projectId: null, organisationId: null, version: 1 },
};

export async function ids(owner: Client, communityId: string): Promise<Record<string, string>> {
  const event = await owner.post<{ id: string }>(`/api/communities/${communityId}/events`, {
    kind: 'roadshow',
    title: '仅本社区可见的路演',
    startsAt: '2030-10-12T09:00:00+08:00',
    endsAt: '2030-10-12T17:00:00+08:00',
    capacity: 50,
  });
  if (event.status !== 201) throw new Error(`creating the sample roadshow failed: ${event.status} ${JSON.stringify(event.body)}`);
  const eventId = event.body.id;
  const published = await owner.post(`/api/communities/${communityId}/events/${eventId}/publish`, {});
  if (published.status !== 200) throw new Error(`publishing the sample roadshow failed: ${published.status} ${JSON.stringify(published.body)}`);
  const loaded = await owner.get<{ version: number }>(`/api/communities/${communityId}/events/${eventId}`);
  const call = await owner.request('PUT', `/api/communities/${communityId}/events/${eventId}/call`, {
    applicationsOpen: true,
    applicationDeadline: null,
    applicationQuestions: [],
    version: loaded.body.version,
  });
  if (call.status !== 200) throw new Error(`opening the sample call failed: ${call.status} ${JSON.stringify(call.body)}`);
  const application = await owner.post<{ id: string }>(`/api/public/events/${eventId}/applications`, {
    projectName: '租户隔离测试项目',
    organisationName: '租户隔离测试公司',
    contactName: '张伟',
    contactEmail: 'tenancy.applicant@example.com',
  });
  if (application.status !== 201) throw new Error(`the sample application failed: ${application.status} ${JSON.stringify(application.body)}`);
  // The events module names its own sample event `eventId`; either serves these routes.
  return { eventId, applicationId: application.body.id };
}
