/**
 * Lifecycle models as the code sees them: which model a project follows (its track, and for a
 * device its NMPA class), whether a stage belongs to it, how a move between two of its stages
 * reads, and how long a project has sat in its stage. The models themselves are data
 * (lifecycle_models); these functions only read them.
 */
import { classifyMove, type StageMove } from './moves';

export interface ModelShape {
  code: string;
  track: string;
  /** Devices only: the class this model is for; null for a track's general model. */
  deviceClass: string | null;
  /** Stage codes in order. */
  stages: readonly string[];
}

/**
 * The model a project follows: the one of its track for its device class; a device without a
 * class (or a class with no model of its own) follows the track's general model (class null).
 */
export function modelFor<M extends ModelShape>(models: readonly M[], track: string, deviceClass: string | null | undefined): M | undefined {
  const ofTrack = models.filter((m) => m.track === track);
  if (deviceClass) {
    const exact = ofTrack.find((m) => m.deviceClass === deviceClass);
    if (exact) return exact;
  }
  return ofTrack.find((m) => m.deviceClass === null) ?? ofTrack[0];
}

export function stageInModel(model: Pick<ModelShape, 'stages'>, stage: string): boolean {
  return model.stages.includes(stage);
}

/** How a move from `from` to `to` reads in the model (unknown_stage when either is not in it). */
export function moveIn(model: Pick<ModelShape, 'stages'>, from: string, to: string): StageMove {
  return classifyMove(model.stages, from, to);
}

const DAY = 86_400_000;

function utcDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDay(to) - utcDay(from)) / DAY) + 0;
}

/** Days a project has sat in its stage on `today` (0 on the day it entered; never negative). */
export function daysInStage(stageSince: string, today: string): number {
  return Math.max(0, daysBetween(stageSince, today));
}

/** Today's date (YYYY-MM-DD) in a time zone, e.g. the community's (Asia/Shanghai by default). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

// ---------------------------------------------------------------- the board

/** The median of a list of numbers (the mean of the middle two for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface StageStats {
  count: number;
  medianDays: number | null;
  maxDays: number | null;
}

export function stageStats(days: readonly number[]): StageStats {
  return { count: days.length, medianDays: median(days), maxDays: days.length ? Math.max(...days) : null };
}

export interface BoardEntry {
  modelCode: string;
  stage: string;
  days: number;
}

/**
 * Groups projects by model and stage, every stage of every model present (empty ones with a
 * zero count), in the models' order. A project whose stage is not in its model (possible only
 * for data older than the model) is counted under `offModel` of its model.
 */
export function boardOf<M extends ModelShape>(models: readonly M[], entries: readonly BoardEntry[]) {
  return models.map((model) => {
    const mine = entries.filter((e) => e.modelCode === model.code);
    const stages = model.stages.map((stage) => ({ stage, ...stageStats(mine.filter((e) => e.stage === stage).map((e) => e.days)) }));
    return { model, stages, offModel: mine.filter((e) => !model.stages.includes(e.stage)).length };
  });
}
