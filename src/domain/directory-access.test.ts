import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONFIDENTIALITY_LEVELS } from './directory';
import {
  canSeeContact,
  canSeeProject,
  isReferable,
  organisationDeleteAuthority,
  organisationEditAuthority,
  personDeleteAuthority,
  personEditAuthority,
  projectEditAuthority,
  type Viewer,
} from './directory-access';
import { MEMBERSHIP_ROLES, type MembershipRole } from './roles';

const HOME = 'c-home';
const OTHER = 'c-other';
const ORG = 'o-1';
const FUND = 'o-fund';
const RECEIVER = 'c-receiver';

function viewer(options: { roles?: [string, MembershipRole][]; reps?: string[]; admin?: boolean; userId?: string } = {}): Viewer {
  return {
    userId: options.userId ?? 'u-1',
    isPlatformAdmin: options.admin ?? false,
    roles: new Map(options.roles ?? []),
    representedOrgIds: new Set(options.reps ?? []),
  };
}

const arbViewer = fc.record({
  home: fc.option(fc.constantFrom(...MEMBERSHIP_ROLES), { nil: undefined }),
  other: fc.option(fc.constantFrom(...MEMBERSHIP_ROLES), { nil: undefined }),
  repOrg: fc.boolean(),
  repFund: fc.boolean(),
  admin: fc.boolean(),
  self: fc.boolean(),
});
type ArbViewer = typeof arbViewer extends fc.Arbitrary<infer T> ? T : never;

function build(v: ArbViewer): Viewer {
  const roles: [string, MembershipRole][] = [];
  if (v.home) roles.push([HOME, v.home]);
  if (v.other) roles.push([OTHER, v.other]);
  return viewer({ roles, reps: [...(v.repOrg ? [ORG] : []), ...(v.repFund ? [FUND] : [])], admin: v.admin, userId: v.self ? 'u-person' : 'u-1' });
}

const writes = (role: MembershipRole | undefined) => role === 'community_admin' || role === 'staff';

describe('organisation profiles', () => {
  it('belong to the steward staff while unclaimed, then to the representatives; platform admins always', () => {
    fc.assert(
      fc.property(arbViewer, fc.boolean(), (v, claimed) => {
        const authority = organisationEditAuthority(build(v), { id: ORG, stewardCommunityId: HOME, hasRepresentatives: claimed });
        const expected = v.admin || v.repOrg || (!claimed && writes(v.home));
        expect(authority !== null).toBe(expected);
        if (authority?.via === 'community') expect(authority.communityId).toBe(HOME);
      }),
    );
  });

  it('are deleted by platform admins, or by the steward admin while unclaimed; never by representatives alone', () => {
    fc.assert(
      fc.property(arbViewer, fc.boolean(), (v, claimed) => {
        const allowed = organisationDeleteAuthority(build(v), { id: ORG, stewardCommunityId: HOME, hasRepresentatives: claimed }) !== null;
        expect(allowed).toBe(v.admin || (!claimed && v.home === 'community_admin'));
      }),
    );
  });

  it('give a community acting through its permission the audit entry', () => {
    expect(organisationEditAuthority(viewer({ roles: [[HOME, 'staff']] }), { id: ORG, stewardCommunityId: HOME, hasRepresentatives: false })).toEqual({ via: 'community', communityId: HOME });
    expect(organisationEditAuthority(viewer({ reps: [ORG] }), { id: ORG, stewardCommunityId: HOME, hasRepresentatives: true })).toEqual({ via: 'representative' });
    expect(organisationEditAuthority(viewer({ admin: true }), { id: ORG, stewardCommunityId: null, hasRepresentatives: false })).toEqual({ via: 'platform' });
  });
});

describe('people', () => {
  it('are edited by themselves, the steward staff and platform admins; deleted by themselves, the steward admin and platform admins', () => {
    fc.assert(
      fc.property(arbViewer, (v) => {
        const person = { userId: 'u-person', stewardCommunityId: HOME, consentToContact: false };
        expect(personEditAuthority(build(v), person) !== null).toBe(v.admin || v.self || writes(v.home));
        expect(personDeleteAuthority(build(v), person) !== null).toBe(v.admin || v.self || v.home === 'community_admin');
      }),
    );
  });

  it('show contact channels to the person, the steward staff and platform admins; with consent also to staff and investors anywhere', () => {
    fc.assert(
      fc.property(arbViewer, fc.boolean(), (v, consent) => {
        const person = { userId: 'u-person', stewardCommunityId: HOME, consentToContact: consent };
        const contactMinded = [v.home, v.other].some((r) => writes(r) || r === 'investor');
        const expected = v.admin || v.self || writes(v.home) || (consent && contactMinded);
        expect(canSeeContact(build(v), person)).toBe(expected);
      }),
    );
  });

  it('never show contact channels to a plain member without consent', () => {
    expect(canSeeContact(viewer({ roles: [[HOME, 'member']] }), { userId: null, stewardCommunityId: HOME, consentToContact: false })).toBe(false);
    expect(canSeeContact(viewer({ roles: [[OTHER, 'member']] }), { userId: null, stewardCommunityId: HOME, consentToContact: true })).toBe(false);
  });
});

describe('projects', () => {
  it('are edited by the owner representatives, the home community staff and platform admins', () => {
    fc.assert(
      fc.property(arbViewer, (v) => {
        expect(projectEditAuthority(build(v), { communityId: HOME, ownerOrganisationId: ORG }) !== null).toBe(v.admin || v.repOrg || writes(v.home));
      }),
    );
  });

  it('are seen according to their confidentiality, and always by those who may edit them', () => {
    fc.assert(
      fc.property(arbViewer, fc.constantFrom(...CONFIDENTIALITY_LEVELS), (v, confidentiality) => {
        const project = { communityId: HOME, ownerOrganisationId: ORG, confidentiality, namedInvestorIds: [FUND], referredToCommunityIds: [] };
        const editor = v.admin || v.repOrg || writes(v.home);
        const expected =
          editor ||
          (confidentiality === 'public') ||
          (confidentiality === 'community' && v.home !== undefined) ||
          (confidentiality === 'named_investors' && v.repFund);
        expect(canSeeProject(build(v), project)).toBe(expected);
      }),
    );
  });

  it('hide a named-investors project from members and investors of its own community who are not named', () => {
    const project = { communityId: HOME, ownerOrganisationId: ORG, confidentiality: 'named_investors' as const, namedInvestorIds: [FUND], referredToCommunityIds: [] };
    for (const role of ['member', 'investor', 'viewer', 'judge', 'service_provider'] as const) {
      expect(canSeeProject(viewer({ roles: [[HOME, role]] }), project)).toBe(false);
    }
    expect(canSeeProject(viewer({ reps: [FUND] }), project)).toBe(true);
  });

  it('are also seen by members of a community holding a live referral, unless they are for named investors only', () => {
    const arbReceiverRole = fc.option(fc.constantFrom(...MEMBERSHIP_ROLES), { nil: undefined });
    fc.assert(
      fc.property(arbViewer, arbReceiverRole, fc.boolean(), fc.constantFrom(...CONFIDENTIALITY_LEVELS), (v, receiverRole, referred, confidentiality) => {
        const base = build(v);
        const roles = new Map(base.roles);
        if (receiverRole) roles.set(RECEIVER, receiverRole);
        const project = { communityId: HOME, ownerOrganisationId: ORG, confidentiality, namedInvestorIds: [FUND], referredToCommunityIds: referred ? [RECEIVER] : [] };
        const without = canSeeProject(base, { ...project, referredToCommunityIds: [] });
        const expected = without || (confidentiality === 'community' && referred && receiverRole !== undefined);
        expect(canSeeProject({ ...base, roles }, project)).toBe(expected);
      }),
    );
  });

  it('are not widened by a referral to a community the viewer does not belong to', () => {
    const project = { communityId: HOME, ownerOrganisationId: ORG, confidentiality: 'community' as const, namedInvestorIds: [], referredToCommunityIds: [RECEIVER] };
    expect(canSeeProject(viewer({ roles: [[OTHER, 'community_admin']] }), project)).toBe(false);
    expect(canSeeProject(viewer({ roles: [[RECEIVER, 'viewer']] }), project)).toBe(true);
    expect(canSeeProject(viewer({ roles: [[RECEIVER, 'staff']] }), { ...project, confidentiality: 'named_investors' })).toBe(false);
    expect(isReferable({ confidentiality: 'named_investors' })).toBe(false);
    expect(isReferable({ confidentiality: 'community' })).toBe(true);
    expect(isReferable({ confidentiality: 'public' })).toBe(true);
  });
});
