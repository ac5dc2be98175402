import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../../domain/directory-access';
import type { MembershipRole } from '../../../domain/roles';
import { auditCommunityOf, canSeeBrief, editAuthority, postAuthority, type BriefFacts, type OwnerFacts } from './access';

const PARK = 'park';
const OTHER = 'other';

function viewer(fields: { roles?: [string, MembershipRole][]; represents?: string[]; admin?: boolean } = {}): Viewer {
  return { userId: 'u', isPlatformAdmin: fields.admin ?? false, roles: new Map(fields.roles ?? []), representedOrgIds: new Set(fields.represents ?? []) };
}

const claimed: OwnerFacts = { id: 'org', stewardCommunityId: PARK, hasRepresentatives: true };
const unclaimed: OwnerFacts = { ...claimed, hasRepresentatives: false };

function brief(fields: Partial<BriefFacts> = {}): BriefFacts {
  return { organisationId: 'org', communityId: null, status: 'published', visibility: 'public', communityIds: [], ...fields };
}

describe('posting and editing', () => {
  it('lets representatives post, the steward staff only while no one represents the organisation, and platform admins', () => {
    expect(postAuthority(viewer({ represents: ['org'] }), claimed)).toEqual({ via: 'representative' });
    expect(postAuthority(viewer({ roles: [[PARK, 'staff']] }), claimed)).toBeNull();
    expect(postAuthority(viewer({ roles: [[PARK, 'staff']] }), unclaimed)).toEqual({ via: 'community', communityId: PARK });
    expect(postAuthority(viewer({ roles: [[PARK, 'member']] }), unclaimed)).toBeNull();
    expect(postAuthority(viewer({ roles: [[OTHER, 'staff']] }), unclaimed)).toBeNull();
    expect(postAuthority(viewer({ admin: true }), claimed)).toEqual({ via: 'platform' });
  });

  it('keeps a brief editable by the staff of the community that posted it after the organisation is claimed', () => {
    const posted = brief({ communityId: PARK });
    expect(editAuthority(viewer({ roles: [[PARK, 'staff']] }), posted, claimed)).toEqual({ via: 'community', communityId: PARK });
    expect(editAuthority(viewer({ roles: [[PARK, 'staff']] }), brief(), claimed)).toBeNull();
    expect(editAuthority(viewer({ represents: ['org'] }), posted, claimed)).toEqual({ via: 'representative' });
  });

  it('audits in the posting community, else in the community whose permission allowed the change', () => {
    expect(auditCommunityOf(brief({ communityId: PARK }), { via: 'representative' })).toBe(PARK);
    expect(auditCommunityOf(brief(), { via: 'community', communityId: OTHER })).toBe(OTHER);
    expect(auditCommunityOf(brief(), { via: 'platform' })).toBeNull();
  });
});

describe('seeing', () => {
  const stranger = viewer({ roles: [[OTHER, 'member']] });
  const parkMember = viewer({ roles: [[PARK, 'viewer']] });

  it('shows published public briefs to everyone, chosen-community ones to their members only', () => {
    expect(canSeeBrief(stranger, brief(), claimed)).toBe(true);
    const shared = brief({ visibility: 'communities', communityIds: [PARK] });
    expect(canSeeBrief(stranger, shared, claimed)).toBe(false);
    expect(canSeeBrief(parkMember, shared, claimed)).toBe(true);
  });

  it('hides drafts and withdrawn briefs from all but their editors', () => {
    for (const status of ['draft', 'withdrawn']) {
      expect(canSeeBrief(parkMember, brief({ status }), claimed)).toBe(false);
      expect(canSeeBrief(viewer({ represents: ['org'] }), brief({ status }), claimed)).toBe(true);
      expect(canSeeBrief(viewer({ admin: true }), brief({ status }), claimed)).toBe(true);
    }
  });
});
