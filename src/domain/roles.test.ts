import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { can, COMMUNITY_ACTIONS, MEMBERSHIP_ROLES, permissionsOf } from './roles';

describe('roles', () => {
  it('gives platform admins every action, with or without a membership', () => {
    for (const role of [null, ...MEMBERSHIP_ROLES]) {
      expect(permissionsOf({ role, isPlatformAdmin: true })).toEqual([...COMMUNITY_ACTIONS]);
    }
  });

  it('gives a non-member nothing', () => {
    expect(permissionsOf({ role: null, isPlatformAdmin: false })).toEqual([]);
  });

  it('lets every member read the community, only admins manage members and read the audit log', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MEMBERSHIP_ROLES), (role) => {
        const standing = { role, isPlatformAdmin: false };
        expect(can(standing, 'community.read')).toBe(true);
        expect(can(standing, 'members.manage')).toBe(role === 'community_admin');
        expect(can(standing, 'audit.read')).toBe(role === 'community_admin');
        expect(can(standing, 'members.read')).toBe(role === 'community_admin' || role === 'staff');
      }),
    );
  });

  it('matches the CHECK constraint in the schema', async () => {
    const { MEMBERSHIP_ROLE_CHECK } = await import('../server/db/schema/memberships');
    const sql = (MEMBERSHIP_ROLE_CHECK as unknown as { queryChunks: { value: string[] }[] }).queryChunks
      .flatMap((c) => c.value)
      .join('');
    expect(sql.match(/'([a-z_]+)'/g)?.map((s) => s.slice(1, -1))).toEqual([...MEMBERSHIP_ROLES]);
  });
});
