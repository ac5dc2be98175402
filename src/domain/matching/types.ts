/**
 * The matching engine's data: what it knows of each record (features) and what it says about
 * a pair (a score made of criteria, each with its reasons). The server builds features from
 * the database; the engine (scoring.ts, rank.ts) is pure and reads nothing else.
 *
 * Contract between src/domain/matching (the engine), src/server/modules/matching (features,
 * index, API), bench/ (evaluation) and the web (explanations are rendered from `criteria`).
 */
import type { FeedbackVerdict, MatchEntityType, MatchTarget } from './vocabularies';

/** The part a record can play as a candidate: one record may play several (an enterprise is a company and may be a service provider). */
export const CANDIDATE_ROLES = ['investor', 'project', 'park', 'service', 'company', 'research_team', 'brief', 'challenge'] as const;
export type CandidateRole = (typeof CANDIDATE_ROLES)[number];

/** Which role a target asks for. */
export const ROLE_OF_TARGET: Record<MatchTarget, CandidateRole> = {
  investors: 'investor',
  projects: 'project',
  parks: 'park',
  services: 'service',
  companies: 'company',
  research_teams: 'research_team',
  briefs: 'brief',
  challenges: 'challenge',
};

/**
 * Who may see a record, reduced to what the visibility rule reads (the same rule as the
 * directory search, extended to briefs and challenges):
 * - public: every signed-in user;
 * - community: members of `communityIds` (platform admins too), and representatives of `orgIds`
 *   (put the owner organisation there: its people always see their own record);
 * - named: representatives of `orgIds`, and staff of `communityIds`;
 * - communities (briefs, challenges): members of `communityIds`, and the owner's representatives.
 * Drafts and withdrawn records are never candidates (the server leaves them out of the index).
 * The rule is `canSee` in visibility.ts (the index applies the same rule to its compact form).
 */
export interface RecordVisibility {
  level: 'public' | 'community' | 'named' | 'communities';
  communityIds: readonly string[];
  orgIds: readonly string[];
}

export interface MatchViewer {
  isPlatformAdmin: boolean;
  memberOf: ReadonlySet<string>;
  staffOf: ReadonlySet<string>;
  represents: ReadonlySet<string>;
}

/** Everything the engine knows of one record. Absent facts are empty arrays or null, never guesses. */
export interface MatchFeatures {
  type: MatchEntityType;
  id: string;
  roles: readonly CandidateRole[];
  /** Taxonomy segment codes it works in (an investor: its thesis segments; a park: its focus). */
  segments: readonly string[];
  /** Taxonomy stage codes (a project: its stage; an investor: thesis stages; a park: focus stages). */
  stages: readonly string[];
  /** Province of the record (an organisation's, a project owner's, a community's). */
  province: string | null;
  /** Provinces it prefers partners from (investor thesis regions, park regions). Empty: anywhere. */
  regions: readonly string[];
  /** Investor ticket range, fen. */
  ticketMinFen: number | null;
  ticketMaxFen: number | null;
  /** Funding a project seeks, fen. */
  fundingSoughtFen: number | null;
  /** Services a provider offers, or (a project, an enterprise) the services its stage needs. */
  services: readonly string[];
  /** Milestone kinds a project has reached (ind_cleared …); a park: the ones it requires (any of). */
  milestones: readonly string[];
  /** Company qualifications held; a park: the ones it requires (any of). */
  qualifications: readonly string[];
  /** A park: square metres free in its zones (null: not known). */
  freeAreaSqm: number | null;
  /** A park that says it takes no projects now; a challenge past its deadline. */
  closed: boolean;
  /** Folded tokens of its text (names, description, summary, keywords), deduplicated: term overlap. */
  tokens: readonly string[];
  /**
   * Its text, folded (simplified, lower case), at most a few thousand characters: the index reads
   * the thesaurus concepts it names when it compiles the record, then drops it.
   */
  text: string;
  /** Segments and stages of the records it is linked to (an investor's portfolio, a licensee's licences). */
  portfolioSegments: readonly string[];
  portfolioStages: readonly string[];
  /** Ids of records it is linked to (investor_of, licensee_of, resident_of …): never suggested again. */
  linkedIds: readonly string[];
  /** Briefs: partnerships sought; a company candidate: what it has done (licensing, co_development, investment). */
  partnerships: readonly string[];
  visibility: RecordVisibility;
  /** Users' verdicts on this record as a candidate, summed over everyone (a weak signal). */
  feedback: { useful: number; notRelevant: number; contacted: number };
}

/** How one criterion of a pair fares. */
export type CriterionStatus = 'met' | 'partial' | 'missing' | 'not_applicable';

export interface Criterion {
  /** Stable code the web translates (segment, stage, ticket, region, services, milestone, text, …). */
  code: string;
  weight: number;
  /** 0..1: how well the pair meets it. */
  fit: number;
  /** weight × fit: its share of the score. The contributions add up to the score. */
  contribution: number;
  status: CriterionStatus;
  /** What fitted (codes, terms, concepts). */
  matched: string[];
  /** What is missing or does not fit, as codes the web translates with `values`. */
  gaps: string[];
  /** Numbers the explanation shows (amounts in fen, areas in m²). */
  values?: Record<string, number>;
}

export interface MatchScore {
  /** 0..1, the sum of the criteria's contributions. */
  score: number;
  criteria: Criterion[];
}

/** A user's own verdicts, by candidate id: not_relevant drops a candidate from their lists. */
export type OwnFeedback = ReadonlyMap<string, FeedbackVerdict>;

export const PUBLIC_VISIBILITY: RecordVisibility = { level: 'public', communityIds: [], orgIds: [] };
export const NO_FEEDBACK: MatchFeatures['feedback'] = { useful: 0, notRelevant: 0, contacted: 0 };

/** A record of which nothing is known yet (no roles, public, no feedback): builders fill in what they know. */
export function emptyFeatures(type: MatchEntityType, id: string, visibility: RecordVisibility = PUBLIC_VISIBILITY): MatchFeatures {
  return {
    type,
    id,
    roles: [],
    segments: [],
    stages: [],
    province: null,
    regions: [],
    ticketMinFen: null,
    ticketMaxFen: null,
    fundingSoughtFen: null,
    services: [],
    milestones: [],
    qualifications: [],
    freeAreaSqm: null,
    closed: false,
    tokens: [],
    text: '',
    portfolioSegments: [],
    portfolioStages: [],
    linkedIds: [],
    partnerships: [],
    visibility,
    feedback: NO_FEEDBACK,
  };
}

