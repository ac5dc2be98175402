import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fenToWan, formatMoney, formatMoneyRange, wanToFen } from './money';

describe('money on screen', () => {
  it('reads 万元 and 亿元 in Chinese and CNY in English', () => {
    expect(formatMoney(2_060_000_000_000, 'zh-CN')).toBe('206 亿元');
    expect(formatMoney(1_234_567_890, 'zh-CN')).toBe('1,234.57 万元');
    expect(formatMoney(35_000_000_000, 'zh-TW')).toBe('3.5 億元');
    expect(formatMoney(80_000, 'zh-CN')).toBe('800 元');
    expect(formatMoney(123_456_789, 'en')).toBe('CNY 1,234,567.89');
    expect(formatMoney(null, 'zh-CN')).toBe('');
    expect(formatMoneyRange(5_000_000_000, 20_000_000_000, 'zh-CN')).toBe('5,000 万元 – 2 亿元');
    expect(formatMoneyRange(null, 20_000_000_000, 'zh-CN')).toBe('≤ 2 亿元');
  });

  it('turns 万元 typed in a form into fen and back without losing a fen', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e15 }), (fen) => wanToFen(fenToWan(fen)) === fen));
    expect(wanToFen(123.45)).toBe(123_450_000);
    expect(wanToFen(Number.NaN)).toBeNull();
  });
});
