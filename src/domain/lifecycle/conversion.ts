import type { ItemEventKind } from './vocabularies';

/**
 * Conversion statistics of a pipeline, from its items' history (pure: the service reads the
 * events, this counts them).
 *
 * The history is cut into stays: an item stays in a stage from the moment it entered (created
 * there, moved there, reopened there) until it left (moved on, moved back, lost). A stay is
 * counted in the period it began — a cohort — and what became of it is counted with it, whenever
 * that happened. So, for every stage and period:
 *   entered = the stays that began then; movedOn = those that went forward (advance or skip);
 *   lost = those that ended with the item lost (by reason); the rest moved back or are still there.
 * Hence movedOn + lost ≤ entered, the rates lie in [0, 1], and the periods add up to the totals.
 */

export type ConversionPeriod = 'month' | 'quarter' | 'year';

export interface ConversionEvent {
  itemId: string;
  kind: ItemEventKind;
  fromStageId: string | null;
  toStageId: string | null;
  lostReason: string | null;
  /** The event's date in the community's time zone (YYYY-MM-DD). */
  day: string;
  /** The event's instant, in milliseconds. */
  atMs: number;
}

export interface StageConversion {
  stageId: string;
  entered: number;
  movedOn: number;
  lost: number;
  lostByReason: Record<string, number>;
  /** movedOn / entered; null when nothing entered. */
  conversionRate: number | null;
  /** Median days in the stage of the stays that moved on (one decimal); null without any. */
  medianDays: number | null;
}

export interface ConversionResult {
  periods: { period: string; stages: StageConversion[] }[];
  totals: StageConversion[];
}

interface Stay {
  stageId: string;
  day: string;
  enteredMs: number;
  exit: 'moved' | 'back' | 'lost' | null;
  exitMs: number | null;
  lostReason: string | null;
}

/** The period a date falls in: 2026-03, 2026-Q1, 2026. */
export function periodOf(day: string, period: ConversionPeriod): string {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  if (period === 'year') return year;
  if (period === 'quarter') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Every period from the one holding `fromDay` to the one holding `toDay`, in order (empty when reversed). */
export function periodsBetween(fromDay: string, toDay: string, period: ConversionPeriod): string[] {
  const step = period === 'year' ? 12 : period === 'quarter' ? 3 : 1;
  let y = Number(fromDay.slice(0, 4));
  let m = Number(fromDay.slice(5, 7));
  m -= (m - 1) % step;
  const endKey = periodOf(toDay, period);
  const out: string[] = [];
  if (fromDay > toDay) return out;
  for (let guard = 0; guard < 5000; guard++) {
    const key = periodOf(`${y}-${String(m).padStart(2, '0')}-01`, period);
    out.push(key);
    if (key === endKey) break;
    m += step;
    if (m > 12) {
      m -= 12;
      y += 1;
    }
  }
  return out;
}

/** Cuts each item's history (events in time order) into stays. */
export function staysOf(events: readonly ConversionEvent[]): Stay[] {
  const byItem = new Map<string, ConversionEvent[]>();
  for (const e of events) {
    const list = byItem.get(e.itemId);
    if (list) list.push(e);
    else byItem.set(e.itemId, [e]);
  }
  const stays: Stay[] = [];
  for (const list of byItem.values()) {
    const ordered = list.map((e, i) => ({ e, i })).sort((a, b) => a.e.atMs - b.e.atMs || a.i - b.i);
    let current: Stay | null = null;
    let lastStage: string | null = null;
    const begin = (stageId: string | null, e: ConversionEvent) => {
      lastStage = stageId;
      current = stageId ? { stageId, day: e.day, enteredMs: e.atMs, exit: null, exitMs: null, lostReason: null } : null;
      if (current) stays.push(current);
    };
    const end = (exit: Stay['exit'], e: ConversionEvent) => {
      if (current) {
        current.exit = exit;
        current.exitMs = e.atMs;
        current.lostReason = exit === 'lost' ? (e.lostReason ?? 'other') : null;
      }
      current = null;
    };
    for (const { e } of ordered) {
      switch (e.kind) {
        case 'created':
          end('back', e);
          begin(e.toStageId, e);
          break;
        case 'advance':
        case 'skip':
          end('moved', e);
          begin(e.toStageId, e);
          break;
        case 'rollback':
          end('back', e);
          begin(e.toStageId, e);
          break;
        case 'lost':
          end('lost', e);
          break;
        case 'reopened':
          if (!current) begin(e.toStageId ?? lastStage, e);
          break;
      }
    }
  }
  return stays;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 10) / 10;
}

function summarise(stageId: string, stays: readonly Stay[]): StageConversion {
  const lostByReason: Record<string, number> = {};
  let movedOn = 0;
  let lost = 0;
  const days: number[] = [];
  for (const s of stays) {
    if (s.exit === 'moved') {
      movedOn += 1;
      days.push((s.exitMs! - s.enteredMs) / 86_400_000);
    } else if (s.exit === 'lost') {
      lost += 1;
      lostByReason[s.lostReason!] = (lostByReason[s.lostReason!] ?? 0) + 1;
    }
  }
  const entered = stays.length;
  return { stageId, entered, movedOn, lost, lostByReason, conversionRate: entered ? movedOn / entered : null, medianDays: median(days) };
}

/**
 * Counts per stage (in the order given) and per period. Stays in stages not listed (removed
 * since) are left out; `from` and `to` (inclusive dates) bound when a stay began and which
 * periods are listed; without them, the periods run from the first stay to the last.
 */
export function computeConversion(input: {
  stageIds: readonly string[];
  events: readonly ConversionEvent[];
  period: ConversionPeriod;
  from?: string;
  to?: string;
}): ConversionResult {
  const known = new Set(input.stageIds);
  const stays = staysOf(input.events).filter(
    (s) => known.has(s.stageId) && (!input.from || s.day >= input.from) && (!input.to || s.day <= input.to),
  );
  const days = stays.map((s) => s.day).sort();
  const first = input.from ?? days[0] ?? input.to;
  const last = input.to ?? days[days.length - 1] ?? input.from;
  const keys = first && last ? periodsBetween(first, last, input.period) : [];
  const byPeriod = new Map<string, Stay[]>(keys.map((k) => [k, []]));
  for (const s of stays) byPeriod.get(periodOf(s.day, input.period))?.push(s);
  const perStage = (list: readonly Stay[]) => input.stageIds.map((id) => summarise(id, list.filter((s) => s.stageId === id)));
  return {
    periods: keys.map((period) => ({ period, stages: perStage(byPeriod.get(period)!) })),
    totals: perStage(stays),
  };
}
