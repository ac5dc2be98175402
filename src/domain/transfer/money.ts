import type { MoneyUnit } from './headers';

/**
 * Amounts in CNY as typed: "500", "500万", "1.2亿元", "¥3,000,000", "300 万元人民币",
 * "CNY 5m". A unit written in the cell wins over the column's unit (from its header,
 * "融资需求(万元)"), which wins over the field's default. Returns integer fen, or null when
 * the text is not an amount.
 */
const YUAN_PER: Record<MoneyUnit, number> = { yuan: 1, wan: 10_000, yi: 100_000_000 };
const SUFFIXES: [RegExp, number][] = [
  [/(亿元|亿)(人民币)?$/u, 100_000_000],
  [/(万元|万)(人民币)?$/u, 10_000],
  [/千元$/u, 1_000],
  [/(元|块)(人民币)?$/u, 1],
  [/(bn|billion)$/i, 1_000_000_000],
  [/(m|mn|million)$/i, 1_000_000],
  [/(k|thousand)$/i, 1_000],
];
export const MAX_FEN = 1e15;

export function parseMoneyFen(input: string, unit: MoneyUnit): number | null {
  let text = input
    .normalize('NFKC')
    .trim()
    .replace(/^(rmb|cny|人民币)|^¥|^￥/i, '')
    .replace(/(rmb|cny)$/i, '')
    .replace(/[\s,]/g, '');
  if (!text) return null;
  let yuanPer = YUAN_PER[unit];
  for (const [suffix, factor] of SUFFIXES) {
    if (suffix.test(text)) {
      text = text.replace(suffix, '');
      yuanPer = factor;
      break;
    }
  }
  text = text.replace(/^[¥￥]/, '');
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const fen = Math.round(Number(text) * yuanPer * 100);
  return Number.isSafeInteger(fen) && fen <= MAX_FEN ? fen : null;
}

/** Fen as a plain number in `unit`, for export (exact to the fen: at most 8 decimals for 亿元). */
export function fenToUnit(fen: number, unit: MoneyUnit): number {
  return Number((fen / 100 / YUAN_PER[unit]).toFixed(unit === 'yuan' ? 2 : unit === 'wan' ? 6 : 10));
}
