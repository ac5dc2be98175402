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
