/**
 * At the door: what a typed or scanned code means, the arrival histogram of the live count,
 * the invitee lines an organiser pastes, and where badges sit on a printed sheet. Pure.
 */

/** Longest code the door accepts; anything longer cannot be a registration's code. */
export const CODE_MAX_LENGTH = 64;

/**
 * A code as typed or scanned, made comparable with the stored one: surrounding blanks (a
 * scanner's trailing newline) dropped, letters upper-cased (people type in lower case).
 * Answers null when nothing usable is left.
 */
export function normaliseCode(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  if (code.length === 0 || code.length > CODE_MAX_LENGTH) return null;
  // Control characters never belong to a code (a scanner glitch, a pasted tab).
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return null;
  }
  return code;
}

export interface ArrivalBucket {
  /** Start of the bucket, ISO instant. */
  from: string;
  count: number;
}

/**
 * Check-ins counted per `minutes`-long bucket (aligned to the epoch, so 09:00, 09:15 … in any
 * zone whose offset is a whole quarter hour), from the first arrival's bucket to the last's,
 * empty buckets included so a chart shows the gaps.
 */
export function arrivalHistogram(instants: readonly Date[], minutes = 15): ArrivalBucket[] {
  if (instants.length === 0) return [];
  const size = minutes * 60_000;
  const counts = new Map<number, number>();
  let first = Infinity;
  let last = -Infinity;
  for (const at of instants) {
    const start = Math.floor(at.getTime() / size) * size;
    counts.set(start, (counts.get(start) ?? 0) + 1);
    first = Math.min(first, start);
    last = Math.max(last, start);
  }
  // A stray old check-in must not make a chart of thousands of empty bars: cap the span.
  const maxBuckets = 24 * 4 * 3;
  if ((last - first) / size >= maxBuckets) first = last - (maxBuckets - 1) * size;
  const buckets: ArrivalBucket[] = [];
  for (let start = first; start <= last; start += size) buckets.push({ from: new Date(start).toISOString(), count: counts.get(start) ?? 0 });
  // Arrivals before the capped span are folded into its first bar, so the bars still add up.
  const before = [...counts.entries()].filter(([start]) => start < first).reduce((n, [, c]) => n + c, 0);
  if (before > 0) buckets[0] = { ...buckets[0]!, count: buckets[0]!.count + before };
  return buckets;
}

export interface InviteeLine {
  name: string;
  email: string;
}

/**
 * Invitees pasted as text, one per line: "name, e-mail", "name<TAB>e-mail" (a spreadsheet
 * column pair), "e-mail, name", or just an e-mail. Full-width commas count as commas. Blank
 * lines are skipped; a line without an e-mail comes back with `email` empty so the form can
 * point at it.
 */
export function parseInviteeLines(text: string): InviteeLine[] {
  const out: InviteeLine[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const cells = line
      .split(/[\t,，;；]/)
      .map((c) => c.trim())
      .filter((c) => c.length > 0);
    const emailAt = cells.findIndex((c) => /^[^\s@]+@[^\s@]+$/.test(c));
    if (emailAt < 0) {
      out.push({ name: cells.join(' '), email: '' });
      continue;
    }
    const email = cells[emailAt]!.toLowerCase();
    const name = cells.filter((_, i) => i !== emailAt).join(' ');
    out.push({ name, email });
  }
  return out;
}

export type BadgeLayout = 'a4' | 'a6';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BadgeSheet {
  page: { width: number; height: number };
  /** Where each badge of a page goes, in print order (rows, left to right). */
  slots: Box[];
  /** Cut lines along the badge edges, drawn in the page margins only. */
  cutMarks: { x1: number; y1: number; x2: number; y2: number }[];
}

const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
const A6 = { width: 105 * MM, height: 148 * MM };

/**
 * A4: eight 90 × 55 mm badges (two across, four down) centred on the sheet, with cut marks
 * in the margins at every badge edge. A6: one badge per page, filling it inside a 6 mm margin.
 * Units are PDF points.
 */
export function badgeSheet(layout: BadgeLayout): BadgeSheet {
  if (layout === 'a6') {
    const margin = 6 * MM;
    return { page: A6, slots: [{ x: margin, y: margin, width: A6.width - 2 * margin, height: A6.height - 2 * margin }], cutMarks: [] };
  }
  const width = 90 * MM;
  const height = 55 * MM;
  const cols = 2;
  const rows = 4;
  const left = (A4.width - cols * width) / 2;
  const top = (A4.height - rows * height) / 2;
  const slots: Box[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) slots.push({ x: left + c * width, y: top + r * height, width, height });
  const gap = 2 * MM;
  const cutMarks: BadgeSheet['cutMarks'] = [];
  const right = left + cols * width;
  const bottom = top + rows * height;
  for (let c = 0; c <= cols; c++) {
    const x = left + c * width;
    cutMarks.push({ x1: x, y1: gap, x2: x, y2: top - gap }, { x1: x, y1: bottom + gap, x2: x, y2: A4.height - gap });
  }
  for (let r = 0; r <= rows; r++) {
    const y = top + r * height;
    cutMarks.push({ x1: gap, y1: y, x2: left - gap, y2: y }, { x1: right + gap, y1: y, x2: A4.width - gap, y2: y });
  }
  return { page: A4, slots, cutMarks };
}

/** How many pages `count` badges take. */
export function badgePages(count: number, layout: BadgeLayout): number {
  return Math.ceil(count / badgeSheet(layout).slots.length);
}
