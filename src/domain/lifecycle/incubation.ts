import type { IncubationStatus } from './vocabularies';

/**
 * The life of a company in a community's incubator: admitted (in a batch) → graduated → listed,
 * and exited from any of them. The rules, pure:
 *
 * - Forward moves: admitted → graduated | exited; graduated → listed | exited; listed → exited
 *   (a listed company can still leave the park: the listing stays on the record). A company lists
 *   only after graduating, so admitted → listed is two steps (graduate, then list), each dated.
 *   Exited is the end of the line.
 * - Every status carries its date: graduated needs graduatedOn, listed needs listedOn and a
 *   stock code, exited needs exitedOn. Dates never run backwards: graduated ≥ admitted, listed ≥
 *   graduated, exited ≥ the latest earlier date.
 * - Going back (graduated → admitted, listed → graduated, exited → any earlier status) is a
 *   correction of a mistake, not a move: only the community's admins may make it, with a reason,
 *   and the service records it in the audit log as `incubation.corrected`. A correction clears the
 *   dates of the statuses it undoes, so the record never claims a listing it no longer has.
 */

/** The order of the statuses along the main line; exited sits beside it (reachable from each). */
const ORDER: readonly IncubationStatus[] = ['admitted', 'graduated', 'listed'];

const FORWARD: Record<IncubationStatus, readonly IncubationStatus[]> = {
  admitted: ['graduated', 'exited'],
  graduated: ['listed', 'exited'],
  listed: ['exited'],
  exited: [],
};

export type TransitionKind = 'same' | 'forward' | 'correction' | 'not_allowed';

/** What a change of status from `from` to `to` is. */
export function transitionKind(from: IncubationStatus, to: IncubationStatus): TransitionKind {
  if (from === to) return 'same';
  if (FORWARD[from].includes(to)) return 'forward';
  if (isBackward(from, to)) return 'correction';
  return 'not_allowed';
}

/** Back along the line, or out of exited to any earlier status. */
function isBackward(from: IncubationStatus, to: IncubationStatus): boolean {
  if (to === 'exited') return false;
  if (from === 'exited') return true;
  return ORDER.indexOf(to) < ORDER.indexOf(from);
}

/** The statuses one may move to from `from` without a correction. */
export function nextStatuses(from: IncubationStatus): readonly IncubationStatus[] {
  return FORWARD[from];
}

export interface IncubationState {
  status: IncubationStatus;
  batch: string;
  admittedOn: string;
  graduatedOn: string | null;
  listedOn: string | null;
  stockCode: string | null;
  exitedOn: string | null;
  exitReason: string;
}

/** Fields a change may set; absent keys keep their value, null clears. */
export type IncubationChange = Partial<Omit<IncubationState, 'batch' | 'admittedOn' | 'exitReason'>> & {
  batch?: string;
  admittedOn?: string;
  exitReason?: string;
};

export interface ChangeActor {
  /** The community's admins (and platform admins) may correct a status backwards. */
  mayCorrect: boolean;
  /** Why the correction is made; required for a correction. */
  reason?: string | null;
}

export type ChangeResult =
  | { ok: true; next: IncubationState; kind: Exclude<TransitionKind, 'not_allowed'> }
  | { ok: false; problem: 'not_allowed' | 'forbidden' | 'invalid'; fields: Record<string, string> };

/** A stock code as exchanges print them: 688235, 688235.SH, 2142.HK, LEGN. */
export const STOCK_CODE_PATTERN = /^[A-Z0-9]{1,10}(\.[A-Z]{1,4})?$/;

export function normaliseStockCode(code: string): string {
  return code.trim().toUpperCase().replace(/\s+/g, '');
}

/**
 * Applies a change to a record: the status move (checked against the rules above), then the
 * dates, then the checks every state must pass. On failure, `fields` names each offending field
 * with a message key.
 */
export function applyIncubationChange(current: IncubationState, change: IncubationChange, actor: ChangeActor): ChangeResult {
  const target = change.status ?? current.status;
  const kind = transitionKind(current.status, target);
  if (kind === 'not_allowed') return { ok: false, problem: 'not_allowed', fields: { status: 'incubation_transition_not_allowed' } };
  if (kind === 'correction') {
    if (!actor.mayCorrect) return { ok: false, problem: 'forbidden', fields: { status: 'incubation_correction_admins_only' } };
    if (!actor.reason || !actor.reason.trim()) return { ok: false, problem: 'invalid', fields: { reason: 'incubation_correction_reason_required' } };
  }

  const next: IncubationState = { ...current, status: target };
  for (const key of ['batch', 'admittedOn', 'graduatedOn', 'listedOn', 'stockCode', 'exitedOn', 'exitReason'] as const) {
    if (change[key] !== undefined) (next as unknown as Record<string, unknown>)[key] = change[key];
  }
  if (next.stockCode !== null) next.stockCode = normaliseStockCode(next.stockCode) || null;

  // A correction undoes the statuses after the one it returns to.
  if (kind === 'correction') {
    const rank = ORDER.indexOf(target);
    if (rank < 1) next.graduatedOn = null;
    if (rank < 2) {
      next.listedOn = null;
      next.stockCode = null;
    }
    next.exitedOn = null;
    next.exitReason = '';
  }

  const fields = validateState(next);
  if (Object.keys(fields).length > 0) return { ok: false, problem: 'invalid', fields };
  return { ok: true, next, kind };
}

/** The checks every stored record passes: each status dated, dates in order, a well-formed stock code. */
export function validateState(s: IncubationState): Record<string, string> {
  const fields: Record<string, string> = {};
  if ((s.status === 'graduated' || s.status === 'listed') && !s.graduatedOn) fields.graduatedOn = 'incubation_date_required';
  if (s.status === 'listed') {
    if (!s.listedOn) fields.listedOn = 'incubation_date_required';
    if (!s.stockCode) fields.stockCode = 'incubation_stock_code_required';
  }
  if (s.status === 'exited' && !s.exitedOn) fields.exitedOn = 'incubation_date_required';
  if (s.stockCode && !STOCK_CODE_PATTERN.test(s.stockCode)) fields.stockCode = 'incubation_stock_code_invalid';
  // A listing date and a stock code go together.
  if (s.listedOn && !s.stockCode && !fields.stockCode) fields.stockCode = 'incubation_stock_code_required';
  if (s.stockCode && !s.listedOn && !fields.listedOn) fields.listedOn = 'incubation_date_required';
  // A listing needs a graduation before it.
  if (s.listedOn && !s.graduatedOn && !fields.graduatedOn) fields.graduatedOn = 'incubation_date_required';

  if (s.graduatedOn && s.graduatedOn < s.admittedOn && !fields.graduatedOn) fields.graduatedOn = 'incubation_date_before_admitted';
  if (s.listedOn && s.graduatedOn && s.listedOn < s.graduatedOn && !fields.listedOn) fields.listedOn = 'incubation_date_before_graduated';
  if (s.exitedOn && !fields.exitedOn) {
    const latest = [s.admittedOn, s.graduatedOn, s.listedOn].filter((d): d is string => Boolean(d)).sort().at(-1)!;
    if (s.exitedOn < latest) fields.exitedOn = 'incubation_date_before_previous';
  }
  // Dates of statuses the record has not reached are not kept (an admitted company has no graduation date).
  if (s.status === 'admitted') {
    if (s.graduatedOn) fields.graduatedOn = 'incubation_date_not_reached';
    if (s.listedOn) fields.listedOn = 'incubation_date_not_reached';
  }
  if (s.status === 'graduated' && s.listedOn) fields.listedOn = 'incubation_date_not_reached';
  if (s.status !== 'exited' && s.exitedOn) fields.exitedOn = 'incubation_date_not_reached';
  return fields;
}
