/**
 * How far a reader of the change feed has got. Identity values are handed out when a row is
 * inserted but become visible when its transaction commits, so ids commit out of order: after
 * reading 7 and 9, row 8 may still appear. The reader keeps a floor (every id at or below it
 * is seen or given up) and the ids above it it has seen; it reads from the floor again each
 * time. An id missing for longer than the grace period is given up (its transaction rolled
 * back, or the sequence skipped it), so the floor moves on. Pure: the caller brings the ids it
 * read and the clock.
 */
export interface Watermark {
  /** Every id ≤ floor was applied or given up. */
  floor: number;
  /** Ids above the floor already applied. */
  seen: ReadonlySet<number>;
  /** Missing ids above the floor (below a seen one), with when they were first noticed missing. */
  missingSince: ReadonlyMap<number, number>;
}

/** How long a missing id is waited for. */
export const GAP_GRACE_MS = 60_000;

export function startAt(floor: number): Watermark {
  return { floor, seen: new Set(), missingSince: new Map() };
}

/**
 * Takes the ids read above the floor; answers the ones not applied yet (apply them, in order)
 * and the next watermark. The caller applies `fresh` before it uses the new watermark.
 */
export function advance(mark: Watermark, readIds: readonly number[], now: number, graceMs = GAP_GRACE_MS): { fresh: number[]; next: Watermark } {
  const fresh = [...new Set(readIds)].filter((id) => id > mark.floor && !mark.seen.has(id)).sort((a, b) => a - b);
  const seen = new Set(mark.seen);
  for (const id of fresh) seen.add(id);
  let top = mark.floor;
  for (const id of seen) if (id > top) top = id;

  // Ids between the floor and the highest seen that are not seen: wait for them, up to the grace period.
  const missingSince = new Map<number, number>();
  let floor = mark.floor;
  let advancing = true;
  for (let id = mark.floor + 1; id <= top; id++) {
    if (seen.has(id)) {
      if (advancing) {
        floor = id;
        seen.delete(id);
      }
      continue;
    }
    const since = mark.missingSince.get(id) ?? now;
    if (now - since >= graceMs) {
      // Given up: as if seen.
      if (advancing) floor = id;
      continue;
    }
    advancing = false;
    missingSince.set(id, since);
  }
  return { fresh, next: { floor, seen, missingSince } };
}
