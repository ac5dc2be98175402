/**
 * `npm run schedule -- <instance.json> [--time-limit s] [--seed n] [--bound] [--bound-time-limit s]`
 *
 * Reads a partnering instance (format: docs/partnering/scheduler.md), schedules it and prints the
 * result as JSON: assignments [{meeting, slot, location}], unscheduled [{meeting, reason}], breaks,
 * breakSpread, scheduledWeight, bound and optimal. With --bound it also asks HiGHS for an upper
 * bound on the weight (the aggregated and the slot-indexed LP relaxations, and the exact MIP up to
 * 2,000 meetings, when not everything fits) and, when some
 * breaks remain, a lower bound on breaks (exact on small instances); what HiGHS proved goes into
 * `bound` and `optimal`. Exit code 2 on a bad instance, with every problem and its path on stderr.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { parseInstance } from '../src/domain/partnering/instance';
import { schedule } from '../src/domain/partnering/schedule';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'time-limit': { type: 'string' },
    seed: { type: 'string' },
    bound: { type: 'boolean', default: false },
    'bound-time-limit': { type: 'string', default: '60' },
  },
});
const file = positionals[0];
if (!file) {
  console.error('Usage: npm run schedule -- <instance.json> [--time-limit s] [--seed n] [--bound] [--bound-time-limit s]');
  process.exit(2);
}
let json: unknown;
try {
  json = JSON.parse(fs.readFileSync(file, 'utf8'));
} catch (e) {
  console.error(`Cannot read ${file}: ${(e as Error).message}`);
  process.exit(2);
}
const parsed = parseInstance(json);
if (!parsed.ok) {
  for (const p of parsed.problems) console.error(`${p.path}: ${p.message}`);
  process.exit(2);
}
const inst = parsed.instance;
const result = schedule(inst, {
  ...(values['time-limit'] ? { timeLimitMs: Number(values['time-limit']) * 1000 } : {}),
  ...(values.seed ? { seed: Number(values.seed) } : {}),
});
const out: Record<string, unknown> = { ...result };
if (values.bound) {
  const { weightBound, weightBoundAggregated, breaksBound } = await import('../src/domain/partnering/highs-bounds');
  const limit = Number(values['bound-time-limit']);
  const highs: Record<string, unknown> = {};
  if (!result.optimal.weight) {
    // The aggregated relaxation (one variable per meeting) is fast at any size; the slot-indexed
    // LP is tighter when it finishes.
    const agg = await weightBoundAggregated(inst, { timeLimitSec: limit });
    highs.weightAggregatedLp = agg;
    const lp = await weightBound(inst, { timeLimitSec: limit });
    highs.weightLp = lp;
    let upper = Math.min(agg.upper, lp.upper);
    let proof: 'highs_lp' | 'highs_mip' = 'highs_lp';
    if (inst.meetings.length <= 2000) {
      const mip = await weightBound(inst, { mip: true, timeLimitSec: limit });
      highs.weightMip = mip;
      if (mip.upper < upper) {
        upper = mip.upper;
        proof = 'highs_mip';
      }
    }
    if (upper < result.bound.weight.upper) result.bound.weight = { upper, proof };
    if (result.scheduledWeight >= upper - 1e-6) result.optimal.weight = true;
  }
  if (result.optimal.weight && !result.optimal.breaks && inst.meetings.length <= 2000) {
    const bb = await breaksBound(inst, { meetings: result.assignments.map((a) => a.meeting), timeLimitSec: limit, start: new Map(result.assignments.map((a) => [a.meeting, a.slot])) });
    highs.breaks = bb;
    if (bb.lower > result.bound.breaks.lower) result.bound.breaks = { lower: bb.lower, proof: 'highs_mip' };
    if (result.breaks <= bb.lower) result.optimal.breaks = true;
  }
  out.bound = result.bound;
  out.optimal = result.optimal;
  out.highs = highs;
}
process.stdout.write(JSON.stringify(out, null, 2) + '\n');
