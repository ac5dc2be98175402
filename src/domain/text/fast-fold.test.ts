import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { fold } from './fold';
import { conversionTriggers, foldFast } from './fast-fold';

const flat = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(flat) : []);

describe('foldFast', () => {
  it('equals fold on mixed texts', () => {
    for (const text of [
      '醫療器械 CAR-T 免疫細胞治療',
      '医疗器械 Ｃａｒ－Ｔ 细胞治疗',
      '一目瞭然的申覆流程',
      '臺灣 台湾 著作權 软件 軟體 滑鼠',
      'PD-1/VEGF bispecific, phase II',
      '',
      '𠀾 𡃄 emoji 🧬 text',
    ]) {
      expect(foldFast(text), text).toBe(fold(text));
    }
  });

  it('equals fold on every dictionary key, alone and inside simplified text', () => {
    const locale = OpenCC.Locale as unknown as { from: Record<string, unknown>; to: Record<string, unknown> };
    const keys = [locale.from.tw, locale.from.hk, locale.to.cn]
      .flatMap(flat)
      .flatMap((d) => d.split('|').map((e) => e.split(' ')[0] ?? ''))
      .filter((k) => k.length > 0);
    expect(keys.length).toBeGreaterThan(5000);
    const wrong = keys.filter((k) => foldFast(k) !== fold(k) || foldFast(`细胞${k}治疗 x`) !== fold(`细胞${k}治疗 x`));
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('does not convert plain simplified text (the point of it)', () => {
    const { always } = conversionTriggers();
    for (const ch of '细胞治疗医疗器械生物医药申请') expect(always.has(ch.codePointAt(0)!), ch).toBe(false);
    expect(always.has('醫'.codePointAt(0)!)).toBe(true);
  });
});
