/** The one form an e-mail address is stored and compared in. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
