/**
 * `npm run bench:partnering-small -- [--instances 10] [--highs-time-limit 20]`
 *
 * Small brokerage events (40–80 participants, 120–300 meetings, 8–22 slots, 12–27 tables, morning
 * and afternoon sessions, some forbidden slots; bench/partnering/generate.ts). For each: our
 * scheduler with its default budget (target: every meeting placed, optimal breaks, ≤ 1 s), then
 * HiGHS on the exact break-minimisation MIP with the same meetings (an optimum when it proves one
 * within the time limit, otherwise a lower bound). Figures first, then one JSON line.
 */
import { parseArgs } from 'node:util';
import { brokerage } from './partnering/generate';
import { breaksBound } from '../src/domain/partnering/highs-bounds';
import { schedule } from '../src/domain/partnering/schedule';
import { validateSchedule } from '../src/domain/partnering/validate';

const { values } = parseArgs({ options: { instances: { type: 'string', default: '10' }, 'highs-time-limit': { type: 'string', default: '20' } } });
const N = Number(values.instances);
const HIGHS = Number(values['highs-time-limit']);
const rows = [];
for (let seed = 1; seed <= N; seed++) {
  const inst = brokerage(seed);
  const t = performance.now();
  const r = schedule(inst, { seed: 1 });
  const ms = performance.now() - t;
  const violations = validateSchedule(inst, r).length;
  const h = HIGHS > 0 ? await breaksBound(inst, { meetings: r.assignments.map((a) => a.meeting), timeLimitSec: HIGHS }) : null;
  const row = {
    seed,
    participants: inst.participants.length,
    meetings: inst.meetings.length,
    slots: inst.slots.length,
    tables: inst.locations.length,
    placed: r.scheduledMeetings,
    breaks: r.breaks,
    ms: Math.round(ms),
    violations,
    highs: h ? { optimal: h.optimal, lower: h.lower, found: h.found, ms: h.timeMs } : null,
    reachedOptimum: r.breaks === 0 || (h !== null && r.breaks <= h.lower),
  };
  rows.push(row);
  console.log(
    `#${seed}: ${row.participants} participants, ${row.meetings} meetings, ${row.slots} slots, ${row.tables} tables → placed ${row.placed}/${row.meetings}, ${row.breaks} breaks in ${row.ms} ms` +
      (h ? `; HiGHS ${h.optimal ? `optimum ${h.lower}` : `lower bound ${h.lower}${h.found !== null ? `, best found ${h.found}` : ', no schedule found'}`} in ${(h.timeMs / 1000).toFixed(1)} s` : '') +
      (violations ? ` — ${violations} VIOLATIONS` : ''),
  );
}
const summary = {
  bench: 'partnering-small',
  instances: N,
  allPlaced: rows.every((r) => r.placed === r.meetings),
  maxMs: Math.max(...rows.map((r) => r.ms)),
  totalBreaks: rows.reduce((s, r) => s + r.breaks, 0),
  provedOptimal: rows.filter((r) => r.reachedOptimum).length,
  highsSolved: rows.filter((r) => r.highs?.optimal).length,
  highsTimeLimitSec: HIGHS,
  violations: rows.reduce((s, r) => s + r.violations, 0),
  rows: rows.map((r) => ({ seed: r.seed, m: r.meetings, breaks: r.breaks, ms: r.ms, highsLower: r.highs?.lower ?? null, highsOptimal: r.highs?.optimal ?? null })),
};
console.log(`all placed: ${summary.allPlaced}; slowest ${summary.maxMs} ms; breaks ${summary.totalBreaks} in total; at a proved optimum: ${summary.provedOptimal}/${N}; HiGHS solved ${summary.highsSolved}/${N} within ${HIGHS} s`);
console.log(JSON.stringify(summary));
