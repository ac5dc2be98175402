/**
 * Matchmaking on screen, the pure part: scores as percentages, the reasons a card shows first,
 * where a matched record opens, how a feedback button toggles, and the criterion and gap codes
 * the engine emits (each has words in the locale area `matching`).
 */
import type { FeedbackVerdict, MatchEntityType, MatchTarget } from '../../domain/matching/vocabularies';
import type { CriterionDto, MatchRecord } from '../../shared/schemas/matching';

/**
 * Criterion and gap codes come from the engine (src/domain/matching/scoring.ts); every one has
 * words in the locale area `matching` in the three languages (a test checks).
 */
export { CRITERION_CODES, GAP_CODES, parseGap, parseMatched } from '../../domain/matching/scoring';

/** Which directory vocabulary names the `matched` codes of a criterion (text entries are parsed apart). */
export const MATCHED_VOCABULARY: Record<string, 'segment' | 'stage' | 'segment_or_stage' | 'service' | 'qualification' | 'milestone' | 'province' | 'partnership'> = {
  segment: 'segment',
  portfolio: 'segment_or_stage',
  stage: 'stage',
  services: 'service',
  qualifications: 'qualification',
  milestones: 'milestone',
  region: 'province',
  partnership: 'partnership',
};

/** Gaps a card shows even when the criterion is partly met: concrete shortfalls the user should know of. */
export const HARD_GAPS: ReadonlySet<string> = new Set([
  'ticket_below_sought',
  'ticket_above_sought',
  'milestone_missing',
  'qualification_missing',
  'no_free_space',
  'service_not_offered',
]);

const gapCode = (gap: string) => (gap.includes(':') ? gap.slice(0, gap.indexOf(':')) : gap);

/** The kind of record each target lists. */
export const CANDIDATE_TYPE_OF_TARGET: Record<MatchTarget, MatchEntityType> = {
  investors: 'organisation',
  projects: 'project',
  parks: 'community',
  services: 'organisation',
  companies: 'organisation',
  research_teams: 'organisation',
  briefs: 'brief',
  challenges: 'challenge',
};

/** The engine's 0..1 score as a whole percentage for the bar. */
export function scorePercent(score: number): number {
  if (!Number.isFinite(score)) return 0;
  return Math.round(Math.min(1, Math.max(0, score)) * 100);
}

/** A contribution in points of the 0..100 score, one decimal. */
export function contributionPoints(contribution: number): number {
  return Math.round(contribution * 1000) / 10;
}

export interface Reason {
  kind: 'fit' | 'gap';
  /** Criterion code. */
  code: string;
  /** Gap code (kind gap). */
  gap?: string;
  status: CriterionDto['status'];
  matched: string[];
  values: Record<string, number>;
}

/**
 * The reasons a card shows: what fits, strongest contribution first (met before partial), then what
 * is missing — every gap of a criterion that is not met at all, and the concrete shortfalls
 * (HARD_GAPS: ticket, entry criteria, space, services) of one partly met; the heaviest first.
 * A partly met criterion with a concrete shortfall shows as that shortfall, not as a fit.
 * Criteria that cannot be judged say nothing; others' feedback is left to the explanation view.
 */
export function topReasons(criteria: readonly CriterionDto[], max = 4): Reason[] {
  const applicable = criteria.filter((c) => c.status !== 'not_applicable' && c.code !== 'feedback');
  const hard = (c: CriterionDto) => c.gaps.filter((g) => HARD_GAPS.has(gapCode(g)));
  const fits = applicable
    .filter((c) => c.status === 'met' || (c.status === 'partial' && hard(c).length === 0))
    .sort((a, b) => b.contribution - a.contribution || (a.status === 'met' ? -1 : 1) - (b.status === 'met' ? -1 : 1) || a.code.localeCompare(b.code))
    .map<Reason>((c) => ({ kind: 'fit', code: c.code, status: c.status, matched: c.matched, values: c.values ?? {} }));
  const gaps = applicable
    .map((c) => ({ c, shown: c.status === 'missing' ? c.gaps : hard(c) }))
    .filter(({ c, shown }) => shown.length > 0 || c.status === 'missing')
    .sort((a, b) => Number(hard(b.c).length > 0) - Number(hard(a.c).length > 0) || b.c.weight - a.c.weight || a.c.code.localeCompare(b.c.code))
    .flatMap<Reason>(({ c, shown }) =>
      shown.length > 0
        ? shown.map((gap) => ({ kind: 'gap', code: c.code, gap, status: c.status, matched: c.matched, values: c.values ?? {} }))
        : [{ kind: 'gap', code: c.code, status: c.status, matched: c.matched, values: c.values ?? {} }],
    );
  // Keep room for one gap when there is one ("what is missing" matters as much as the fit) — except
  // when only one reason fits on the line (home cards): then the strongest fit says why it is there.
  const fitCount = Math.min(fits.length, gaps.length > 0 && max > 1 ? max - 1 : max);
  return [...fits.slice(0, fitCount), ...gaps].slice(0, max);
}

/** Sum of contributions (the explanation shows that it is the score). */
export function contributionTotal(criteria: readonly CriterionDto[]): number {
  return criteria.reduce((sum, c) => sum + c.contribution, 0);
}

/** Clicking a feedback button sets that verdict, clicking the active one again clears it. */
export function toggleVerdict(current: FeedbackVerdict | null, clicked: FeedbackVerdict): FeedbackVerdict | null {
  return current === clicked ? null : clicked;
}

export interface LinkContext {
  /** Communities the viewer belongs to. */
  communities: readonly { id: string; slug: string }[];
  /** The community the page is in, else the last one visited. */
  fallbackSlug: string | null;
}

/**
 * Where a matched record opens: directory records in a community both the viewer and the record
 * belong to (else the current or last community); briefs and challenges on their own pages; a
 * community at its home when the viewer is a member. Null: show it without a link.
 */
export function recordLink(record: Pick<MatchRecord, 'type' | 'id' | 'communityIds' | 'slug'>, ctx: LinkContext): string | null {
  switch (record.type) {
    case 'brief':
      return `/briefs/${record.id}`;
    case 'challenge':
      return `/challenges/${record.id}`;
    case 'community': {
      const mine = ctx.communities.find((c) => c.id === record.id);
      return mine ? `/c/${mine.slug}` : null;
    }
    case 'project':
    case 'organisation': {
      const shared = ctx.communities.find((c) => record.communityIds.includes(c.id));
      const slug = shared?.slug ?? ctx.fallbackSlug ?? ctx.communities[0]?.slug ?? null;
      if (!slug) return null;
      return `/c/${slug}/directory/${record.type === 'project' ? 'projects' : 'organisations'}/${record.id}`;
    }
    default:
      return null;
  }
}

/** `/matches/<type>/<id>?target=`: the full list. */
export function matchesPath(subjectType: MatchEntityType, subjectId: string, target?: MatchTarget): string {
  return `/matches/${subjectType}/${subjectId}${target ? `?target=${target}` : ''}`;
}

/** `/matches/<type>/<id>/<ctype>/<cid>?target=`: the explanation of one pair. */
export function explanationPath(subjectType: MatchEntityType, subjectId: string, candidate: Pick<MatchRecord, 'type' | 'id'>, target?: MatchTarget): string {
  return `/matches/${subjectType}/${subjectId}/${candidate.type}/${candidate.id}${target ? `?target=${target}` : ''}`;
}

/** The name of a record in the UI language: the English title in English when there is one. */
export function recordTitle(record: Pick<MatchRecord, 'titleZh' | 'titleEn'>, lang: string): string {
  return lang === 'en' && record.titleEn?.trim() ? record.titleEn : record.titleZh;
}

/** A refresh run is over (stop polling). */
export function refreshDone(status: 'running' | 'succeeded' | 'failed' | undefined | null): boolean {
  return status !== 'running';
}

/** What an organisation's profile lists as matches, by its kind (none: no panel). */
export function profileTargetsOfOrganisation(kind: string): MatchTarget[] {
  switch (kind) {
    case 'investor':
    case 'guidance_fund':
    case 'state_financing':
    case 'service_provider':
      return ['projects'];
    case 'enterprise':
      return ['briefs', 'challenges'];
    case 'university':
    case 'research_institute':
    case 'hospital':
      return ['challenges'];
    default:
      return [];
  }
}

/** Where a created contact opens: the pipeline board at the new item, or the partnering event. */
export function contactLinks(
  result: { pipelineItemId: string | null; partneringRequestId: string | null },
  via: { communityId?: string; pipelineId?: string; eventId?: string },
  slugOf: (communityId: string) => string | undefined,
): { pipeline: string | null; partnering: string | null } {
  const slug = via.communityId ? slugOf(via.communityId) : undefined;
  return {
    pipeline: result.pipelineItemId && slug && via.pipelineId ? `/c/${slug}/pipelines/${via.pipelineId}?item=${result.pipelineItemId}` : null,
    partnering: result.partneringRequestId && via.eventId ? `/partnering/${via.eventId}` : null,
  };
}
