import { fold } from '../text/fold';

/**
 * Spreadsheet headers as people type them: full-width brackets and letters, spaces, a star
 * or "(必填)" marking a required column, a unit in brackets ("融资需求（万元）"). The key
 * compares two headers; the unit, when there is one, tells how to read money in the column.
 */
export type MoneyUnit = 'yuan' | 'wan' | 'yi';

export interface NormalisedHeader {
  key: string;
  unit: MoneyUnit | null;
}

const UNIT_WORDS: Record<string, MoneyUnit> = {
  元: 'yuan',
  人民币元: 'yuan',
  人民币: 'yuan',
  rmb: 'yuan',
  cny: 'yuan',
  yuan: 'yuan',
  万元: 'wan',
  万: 'wan',
  人民币万元: 'wan',
  万元人民币: 'wan',
  '10kcny': 'wan',
  cny10k: 'wan',
  亿元: 'yi',
  亿: 'yi',
  人民币亿元: 'yi',
};
// Bracket contents that only say whether a column is required.
const MARKERS = new Set(['必填', '选填', '可选', '非必填', 'required', 'optional']);
const BRACKETED = /[(（[【]([^)）\]】]*)[)）\]】]/gu;

export function normaliseHeader(raw: string): NormalisedHeader {
  let unit: MoneyUnit | null = null;
  let text = fold(raw).replace(/[*＊]/g, ' ');
  text = text.replace(BRACKETED, (_, inner: string) => {
    const word = inner.replace(/[\s:：]/g, '').replace(/^单位/, '');
    if (UNIT_WORDS[word]) {
      unit = UNIT_WORDS[word];
      return ' ';
    }
    if (MARKERS.has(word)) return ' ';
    return ` ${inner} `;
  });
  // A unit written after a slash or colon: "融资需求/万元", "金额:万元".
  text = text.replace(/[/:：]\s*(万元|亿元|元)\s*$/u, (_, word: string) => {
    unit = UNIT_WORDS[word] ?? null;
    return '';
  });
  const key = text.replace(/[\s_\-.·:：/]+/gu, '');
  return { key, unit };
}
