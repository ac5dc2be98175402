import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar, creditCodeProblem, isValidCreditCode, normaliseCreditCode } from './credit-code';

const alphabetChar = fc.constantFrom(...CREDIT_CODE_ALPHABET);
const digit = fc.constantFrom(...'0123456789');
/** 17 characters of the right shape: 2 alphabet characters, a 6-digit division code, 9 more. */
const first17 = fc
  .tuple(fc.array(alphabetChar, { minLength: 2, maxLength: 2 }), fc.array(digit, { minLength: 6, maxLength: 6 }), fc.array(alphabetChar, { minLength: 9, maxLength: 9 }))
  .map(([a, b, c]) => [...a, ...b, ...c].join(''));
const validCode = first17.map((p) => p + creditCodeCheckChar(p)!);

describe('credit code (GB 32100-2015)', () => {
  it('accepts codes of real organisations', () => {
    // Published on the organisations' business licences and annual reports.
    const real = [
      '91110000802100433B', // 中国石油化工股份有限公司
      '91440300708461136T', // 华为技术有限公司
      '91330100799655058B', // 阿里巴巴（中国）有限公司
      '911100001000079554', // 中国石油天然气股份有限公司
      '91110108551385082Q', // 北京小米科技有限责任公司
    ];
    for (const code of real) expect(creditCodeProblem(code), code).toBeNull();
  });

  it('a computed check character always makes a valid code', () => {
    fc.assert(fc.property(validCode, (code) => isValidCreditCode(code)));
  });

  it('detects any single changed character', () => {
    fc.assert(
      fc.property(validCode, fc.nat(17), alphabetChar, (code, at, replacement) => {
        fc.pre(code[at] !== replacement);
        const changed = code.slice(0, at) + replacement + code.slice(at + 1);
        expect(isValidCreditCode(changed)).toBe(false);
      }),
    );
  });

  it('names the problem: length, characters (I, O, S, V, Z, letters in the division code), check digit', () => {
    expect(creditCodeProblem('91320700704032345')).toBe('length');
    expect(creditCodeProblem('91320700704032345TT')).toBe('length');
    expect(creditCodeProblem('9132070070403234OT')).toBe('characters');
    expect(creditCodeProblem('9132A700704032345T')).toBe('characters');
    const [code] = fc.sample(validCode, { numRuns: 1, seed: 42 });
    const last = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.indexOf(code!.at(-1)!) + 1) % 31]!;
    expect(creditCodeProblem(code!.slice(0, 17) + last)).toBe('check_digit');
    expect(creditCodeCheckChar('short')).toBeNull();
    expect(creditCodeCheckChar('9132070070403234I')).toBeNull();
  });

  it('normalises what people paste', () => {
    expect(normaliseCreditCode(' 9111 0000-8021 0043 3b ')).toBe('91110000802100433B');
    fc.assert(fc.property(validCode, (code) => isValidCreditCode(normaliseCreditCode(code.toLowerCase().replace(/(.{4})/g, '$1 ')))));
  });
});
