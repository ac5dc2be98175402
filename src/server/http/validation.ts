import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';

/** Thrown for a request that does not match its route's schema; the error handler formats it. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly part: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(`invalid ${part}`);
  }
}

/**
 * Like fastify-type-provider-zod's validator, but keeps zod's raw issues (with the input
 * that failed, so "expected number, received string" can be said) for the error handler to
 * translate into the caller's language.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(httpPart ?? 'body', result.error.issues) };
  };
