/**
 * Lifecycle knowledge the engine needs: the order of the stages of each track (an investor
 * whose thesis names the stage next to a project's is a partial fit) and the services a record
 * needs at each stage (what a service provider should cover).
 *
 * Codes are the taxonomy codes of migrations 0005 and 0007 (taxonomy 'stage' and 'service').
 */

/** Stages of each track in lifecycle order (the general model of each track). */
export const STAGE_TRACKS: Readonly<Record<string, readonly string[]>> = {
  drug: ['research', 'preclinical', 'phase_1', 'phase_2', 'phase_3', 'review', 'production', 'commercial', 'listed'],
  cgt: [
    'cgt_research',
    'cgt_preclinical',
    'cgt_iit',
    'cgt_phase_1',
    'cgt_phase_2',
    'cgt_pivotal',
    'cgt_review',
    'cgt_manufacturing',
    'cgt_commercial',
    'cgt_listed',
  ],
  device: [
    'device_design',
    'device_testing',
    'device_filing',
    'device_clinical',
    'device_registration',
    'device_production',
    'device_commercial',
    'device_listed',
  ],
  ivd: ['ivd_development', 'ivd_validation', 'ivd_clinical', 'ivd_registration', 'ivd_production', 'ivd_commercial', 'ivd_listed'],
};

const POSITION = new Map<string, { track: string; index: number }>();
for (const [track, stages] of Object.entries(STAGE_TRACKS)) stages.forEach((code, index) => POSITION.set(code, { track, index }));

/** Track and position of a stage code; undefined for a code the engine does not know. */
export function stagePosition(code: string): { track: string; index: number } | undefined {
  return POSITION.get(code);
}

/** Whether two stages are next to each other on the same track. */
export function adjacentStages(a: string, b: string): boolean {
  const pa = POSITION.get(a);
  const pb = POSITION.get(b);
  return pa !== undefined && pb !== undefined && pa.track === pb.track && Math.abs(pa.index - pb.index) === 1;
}

/**
 * The services a record needs at each stage (strong needs). Every stage also needs the
 * WEAK_SERVICES a little (financing and intellectual property are always useful).
 */
export const SERVICES_BY_STAGE: Readonly<Record<string, readonly string[]>> = {
  research: ['cro', 'ip'],
  preclinical: ['cro', 'animal_testing', 'cdmo'],
  phase_1: ['clinical', 'cro', 'cdmo'],
  phase_2: ['clinical', 'cro', 'cdmo'],
  phase_3: ['clinical', 'cro', 'cdmo'],
  review: ['regulatory'],
  production: ['cdmo', 'cmo', 'pilot_production'],
  commercial: ['cmo', 'legal'],
  listed: ['finance', 'legal'],
  cgt_research: ['cro', 'ip'],
  cgt_preclinical: ['cro', 'animal_testing', 'cdmo'],
  cgt_iit: ['clinical', 'cdmo'],
  cgt_phase_1: ['clinical', 'cro', 'cdmo'],
  cgt_phase_2: ['clinical', 'cro', 'cdmo'],
  cgt_pivotal: ['clinical', 'cro', 'cdmo'],
  cgt_review: ['regulatory'],
  cgt_manufacturing: ['cdmo', 'cmo'],
  cgt_commercial: ['cmo', 'legal'],
  cgt_listed: ['finance', 'legal'],
  device_design: ['cro', 'pilot_production'],
  device_testing: ['regulatory', 'cro'],
  device_filing: ['regulatory'],
  device_clinical: ['clinical', 'cro'],
  device_registration: ['regulatory'],
  device_production: ['cmo', 'pilot_production'],
  device_commercial: ['legal'],
  device_listed: ['finance', 'legal'],
  ivd_development: ['cro', 'ip'],
  ivd_validation: ['cro'],
  ivd_clinical: ['clinical'],
  ivd_registration: ['regulatory'],
  ivd_production: ['cmo', 'pilot_production'],
  ivd_commercial: ['legal'],
  ivd_listed: ['finance', 'legal'],
};

/** Needed a little at every stage. */
export const WEAK_SERVICES: readonly string[] = ['finance', 'ip'];
/** How much a weak need counts next to a strong one (1). */
export const WEAK_SERVICE_WEIGHT = 0.25;

/**
 * What a record needs, as (service, weight): the services it names itself and those of its
 * stages count 1, the weak ones WEAK_SERVICE_WEIGHT. Sorted by code; empty when the record names
 * no service and no known stage.
 */
export function servicesNeeded(stages: readonly string[], named: readonly string[]): { code: string; weight: number }[] {
  const strong = new Set<string>(named);
  for (const s of stages) for (const code of SERVICES_BY_STAGE[s] ?? []) strong.add(code);
  if (strong.size === 0) return [];
  const out = new Map<string, number>();
  for (const code of WEAK_SERVICES) out.set(code, WEAK_SERVICE_WEIGHT);
  for (const code of strong) out.set(code, 1);
  return [...out.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([code, weight]) => ({ code, weight }));
}
