/**
 * Who may do what with directory records. Pure rules over a description of the viewer and of
 * the record, so the service, the listings and the tests all ask the same questions.
 *
 * Directory records are platform-wide. A community that adds a record stewards it; an
 * organisation's representatives own its public profile once it has any; a project is
 * confidential according to its level.
 */
import type { Confidentiality } from './directory';
import { can, type MembershipRole } from './roles';

export interface Viewer {
  userId: string;
  isPlatformAdmin: boolean;
  /** The viewer's role in each community they belong to, by community id. */
  roles: ReadonlyMap<string, MembershipRole>;
  /** Organisations the viewer represents. */
  representedOrgIds: ReadonlySet<string>;
}

/** How an edit was authorised: through a community's permission (audited with it) or not. */
export type Authority = { via: 'platform' } | { via: 'representative' } | { via: 'self' } | { via: 'community'; communityId: string };

function roleIn(viewer: Viewer, communityId: string | null): MembershipRole | null {
  return communityId ? (viewer.roles.get(communityId) ?? null) : null;
}

/** Staff or community admin of the community: they hold directory.write there. */
export function canWriteDirectoryIn(viewer: Viewer, communityId: string | null): boolean {
  const role = roleIn(viewer, communityId);
  return role !== null && can({ role, isPlatformAdmin: false }, 'directory.write');
}

function isAdminOf(viewer: Viewer, communityId: string | null): boolean {
  return roleIn(viewer, communityId) === 'community_admin';
}

// ---------------------------------------------------------------- organisations

export interface OrganisationFacts {
  id: string;
  stewardCommunityId: string | null;
  hasRepresentatives: boolean;
}

/**
 * Who edits an organisation's public profile: its representatives; while it has none, the
 * steward community's staff; and platform admins. The steward acting comes first, so the
 * audit entry carries the community that made the change.
 */
export function organisationEditAuthority(viewer: Viewer, org: OrganisationFacts): Authority | null {
  if (!org.hasRepresentatives && org.stewardCommunityId && canWriteDirectoryIn(viewer, org.stewardCommunityId)) {
    return { via: 'community', communityId: org.stewardCommunityId };
  }
  if (viewer.representedOrgIds.has(org.id)) return { via: 'representative' };
  if (viewer.isPlatformAdmin) return { via: 'platform' };
  return null;
}

/** Deleting an organisation: platform admins, or the steward community's admin while no one has claimed it. */
export function organisationDeleteAuthority(viewer: Viewer, org: OrganisationFacts): Authority | null {
  if (!org.hasRepresentatives && org.stewardCommunityId && isAdminOf(viewer, org.stewardCommunityId)) {
    return { via: 'community', communityId: org.stewardCommunityId };
  }
  if (viewer.isPlatformAdmin) return { via: 'platform' };
  return null;
}

// ---------------------------------------------------------------- people

export interface PersonFacts {
  userId: string | null;
  stewardCommunityId: string | null;
  consentToContact: boolean;
}

/** Editing a person's record: the person themself, the steward community's staff, platform admins. */
export function personEditAuthority(viewer: Viewer, person: PersonFacts): Authority | null {
  if (person.stewardCommunityId && canWriteDirectoryIn(viewer, person.stewardCommunityId)) {
    return { via: 'community', communityId: person.stewardCommunityId };
  }
  if (person.userId !== null && person.userId === viewer.userId) return { via: 'self' };
  if (viewer.isPlatformAdmin) return { via: 'platform' };
  return null;
}

/** Deleting a person, and exporting or erasing their data (PIPL): the person, the steward's admin, platform admins. */
export function personDeleteAuthority(viewer: Viewer, person: PersonFacts): Authority | null {
  if (person.stewardCommunityId && isAdminOf(viewer, person.stewardCommunityId)) {
    return { via: 'community', communityId: person.stewardCommunityId };
  }
  if (person.userId !== null && person.userId === viewer.userId) return { via: 'self' };
  if (viewer.isPlatformAdmin) return { via: 'platform' };
  return null;
}

/**
 * Contact channels are personal information. They are shown to the person, to the community
 * holding the record (its staff and admins), to platform admins, and — only when the person
 * consented to be contacted — to people whose work is contacting: anyone holding directory.write
 * in some community, or an investor member of some community.
 */
export function canSeeContact(viewer: Viewer, person: PersonFacts): boolean {
  if (viewer.isPlatformAdmin) return true;
  if (person.userId !== null && person.userId === viewer.userId) return true;
  if (person.stewardCommunityId && canWriteDirectoryIn(viewer, person.stewardCommunityId)) return true;
  if (!person.consentToContact) return false;
  for (const role of viewer.roles.values()) {
    if (role === 'investor' || can({ role, isPlatformAdmin: false }, 'directory.write')) return true;
  }
  return false;
}

// ---------------------------------------------------------------- projects

export interface ProjectFacts {
  communityId: string;
  ownerOrganisationId: string | null;
  confidentiality: Confidentiality;
  namedInvestorIds: readonly string[];
  /**
   * Communities the project has been referred to and whose referral is still live (pending,
   * accepted or landed): their members see a community-level project as its home members do.
   */
  referredToCommunityIds: readonly string[];
}

/** Editing (and deleting) a project: its owner's representatives, its home community's staff, platform admins. */
export function projectEditAuthority(viewer: Viewer, project: Pick<ProjectFacts, 'communityId' | 'ownerOrganisationId'>): Authority | null {
  if (canWriteDirectoryIn(viewer, project.communityId)) return { via: 'community', communityId: project.communityId };
  if (project.ownerOrganisationId && viewer.representedOrgIds.has(project.ownerOrganisationId)) return { via: 'representative' };
  if (viewer.isPlatformAdmin) return { via: 'platform' };
  return null;
}

/**
 * Whether the viewer may know the project exists. Those who may edit it always see it; beyond
 * them: public → everyone signed in; community → members of its home community and of the
 * communities it has a live referral to; named_investors → representatives of an investor
 * named on it (such a project cannot be referred, and a referral never widens it).
 */
export function canSeeProject(viewer: Viewer, project: ProjectFacts): boolean {
  if (projectEditAuthority(viewer, project)) return true;
  switch (project.confidentiality) {
    case 'public':
      return true;
    case 'community':
      return viewer.roles.has(project.communityId) || project.referredToCommunityIds.some((id) => viewer.roles.has(id));
    case 'named_investors':
      return project.namedInvestorIds.some((id) => viewer.representedOrgIds.has(id));
  }
}

/** Whether a project may be referred to another community: a named-investors project may not. */
export function isReferable(project: Pick<ProjectFacts, 'confidentiality'>): boolean {
  return project.confidentiality !== 'named_investors';
}
