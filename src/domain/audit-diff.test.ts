import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffFields, REDACTED } from './audit-diff';

const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.date({ noInvalidDate: true }));
const record = fc.dictionary(fc.constantFrom('name', 'role', 'city', 'locale', 'updatedAt', 'score'), value);

describe('diffFields', () => {
  it('reports exactly the fields whose values differ, with both values', () => {
    fc.assert(
      fc.property(record, record, (before, after) => {
        const changes = diffFields(before, after);
        const norm = (v: unknown) => JSON.stringify(v instanceof Date ? v.toISOString() : (v ?? null));
        for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
          const differs = norm(before[key]) !== norm(after[key]) && key !== 'updatedAt';
          expect(key in changes).toBe(differs);
          if (differs) expect(JSON.stringify(changes[key])).toBe(`{"before":${norm(before[key])},"after":${norm(after[key])}}`);
        }
      }),
    );
  });

  it('is empty for identical records and symmetric in which fields it names', () => {
    fc.assert(
      fc.property(record, record, (a, b) => {
        expect(diffFields(a, { ...a })).toEqual({});
        expect(Object.keys(diffFields(a, b)).sort()).toEqual(Object.keys(diffFields(b, a)).sort());
      }),
    );
  });

  it('treats a creation as every non-empty field changing from null, and a deletion the other way', () => {
    expect(diffFields(null, { role: 'staff', city: null })).toEqual({ role: { before: null, after: 'staff' } });
    expect(diffFields({ role: 'staff' }, null)).toEqual({ role: { before: 'staff', after: null } });
  });

  it('never stores secrets, yet records that they changed', () => {
    const changes = diffFields({ passwordHash: '$argon2id$old' }, { passwordHash: '$argon2id$new' });
    expect(changes).toEqual({ passwordHash: { before: REDACTED, after: REDACTED } });
    expect(JSON.stringify(changes)).not.toContain('argon2');
  });
});
