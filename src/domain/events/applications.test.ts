import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applicantMayEdit, applicantMayWithdraw, callIsOpen, deckTypeOf, screenedStatus, type CallFacts } from './applications';
import { APPLICATION_STATUSES, EVENT_KINDS, EVENT_STATUSES, JUDGED_KINDS } from './vocabularies';

const now = new Date('2030-05-01T08:00:00Z');
const call = (fields: Partial<CallFacts> = {}): CallFacts => ({ kind: 'roadshow', status: 'published', applicationsOpen: true, applicationDeadline: null, ...fields });

describe('callIsOpen', () => {
  it('is open for a published roadshow or competition switched on, with no deadline or one still ahead', () => {
    expect(callIsOpen(call(), now)).toBe(true);
    expect(callIsOpen(call({ kind: 'competition', applicationDeadline: new Date(now.getTime() + 1) }), now)).toBe(true);
  });

  it('is closed at the deadline instant and after it, when switched off, unpublished, or for another kind', () => {
    expect(callIsOpen(call({ applicationDeadline: now }), now)).toBe(false);
    expect(callIsOpen(call({ applicationDeadline: new Date(now.getTime() - 60_000) }), now)).toBe(false);
    expect(callIsOpen(call({ applicationsOpen: false }), now)).toBe(false);
    expect(callIsOpen(call({ status: 'draft' }), now)).toBe(false);
    expect(callIsOpen(call({ status: 'cancelled' }), now)).toBe(false);
    expect(callIsOpen(call({ kind: 'salon' }), now)).toBe(false);
  });

  it('never opens for kinds that are not judged, whatever the other facts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EVENT_KINDS),
        fc.constantFrom(...EVENT_STATUSES),
        fc.boolean(),
        fc.option(fc.integer({ min: -1e9, max: 1e9 })),
        (kind, status, open, offset) => {
          const facts = call({ kind, status, applicationsOpen: open, applicationDeadline: offset === null ? null : new Date(now.getTime() + offset) });
          const expected = JUDGED_KINDS.includes(kind) && status === 'published' && open && (offset === null || offset > 0);
          expect(callIsOpen(facts, now)).toBe(expected);
        },
      ),
    );
  });
});

describe('what the applicant may still do', () => {
  it('edits while the call is open, the application stands and no round holds it', () => {
    expect(applicantMayEdit(call(), { status: 'submitted', roundCount: 0 }, now)).toBe(true);
    expect(applicantMayEdit(call(), { status: 'screened_in', roundCount: 0 }, now)).toBe(true);
    expect(applicantMayEdit(call(), { status: 'screened_out', roundCount: 0 }, now)).toBe(false);
    expect(applicantMayEdit(call(), { status: 'withdrawn', roundCount: 0 }, now)).toBe(false);
    expect(applicantMayEdit(call(), { status: 'screened_in', roundCount: 1 }, now)).toBe(false);
    expect(applicantMayEdit(call({ applicationDeadline: now }), { status: 'submitted', roundCount: 0 }, now)).toBe(false);
  });

  it('withdraws until judging takes the application up, and only once', () => {
    fc.assert(
      fc.property(fc.constantFrom(...APPLICATION_STATUSES), fc.nat(5), (status, roundCount) => {
        expect(applicantMayWithdraw({ status, roundCount })).toBe(status !== 'withdrawn' && roundCount === 0);
      }),
    );
  });
});

describe('screenedStatus', () => {
  it('moves in or out, and re-screening is allowed until a round holds the application', () => {
    expect(screenedStatus({ status: 'submitted', roundCount: 0 }, 'in')).toBe('screened_in');
    expect(screenedStatus({ status: 'screened_in', roundCount: 0 }, 'out')).toBe('screened_out');
    expect(screenedStatus({ status: 'screened_out', roundCount: 0 }, 'in')).toBe('screened_in');
    expect(screenedStatus({ status: 'screened_in', roundCount: 1 }, 'out')).toBeNull();
    expect(screenedStatus({ status: 'withdrawn', roundCount: 0 }, 'in')).toBeNull();
  });

  it('only ever leads to a screened status, never back to submitted', () => {
    fc.assert(
      fc.property(fc.constantFrom(...APPLICATION_STATUSES), fc.nat(3), fc.constantFrom('in' as const, 'out' as const), (status, roundCount, decision) => {
        const next = screenedStatus({ status, roundCount }, decision);
        if (next !== null) expect(next).toBe(decision === 'in' ? 'screened_in' : 'screened_out');
        else expect(status === 'withdrawn' || roundCount > 0).toBe(true);
      }),
    );
  });
});

describe('deckTypeOf', () => {
  const bytes = (s: string | number[]) => (typeof s === 'string' ? new TextEncoder().encode(s) : Uint8Array.from(s));
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const zip = [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00];

  it('knows a PDF by its bytes whatever the name, and a PPTX as a ZIP named .pptx', () => {
    expect(deckTypeOf(bytes('%PDF-1.7\n'), 'deck.bin')).toBe('pdf');
    expect(deckTypeOf(bytes(zip), '路演材料.PPTX')).toBe('pptx');
  });

  it('refuses a PNG named .pdf, a ZIP under another name, and short or empty heads', () => {
    expect(deckTypeOf(bytes(png), 'deck.pdf')).toBeNull();
    expect(deckTypeOf(bytes(zip), 'deck.zip')).toBeNull();
    expect(deckTypeOf(bytes(zip), 'deck.pdf')).toBeNull();
    expect(deckTypeOf(bytes('%PDF'), 'deck.pdf')).toBeNull();
    expect(deckTypeOf(new Uint8Array(), 'deck.pdf')).toBeNull();
  });

  it('takes nothing that starts otherwise', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 16 }), fc.string(), (head, name) => {
        const type = deckTypeOf(head, name);
        const text = new TextDecoder('latin1').decode(head.subarray(0, 5));
        if (type === 'pdf') expect(text).toBe('%PDF-');
        if (type === 'pptx') expect([...head.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
      }),
    );
  });
});
