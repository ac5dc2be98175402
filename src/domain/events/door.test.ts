import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrivalHistogram, badgePages, badgeSheet, CODE_MAX_LENGTH, normaliseCode, parseInviteeLines } from './door';

describe('normaliseCode', () => {
  it('trims and upper-cases what was typed or scanned', () => {
    expect(normaliseCode('  k7pq2mxa\n')).toBe('K7PQ2MXA');
    expect(normaliseCode('K7PQ-2MXA')).toBe('K7PQ-2MXA');
  });
  it('refuses empty, overlong and control-character input', () => {
    expect(normaliseCode('   ')).toBeNull();
    expect(normaliseCode('A'.repeat(CODE_MAX_LENGTH + 1))).toBeNull();
    expect(normaliseCode('AB\u0000CD')).toBeNull();
    expect(normaliseCode('AB\tCD')).toBeNull();
  });
  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (raw) => {
        const once = normaliseCode(raw);
        if (once !== null) expect(normaliseCode(once)).toBe(once);
      }),
    );
  });
});

describe('arrivalHistogram', () => {
  it('counts per quarter hour with the empty quarters between', () => {
    const at = (hhmm: string) => new Date(`2030-05-20T${hhmm}:00Z`);
    expect(arrivalHistogram([at('01:02'), at('01:14'), at('01:50'), at('01:15')])).toEqual([
      { from: '2030-05-20T01:00:00.000Z', count: 2 },
      { from: '2030-05-20T01:15:00.000Z', count: 1 },
      { from: '2030-05-20T01:30:00.000Z', count: 0 },
      { from: '2030-05-20T01:45:00.000Z', count: 1 },
    ]);
    expect(arrivalHistogram([])).toEqual([]);
  });
  it('adds up to the number of check-ins, in contiguous ascending buckets', () => {
    const base = Date.UTC(2030, 4, 20);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 * 24 * 3600_000 }), { minLength: 1, maxLength: 200 }), (offsets) => {
        const buckets = arrivalHistogram(offsets.map((o) => new Date(base + o)));
        expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(offsets.length);
        for (let i = 1; i < buckets.length; i++) expect(Date.parse(buckets[i]!.from) - Date.parse(buckets[i - 1]!.from)).toBe(15 * 60_000);
        expect(buckets.length).toBeLessThanOrEqual(24 * 4 * 3);
      }),
    );
  });
});

describe('parseInviteeLines', () => {
  it('reads comma, full-width comma and tab separated lines in either order', () => {
    expect(parseInviteeLines('张三, Zhang@Example.com\n\n li.si@example.com\t李四 \r\n王五，wang@example.com\nonly@example.com\n赵六')).toEqual([
      { name: '张三', email: 'zhang@example.com' },
      { name: '李四', email: 'li.si@example.com' },
      { name: '王五', email: 'wang@example.com' },
      { name: '', email: 'only@example.com' },
      { name: '赵六', email: '' },
    ]);
  });
  it('gives one invitee per non-blank line', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 10 }).filter((s) => !/[\r\n]/.test(s)), fc.boolean())), (lines) => {
        const text = lines.map(([s]) => s).join('\n');
        expect(parseInviteeLines(text)).toHaveLength(lines.filter(([s]) => s.trim().length > 0).length);
      }),
    );
  });
});

describe('badgeSheet', () => {
  it('puts eight badges of 90 × 55 mm on an A4 page, inside the page and not overlapping', () => {
    const sheet = badgeSheet('a4');
    expect(sheet.slots).toHaveLength(8);
    for (const s of sheet.slots) {
      expect(Math.round((s.width * 25.4) / 72)).toBe(90);
      expect(Math.round((s.height * 25.4) / 72)).toBe(55);
      expect(s.x).toBeGreaterThan(0);
      expect(s.y).toBeGreaterThan(0);
      expect(s.x + s.width).toBeLessThan(sheet.page.width);
      expect(s.y + s.height).toBeLessThan(sheet.page.height);
    }
    for (const a of sheet.slots)
      for (const b of sheet.slots) {
        if (a === b) continue;
        const overlap = a.x < b.x + b.width - 0.01 && b.x < a.x + a.width - 0.01 && a.y < b.y + b.height - 0.01 && b.y < a.y + a.height - 0.01;
        expect(overlap).toBe(false);
      }
    // Cut marks stay in the margins, off the badges.
    for (const m of sheet.cutMarks) for (const s of sheet.slots) expect(Math.max(m.x1, m.x2) < s.x || Math.min(m.x1, m.x2) > s.x + s.width || Math.max(m.y1, m.y2) < s.y || Math.min(m.y1, m.y2) > s.y + s.height).toBe(true);
  });
  it('puts one badge on each A6 page and counts pages', () => {
    expect(badgeSheet('a6').slots).toHaveLength(1);
    expect(badgePages(17, 'a4')).toBe(3);
    expect(badgePages(16, 'a4')).toBe(2);
    expect(badgePages(3, 'a6')).toBe(3);
  });
});
