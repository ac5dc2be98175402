/**
 * Who may see and who may write a technology brief. Pure rules over the viewer and the brief,
 * so the service, the listing's SQL (queries.ts `editableBy`) and the tests ask the same questions.
 */
import { canWriteDirectoryIn, organisationEditAuthority, type Authority, type Viewer } from '../../../domain/directory-access';

export interface BriefFacts {
  organisationId: string;
  /** The community whose staff posted it (null: the organisation's representatives did). */
  communityId: string | null;
  status: string;
  visibility: string;
  /** Visibility "communities": whose members see it. */
  communityIds: readonly string[];
}

export interface OwnerFacts {
  id: string;
  stewardCommunityId: string | null;
  hasRepresentatives: boolean;
}

/**
 * Posting a brief for an organisation: its representatives; while it has none, its steward
 * community's staff (directory.write; the brief then records that community); platform admins.
 */
export function postAuthority(viewer: Viewer, owner: OwnerFacts): Authority | null {
  return organisationEditAuthority(viewer, owner);
}

/**
 * Editing, publishing, withdrawing, deleting a brief: the staff of the community that posted it,
 * and whoever may post for its organisation now.
 */
export function editAuthority(viewer: Viewer, brief: Pick<BriefFacts, 'communityId'>, owner: OwnerFacts): Authority | null {
  if (brief.communityId && canWriteDirectoryIn(viewer, brief.communityId)) return { via: 'community', communityId: brief.communityId };
  return postAuthority(viewer, owner);
}

/**
 * Whether the viewer may know the brief exists: its editors always; others only once it is
 * published, and then everyone signed in (public) or the members of a chosen community.
 */
export function canSeeBrief(viewer: Viewer, brief: BriefFacts, owner: OwnerFacts): boolean {
  if (editAuthority(viewer, brief, owner)) return true;
  if (brief.status !== 'published') return false;
  if (brief.visibility === 'public') return true;
  return brief.communityIds.some((id) => viewer.roles.has(id));
}

/** The community an audit entry of the brief goes to: the posting community, else the one whose permission allowed the change. */
export function auditCommunityOf(brief: Pick<BriefFacts, 'communityId'>, authority: Authority): string | null {
  if (brief.communityId) return brief.communityId;
  return authority.via === 'community' ? authority.communityId : null;
}
