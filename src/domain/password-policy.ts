export type PasswordProblem = 'password_too_weak' | 'password_same_as_email';

export const PASSWORD_MIN_LENGTH = 10;

/**
 * The rule for new passwords: at least 10 characters with letters and digits, and not
 * the account's own e-mail (or its local part). Returns the problem, or null when fine.
 */
export function passwordProblem(password: string, email: string): PasswordProblem | null {
  const lower = password.toLowerCase();
  const mail = email.trim().toLowerCase();
  if (lower === mail || lower === mail.split('@')[0]) return 'password_same_as_email';
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'password_too_weak';
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password)) return 'password_too_weak';
  return null;
}
