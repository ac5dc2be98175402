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
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  email_taken: 409,
  already_member: 409,
  last_admin: 409,
  invitation_invalid: 410,
  reset_token_invalid: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
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
