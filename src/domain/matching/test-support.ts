/**
 * Test helpers of the matching engine: features with defaults, a tiny thesaurus, and
 * fast-check generators of records and viewers drawn from small vocabularies (so pairs share
 * things often).
 */
import fc from 'fast-check';
import type { MatchThesaurus } from './records';
import { CANDIDATE_ROLES, emptyFeatures, type CandidateRole, type MatchFeatures, type MatchViewer, type RecordVisibility } from './types';
import { MATCH_ENTITY_TYPES, type MatchEntityType } from './vocabularies';

export function features(fields: Partial<MatchFeatures> & { id: string }): MatchFeatures {
  return { ...emptyFeatures('project', fields.id), roles: ['project'], ...fields };
}

export const viewer = (fields: Partial<MatchViewer> = {}): MatchViewer => ({
  isPlatformAdmin: false,
  memberOf: new Set(),
  staffOf: new Set(),
  represents: new Set(),
  ...fields,
});

/** Concepts c0..c5 named by words "w0".."w5" (and "alt0".."alt5"); ci is related to c(i+1) for even i. */
export const STUB_CONCEPTS = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'];
export const stubThesaurus: MatchThesaurus = {
  conceptsIn(text) {
    const out: { code: string; term: string }[] = [];
    const seen = new Set<string>();
    for (const word of text.split(/\s+/)) {
      const m = /^(w|alt)(\d)$/.exec(word);
      if (!m) continue;
      const code = `c${m[2]}`;
      if (seen.has(code)) continue;
      seen.add(code);
      out.push({ code, term: word });
    }
    return out;
  },
  relatedOf(code) {
    const n = Number(code.slice(1));
    return n % 2 === 0 ? [`c${n + 1}`] : [`c${n - 1}`];
  },
};

export const SEGMENTS = ['innovative_drug', 'medical_device', 'ivd', 'cell_therapy', 'gene_therapy'];
export const STAGES = ['research', 'preclinical', 'phase_1', 'phase_2', 'cgt_iit', 'cgt_phase_1', 'device_design', 'device_testing'];
export const PROVINCES = ['北京', '上海', '江苏', '广东'];
export const SERVICES = ['cro', 'cdmo', 'cmo', 'clinical', 'regulatory', 'animal_testing', 'pilot_production', 'finance', 'ip'];
export const MILESTONES = ['ind_cleared', 'nda_accepted', 'gmp_certified'];
export const QUALIFICATIONS = ['high_tech', 'srdi'];
export const PARTNERSHIPS = ['licensing', 'co_development', 'investment'];
export const TOKENS = ['抗体', '细胞', 'car', 't', '肿瘤', '诊断', '试剂', '平台', '器械', '基因', 'mrna', '干细胞'];
export const COMMUNITIES = ['com-a', 'com-b', 'com-c'];
export const ORGS = ['org-a', 'org-b', 'org-c'];

const sub = <T>(xs: readonly T[], max = 3) => fc.uniqueArray(fc.constantFrom(...xs), { maxLength: max });
const money = fc.option(fc.integer({ min: 0, max: 50 }).map((n) => n * 10_000_000), { nil: null });

export const visibilityArb: fc.Arbitrary<RecordVisibility> = fc.record({
  level: fc.constantFrom('public', 'community', 'named', 'communities'),
  communityIds: sub(COMMUNITIES, 2),
  orgIds: sub(ORGS, 2),
});

export const viewerArb: fc.Arbitrary<MatchViewer> = fc.record({
  isPlatformAdmin: fc.boolean(),
  memberOf: sub(COMMUNITIES).map((xs) => new Set(xs)),
  staffOf: sub(COMMUNITIES).map((xs) => new Set(xs)),
  represents: sub(ORGS).map((xs) => new Set(xs)),
});

/** Any record (ids drawn from `ids`, so linked ids hit other records). */
export const featuresArb = (ids: readonly string[] = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7']): fc.Arbitrary<MatchFeatures> =>
  fc.record({
    type: fc.constantFrom<MatchEntityType>(...MATCH_ENTITY_TYPES),
    id: fc.constantFrom(...ids),
    roles: fc.uniqueArray(fc.constantFrom<CandidateRole>(...CANDIDATE_ROLES), { minLength: 1, maxLength: 3 }),
    segments: sub(SEGMENTS, 2),
    stages: sub(STAGES, 2),
    province: fc.option(fc.constantFrom(...PROVINCES), { nil: null }),
    regions: sub(PROVINCES, 2),
    ticketMinFen: money,
    ticketMaxFen: money,
    fundingSoughtFen: money,
    services: sub(SERVICES, 4),
    milestones: sub(MILESTONES, 2),
    qualifications: sub(QUALIFICATIONS, 1),
    freeAreaSqm: fc.option(fc.constantFrom(0, 50, 1200), { nil: null }),
    closed: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    tokens: sub(TOKENS, 5),
    text: fc.array(fc.constantFrom('w0', 'w1', 'w2', 'w3', 'alt4', 'w5', 'other'), { maxLength: 4 }).map((ws) => ws.join(' ')),
    portfolioSegments: sub(SEGMENTS, 2),
    portfolioStages: sub(STAGES, 2),
    linkedIds: sub(ids, 1),
    partnerships: sub(PARTNERSHIPS, 2),
    visibility: visibilityArb,
    feedback: fc.record({ useful: fc.nat(3), notRelevant: fc.nat(3), contacted: fc.nat(2) }),
  });
