import { describe, expect, it } from 'vitest';
import { canSee } from './visibility';
import { viewer } from './test-support';

const vis = (level: 'public' | 'community' | 'named' | 'communities', communityIds: string[] = [], orgIds: string[] = []) => ({ level, communityIds, orgIds });

describe('canSee', () => {
  it('shows public records to everyone signed in', () => {
    expect(canSee(viewer(), vis('public'))).toBe(true);
  });

  it('shows community records to members, owners and platform admins only', () => {
    const record = vis('community', ['cmc'], ['owner']);
    expect(canSee(viewer(), record)).toBe(false);
    expect(canSee(viewer({ memberOf: new Set(['other']) }), record)).toBe(false);
    expect(canSee(viewer({ memberOf: new Set(['cmc']) }), record)).toBe(true);
    expect(canSee(viewer({ represents: new Set(['owner']) }), record)).toBe(true);
    expect(canSee(viewer({ isPlatformAdmin: true }), record)).toBe(true);
    // Staff of another community, or staff rights without membership in this one, do not count.
    expect(canSee(viewer({ staffOf: new Set(['other']), memberOf: new Set(['other']) }), record)).toBe(false);
  });

  it('shows named records to the named organisations and the home staff, not to members or platform admins', () => {
    const record = vis('named', ['cmc'], ['fund', 'owner']);
    expect(canSee(viewer({ memberOf: new Set(['cmc']) }), record)).toBe(false);
    expect(canSee(viewer({ isPlatformAdmin: true }), record)).toBe(false);
    expect(canSee(viewer({ represents: new Set(['fund']) }), record)).toBe(true);
    expect(canSee(viewer({ represents: new Set(['other-fund']) }), record)).toBe(false);
    expect(canSee(viewer({ staffOf: new Set(['cmc']), memberOf: new Set(['cmc']) }), record)).toBe(true);
    expect(canSee(viewer({ staffOf: new Set(['daxing']) }), record)).toBe(false);
  });

  it('shows briefs and challenges for chosen communities to their members and the owner', () => {
    const record = vis('communities', ['cmc', 'daxing'], ['owner']);
    expect(canSee(viewer({ memberOf: new Set(['daxing']) }), record)).toBe(true);
    expect(canSee(viewer({ represents: new Set(['owner']) }), record)).toBe(true);
    expect(canSee(viewer({ memberOf: new Set(['elsewhere']) }), record)).toBe(false);
    expect(canSee(viewer({ isPlatformAdmin: true }), record)).toBe(false);
  });

  it('shows a record restricted to nobody to nobody but the public level', () => {
    for (const level of ['community', 'named', 'communities'] as const)
      expect(canSee(viewer({ memberOf: new Set(['x']), staffOf: new Set(['x']), represents: new Set(['y']) }), vis(level))).toBe(false);
  });
});
