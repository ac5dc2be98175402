/**
 * Money on screen. The API carries integer fen; people read 万元 / 亿元 in Chinese and CNY with
 * thousands separators in English, and type amounts in 万元 (the unit of Chinese funding talk).
 */

import { CATALOGUES } from '../i18n/catalogue';

const FEN_PER_YUAN = 100;
const FEN_PER_WAN = 1_000_000;
const FEN_PER_YI = 10_000_000_000;

/** Chinese readers count in 万 and 亿 (units from the locale files); English readers get plain CNY. */
const UNITS: Record<string, { yi: string; wan: string; yuan: string }> = {
  'zh-CN': CATALOGUES['zh-CN'].money,
  'zh-TW': CATALOGUES['zh-TW'].money,
};

function decimal(value: number, lang: string, maxFraction: number): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-US' : lang, { maximumFractionDigits: maxFraction }).format(value);
}

/** 12 亿元 / 3,500 万元 / 800 元 in Chinese; CNY 1,200,000,000 in English. Empty for null. */
export function formatMoney(fen: number | null | undefined, lang: string): string {
  if (fen === null || fen === undefined) return '';
  const units = UNITS[lang];
  if (!units) return `${CATALOGUES.en.money.yuan} ${decimal(fen / FEN_PER_YUAN, 'en', 2)}`;
  const abs = Math.abs(fen);
  if (abs >= FEN_PER_YI) return `${decimal(fen / FEN_PER_YI, lang, 2)} ${units.yi}`;
  if (abs >= FEN_PER_WAN) return `${decimal(fen / FEN_PER_WAN, lang, 2)} ${units.wan}`;
  return `${decimal(fen / FEN_PER_YUAN, lang, 2)} ${units.yuan}`;
}

/** A ticket range: "500 万元 – 2 亿元", or one end when the other is open. */
export function formatMoneyRange(min: number | null | undefined, max: number | null | undefined, lang: string): string {
  const a = formatMoney(min, lang);
  const b = formatMoney(max, lang);
  if (a && b) return a === b ? a : `${a} – ${b}`;
  if (a) return `≥ ${a}`;
  if (b) return `≤ ${b}`;
  return '';
}

/** Forms take 万元 (six decimals reach the fen); the API takes fen. */
export function wanToFen(wan: number | null | undefined): number | null {
  if (wan === null || wan === undefined || Number.isNaN(wan)) return null;
  return Math.round(wan * FEN_PER_WAN);
}

export function fenToWan(fen: number | null | undefined): number | null {
  if (fen === null || fen === undefined) return null;
  return fen / FEN_PER_WAN;
}
