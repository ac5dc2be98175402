/**
 * The fixed vocabularies of events: kinds, visibility, statuses and the roles and states of
 * what hangs off an event. The database CHECKs and the shared zod schemas are built from these
 * arrays, so a value is added in one place.
 */
export const EVENT_KINDS = [
  'salon',
  'forum',
  'roadshow',
  'competition',
  'closed_door',
  'signing_ceremony',
  'training',
  'partnering_day',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Kinds that take applications and are judged (a call, rounds, scores, a ranking). */
export const JUDGED_KINDS: readonly EventKind[] = ['roadshow', 'competition'];
/** Kinds that present projects to the room (roadshow slots, closed-door materials). */
export const PROJECT_KINDS: readonly EventKind[] = ['roadshow', 'competition', 'closed_door'];

/** public: anyone with the link; members: the community's members; invitation: invitees only. */
export const EVENT_VISIBILITIES = ['public', 'members', 'invitation'] as const;
export type EventVisibility = (typeof EVENT_VISIBILITIES)[number];

export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** automatic: a free seat confirms at once; reviewed: an organiser approves each registration. */
export const APPROVAL_MODES = ['automatic', 'reviewed'] as const;
export type ApprovalMode = (typeof APPROVAL_MODES)[number];

export const ORGANISER_ROLES = ['host', 'co_host', 'guidance', 'support'] as const;
export type OrganiserRole = (typeof ORGANISER_ROLES)[number];

export const SESSION_KINDS = ['opening', 'keynote', 'roundtable', 'roadshow', 'free_exchange', 'signing', 'break', 'other'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const SESSION_ROLES = ['speaker', 'moderator'] as const;
export type SessionRole = (typeof SESSION_ROLES)[number];

/**
 * pending: waits for an organiser (reviewed mode); confirmed: holds a seat; waitlisted: in
 * line for one; declined: refused by an organiser; cancelled: withdrawn by the registrant
 * or an organiser. Only confirmed registrations hold seats.
 */
export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'waitlisted', 'declined', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
/** Statuses that still count as "this person is registered" (one per person per event). */
export const LIVE_REGISTRATION_STATUSES: readonly RegistrationStatus[] = ['pending', 'confirmed', 'waitlisted'];

export const INVITATION_STATUSES = ['sent', 'registered', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const APPLICATION_STATUSES = ['submitted', 'screened_in', 'screened_out', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const ROUND_KINDS = ['preliminary', 'semi_final', 'final'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

/** open: judges score; closed: scores frozen, ranking final; published: results sent to applicants. */
export const ROUND_STATUSES = ['open', 'closed', 'published'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** How judges' totals are made comparable before they are averaged. */
export const NORMALISATIONS = ['raw_mean', 'z_score'] as const;
export type Normalisation = (typeof NORMALISATIONS)[number];

/** Why a judge does not score an application: found from affiliation links, declared by the judge, or set by an organiser. */
export const RECUSAL_SOURCES = ['affiliation', 'declared', 'organiser'] as const;
export type RecusalSource = (typeof RECUSAL_SOURCES)[number];

export const SIGNING_STATUSES = ['planned', 'signed', 'withdrawn'] as const;
export type SigningStatus = (typeof SIGNING_STATUSES)[number];

/** Where a follow-up came from: a person who attended, an application, or a project shown at the event. */
export const FOLLOW_UP_SOURCES = ['registration', 'application', 'project'] as const;
export type FollowUpSource = (typeof FOLLOW_UP_SOURCES)[number];

/** Custom question types on registration and application forms. */
export const QUESTION_TYPES = ['text', 'textarea', 'single', 'multi', 'checkbox'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
