import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveDeadline, higherPriority, meetingWeight, pairAllowed, requestBlockedBy, type RequestFacts, type RequestRules } from './request-rules';
import { PARTNERING_PRIORITIES, PARTNERING_SIDES, PRIORITY_WEIGHT } from './vocabularies';

const now = Date.parse('2030-05-01T00:00:00Z');
const rules = (fields: Partial<RequestRules> = {}): RequestRules => ({
  mode: 'requests',
  deadline: now + 86_400_000,
  maxRequestsPerParticipant: null,
  allowedPairs: null,
  ...fields,
});
const facts = (fields: Partial<RequestFacts> = {}): RequestFacts => ({
  now,
  from: { id: 'a', side: 'startup', status: 'active' },
  to: { id: 'b', side: 'investor', status: 'active' },
  liveSent: 0,
  liveBetween: false,
  ...fields,
});

describe('request rules', () => {
  it('lets a request go when nothing stands in the way', () => {
    expect(requestBlockedBy(rules(), facts())).toBeNull();
  });

  it('names each rule that blocks', () => {
    expect(requestBlockedBy(rules(), facts({ to: { id: 'a', side: 'startup', status: 'active' } }))).toBe('self');
    expect(requestBlockedBy(rules(), facts({ to: { id: 'b', side: 'investor', status: 'withdrawn' } }))).toBe('withdrawn');
    expect(requestBlockedBy(rules(), facts({ from: { id: 'a', side: 'startup', status: 'withdrawn' } }))).toBe('withdrawn');
    expect(requestBlockedBy(rules({ mode: 'wishlist' }), facts())).toBe('wishlist_mode');
    expect(requestBlockedBy(rules({ deadline: now }), facts())).toBe('deadline');
    expect(requestBlockedBy(rules(), facts({ liveBetween: true }))).toBe('existing_request');
    expect(requestBlockedBy(rules({ allowedPairs: [['investor', 'startup']] }), facts())).toBe('rules_pair');
    expect(requestBlockedBy(rules({ maxRequestsPerParticipant: 2 }), facts({ liveSent: 2 }))).toBe('max_requests');
    expect(requestBlockedBy(rules({ maxRequestsPerParticipant: 2 }), facts({ liveSent: 1 }))).toBeNull();
  });

  it('reads pair rules as directed', () => {
    const pairs = [['startup', 'investor']] as const;
    expect(pairAllowed(pairs, 'startup', 'investor')).toBe(true);
    expect(pairAllowed(pairs, 'investor', 'startup')).toBe(false);
    expect(pairAllowed(null, 'investor', 'startup')).toBe(true);
    expect(pairAllowed([], 'investor', 'startup')).toBe(false);
  });

  it('blocks whenever a pair rule excludes the sides, whatever else holds', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PARTNERING_SIDES), fc.constantFrom(...PARTNERING_SIDES), fc.nat(5), (from, to, liveSent) => {
        const r = rules({ allowedPairs: [], maxRequestsPerParticipant: 10 });
        expect(requestBlockedBy(r, facts({ from: { id: 'a', side: from, status: 'active' }, to: { id: 'b', side: to, status: 'active' }, liveSent }))).toBe('rules_pair');
      }),
    );
  });

  it('takes the event start as the deadline when none is set', () => {
    const start = new Date('2030-05-20T01:00:00Z');
    expect(effectiveDeadline(null, start)).toBe(start);
    const set = new Date('2030-05-18T10:00:00Z');
    expect(effectiveDeadline(set, start)).toBe(set);
  });

  it('weighs a meeting by the higher of the two priorities', () => {
    expect(meetingWeight('if_time', null)).toBe(PRIORITY_WEIGHT.if_time);
    expect(meetingWeight('if_time', 'must')).toBe(PRIORITY_WEIGHT.must);
    expect(meetingWeight('must', 'if_time')).toBe(PRIORITY_WEIGHT.must);
    fc.assert(
      fc.property(fc.constantFrom(...PARTNERING_PRIORITIES), fc.constantFrom(...PARTNERING_PRIORITIES), (a, b) => {
        expect(higherPriority(a, b)).toBe(higherPriority(b, a));
        expect(meetingWeight(a, b)).toBe(Math.max(PRIORITY_WEIGHT[a], PRIORITY_WEIGHT[b]));
      }),
    );
  });
});
