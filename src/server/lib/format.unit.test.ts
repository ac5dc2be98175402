import { describe, expect, it } from 'vitest';
import { formatInstant, formatRange } from './format';

describe('formatInstant', () => {
  const at = '2026-05-18T06:30:00Z';
  it('shows Chinese dates with dashes in the community time zone', () => {
    expect(formatInstant(at, 'zh-CN', 'Asia/Shanghai')).toBe('2026-05-18 14:30');
    expect(formatInstant(at, 'zh-TW', 'Asia/Shanghai', 'date')).toBe('2026-05-18');
    expect(formatInstant(at, 'zh-CN', 'Asia/Shanghai', 'time')).toBe('14:30');
  });
  it('shows English dates day first', () => {
    expect(formatInstant(at, 'en', 'Asia/Shanghai')).toBe('18 May 2026, 14:30');
  });
  it('joins a range on one day with an en dash', () => {
    expect(formatRange(at, '2026-05-18T09:00:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026-05-18 14:30–17:00');
  });
});
