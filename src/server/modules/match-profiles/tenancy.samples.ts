/**
 * For the tenancy sweep (src/server/tenancy.api.test.ts): a valid body for saving a community's
 * match profile (the route is community-scoped; no record ids).
 */
export const bodies: Record<string, unknown> = {
  'PUT /api/communities/:communityId/match-profile': {
    version: 0,
    accepting: true,
    focusSegments: ['cell_therapy'],
    focusStages: [],
    requiredMilestones: [],
    requiredQualifications: [],
    regions: [],
    statementZh: '租户隔离测试',
    statementEn: '',
  },
};
