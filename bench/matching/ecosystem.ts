/**
 * A generated ecosystem for the offline evaluation of matching: projects, investors, parks,
 * companies and technology briefs, each drawn from a hidden latent profile, and the links between
 * them drawn from those latents by a process that is NOT the engine's scoring function.
 *
 * Latent profile of a record:
 * - topics: a few concepts of the field (thesaurus concepts), placed in a hidden 16-dimensional
 *   space where concepts of one segment sit near each other and related concepts nearer still;
 *   the record's topic vector is the weighted mean of its concepts' vectors;
 * - stage: a position 0..1 along the lifecycle (an investor or park: a preferred window);
 * - region: a home province (an investor or park: maybe preferred provinces);
 * - size: funding needed (project) or ticket centre (investor), on a log10 scale of 万元;
 * - attractiveness: how much others want it (a lognormal), which with preferential attachment
 *   makes some records popular.
 *
 * What the engine sees is derived from the latents with noise: segments sometimes missing or off,
 * stages shifted, ticket ranges and regions sometimes not stated, texts written from the latent
 * concepts with thesaurus terms in mixed languages and synonyms (a project says "CAR-T", an
 * investor's thesis "免疫细胞治疗" or "細胞治療"), plus filler words and stray terms.
 *
 * Links: investor_of (investor → project), licensee_of (company → brief), resident_of (project →
 * park), sampled with probability ∝ topic affinity (cosine in the hidden space, sharpened) ×
 * stage compatibility (a Gaussian window) × size compatibility × region preference ×
 * attractiveness × (1 + links so far)^α, plus uniform random noise links.
 *
 * Deterministic per seed (demo/generator's seeded streams).
 */
import * as OpenCC from 'opencc-js';
import { PLACES } from '../../demo/generator/places';
import { Rng } from '../../demo/generator/random';

/** The thesaurus data the text is written from (the shape of src/domain/thesaurus ThesaurusConceptData). */
export interface ConceptData {
  code: string;
  segment: string | null;
  relatedCodes: string[];
  terms: { lang: 'zh_hans' | 'zh_hant' | 'en'; term: string }[];
}

export type Lang = 'zh_hans' | 'zh_hant' | 'en';
export type Track = 'drug' | 'cgt' | 'device' | 'ivd';

export const SEGMENTS = [
  'innovative_drug', 'medical_device', 'ivd', 'cell_therapy', 'gene_therapy', 'mrna',
  'phage_therapy', 'regenerative_medicine', 'biomaterials', 'vaccines', 'digital_health',
] as const;
const SEGMENT_WEIGHT: Record<string, number> = {
  innovative_drug: 26, medical_device: 14, ivd: 10, cell_therapy: 10, gene_therapy: 7, mrna: 5,
  phage_therapy: 2, regenerative_medicine: 6, biomaterials: 5, vaccines: 6, digital_health: 9,
};
export const TRACK_OF_SEGMENT: Record<string, Track> = {
  innovative_drug: 'drug', mrna: 'drug', vaccines: 'drug', phage_therapy: 'drug',
  cell_therapy: 'cgt', gene_therapy: 'cgt', regenerative_medicine: 'cgt',
  medical_device: 'device', biomaterials: 'device', digital_health: 'device', ivd: 'ivd',
};
/** Stage codes of each track in lifecycle order (taxonomy codes, migrations 0005 and 0007). */
export const TRACK_STAGES: Record<Track, readonly string[]> = {
  drug: ['research', 'preclinical', 'phase_1', 'phase_2', 'phase_3', 'review', 'production', 'commercial', 'listed'],
  cgt: ['cgt_research', 'cgt_preclinical', 'cgt_iit', 'cgt_phase_1', 'cgt_phase_2', 'cgt_pivotal', 'cgt_review', 'cgt_manufacturing', 'cgt_commercial', 'cgt_listed'],
  device: ['device_design', 'device_testing', 'device_clinical', 'device_registration', 'device_production', 'device_commercial', 'device_listed'],
  ivd: ['ivd_development', 'ivd_validation', 'ivd_clinical', 'ivd_registration', 'ivd_production', 'ivd_commercial', 'ivd_listed'],
};
const TRACKS = Object.keys(TRACK_STAGES) as Track[];
const PROVINCES = [...new Set(PLACES.map((p) => p.province))];
const PROVINCE_WEIGHT = Object.fromEntries(PROVINCES.map((p) => [p, PLACES.filter((x) => x.province === p).reduce((s, x) => s + x.weight, 0)])) as Record<string, number>;
/** Where in the lifecycle a clinical-trial approval (ind_cleared) is held. */
const CLINICAL_FROM = 0.22;
const WAN = 1_000_000; // fen in one 万元

export type Relation = 'investor_of' | 'licensee_of' | 'resident_of';
export const RELATIONS: readonly Relation[] = ['investor_of', 'licensee_of', 'resident_of'];

export interface Latent {
  /** Unit vector in the hidden topic space. */
  topic: Float64Array;
  concepts: string[];
  /** Position 0..1 (a project, a brief), or the centre of a preferred window. */
  stage: number;
  /** Width of the preferred window (investors, parks, companies); 0 for a position. */
  stageWidth: number;
  province: string;
  /** Preferred partner provinces; empty: anywhere. */
  regionPrefs: string[];
  /** log10 of 万元: funding needed, or the ticket centre. */
  size: number;
  attractiveness: number;
}

interface RecordBase {
  id: string;
  latent: Latent;
  text: string;
  province: string | null;
}

export interface EcoProject extends RecordBase {
  segment: string;
  stage: string;
  fundingSoughtFen: number | null;
  milestones: string[];
}
export interface EcoInvestor extends RecordBase {
  segments: string[];
  stages: string[];
  regions: string[];
  ticketMinFen: number | null;
  ticketMaxFen: number | null;
}
export interface EcoPark extends RecordBase {
  segments: string[];
  stages: string[];
  regions: string[];
  requiredMilestones: string[];
  freeAreaSqm: number | null;
  /** Latent: takes only projects with a clinical-trial approval. */
  requiresClinical: boolean;
  full: boolean;
}
export interface EcoCompany extends RecordBase {
  segments: string[];
  /** Latent: how keen it is to license technology. */
  licensing: number;
  /** Kinds of partnership it says it has done besides licensing (the rest comes from its visible links). */
  statedPartnerships: string[];
}
export interface EcoBrief extends RecordBase {
  segments: string[];
  partnerships: string[];
}

export interface Link {
  relation: Relation;
  from: string;
  to: string;
}

export interface Ecosystem {
  projects: EcoProject[];
  investors: EcoInvestor[];
  parks: EcoPark[];
  companies: EcoCompany[];
  briefs: EcoBrief[];
  links: Link[];
}

export interface EcosystemSize {
  projects: number;
  investors: number;
  parks: number;
  companies: number;
  briefs: number;
}
export const SIZES: Record<'small' | 'default', EcosystemSize> = {
  small: { projects: 3000, investors: 200, parks: 30, companies: 300, briefs: 600 },
  default: { projects: 20000, investors: 1000, parks: 60, companies: 1500, briefs: 3000 },
};

const STREAM = { space: 101, project: 102, investor: 103, park: 104, company: 105, brief: 106, link: 107 } as const;
const DIM = 16;
/**
 * Concepts of no segment that are services, stages or paperwork rather than what a record is
 * about: never a latent topic (they still turn up in texts as stray terms).
 */
const NOT_A_TOPIC = new Set(['clinical_trial', 'preclinical', 'animal_model', 'ind', 'nda', 'regulatory_affairs', 'real_world_evidence', 'cro', 'cdmo', 'cmo', 'gmp', 'glp', 'pilot_production', 'tech_transfer', 'patent', 'shared_lab', 'incubator']);

// ---------------------------------------------------------------- the hidden topic space

function gauss(rng: Rng): number {
  const u = Math.max(1e-12, rng.float());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.float());
}
function normalise(v: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i]! * v[i]!;
  n = Math.sqrt(n) || 1;
  for (let i = 0; i < v.length; i++) v[i]! /= n;
  return v;
}
function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

interface Space {
  vectors: Map<string, Float64Array>;
  bySegment: Map<string, ConceptData[]>;
  /** Concepts of no segment (indications, platforms …): secondary topics. */
  general: ConceptData[];
  byCode: Map<string, ConceptData>;
}

function buildSpace(seed: number, concepts: readonly ConceptData[]): Space {
  const rng = new Rng(seed, STREAM.space, 0);
  const centres = new Map<string, Float64Array>();
  for (const s of SEGMENTS) centres.set(s, normalise(Float64Array.from({ length: DIM }, () => gauss(rng))));
  // Neighbouring segments share part of their centre (cell and gene therapy, regenerative medicine and biomaterials …).
  const near: [string, string][] = [['cell_therapy', 'regenerative_medicine'], ['cell_therapy', 'gene_therapy'], ['gene_therapy', 'mrna'], ['mrna', 'vaccines'], ['regenerative_medicine', 'biomaterials'], ['medical_device', 'digital_health'], ['ivd', 'digital_health'], ['innovative_drug', 'mrna']];
  for (const [a, b] of near) {
    const ca = centres.get(a)!;
    const cb = centres.get(b)!;
    const mixed = Float64Array.from(ca, (x, i) => x * 0.8 + cb[i]! * 0.35);
    centres.set(a, normalise(mixed));
  }
  const vectors = new Map<string, Float64Array>();
  for (const c of concepts) {
    const centre = c.segment ? centres.get(c.segment) : undefined;
    const v = Float64Array.from({ length: DIM }, (_, i) => (centre ? centre[i]! : 0) + gauss(rng) * (centre ? 0.45 : 1));
    vectors.set(c.code, normalise(v));
  }
  for (const c of concepts) {
    for (const r of c.relatedCodes) {
      const a = vectors.get(c.code);
      const b = vectors.get(r);
      if (a && b) vectors.set(c.code, normalise(Float64Array.from(a, (x, i) => x + 0.4 * b[i]!)));
    }
  }
  const bySegment = new Map<string, ConceptData[]>();
  const general: ConceptData[] = [];
  for (const c of concepts) {
    if (c.terms.length === 0) continue;
    if (c.segment && (SEGMENTS as readonly string[]).includes(c.segment)) {
      if (!bySegment.has(c.segment)) bySegment.set(c.segment, []);
      bySegment.get(c.segment)!.push(c);
    } else if (!NOT_A_TOPIC.has(c.code)) general.push(c);
  }
  return { vectors, bySegment, general, byCode: new Map(concepts.map((c) => [c.code, c])) };
}

/** Concepts of a segment (or, for a segment the thesaurus has none of, general ones). */
function conceptsOf(space: Space, segment: string): ConceptData[] {
  return space.bySegment.get(segment) ?? space.general;
}

function topicOf(space: Space, weighted: [string, number][]): Float64Array {
  const v = new Float64Array(DIM);
  for (const [code, w] of weighted) {
    const c = space.vectors.get(code);
    if (c) for (let i = 0; i < DIM; i++) v[i]! += w * c[i]!;
  }
  return normalise(v);
}

/** Hidden topic affinity: cosine, floored at 0 and sharpened (not the engine's concept overlap). */
function affinity(a: Latent, b: Latent, power: number): number {
  return Math.max(0, dot(a.topic, b.topic)) ** power;
}

// ---------------------------------------------------------------- text

const FILLER: Record<Lang, readonly string[]> = {
  zh_hans: ['创新', '平台', '研发', '团队', '核心技术', '领先', '国际', '合作', '发展', '产业化', '转化', '优势', '专业', '服务', '生物医药', '健康', '质量', '高效', '布局', '经验丰富', '市场', '推进', '管线', '资源'],
  zh_hant: ['創新', '平台', '研發', '團隊', '核心技術', '領先', '國際', '合作', '發展', '產業化', '轉化', '優勢', '專業', '服務', '生物醫藥', '健康', '質量', '高效', '布局', '經驗豐富', '市場', '推進', '管線', '資源'],
  en: ['innovative', 'platform', 'team', 'leading', 'global', 'partnership', 'development', 'translation', 'expertise', 'quality', 'pipeline', 'market', 'experienced', 'strategy', 'biomedicine', 'healthcare', 'growth', 'resources'],
};
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

function pickLang(rng: Rng): Lang {
  return rng.weighted({ zh_hans: 50, zh_hant: 15, en: 35 });
}

/** A term of the concept: in the record's language mostly, else any; a random synonym of that language. */
function termOf(rng: Rng, concept: ConceptData, lang: Lang): string {
  const want: Lang = rng.chance(0.55) ? lang : rng.pick(['zh_hans', 'zh_hant', 'en'] as const);
  const inLang = concept.terms.filter((t) => t.lang === want);
  return rng.pick(inLang.length ? inLang : concept.terms).term;
}

function fillers(rng: Rng, lang: Lang, n: number): string[] {
  return rng.sample(FILLER[lang], n);
}

interface TextParts {
  lang: Lang;
  name: string;
  terms: string[];
  fill: string[];
}

type Kind = 'project' | 'investor' | 'park' | 'company' | 'brief';

/** Writes a short text around the terms, in the record's language (traditional: converted, terms kept). */
function write(kind: Kind, p: TextParts): string {
  const t = p.terms;
  const f = p.fill;
  if (p.lang === 'en') {
    const list = t.join(', ');
    switch (kind) {
      case 'project': return `${p.name}: a ${f[0]} ${t[0]} programme, ${t.slice(1).join(' and ') || f[1]}; ${f[1]} ${f[2]}, ${f[3]}.`;
      case 'investor': return `${p.name} invests in ${list}. ${f[0]} ${f[1]} with a ${f[2]} ${f[3]}.`;
      case 'park': return `${p.name} welcomes companies in ${list}; ${f[0]} ${f[1]}, ${f[2]} ${f[3]}.`;
      case 'company': return `${p.name} works on ${list}, a ${f[0]} ${f[1]} ${f[2]} ${f[3]}.`;
      case 'brief': return `Technology brief: ${t[0]} ${t.slice(1).join(' / ')} — ${f[0]} ${f[1]}, ${f[2]} ${f[3]}.`;
    }
  }
  const list = t.join('、');
  let zh: string;
  switch (kind) {
    case 'project': zh = `${p.name}:${f[0]}${t[0]}项目,${t.slice(1).join('与') || f[1]};${f[1]}${f[2]},${f[3]}。`; break;
    case 'investor': zh = `${p.name}重点关注${list}等方向,${f[0]}${f[1]},${f[2]}${f[3]}。`; break;
    case 'park': zh = `${p.name}聚焦${list}产业,${f[0]}${f[1]},${f[2]}${f[3]}。`; break;
    case 'company': zh = `${p.name}主营${list},${f[0]}${f[1]}${f[2]}${f[3]}。`; break;
    case 'brief': zh = `技术简介:${t[0]}${t.slice(1).join('/')},${f[0]}${f[1]},${f[2]}${f[3]}。`; break;
  }
  if (p.lang === 'zh_hant') {
    // Convert the frame only: the terms were chosen in their own language already.
    const marks = t.map((_, i) => `\u0001${i}\u0002`);
    let framed = zh;
    t.forEach((term, i) => (framed = framed.replace(term, marks[i]!)));
    framed = toTraditional(framed);
    t.forEach((term, i) => (framed = framed.replace(marks[i]!, term)));
    return framed;
  }
  return zh;
}

// ---------------------------------------------------------------- records

function pickSegment(rng: Rng): string {
  return rng.weighted(SEGMENT_WEIGHT);
}

/** Topics of a record: concepts of its segments, sometimes a general concept. */
function drawTopics(rng: Rng, space: Space, segments: string[], perSegment: [number, number], generalChance: number): [string, number][] {
  const out: [string, number][] = [];
  for (const s of segments) {
    const pool = conceptsOf(space, s);
    for (const c of rng.sample(pool, rng.int(perSegment[0], perSegment[1]))) out.push([c.code, 0.5 + rng.float()]);
  }
  if (space.general.length && rng.chance(generalChance)) out.push([rng.pick(space.general).code, 0.3 + 0.4 * rng.float()]);
  return out;
}

/** Terms written for the topics (the strongest first), a stray term now and then. */
function termsFor(rng: Rng, space: Space, topics: [string, number][], lang: Lang, concepts: readonly ConceptData[]): string[] {
  const sorted = [...topics].sort((a, b) => b[1] - a[1]);
  const terms = sorted.map(([code]) => termOf(rng, space.byCode.get(code)!, lang));
  // A synonym of the main concept now and then (a text names its topic twice, in other words).
  if (rng.chance(0.3)) terms.push(termOf(rng, space.byCode.get(sorted[0]![0])!, lang));
  if (rng.chance(0.2)) terms.push(termOf(rng, rng.pick(concepts), lang));
  return terms;
}

function stageCode(track: Track, position: number): string {
  const stages = TRACK_STAGES[track];
  return stages[Math.max(0, Math.min(stages.length - 1, Math.round(position * (stages.length - 1))))]!;
}
export function stagePosition(code: string): number | null {
  for (const t of TRACKS) {
    const i = TRACK_STAGES[t].indexOf(code);
    if (i >= 0) return i / (TRACK_STAGES[t].length - 1);
  }
  return null;
}
/** Stage codes of every track whose position lies in [from, to]. */
function stagesWithin(from: number, to: number): string[] {
  const out: string[] = [];
  for (const t of TRACKS) {
    const stages = TRACK_STAGES[t];
    stages.forEach((code, i) => {
      const p = i / (stages.length - 1);
      if (p >= from - 1e-9 && p <= to + 1e-9) out.push(code);
    });
  }
  return out;
}

function lognormal(rng: Rng, mu: number, sigma: number): number {
  return Math.exp(mu + sigma * gauss(rng));
}

function province(rng: Rng): string {
  return rng.weighted(PROVINCE_WEIGHT);
}

/** A round amount of fen from log10(万元). */
function fenOf(log10Wan: number): number {
  const wan = 10 ** log10Wan;
  const step = wan >= 10000 ? 1000 : wan >= 1000 ? 100 : 10;
  return Math.max(step, Math.round(wan / step) * step) * WAN;
}

function code(rng: Rng): string {
  const L = 'ABCDEFGHJKLMNPQRSTXYZ';
  return `${L[rng.int(0, L.length - 1)]}${L[rng.int(0, L.length - 1)]}-${rng.int(101, 999)}`;
}

function makeProject(seed: number, i: number, space: Space, concepts: readonly ConceptData[]): EcoProject {
  const rng = new Rng(seed, STREAM.project, i);
  const segment = pickSegment(rng);
  const topics = drawTopics(rng, space, [segment], [1, 2], 0.45);
  const position = rng.float() ** 1.3;
  const track = TRACK_OF_SEGMENT[segment]!;
  const latent: Latent = {
    topic: topicOf(space, topics),
    concepts: topics.map(([c]) => c),
    stage: position,
    stageWidth: 0,
    province: province(rng),
    regionPrefs: [],
    size: 2.4 + 2.4 * position + 0.3 * gauss(rng) - (track === 'device' || track === 'ivd' ? 0.3 : 0),
    attractiveness: lognormal(rng, 0, 0.8),
  };
  // What the record says: its segment (sometimes another), its stage (sometimes one off), funding (sometimes not said).
  const observedSegment = rng.chance(0.08) ? pickSegment(rng) : segment;
  let stage = stageCode(track, position);
  if (rng.chance(0.12)) {
    const stages = TRACK_STAGES[track];
    const k = stages.indexOf(stage) + (rng.chance(0.5) ? 1 : -1);
    stage = stages[Math.max(0, Math.min(stages.length - 1, k))]!;
  }
  const milestones: string[] = [];
  if ((track === 'drug' || track === 'cgt') && position >= CLINICAL_FROM && rng.chance(0.9)) milestones.push('ind_cleared');
  else if ((track === 'drug' || track === 'cgt') && position >= CLINICAL_FROM - 0.1 && rng.chance(0.4)) milestones.push('ind_accepted');
  const lang = pickLang(rng);
  const text = write('project', { lang, name: code(rng), terms: termsFor(rng, space, topics, lang, concepts), fill: fillers(rng, lang, 4) });
  return {
    id: rng.uuid(),
    latent,
    text,
    province: latent.province,
    segment: observedSegment,
    stage,
    fundingSoughtFen: rng.chance(0.9) ? fenOf(latent.size) : null,
    milestones,
  };
}

function investorName(rng: Rng, lang: Lang): string {
  const zh = ['瀚', '澄', '岚', '曜', '峻', '沐', '砺', '朗', '铂', '禾', '栎', '琨'];
  const en = ['Harbor', 'Cedar', 'Summit', 'Lumen', 'Granite', 'Meridian', 'Aster', 'Keystone', 'Bluefin', 'Larch'];
  return lang === 'en' ? `${rng.pick(en)} ${rng.pick(en)} Capital` : `${rng.pick(zh)}${rng.pick(zh)}资本`;
}

function makeInvestor(seed: number, i: number, space: Space, concepts: readonly ConceptData[]): EcoInvestor {
  const rng = new Rng(seed, STREAM.investor, i);
  const segments = [...new Set(Array.from({ length: rng.int(1, 3) }, () => pickSegment(rng)))];
  const topics = drawTopics(rng, space, segments, [1, 2], 0.3);
  const centre = rng.float() ** 1.2;
  const width = 0.12 + 0.25 * rng.float();
  const home = province(rng);
  const regionPrefs = rng.chance(0.45) ? [...new Set([home, ...(rng.chance(0.5) ? [province(rng)] : [])])] : [];
  const latent: Latent = {
    topic: topicOf(space, topics),
    concepts: topics.map(([c]) => c),
    stage: centre,
    stageWidth: width,
    province: home,
    regionPrefs,
    size: 2.4 + 2.4 * centre + 0.4 * gauss(rng),
    attractiveness: lognormal(rng, 0, 0.6),
  };
  // Stated thesis: most segments (some dropped, one stray now and then), the stage window, the regions (not always), the ticket (not always).
  const stated = segments.filter(() => rng.chance(0.85));
  if (rng.chance(0.15)) stated.push(pickSegment(rng));
  const stages = rng.chance(0.85) ? stagesWithin(centre - width, centre + width).filter(() => rng.chance(0.9)) : [];
  const regions = regionPrefs.length && rng.chance(0.7) ? regionPrefs : [];
  const ticket = rng.chance(0.8);
  const lang = pickLang(rng);
  const text = write('investor', { lang, name: investorName(rng, lang), terms: termsFor(rng, space, topics, lang, concepts), fill: fillers(rng, lang, 4) });
  return {
    id: rng.uuid(),
    latent,
    text,
    province: home,
    segments: [...new Set(stated)],
    stages,
    regions,
    ticketMinFen: ticket ? fenOf(latent.size - 0.45) : null,
    ticketMaxFen: ticket ? fenOf(latent.size + 0.45) : null,
  };
}

function makePark(seed: number, i: number, space: Space, concepts: readonly ConceptData[]): EcoPark {
  const rng = new Rng(seed, STREAM.park, i);
  const segments = [...new Set(Array.from({ length: rng.int(1, 4) }, () => pickSegment(rng)))];
  const topics = drawTopics(rng, space, segments, [1, 2], 0.2);
  const home = province(rng);
  const centre = 0.2 + 0.5 * rng.float();
  const width = 0.2 + 0.3 * rng.float();
  const requiresClinical = rng.chance(0.3);
  const full = rng.chance(0.1);
  const latent: Latent = {
    topic: topicOf(space, topics),
    concepts: topics.map(([c]) => c),
    stage: centre,
    stageWidth: width,
    province: home,
    regionPrefs: rng.chance(0.4) ? [home] : [],
    size: 0,
    attractiveness: lognormal(rng, 0, 0.7),
  };
  const lang = pickLang(rng);
  const name = lang === 'en' ? `${rng.pick(['Riverside', 'Lakeside', 'Hillcrest', 'Greenfield'])} Life Science Park ${i + 1}` : `${rng.pick(['滨江', '湖畔', '云岭', '青禾', '星河'])}生命科学园${i + 1}号`;
  return {
    id: rng.uuid(),
    latent,
    text: write('park', { lang, name, terms: termsFor(rng, space, topics, lang, concepts), fill: fillers(rng, lang, 4) }),
    province: home,
    segments: segments.filter(() => rng.chance(0.9)),
    stages: rng.chance(0.7) ? stagesWithin(centre - width, centre + width) : [],
    regions: latent.regionPrefs,
    requiredMilestones: requiresClinical && rng.chance(0.8) ? ['ind_cleared'] : [],
    freeAreaSqm: full ? 0 : rng.chance(0.2) ? null : rng.int(200, 20000),
    requiresClinical,
    full,
  };
}

function makeCompany(seed: number, i: number, space: Space, concepts: readonly ConceptData[]): EcoCompany {
  const rng = new Rng(seed, STREAM.company, i);
  const segments = [...new Set(Array.from({ length: rng.int(1, 2) }, () => pickSegment(rng)))];
  const topics = drawTopics(rng, space, segments, [1, 2], 0.3);
  const home = province(rng);
  const licensing = rng.chance(0.5) ? 0 : lognormal(rng, 0, 0.7);
  const latent: Latent = {
    topic: topicOf(space, topics),
    concepts: topics.map(([c]) => c),
    stage: 0.2 + 0.6 * rng.float(),
    stageWidth: 0.15 + 0.25 * rng.float(),
    province: home,
    regionPrefs: rng.chance(0.3) ? [home] : [],
    size: 0,
    attractiveness: lognormal(rng, 0, 0.6),
  };
  const lang = pickLang(rng);
  const name = lang === 'en' ? `${rng.pick(['Novaris', 'Kestrel', 'Orchid', 'Lattice', 'Verdant'])} Biopharma ${i + 1}` : `${rng.pick(['华', '瑾', '昱', '翊', '珩'])}${rng.pick(['澜', '川', '峰', '原'])}生物${i + 1}`;
  return {
    id: rng.uuid(),
    latent,
    text: write('company', { lang, name, terms: termsFor(rng, space, topics, lang, concepts), fill: fillers(rng, lang, 4) }),
    province: home,
    segments: segments.filter(() => rng.chance(0.9)),
    licensing,
    statedPartnerships: rng.chance(0.4) ? ['co_development'] : [],
  };
}

const MATURITY = [0.05, 0.2, 0.35, 0.5, 0.7, 0.9];

function makeBrief(seed: number, i: number, space: Space, concepts: readonly ConceptData[]): EcoBrief {
  const rng = new Rng(seed, STREAM.brief, i);
  const segment = pickSegment(rng);
  const topics = drawTopics(rng, space, [segment], [1, 2], 0.4);
  const home = province(rng);
  const latent: Latent = {
    topic: topicOf(space, topics),
    concepts: topics.map(([c]) => c),
    stage: rng.pick(MATURITY),
    stageWidth: 0,
    province: home,
    regionPrefs: [],
    size: 0,
    attractiveness: lognormal(rng, 0, 0.8),
  };
  const partnerships = rng.chance(0.7) ? ['licensing', ...(rng.chance(0.4) ? ['co_development'] : [])] : [rng.pick(['co_development', 'investment'])];
  const lang = pickLang(rng);
  return {
    id: rng.uuid(),
    latent,
    text: write('brief', { lang, name: '', terms: termsFor(rng, space, topics, lang, concepts), fill: fillers(rng, lang, 4) }),
    province: home,
    segments: rng.chance(0.9) ? [segment] : [],
    partnerships,
  };
}

// ---------------------------------------------------------------- links

/** Draws k distinct indexes with probability ∝ weight (Efraimidis–Spirakis keys). */
function weightedSample(rng: Rng, weights: Float64Array, k: number): number[] {
  if (k <= 0) return [];
  // log(u)/w: the k largest keys are a weighted sample without replacement. Kept in a small
  // array sorted descending (k is tens, the candidates tens of thousands).
  const keys: number[] = [];
  const idx: number[] = [];
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (w <= 0) continue;
    const key = Math.log(Math.max(1e-300, rng.float())) / w;
    if (keys.length === k && key <= keys[k - 1]!) continue;
    let at = keys.length === k ? k - 1 : keys.length;
    while (at > 0 && keys[at - 1]! < key) {
      keys[at] = keys[at - 1]!;
      idx[at] = idx[at - 1]!;
      at--;
    }
    keys[at] = key;
    idx[at] = i;
  }
  return idx.slice(0, k);
}

function windowFit(position: number, centre: number, width: number): number {
  const z = (position - centre) / Math.max(0.05, width);
  return Math.exp(-0.5 * z * z);
}

interface LinkOptions {
  /** Share of links drawn uniformly at random (noise). */
  noise: number;
  /** Preferential attachment exponent: (1 + links so far)^alpha. */
  alpha: number;
}

function drawLinks<A extends RecordBase, B extends RecordBase>(
  rng: Rng,
  relation: Relation,
  sources: readonly A[],
  targets: readonly B[],
  count: (a: A) => number,
  weight: (a: A, b: B) => number,
  options: LinkOptions,
  direction: 'source_to_target' | 'target_to_source' = 'source_to_target',
): Link[] {
  const degree = new Float64Array(targets.length);
  const links: Link[] = [];
  const w = new Float64Array(targets.length);
  for (const a of sources) {
    const k = count(a);
    if (k <= 0) continue;
    for (let j = 0; j < targets.length; j++) w[j] = weight(a, targets[j]!) * targets[j]!.latent.attractiveness * (1 + degree[j]!) ** options.alpha;
    const chosen = new Set(weightedSample(rng, w, k));
    // Noise: some links replaced by a uniformly random target.
    for (const j of [...chosen]) {
      if (rng.chance(options.noise)) {
        chosen.delete(j);
        chosen.add(rng.int(0, targets.length - 1));
      }
    }
    for (const j of chosen) {
      degree[j]!++;
      const b = targets[j]!;
      links.push(direction === 'source_to_target' ? { relation, from: a.id, to: b.id } : { relation, from: b.id, to: a.id });
    }
  }
  return links;
}

export function generateEcosystem(seed: number, size: EcosystemSize, concepts: readonly ConceptData[]): Ecosystem {
  const usable = concepts.filter((c) => c.terms.length > 0);
  if (usable.length === 0) throw new Error('The ecosystem is written from thesaurus concepts: none given.');
  const space = buildSpace(seed, usable);
  const projects = Array.from({ length: size.projects }, (_, i) => makeProject(seed, i, space, usable));
  const investors = Array.from({ length: size.investors }, (_, i) => makeInvestor(seed, i, space, usable));
  const parks = Array.from({ length: size.parks }, (_, i) => makePark(seed, i, space, usable));
  const companies = Array.from({ length: size.companies }, (_, i) => makeCompany(seed, i, space, usable));
  const briefs = Array.from({ length: size.briefs }, (_, i) => makeBrief(seed, i, space, usable));

  const rng = new Rng(seed, STREAM.link, 0);
  const shuffled = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };

  const investorOf = drawLinks(
    rng,
    'investor_of',
    shuffled(investors),
    projects,
    () => Math.min(60, Math.floor(lognormal(rng, 1.3, 0.8))),
    (inv, p) => {
      const l = inv.latent;
      const region = l.regionPrefs.length === 0 || l.regionPrefs.includes(p.latent.province) ? 1 : 0.25;
      const size = windowFit(p.latent.size, l.size, 0.55);
      return affinity(l, p.latent, 4) * windowFit(p.latent.stage, l.stage, l.stageWidth) * size * region + 1e-6;
    },
    { noise: 0.1, alpha: 0.6 },
  );

  const licenseeOf = drawLinks(
    rng,
    'licensee_of',
    shuffled(companies),
    briefs,
    (c) => (c.licensing > 0 ? Math.min(20, Math.round(c.licensing * 1.5)) : 0),
    (c, b) => {
      const seeks = b.partnerships.includes('licensing') ? 1 : 0.2;
      const region = c.latent.regionPrefs.length === 0 || c.latent.regionPrefs.includes(b.latent.province) ? 1 : 0.4;
      return affinity(c.latent, b.latent, 4) * windowFit(b.latent.stage, c.latent.stage, c.latent.stageWidth) * seeks * region + 1e-6;
    },
    { noise: 0.1, alpha: 0.5 },
  );

  // Residence: drawn project by project (a project lands in one park, sometimes two); the link reads project → park.
  const residentOf = drawLinks(
    rng,
    'resident_of',
    shuffled(projects),
    parks,
    () => (rng.chance(0.45) ? (rng.chance(0.15) ? 2 : 1) : 0),
    (p, park) => {
      const l = park.latent;
      const clinical = !park.requiresClinical || p.latent.stage >= CLINICAL_FROM ? 1 : 0.03;
      const home = p.latent.province === l.province ? 4 : l.regionPrefs.length ? 0.3 : 1;
      return affinity(p.latent, l, 3) * windowFit(p.latent.stage, l.stage, l.stageWidth) * clinical * home * (park.full ? 0.25 : 1) + 1e-6;
    },
    { noise: 0.1, alpha: 0.3 },
  );

  return { projects, investors, parks, companies, briefs, links: [...investorOf, ...licenseeOf, ...residentOf] };
}

/**
 * Splits each relation's links into visible and hidden: a random 20% (per relation) hidden.
 * Deterministic per seed.
 */
export function hideLinks(seed: number, links: readonly Link[], share = 0.2): { visible: Link[]; hidden: Link[] } {
  const rng = new Rng(seed, STREAM.link, 1);
  const visible: Link[] = [];
  const hidden: Link[] = [];
  for (const relation of RELATIONS) {
    const of = links.filter((l) => l.relation === relation);
    const order = of.map((l) => ({ l, key: rng.float() })).sort((a, b) => a.key - b.key);
    const cut = Math.round(of.length * share);
    order.forEach(({ l }, i) => (i < cut ? hidden : visible).push(l));
  }
  return { visible, hidden };
}
