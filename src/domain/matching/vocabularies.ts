/**
 * The words of matchmaking, technology briefs and challenges: what can be matched with what,
 * how users judge a suggestion, and the states of briefs, challenges and their answers.
 * Shared by the database CHECKs, the API contract and the pages.
 */

/** Records the matching engine ranks (as subjects and as candidates). */
export const MATCH_ENTITY_TYPES = ['project', 'organisation', 'community', 'brief', 'challenge'] as const;
export type MatchEntityType = (typeof MATCH_ENTITY_TYPES)[number];

/**
 * What a list of matches is for: the kind of record it ranks.
 * - investors: organisations of an investing kind (investor, guidance fund, state financing);
 * - projects: directory projects;
 * - parks: communities with a matching profile (parks, alliances, centres that admit projects);
 * - services: service-provider organisations (CRO, CDMO, shared lab, regulatory …);
 * - companies: enterprises (who could license or co-develop a technology);
 * - research_teams: universities, research institutes and hospitals;
 * - briefs: published technology briefs;
 * - challenges: open challenges.
 */
export const MATCH_TARGETS = ['investors', 'projects', 'parks', 'services', 'companies', 'research_teams', 'briefs', 'challenges'] as const;
export type MatchTarget = (typeof MATCH_TARGETS)[number];

/** A user's judgement of one suggestion. */
export const FEEDBACK_VERDICTS = ['useful', 'not_relevant', 'contacted'] as const;
export type FeedbackVerdict = (typeof FEEDBACK_VERDICTS)[number];

/** Languages of a thesaurus term. */
export const THESAURUS_LANGS = ['zh_hans', 'zh_hant', 'en'] as const;
export type ThesaurusLang = (typeof THESAURUS_LANGS)[number];

/** Who sees a brief or a challenge: everyone signed in, or the members of chosen communities. */
export const LISTING_VISIBILITIES = ['public', 'communities'] as const;
export type ListingVisibility = (typeof LISTING_VISIBILITIES)[number];

/** The kinds of partnership a technology brief seeks. */
export const BRIEF_PARTNERSHIPS = ['licensing', 'co_development', 'investment'] as const;
export type BriefPartnership = (typeof BRIEF_PARTNERSHIPS)[number];

/** How far a technology has come (technology-readiness in words users know). */
export const BRIEF_MATURITIES = ['discovery', 'proof_of_concept', 'prototype', 'preclinical', 'clinical', 'approved'] as const;
export type BriefMaturity = (typeof BRIEF_MATURITIES)[number];

/** What protects it. */
export const IP_STATUSES = ['patent_granted', 'patent_pending', 'know_how', 'none'] as const;
export type IpStatus = (typeof IP_STATUSES)[number];

export const BRIEF_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type BriefStatus = (typeof BRIEF_STATUSES)[number];

/** What a challenge asks for. */
export const CHALLENGE_KINDS = ['technology', 'clinical', 'manufacturing', 'other'] as const;
export type ChallengeKind = (typeof CHALLENGE_KINDS)[number];

/** draft → open → closed (answers no longer taken; screening goes on) or cancelled. */
export const CHALLENGE_STATUSES = ['draft', 'open', 'closed', 'cancelled'] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];

/** The screening stages an answer goes through, in order. */
export const ANSWER_STAGES = ['submitted', 'qualified', 'shortlisted', 'finalist', 'chosen'] as const;
export type AnswerStage = (typeof ANSWER_STAGES)[number];

/** An answer is in screening (active), turned down by the poster, or withdrawn by its team. */
export const ANSWER_STATUSES = ['active', 'declined', 'withdrawn'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

/** What an answer's history records. */
export const ANSWER_EVENT_KINDS = ['submitted', 'edited', 'advanced', 'moved_back', 'declined', 'reopened', 'withdrawn'] as const;
export type AnswerEventKind = (typeof ANSWER_EVENT_KINDS)[number];

/** Which side of a challenge's private thread wrote a message. */
export const THREAD_SIDES = ['poster', 'team'] as const;
export type ThreadSide = (typeof THREAD_SIDES)[number];

export const REFRESH_STATUSES = ['running', 'succeeded', 'failed'] as const;
export type RefreshStatus = (typeof REFRESH_STATUSES)[number];
