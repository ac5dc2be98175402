import type { StageMoveKind } from './vocabularies';

/**
 * How a move between two stages of an ordered list reads: one step on is an advance, a jump
 * over stages is a skip (which stages were passed over is kept), a move back is a rollback.
 * Both the project lifecycle and the pipelines record every move with its kind, so a rollback
 * is never silent. Moving to the stage an item already holds, or to a stage outside the list,
 * is not a move at all.
 */
export type StageMove =
  | { ok: true; kind: Exclude<StageMoveKind, 'initial'>; skipped: string[] }
  | { ok: false; problem: 'same_stage' | 'unknown_stage' };

export function classifyMove(order: readonly string[], from: string, to: string): StageMove {
  const a = order.indexOf(from);
  const b = order.indexOf(to);
  if (a < 0 || b < 0) return { ok: false, problem: 'unknown_stage' };
  if (a === b) return { ok: false, problem: 'same_stage' };
  if (b === a + 1) return { ok: true, kind: 'advance', skipped: [] };
  if (b > a) return { ok: true, kind: 'skip', skipped: order.slice(a + 1, b) };
  return { ok: true, kind: 'rollback', skipped: [] };
}

/**
 * A rollback needs a reason from the person making it, so going back is a decision on the
 * record; a skip keeps the stages it passed over and needs none (a lead often goes straight
 * to a site visit).
 */
export function needsReason(move: Extract<StageMove, { ok: true }>): boolean {
  return move.kind === 'rollback';
}
