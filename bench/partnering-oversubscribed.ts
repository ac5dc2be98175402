/**
 * `npm run bench:partnering-oversubscribed -- [--instances 3] [--meetings 3000]`
 *
 * Over-subscribed instances (more accepted requests than fit; weights 10/3/1, caps, forbidden
 * slots; bench/partnering/generate.ts): the scheduled weight against the upper bound of the LP
 * relaxation solved by HiGHS (target ≥ 98 %). Figures first, then one JSON line.
 */
import { parseArgs } from 'node:util';
import { oversubscribed } from './partnering/generate';
import { weightBound } from '../src/domain/partnering/highs-bounds';
import { schedule } from '../src/domain/partnering/schedule';
import { validateSchedule } from '../src/domain/partnering/validate';

const { values } = parseArgs({ options: { instances: { type: 'string', default: '3' }, meetings: { type: 'string', default: '3000' } } });
const N = Number(values.instances);
const M = Number(values.meetings);
const rows = [];
for (let seed = 1; seed <= N; seed++) {
  const participants = Math.round(M / 7.5);
  const inst = oversubscribed(seed, { participants, meetings: M, slots: 16, tables: Math.round(participants * 0.3) });
  const t = performance.now();
  const r = schedule(inst, { seed: 1 });
  const ms = performance.now() - t;
  const lp = await weightBound(inst, { timeLimitSec: 120 });
  const ratio = r.scheduledWeight / lp.upper;
  const violations = validateSchedule(inst, r).length;
  rows.push({ seed, meetings: M, participants, tables: inst.locations.length, placed: r.scheduledMeetings, weight: r.scheduledWeight, totalWeight: r.totalWeight, lpBound: Number(lp.upper.toFixed(2)), ratio: Number(ratio.toFixed(4)), ms: Math.round(ms), lpMs: lp.timeMs, violations, breaks: r.breaks });
  console.log(
    `#${seed}: ${M} requests, ${participants} participants, ${inst.locations.length} tables × 16 slots → ${r.scheduledMeetings} placed, weight ${r.scheduledWeight} of ${r.totalWeight}; LP bound ${lp.upper.toFixed(1)} (${lp.status}, ${(lp.timeMs / 1000).toFixed(1)} s) → ${(ratio * 100).toFixed(2)} % in ${(ms / 1000).toFixed(1)} s, ${r.breaks} breaks${violations ? `, ${violations} VIOLATIONS` : ''}`,
  );
}
const minRatio = Math.min(...rows.map((r) => r.ratio));
console.log(`worst ratio to the LP bound: ${(minRatio * 100).toFixed(2)} %`);
console.log(JSON.stringify({ bench: 'partnering-oversubscribed', instances: N, minRatio, rows }));
