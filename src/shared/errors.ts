/**
 * Stable error codes of the API and the HTTP status each maps to. This table is the one
 * place the mapping lives; the web app translates each code through its locale files
 * (`errors.<code>`).
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  malformed_json: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  /** A judge recused from an application (a conflict of interest) may neither open its materials nor score it. */
  judge_recused: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  email_taken: 409,
  already_member: 409,
  last_admin: 409,
  /** The record changed since the editor loaded it (optimistic concurrency on `version`). */
  version_conflict: 409,
  /** Another record already holds this unique value (a credit code, a link). */
  duplicate_record: 409,
  /** An import that was already committed, or is not ready to be. */
  import_state: 409,
  /** A pipeline stage that still holds items cannot be removed. */
  stage_in_use: 409,
  /** The action does not fit the record's state (answering a referral twice, moving a lost item). */
  state_conflict: 409,
  /** This person (e-mail or account) already holds a live registration for the event. */
  already_registered: 409,
  /** Registration is closed: past its closing time, the ticket type closed, or the event not open. */
  registration_closed: 409,
  /** A ticket type cannot have fewer seats than its confirmed registrations. */
  capacity_below_confirmed: 409,
  /** A call for applications that is closed or past its deadline. */
  applications_closed: 409,
  /** The same contact already applied with this project to this event. */
  already_applied: 409,
  /** Check-in: the code is not a registration of this event. */
  unknown_code: 404,
  /** Check-in: the registration was already checked in. */
  already_checked_in: 409,
  /** Check-in: the registration holds no seat (pending, waitlisted, declined, cancelled). */
  not_confirmed: 409,
  /** Partnering (organisers): partnering is already turned on for the event (edit it with its version). */
  partnering_already_enabled: 409,
  /** Partnering (organisers): partnering is not turned on for the event yet. */
  partnering_not_enabled: 409,
  /** Partnering: a slot holds a published meeting (cannot be removed or replaced). */
  partnering_slot_in_use: 409,
  /** Partnering: a new slot overlaps an existing one. */
  partnering_slot_overlap: 409,
  /** Partnering: a location holds a published meeting (cannot be removed). */
  partnering_location_in_use: 409,
  /** Partnering: another location of the event has this name. */
  partnering_location_name_taken: 409,
  /** Partnering: the pair already has an active meeting. */
  partnering_meeting_exists: 409,
  /** Partnering: the location already holds a meeting in that slot (draft). */
  partnering_place_taken: 409,
  /** Partnering: one of the two participants already has a meeting in that slot (draft). */
  partnering_participant_busy: 409,
  /** Partnering: one of the two participants cannot attend that slot. */
  partnering_participant_unavailable: 409,
  /** Partnering: the location is the booth or online room of someone else. */
  partnering_location_not_theirs: 409,
  /** Partnering: a scheduler run is in progress for the event. */
  partnering_run_in_progress: 409,
  /** Partnering: another organiser published the schedule first; reload and publish again. */
  partnering_schedule_changed: 409,
  /** Partnering: the draft holds meetings that no longer fit (a participant became unavailable, a booth changed hands); run again or move them. */
  partnering_draft_stale: 409,
  /** Partnering: the user has no confirmed registration for the event, so may not opt in. */
  partnering_not_registered: 409,
  /** Partnering: organisers closed opt-in (and profile edits), or the event is not open. */
  partnering_opt_in_closed: 409,
  /** Partnering: the event is over. */
  partnering_event_over: 409,
  /** Partnering: the caller has not opted in (or withdrew), so may not act as a participant. */
  partnering_not_participant: 403,
  /** Partnering: the organisers' "who may request whom" rules do not allow this pair. */
  partnering_rules_pair: 409,
  /** Partnering: past the request deadline (new requests, wishes and acceptances). */
  partnering_deadline_passed: 409,
  /** Partnering: the sender already has as many live requests as the rules allow. */
  partnering_max_requests: 409,
  /** Partnering: a pending or accepted request between the two exists already (either direction). */
  partnering_request_exists: 409,
  /** Matching: a full refresh of the stored suggestions is already running. */
  match_refresh_running: 409,
  /** Challenges: this user has answered the challenge already (they edit their answer instead). */
  answer_exists: 409,
  /** Challenges: past its deadline, closed or cancelled: no new answers, no edits to answers. */
  challenge_closed: 409,
  /** Partnering: the event runs in wish-list mode; requests are not used. */
  partnering_wishlist_mode: 409,
  /** Partnering: the event runs in request mode; wish lists are not used. */
  partnering_requests_mode: 409,
  /** Partnering: the request was answered or cancelled already. */
  partnering_request_not_pending: 409,
  /** Partnering: feedback before the meeting's slot has started. */
  partnering_meeting_not_started: 409,
  invitation_invalid: 410,
  reset_token_invalid: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  /** An uploaded file that is not what it claims (not a PDF, not a spreadsheet, a zip bomb …). */
  unreadable_file: 422,
  /** An import whose rows have problems: nothing was imported. */
  import_invalid: 422,
  account_locked: 423,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** Field path (dot-separated) → message, for errors about particular fields. */
    fields?: Record<string, string>;
    requestId: string;
  };
}
