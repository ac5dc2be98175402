import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it('accepts long passwords with letters and digits, in any script', () => {
    expect(passwordProblem('BioBridge2026', 'a@b.demo')).toBeNull();
    expect(passwordProblem('生物医药协同创新平台2026', 'a@b.demo')).toBeNull();
  });

  it('rejects short ones, letter-only or digit-only ones, and the e-mail itself', () => {
    expect(passwordProblem('Abc123', 'a@b.demo')).toBe('password_too_weak');
    expect(passwordProblem('abcdefghijkl', 'a@b.demo')).toBe('password_too_weak');
    expect(passwordProblem('123456789012', 'a@b.demo')).toBe('password_too_weak');
    expect(passwordProblem('Someone.2026@x.demo', 'someone.2026@x.demo')).toBe('password_same_as_email');
    expect(passwordProblem('someone2026', 'someone2026@x.demo')).toBe('password_same_as_email');
  });

  it('never accepts anything shorter than 10 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 9 }), (p) => {
        expect(passwordProblem(p, 'x@y.demo')).not.toBeNull();
      }),
    );
  });
});
