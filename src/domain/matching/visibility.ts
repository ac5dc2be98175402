import type { MatchViewer, RecordVisibility } from './types';

const anyIn = (ids: readonly string[], set: ReadonlySet<string>): boolean => ids.some((id) => set.has(id));

/**
 * Whether the viewer may see a record (the rule documented on RecordVisibility):
 * - public: everyone signed in;
 * - community: platform admins, members of one of `communityIds`, representatives of one of
 *   `orgIds` (the owners: they always see their own record);
 * - named: representatives of one of `orgIds` (the owner and the named investors), staff of one
 *   of `communityIds` (platform admins only if they qualify that way, as in the search);
 * - communities (briefs, challenges): members of one of `communityIds`, representatives of one
 *   of `orgIds` (the owner).
 */
export function canSee(viewer: MatchViewer, visibility: RecordVisibility): boolean {
  switch (visibility.level) {
    case 'public':
      return true;
    case 'community':
      return viewer.isPlatformAdmin || anyIn(visibility.communityIds, viewer.memberOf) || anyIn(visibility.orgIds, viewer.represents);
    case 'named':
      return anyIn(visibility.orgIds, viewer.represents) || anyIn(visibility.communityIds, viewer.staffOf);
    case 'communities':
      return anyIn(visibility.communityIds, viewer.memberOf) || anyIn(visibility.orgIds, viewer.represents);
  }
}
