/**
 * Roles and what each may do. Pure data and functions: services ask `can(role, action)`
 * and the web app uses the same table to decide what to show.
 */
export const MEMBERSHIP_ROLES = [
  'community_admin',
  'staff',
  'member',
  'investor',
  'judge',
  'service_provider',
  'viewer',
] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const COMMUNITY_ACTIONS = [
  'community.read',
  'community.update',
  'members.read',
  'members.manage',
  'audit.read',
  // Directory: add and edit the records this community stewards, import spreadsheets.
  'directory.write',
  'directory.import',
  // The community's private notes, tags and ratings on directory records.
  'notes.read',
  'notes.write',
  // 招商 pipelines: see and work items, refer projects to other communities and answer referrals.
  'pipeline.read',
  'pipeline.write',
  // Shape the community's pipelines (stages, probabilities) and its zones.
  'pipeline.configure',
  // Landings, incubation records and resident companies' yearly figures.
  'landing.read',
  'landing.write',
  // Agreements and their totals.
  'agreements.read',
  'agreements.write',
  // Events: create and run them (agenda, tickets, registrations, invitations, check-in at the
  // door, applications, judging set-up, results, outcomes). Judges score by assignment, not role.
  'events.manage',
] as const;
export type CommunityAction = (typeof COMMUNITY_ACTIONS)[number];

const GRANTS: Record<MembershipRole, readonly CommunityAction[]> = {
  community_admin: COMMUNITY_ACTIONS,
  staff: [
    'community.read',
    'members.read',
    'directory.write',
    'directory.import',
    'notes.read',
    'notes.write',
    'pipeline.read',
    'pipeline.write',
    'landing.read',
    'landing.write',
    'agreements.read',
    'agreements.write',
    'events.manage',
  ],
  member: ['community.read'],
  investor: ['community.read'],
  judge: ['community.read'],
  service_provider: ['community.read'],
  viewer: ['community.read'],
};

/** The acting user's standing in one community: a membership role, platform admin, or both. */
export interface Standing {
  role: MembershipRole | null;
  isPlatformAdmin: boolean;
}

export function can(standing: Standing, action: CommunityAction): boolean {
  if (standing.isPlatformAdmin) return true;
  return standing.role !== null && GRANTS[standing.role].includes(action);
}

export function permissionsOf(standing: Standing): CommunityAction[] {
  return COMMUNITY_ACTIONS.filter((a) => can(standing, a));
}

export function isMembershipRole(value: string): value is MembershipRole {
  return (MEMBERSHIP_ROLES as readonly string[]).includes(value);
}
