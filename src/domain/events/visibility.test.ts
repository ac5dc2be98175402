import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canSeeEvent, type EventViewerFacts } from './visibility';
import { EVENT_STATUSES, EVENT_VISIBILITIES } from './vocabularies';

const nobody: EventViewerFacts = { canManage: false, isMember: false, isInvited: false, isRegistered: false };

describe('canSeeEvent', () => {
  it('shows drafts to organisers only', () => {
    for (const visibility of EVENT_VISIBILITIES) {
      expect(canSeeEvent({ status: 'draft', visibility }, { ...nobody, isMember: true, isInvited: true, isRegistered: true })).toBe(false);
      expect(canSeeEvent({ status: 'draft', visibility }, { ...nobody, canManage: true })).toBe(true);
    }
  });
  it('shows a published event by its visibility', () => {
    const published = (visibility: (typeof EVENT_VISIBILITIES)[number]) => ({ status: 'published' as const, visibility });
    expect(canSeeEvent(published('public'), nobody)).toBe(true);
    expect(canSeeEvent(published('members'), nobody)).toBe(false);
    expect(canSeeEvent(published('members'), { ...nobody, isMember: true })).toBe(true);
    expect(canSeeEvent(published('invitation'), { ...nobody, isMember: true })).toBe(false);
    expect(canSeeEvent(published('invitation'), { ...nobody, isInvited: true })).toBe(true);
    expect(canSeeEvent(published('invitation'), { ...nobody, isRegistered: true })).toBe(true);
  });
  it('never hides an event from a viewer who gains a fact', () => {
    const facts = fc.record({ canManage: fc.boolean(), isMember: fc.boolean(), isInvited: fc.boolean(), isRegistered: fc.boolean() });
    fc.assert(
      fc.property(fc.constantFrom(...EVENT_STATUSES), fc.constantFrom(...EVENT_VISIBILITIES), facts, fc.constantFrom<keyof EventViewerFacts>('canManage', 'isMember', 'isInvited', 'isRegistered'), (status, visibility, viewer, gained) => {
        if (canSeeEvent({ status, visibility }, viewer)) expect(canSeeEvent({ status, visibility }, { ...viewer, [gained]: true })).toBe(true);
      }),
    );
  });
});
