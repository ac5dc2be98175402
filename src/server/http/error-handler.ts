import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorBody, ErrorCode } from '../../shared/errors';
import { ERROR_STATUS } from '../../shared/errors';
import { AppError } from './errors';
import { errorMessage, fieldMessage, zodIssueMessage } from './messages';
import { RequestValidationError } from './validation';

interface Classified {
  code: ErrorCode;
  fields?: Record<string, string>;
  params?: Record<string, string | number>;
}

/** PostgreSQL error codes that mean the request, not the server, was at fault. */
const PG_CLIENT_ERRORS: Record<string, ErrorCode> = {
  '23505': 'conflict', // unique_violation
  '23503': 'conflict', // foreign_key_violation
  '23P01': 'conflict', // exclusion_violation
  '40001': 'conflict', // serialization_failure
  '40P01': 'conflict', // deadlock_detected
  '22P02': 'bad_request', // invalid_text_representation
  '22001': 'bad_request', // string_data_right_truncation
  '22003': 'bad_request', // numeric_value_out_of_range
  '22007': 'bad_request', // invalid_datetime_format
  '22008': 'bad_request', // datetime_field_overflow
  '22021': 'bad_request', // character_not_in_repertoire (e.g. NUL bytes)
  '23514': 'bad_request', // check_violation
};

function pgCode(error: unknown): string | undefined {
  // Drizzle wraps driver errors; the PostgreSQL code sits on the error or its cause.
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

function classify(error: FastifyError | Error): Classified {
  if (error instanceof AppError) return { code: error.code, fields: error.options.fields, params: error.options.params };
  if (error instanceof RequestValidationError) return { code: 'validation_failed' };
  const fastifyCode = (error as FastifyError).code;
  switch (fastifyCode) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'payload_too_large' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'unsupported_media_type' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { code: 'malformed_json' };
  }
  const status = (error as FastifyError).statusCode;
  if (error instanceof SyntaxError && status === 400) return { code: 'malformed_json' };
  const pg = pgCode(error);
  if (pg && PG_CLIENT_ERRORS[pg]) return { code: PG_CLIENT_ERRORS[pg] };
  if (status === 413) return { code: 'payload_too_large' };
  if (status === 415) return { code: 'unsupported_media_type' };
  if (status === 429) return { code: 'rate_limited' };
  if (status === 405) return { code: 'method_not_allowed' };
  if (status === 404) return { code: 'not_found' };
  if (status && status >= 400 && status < 500) return { code: 'bad_request' };
  return { code: 'internal_error' };
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, req, reply) => {
    const { code, params, fields: rawFields } = classify(error);
    const status = ERROR_STATUS[code];
    let fields: Record<string, string> | undefined;
    if (error instanceof RequestValidationError) {
      fields = {};
      for (const issue of error.issues) {
        const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
        for (const path of keys) {
          const name = path.map(String).join('.') || error.part;
          // The raw issue still carries the offending input; it is used for the message only.
          fields[name] ??= zodIssueMessage(req.locale, issue as never);
        }
      }
    } else if (rawFields) {
      fields = Object.fromEntries(Object.entries(rawFields).map(([k, v]) => [k, fieldMessage(req.locale, v)]));
    }
    if (status >= 500) req.log.error({ err: error }, 'request failed');
    else req.log.info({ code, detail: error.message }, 'request rejected');
    const body: ErrorBody = {
      error: { code, message: errorMessage(req.locale, code, params), ...(fields ? { fields } : {}), requestId: req.id },
    };
    if (code === 'account_locked' || code === 'rate_limited') reply.header('retry-after', String((Number(params?.minutes) || 1) * 60));
    return reply.status(status).send(body);
  });
}
