// Under construction in this change; the helper that owns this page replaces this file.
export function AgreementTotalsPage() {
  return null;
}
