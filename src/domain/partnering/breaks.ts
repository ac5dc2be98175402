/**
 * Break counting. A break is a run of idle slots between two meetings of the same participant on
 * the same day: meetings in slots 1, 2 and 5 of a day make one break (3–4 idle), 1, 3, 5 make two.
 * Different days never make a break; the time between sessions is not a slot, so the last
 * morning slot followed by the first afternoon slot is no break.
 */

/**
 * Breaks of one participant, from the slot indices of their meetings (any order) and the day of
 * each slot (a day's slots are consecutive indices).
 */
export function countBreaks(slots: readonly number[], slotDay: ArrayLike<unknown>): number {
  const sorted = [...slots].sort((x, y) => x - y);
  let breaks = 0;
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (cur - prev > 1 && slotDay[prev] === slotDay[cur]) breaks++;
  }
  return breaks;
}

/** Breaks per participant and the totals for a schedule given as participant → slot indices. */
export function breakSummary(slotsByParticipant: readonly (readonly number[])[], slotDay: ArrayLike<unknown>) {
  const perParticipant = slotsByParticipant.map((s) => countBreaks(s, slotDay));
  let total = 0;
  let max = 0;
  let min = perParticipant.length ? Infinity : 0;
  for (const b of perParticipant) {
    total += b;
    if (b > max) max = b;
    if (b < min) min = b;
  }
  return { perParticipant, total, spread: max - min, max, min };
}
