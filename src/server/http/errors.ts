import { ERROR_STATUS, type ErrorCode } from '../../shared/errors';

/**
 * The one error type services throw. `params` fill placeholders in the translated
 * message (for example the minutes left on a lock-out).
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly options: { fields?: Record<string, string>; params?: Record<string, string | number>; detail?: string } = {},
  ) {
    super(options.detail ?? code);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');
