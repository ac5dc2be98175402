/**
 * `npm run bench:matching-quality -- [--seed N] [--size small|default]`
 *
 * Offline evaluation of the matching engine, in memory (no database), deterministic per seed:
 * 1. A generated ecosystem (bench/matching/ecosystem.ts): projects, investors, parks, companies
 *    and technology briefs drawn from hidden latent profiles, texts written from the latent
 *    concepts with thesaurus terms in mixed languages, and links drawn from the latents by a
 *    process that is not the engine's scoring (investor_of, licensee_of, resident_of).
 * 2. A random 20% of each relation's links hidden; features built from the visible rest only.
 * 3. For each subject with at least one hidden link, the candidates ranked by the engine
 *    (MatchIndex.top, an all-seeing viewer, visible links excluded) and by two baselines:
 *    popularity (visible links) and text only (TF-IDF cosine, no thesaurus, no structure):
 *    recall@10, recall@50 and NDCG@10 over the hidden links.
 * A table per task and overall (the mean of the tasks), then one JSON line with every figure and
 * the ratios engine/popularity and engine/text.
 */
import { parseArgs } from 'node:util';
import type { MatchFeatures } from '../src/domain/matching/types';
import type { MatchTarget } from '../src/domain/matching/vocabularies';
import { THESAURUS_SEED } from '../src/domain/thesaurus/seed';
import { PopularityBaseline, TextBaseline } from './matching/baselines';
import { generateEcosystem, hideLinks, SIZES, type Link, type Relation } from './matching/ecosystem';
import { buildEngine } from './matching/engine';
import { buildFeatures } from './matching/features';
import { METRIC_NAMES, MetricAccumulator, ratio, round, type RankingMetrics } from './matching/metrics';

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    size: { type: 'string', default: 'default' },
  },
});
const SEED = Number(args.seed);
if (!Number.isInteger(SEED) || SEED < 0 || (args.size !== 'small' && args.size !== 'default')) {
  console.error('Usage: npm run bench:matching-quality -- [--seed N] [--size small|default]');
  process.exit(2);
}
const SIZE = SIZES[args.size];
const LIMIT = 50;
const started = performance.now();
const seconds = () => Math.round((performance.now() - started) / 100) / 10;

console.log(`Matching offline evaluation — seed ${SEED}, size ${args.size}`);
const eco = generateEcosystem(SEED, SIZE, THESAURUS_SEED);
const { visible, hidden } = hideLinks(SEED, eco.links);
const linkCounts = Object.fromEntries(
  (['investor_of', 'licensee_of', 'resident_of'] as const).map((r) => [r, { total: eco.links.filter((l) => l.relation === r).length, hidden: hidden.filter((l) => l.relation === r).length }]),
);
console.log(
  `  ecosystem: ${eco.projects.length} projects, ${eco.investors.length} investors, ${eco.parks.length} parks, ${eco.companies.length} companies, ${eco.briefs.length} briefs; ` +
    Object.entries(linkCounts).map(([r, c]) => `${r} ${c.total} (${c.hidden} hidden)`).join(', ') +
    ` — ${seconds()} s`,
);
const features = buildFeatures(eco, visible);
const texts = new Map<string, string>([...eco.projects, ...eco.investors, ...eco.parks, ...eco.companies, ...eco.briefs].map((r) => [r.id, r.text]));
console.log(`  features built (visible links only) — ${seconds()} s`);
const engine = buildEngine([...features.projects, ...features.investors, ...features.parks, ...features.companies, ...features.briefs], THESAURUS_SEED);
console.log(`  engine index built in ${engine.buildSeconds} s — ${seconds()} s`);

interface Task {
  name: string;
  relation: Relation;
  target: MatchTarget;
  subjects: MatchFeatures[];
  candidates: MatchFeatures[];
  /** Which end of a link is the subject. */
  subjectEnd: 'from' | 'to';
}
const TASKS: Task[] = [
  { name: 'investor→projects', relation: 'investor_of', target: 'projects', subjects: features.investors, candidates: features.projects, subjectEnd: 'from' },
  { name: 'project→investors', relation: 'investor_of', target: 'investors', subjects: features.projects, candidates: features.investors, subjectEnd: 'to' },
  { name: 'brief→companies', relation: 'licensee_of', target: 'companies', subjects: features.briefs, candidates: features.companies, subjectEnd: 'to' },
  { name: 'project→parks', relation: 'resident_of', target: 'parks', subjects: features.projects, candidates: features.parks, subjectEnd: 'from' },
];

function groupBySubject(links: readonly Link[], task: Task): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const l of links) {
    if (l.relation !== task.relation) continue;
    const [s, c] = task.subjectEnd === 'from' ? [l.from, l.to] : [l.to, l.from];
    if (!out.has(s)) out.set(s, new Set());
    out.get(s)!.add(c);
  }
  return out;
}

type Method = 'engine' | 'popularity' | 'text';
const METHODS: Method[] = ['engine', 'popularity', 'text'];
const results: Record<string, { subjects: number; candidates: number } & Record<Method, RankingMetrics>> = {};
const perTask: Record<Method, RankingMetrics>[] = [];

for (const task of TASKS) {
  const hiddenOf = groupBySubject(hidden, task);
  const visibleOf = groupBySubject(visible, task);
  const degree = new Map<string, number>();
  for (const l of visible) {
    if (l.relation !== task.relation) continue;
    const c = task.subjectEnd === 'from' ? l.to : l.from;
    degree.set(c, (degree.get(c) ?? 0) + 1);
  }
  const popularity = new PopularityBaseline(task.candidates.map((c) => c.id), degree);
  const text = new TextBaseline(task.candidates.map((c) => ({ id: c.id, text: texts.get(c.id)! })));
  const acc: Record<Method, MetricAccumulator> = { engine: new MetricAccumulator(), popularity: new MetricAccumulator(), text: new MetricAccumulator() };
  for (const subject of task.subjects) {
    const relevant = hiddenOf.get(subject.id);
    if (!relevant) continue;
    // Everything the subject is visibly linked to (any relation) is left out, as the engine does with linkedIds.
    const exclude = new Set([...subject.linkedIds, ...(visibleOf.get(subject.id) ?? []), subject.id]);
    acc.engine.add(engine.top(task.target, subject, LIMIT), relevant);
    acc.popularity.add(popularity.top(exclude, LIMIT), relevant);
    acc.text.add(text.top(texts.get(subject.id)!, exclude, LIMIT), relevant);
  }
  const means = { engine: acc.engine.mean(), popularity: acc.popularity.mean(), text: acc.text.mean() };
  results[task.name] = { subjects: acc.engine.subjects, candidates: task.candidates.length, ...means };
  perTask.push(means);
  console.log(`  ${task.name}: ${acc.engine.subjects} subjects, ${task.candidates.length} candidates — ${seconds()} s`);
}

const overall = Object.fromEntries(
  METHODS.map((m) => [m, Object.fromEntries(METRIC_NAMES.map((k) => [k, round(perTask.reduce((s, t) => s + t[m][k], 0) / perTask.length)])) as unknown as RankingMetrics]),
) as Record<Method, RankingMetrics>;

function ratios(r: Record<Method, RankingMetrics>) {
  return {
    engineToPopularity: Object.fromEntries(METRIC_NAMES.map((k) => [k, ratio(r.engine[k], r.popularity[k])])),
    engineToText: Object.fromEntries(METRIC_NAMES.map((k) => [k, ratio(r.engine[k], r.text[k])])),
  };
}

// ---------------------------------------------------------------- table
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
const num = (n: number) => n.toFixed(3).padStart(7);
const x = (n: number | null) => (n === null ? '    n/a' : `${n.toFixed(2)}×`.padStart(7));
console.log('');
console.log(`${pad('task', 26)}${pad('method', 12)}${'R@10'.padStart(7)}${'R@50'.padStart(7)}${'NDCG@10'.padStart(9)}`);
const rows: [string, Record<Method, RankingMetrics>, number | null][] = [
  ...TASKS.map((t) => [t.name, results[t.name]!, results[t.name]!.subjects] as [string, Record<Method, RankingMetrics>, number]),
  ['overall (mean)', overall, null],
];
for (const [name, r, n] of rows) {
  for (const m of METHODS) {
    console.log(`${pad(m === 'engine' ? `${name}${n === null ? '' : ` (${n})`}` : '', 26)}${pad(m, 12)}${num(r[m].recall10)}${num(r[m].recall50)}  ${num(r[m].ndcg10)}`);
  }
  const q = ratios(r);
  console.log(`${pad('', 26)}${pad('eng/pop', 12)}${x(q.engineToPopularity.recall10!)}${x(q.engineToPopularity.recall50!)}  ${x(q.engineToPopularity.ndcg10!)}`);
  console.log(`${pad('', 26)}${pad('eng/text', 12)}${x(q.engineToText.recall10!)}${x(q.engineToText.recall50!)}  ${x(q.engineToText.ndcg10!)}`);
}
const beats = METRIC_NAMES.every((k) => overall.engine[k] > overall.popularity[k] && overall.engine[k] > overall.text[k]);
console.log(`\n  engine beats both baselines on every overall metric: ${beats ? 'yes' : 'NO'} — ${seconds()} s`);

console.log(
  JSON.stringify({
    bench: 'matching-quality',
    seed: SEED,
    size: args.size,
    records: { projects: eco.projects.length, investors: eco.investors.length, parks: eco.parks.length, companies: eco.companies.length, briefs: eco.briefs.length },
    links: linkCounts,
    tasks: Object.fromEntries(Object.entries(results).map(([name, r]) => [name, { ...r, ratios: ratios(r) }])),
    overall: { ...overall, ratios: ratios(overall) },
    engineBeatsBaselines: beats,
    indexBuildSeconds: engine.buildSeconds,
    seconds: seconds(),
  }),
);
