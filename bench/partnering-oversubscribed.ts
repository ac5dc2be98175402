/**
 * `npm run bench:partnering-oversubscribed -- [--instances 1] [--meetings 3000] [--full-lp-time-limit 30] [--mip-time-limit 30]`
 *
 * Over-subscribed instances (more accepted requests than fit; weights 10/3/1, caps, forbidden
 * slots; bench/partnering/generate.ts), two kinds per seed: table-bound (18 tables per 100
 * participants) and participant-bound (30 per 100). The scheduled weight is compared with the
 * best upper bound HiGHS proves (target ≥ 98 %): the aggregated relaxation (one variable per
 * meeting; highs-bounds.ts weightBoundAggregated) as an LP and as a MIP (its dual bound is valid
 * even when stopped), and the slot-indexed LP when it finishes within its time limit.
 * Figures first, then one JSON line.
 */
import { parseArgs } from 'node:util';
import { oversubscribed } from './partnering/generate';
import { weightBound, weightBoundAggregated, type WeightBound } from '../src/domain/partnering/highs-bounds';
import { schedule } from '../src/domain/partnering/schedule';
import { validateSchedule } from '../src/domain/partnering/validate';

const { values } = parseArgs({
  options: {
    instances: { type: 'string', default: '1' },
    meetings: { type: 'string', default: '3000' },
    'full-lp-time-limit': { type: 'string', default: '30' },
    'mip-time-limit': { type: 'string', default: '30' },
  },
});
const N = Number(values.instances);
const M = Number(values.meetings);
const FULL = Number(values['full-lp-time-limit']);
const MIP = Number(values['mip-time-limit']);
const kinds = [
  { kind: 'table-bound', tablesPer100: 18 },
  { kind: 'participant-bound', tablesPer100: 30 },
];
const rows = [];
for (let seed = 1; seed <= N; seed++) {
  for (const { kind, tablesPer100 } of kinds) {
    const participants = Math.round(M / 7.5);
    const inst = oversubscribed(seed, { participants, meetings: M, slots: 16, tables: Math.round((participants * tablesPer100) / 100) });
    const t = performance.now();
    const r = schedule(inst, { seed: 1 });
    const ms = performance.now() - t;
    const violations = validateSchedule(inst, r).length;
    const bounds: Record<string, WeightBound> = {};
    bounds.aggregatedLp = await weightBoundAggregated(inst, { timeLimitSec: 60 });
    if (MIP > 0) bounds.aggregatedMip = await weightBoundAggregated(inst, { mip: true, timeLimitSec: MIP });
    if (FULL > 0) bounds.slotLp = await weightBound(inst, { timeLimitSec: FULL });
    let best = Infinity;
    let by = '';
    for (const [name, b] of Object.entries(bounds)) {
      if (Number.isFinite(b.upper) && b.upper < best) {
        best = b.upper;
        by = name;
      }
    }
    const ratio = r.scheduledWeight / best;
    const row = {
      seed,
      kind,
      meetings: M,
      participants,
      tables: inst.locations.length,
      placed: r.scheduledMeetings,
      weight: r.scheduledWeight,
      totalWeight: r.totalWeight,
      bound: Number(best.toFixed(2)),
      boundBy: by,
      ratio: Number(ratio.toFixed(4)),
      ms: Math.round(ms),
      bounds: Object.fromEntries(Object.entries(bounds).map(([k, b]) => [k, { upper: Number.isFinite(b.upper) ? Number(b.upper.toFixed(2)) : null, status: b.status, sec: Number((b.timeMs / 1000).toFixed(1)) }])),
      violations,
      breaks: r.breaks,
    };
    rows.push(row);
    console.log(
      `#${seed} ${kind}: ${M} requests, ${participants} participants, ${row.tables} tables × 16 slots → ${r.scheduledMeetings} placed, weight ${r.scheduledWeight} of ${r.totalWeight} in ${(ms / 1000).toFixed(1)} s, ${r.breaks} breaks${violations ? `, ${violations} VIOLATIONS` : ''}`,
    );
    for (const [name, b] of Object.entries(row.bounds)) console.log(`    ${name}: ${b.upper ?? '—'} (${b.status}, ${b.sec} s)`);
    console.log(`    best bound ${row.bound} (${by}) → ${(ratio * 100).toFixed(2)} %`);
  }
}
const minRatio = Math.min(...rows.map((r) => r.ratio));
console.log(`worst ratio to a proved upper bound: ${(minRatio * 100).toFixed(2)} %`);
console.log(JSON.stringify({ bench: 'partnering-oversubscribed', instances: rows.length, minRatio, rows }));
