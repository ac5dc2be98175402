/**
 * `npm run bench:partnering-convention -- [--seed 1] [--time-limit 50] [--participants 16000] [--meetings 50000]`
 *
 * Convention scale: 16,000 participants, 50,000 meetings, 3 days × 16 slots, 1,200 tables, from a
 * planted gap-free schedule (so the optimum is known: all placed, 0 breaks). Targets: all placed,
 * ≤ 0.05 breaks per participant on average, ≤ 60 s on a 2-core machine. Prints memory (peak RSS
 * and heap). Figures first, then one JSON line.
 */
import { parseArgs } from 'node:util';
import { CONVENTION, convention } from './partnering/generate';
import { parseInstance } from '../src/domain/partnering/instance';
import { schedule } from '../src/domain/partnering/schedule';
import { validateSchedule } from '../src/domain/partnering/validate';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    'time-limit': { type: 'string', default: '50' },
    participants: { type: 'string', default: String(CONVENTION.participants) },
    meetings: { type: 'string', default: String(CONVENTION.meetings) },
  },
});
const params = { ...CONVENTION, participants: Number(values.participants), meetings: Number(values.meetings) };
let t = performance.now();
const inst = convention(Number(values.seed), params);
const genMs = performance.now() - t;
const active = new Set(inst.meetings.flatMap((m) => m.participants)).size;
console.log(`generated ${inst.meetings.length} meetings among ${active} of ${inst.participants.length} participants, ${inst.slots.length} slots, ${inst.locations.length} tables in ${(genMs / 1000).toFixed(1)} s`);
t = performance.now();
const parsed = parseInstance(inst);
const parseMs = performance.now() - t;
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 5)));
t = performance.now();
const r = schedule(inst, { seed: 1, timeLimitMs: Number(values['time-limit']) * 1000 });
const solveMs = performance.now() - t;
const mem = process.memoryUsage();
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
t = performance.now();
const violations = validateSchedule(inst, r).length;
const validateMs = performance.now() - t;
const perParticipant = r.breaks / inst.participants.length;
console.log(`placed ${r.scheduledMeetings}/${inst.meetings.length}; breaks ${r.stats.breaksAfterConstruction} after construction → ${r.breaks} (${perParticipant.toFixed(4)} per participant); ${r.stats.iterations} moves`);
console.log(`validate ${(parseMs / 1000).toFixed(1)} s, solve ${(solveMs / 1000).toFixed(1)} s, check ${(validateMs / 1000).toFixed(1)} s; peak RSS ${peakRssMb} MB, heap used ${Math.round(mem.heapUsed / 1e6)} MB; ${violations} violations`);
console.log(
  JSON.stringify({
    bench: 'partnering-convention',
    participants: inst.participants.length,
    meetings: inst.meetings.length,
    slots: inst.slots.length,
    tables: inst.locations.length,
    placed: r.scheduledMeetings,
    allPlaced: r.unscheduled.length === 0,
    breaks: r.breaks,
    breaksPerParticipant: Number(perParticipant.toFixed(4)),
    breaksAfterConstruction: r.stats.breaksAfterConstruction,
    solveSec: Number((solveMs / 1000).toFixed(1)),
    parseSec: Number((parseMs / 1000).toFixed(1)),
    peakRssMb,
    heapUsedMb: Math.round(mem.heapUsed / 1e6),
    moves: r.stats.iterations,
    violations,
  }),
);
