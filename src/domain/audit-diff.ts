/** Before/after of each changed field, as stored in the audit log. */
export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/** Fields whose values never enter the audit log; the change itself is still recorded. */
const SECRET_FIELDS = new Set(['passwordHash', 'tokenHash', 'idHash', 'csrfToken']);
export const REDACTED = '[redacted]';

type Plain = Record<string, unknown> | null | undefined;

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

/**
 * The fields that differ between two versions of a record. A created record has
 * `before` null (every field counts as changed), a deleted one has `after` null.
 * Bookkeeping fields (updatedAt) are left out: they change on every write and say nothing.
 */
export function diffFields(before: Plain, after: Plain, ignore: readonly string[] = ['updatedAt']): FieldChanges {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChanges = {};
  for (const key of [...keys].sort()) {
    if (ignore.includes(key)) continue;
    const b = before ? normalise(before[key]) : null;
    const a = after ? normalise(after[key]) : null;
    if (before && after && same(b, a)) continue;
    if (!before && a === null) continue;
    if (!after && b === null) continue;
    changes[key] = SECRET_FIELDS.has(key)
      ? { before: b === null ? null : REDACTED, after: a === null ? null : REDACTED }
      : { before: b, after: a };
  }
  return changes;
}
