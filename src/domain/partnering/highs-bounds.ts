/**
 * Bounds and exact optima from HiGHS (the `highs` package, WebAssembly, loaded asynchronously).
 * Used by the CLI (`--bound`) and the benchmarks; keep it out of the web app and of the solver's
 * hot path. The models, over x[m,s] ∈ {0,1} for the allowed slots s of meeting m:
 *
 * Weight: max Σ w_m x[m,s] subject to Σ_s x[m,s] ≤ 1; for each participant p and slot s,
 *   Σ_{m∋p} x[m,s] ≤ 1; for each slot, the meetings needing a shared location ≤ the shared
 *   locations; Σ_{m∋p,s} x[m,s] ≤ max meetings of p; x[m,s] ≤ Σ_{t<s} x[q,t] for each
 *   predecessor q. Solved as an LP (relaxation: an upper bound) or as a MIP (exact when proved).
 *
 * Breaks: with the weight fixed (every meeting of the given set scheduled), y[p,s] = Σ_{m∋p} x[m,s];
 *   L[p,s] ≥ L[p,s+1], L[p,s] ≥ y[p,s] (p meets at s or later that day);
 *   b[p,s] ≥ y[p,s-1] − y[p,s] + L[p,s+1] − 1 (a break starts at s); min Σ b.
 *   HiGHS's dual bound is a lower bound on breaks even when the time limit stops it.
 */
import type { Highs } from 'highs';
import { compileInstance, type Compiled, type Instance } from './instance';

let loading: Promise<Highs> | null = null;
async function loadHighs(): Promise<Highs> {
  loading ??= import('highs').then((m) => m.default());
  return loading;
}

class LpWriter {
  private lines: string[] = [];
  private row = 0;
  add(line: string) {
    this.lines.push(line);
  }
  /** A constraint Σ coef·var (op) rhs, wrapped over lines. */
  constraint(terms: [number, string][], op: '<=' | '>=' | '=', rhs: number) {
    if (!terms.length) return;
    const parts = terms.map(([k, v], i) => `${k < 0 ? '-' : i === 0 ? '' : '+'} ${Math.abs(k) === 1 ? '' : Math.abs(k) + ' '}${v}`);
    const chunks: string[] = [];
    for (let i = 0; i < parts.length; i += 12) chunks.push(parts.slice(i, i + 12).join(' '));
    this.lines.push(` r${this.row++}: ${chunks.join('\n  ')} ${op} ${rhs}`);
  }
  text() {
    return this.lines.join('\n') + '\n';
  }
}

const xv = (m: number, s: number) => `x${m}_${s}`;

function needsShared(c: Compiled, m: number, s: number) {
  return !c.boothAt[c.mA[m]! * c.S + s] && !c.boothAt[c.mB[m]! * c.S + s];
}

/** The assignment constraints shared by both models. `only` limits the meetings considered. */
function assignmentRows(c: Compiled, w: LpWriter, only: Uint8Array | null, exactlyOne: boolean) {
  const { S, M, P, dom, mA, mB } = c;
  const vars: number[][] = Array.from({ length: M }, () => []);
  const byPS = new Map<number, string[]>();
  const bySlot: string[][] = Array.from({ length: S }, () => []);
  const byP: string[][] = Array.from({ length: P }, () => []);
  for (let m = 0; m < M; m++) {
    if (only && !only[m]) continue;
    if (c.staticReason[m] !== null) continue;
    for (let s = 0; s < S; s++) {
      if (!dom[m * S + s]) continue;
      vars[m]!.push(s);
      const v = xv(m, s);
      for (const p of [mA[m]!, mB[m]!]) {
        const k = p * S + s;
        let list = byPS.get(k);
        if (!list) byPS.set(k, (list = []));
        list.push(v);
        byP[p]!.push(v);
      }
      if (needsShared(c, m, s)) bySlot[s]!.push(v);
    }
  }
  for (let m = 0; m < M; m++) if (vars[m]!.length) w.constraint(vars[m]!.map((s) => [1, xv(m, s)]), exactlyOne ? '=' : '<=', 1);
  for (const list of byPS.values()) if (list.length > 1) w.constraint(list.map((v) => [1, v]), '<=', 1);
  for (let s = 0; s < S; s++) if (bySlot[s]!.length > c.cap[s]!) w.constraint(bySlot[s]!.map((v) => [1, v]), '<=', c.cap[s]!);
  for (let p = 0; p < P; p++) {
    const distinct = new Set<number>();
    for (let k = c.pmStart[p]!; k < c.pmStart[p + 1]!; k++) distinct.add(c.pmList[k]!);
    if (byP[p]!.length && c.maxMeet[p]! < distinct.size) w.constraint(byP[p]!.map((v) => [1, v]), '<=', c.maxMeet[p]!);
  }
  // Precedence: x[m,s] ≤ Σ_{t<s} x[q,t].
  for (let m = 0; m < M; m++) {
    for (let k = c.predStart[m]!; k < c.predStart[m + 1]!; k++) {
      const q = c.predList[k]!;
      for (const s of vars[m]!) {
        const terms: [number, string][] = [[1, xv(m, s)]];
        for (const t of vars[q]!) if (t < s) terms.push([-1, xv(q, t)]);
        w.constraint(terms, '<=', 0);
      }
    }
  }
  return vars;
}

export interface WeightBound {
  /** Upper bound on the scheduled weight (LP optimum, or the MIP's dual bound). */
  upper: number;
  /** Best weight HiGHS found (MIP only). */
  found: number | null;
  proof: 'highs_lp' | 'highs_mip';
  status: string;
  optimal: boolean;
  timeMs: number;
}

/** An upper bound on the scheduled weight: the LP relaxation, or the MIP (exact when it finishes in time). */
export async function weightBound(inst: Instance, options: { mip?: boolean; timeLimitSec?: number } = {}): Promise<WeightBound> {
  const t0 = Date.now();
  const c = compileInstance(inst);
  const w = new LpWriter();
  const objective: [number, string][] = [];
  const body = new LpWriter();
  const vars = assignmentRows(c, body, null, false);
  vars.forEach((slots, m) => slots.forEach((s) => objective.push([c.weight[m]!, xv(m, s)])));
  if (!objective.length) return { upper: 0, found: 0, proof: options.mip ? 'highs_mip' : 'highs_lp', status: 'empty', optimal: true, timeMs: 0 };
  w.add('Maximize');
  w.add(' obj: ' + chunked(objective));
  w.add('Subject To');
  w.add(body.text());
  w.add('Bounds');
  for (const [, v] of objective) w.add(` 0 <= ${v} <= 1`);
  if (options.mip) {
    w.add('Binaries');
    w.add(' ' + objective.map(([, v]) => v).join('\n '));
  }
  w.add('End');
  const highs = await loadHighs();
  return highs.withModel({ format: 'lp', data: w.text() }, (model) => {
    model.options.set({ output_flag: false, time_limit: options.timeLimitSec ?? 60 });
    model.run();
    const status = model.getModelStatus();
    const K = highs.constants.modelStatus;
    const optimal = status === K.optimal;
    let upper = Infinity;
    let found: number | null = null;
    if (options.mip) {
      const dual = info(model, 'mip_dual_bound');
      upper = optimal ? model.getObjectiveValue() : Number.isFinite(dual) ? dual : Infinity;
      const primal = info(model, 'mip_primal_bound');
      found = optimal ? model.getObjectiveValue() : Number.isFinite(primal) ? primal : null;
    } else if (optimal) upper = model.getObjectiveValue();
    return { upper, found, proof: options.mip ? ('highs_mip' as const) : ('highs_lp' as const), status: statusName(highs, status), optimal, timeMs: Date.now() - t0 };
  });
}

export interface BreaksBound {
  /** Lower bound on breaks when exactly the given meetings are scheduled. */
  lower: number;
  /** Breaks of the best schedule HiGHS found, if any. */
  found: number | null;
  optimal: boolean;
  status: string;
  timeMs: number;
}

/**
 * Fewest breaks with the given meetings all scheduled (by default every meeting that has an
 * allowed slot): exact when `optimal`, otherwise `lower` is HiGHS's proven lower bound.
 */
export async function breaksBound(inst: Instance, options: { meetings?: readonly string[]; timeLimitSec?: number } = {}): Promise<BreaksBound> {
  const t0 = Date.now();
  const c = compileInstance(inst);
  const { S, P, D, dayStart, dayEnd } = c;
  const only = new Uint8Array(c.M);
  if (options.meetings) {
    const idx = new Map(inst.meetings.map((m, i) => [m.id, i]));
    for (const id of options.meetings) only[idx.get(id)!] = 1;
  } else only.fill(1);
  const body = new LpWriter();
  const vars = assignmentRows(c, body, only, true);
  const busyTerms: [number, string][][] = Array.from({ length: P * S }, () => []);
  const degree = new Int32Array(P);
  vars.forEach((slots, m) => {
    if (!slots.length) return;
    degree[c.mA[m]!]!++;
    degree[c.mB[m]!]!++;
    for (const s of slots) {
      busyTerms[c.mA[m]! * S + s]!.push([1, xv(m, s)]);
      busyTerms[c.mB[m]! * S + s]!.push([1, xv(m, s)]);
    }
  });
  const bVars: string[] = [];
  const cont: string[] = [];
  for (let p = 0; p < P; p++) {
    if (degree[p]! < 2) continue;
    for (let d = 0; d < D; d++) {
      const lo = dayStart[d]!;
      const hi = dayEnd[d]!;
      for (let s = lo; s < hi; s++) {
        const L = `L${p}_${s}`;
        cont.push(L);
        // L[p,s] ≥ y[p,s];  L[p,s] ≥ L[p,s+1]
        body.constraint([[1, L], ...busyTerms[p * S + s]!.map(([k, v]) => [-k, v] as [number, string])], '>=', 0);
        if (s + 1 < hi) body.constraint([[1, L], [-1, `L${p}_${s + 1}`]], '>=', 0);
      }
      for (let s = lo + 1; s + 1 < hi; s++) {
        const b = `b${p}_${s}`;
        bVars.push(b);
        // b ≥ y[s-1] − y[s] + L[s+1] − 1
        body.constraint([[1, b], ...busyTerms[p * S + s - 1]!.map(([k, v]) => [-k, v] as [number, string]), ...busyTerms[p * S + s]!, [-1, `L${p}_${s + 1}`]], '>=', -1);
      }
    }
  }
  const xs: string[] = [];
  vars.forEach((slots, m) => slots.forEach((s) => xs.push(xv(m, s))));
  const w = new LpWriter();
  w.add('Minimize');
  w.add(' obj: ' + (bVars.length ? chunked(bVars.map((v) => [1, v])) : '0 ' + (xs[0] ?? 'dummy')));
  w.add('Subject To');
  w.add(body.text());
  w.add('Bounds');
  for (const v of xs) w.add(` 0 <= ${v} <= 1`);
  for (const v of [...cont, ...bVars]) w.add(` 0 <= ${v} <= 1`);
  w.add('Binaries');
  w.add(' ' + xs.join('\n '));
  w.add('End');
  const highs = await loadHighs();
  return highs.withModel({ format: 'lp', data: w.text() }, (model) => {
    model.options.set({ output_flag: false, time_limit: options.timeLimitSec ?? 60 });
    model.run();
    const status = model.getModelStatus();
    const K = highs.constants.modelStatus;
    const optimal = status === K.optimal;
    const dual = info(model, 'mip_dual_bound');
    const primal = info(model, 'mip_primal_bound');
    return {
      lower: optimal ? Math.round(model.getObjectiveValue()) : Number.isFinite(dual) ? Math.max(0, Math.ceil(dual - 1e-6)) : 0,
      found: optimal ? Math.round(model.getObjectiveValue()) : Number.isFinite(primal) && primal < 1e20 ? Math.round(primal) : null,
      optimal,
      status: statusName(highs, status),
      timeMs: Date.now() - t0,
    };
  });
}

function info(model: { info: { get(name: string): number | bigint } }, name: string): number {
  try {
    return Number(model.info.get(name));
  } catch {
    return NaN;
  }
}

function chunked(terms: [number, string][]): string {
  const parts = terms.map(([k, v], i) => `${i === 0 ? '' : '+ '}${k === 1 ? '' : k + ' '}${v}`);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 12) out.push(parts.slice(i, i + 12).join(' '));
  return out.join('\n  ');
}

function statusName(highs: Highs, code: number): string {
  for (const [name, value] of Object.entries(highs.constants.modelStatus)) if (value === code) return name;
  return String(code);
}
