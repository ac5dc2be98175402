import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '../../src/domain/credit-code';

/**
 * Unified social credit codes for generated organisations: registration-authority and
 * category prefix (91 enterprise, 12 public institution, 11 government organ, 51 social
 * organisation), the division code of the place, a 9-character organisation code and the
 * GB 32100-2015 check character. The organisation code is a bijection of the record number,
 * so codes are unique however many records a run makes and whatever the seed.
 */
const SPACE = 31n ** 7n;
// Multiplier prime to 31: i ↦ (i·M + C) mod 31^7 is a permutation, so distinct numbers give distinct codes.
const M = 9_876_543_211n;
const C = 1_234_567_891n;

export type CodePrefix = '91' | '12' | '11' | '51';

/** `series` keeps the demo's codes apart from the generator's (different organisation-code heads). */
export function creditCode(prefix: CodePrefix, divisionCode: string, recordNumber: number, series: 'generated' | 'demo' = 'generated'): string {
  let n = (BigInt(recordNumber) * M + C) % SPACE;
  let tail = '';
  for (let i = 0; i < 7; i++) {
    tail = CREDIT_CODE_ALPHABET[Number(n % 31n)]! + tail;
    n /= 31n;
  }
  // Enterprises registered since 2015 carry organisation codes starting MA; the demo uses MB.
  const head = prefix === '91' ? (series === 'demo' ? 'MB' : 'MA') : series === 'demo' ? '4D' : '40';
  const first17 = `${prefix}${divisionCode}${head}${tail}`;
  return first17 + creditCodeCheckChar(first17)!;
}
