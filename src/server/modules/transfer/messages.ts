import type { Locale } from '../../../domain/locales';
import { CATALOGUES } from '../../../web/i18n/catalogue';
import type { RowProblem } from '../../../domain/transfer/rows';
import type { ImportProblem } from '../../../shared/schemas/transfer';
import { AppError } from '../../http/errors';
import type { UnreadableFileError } from './unreadable';

/** The transfer area's texts (src/web/i18n/locales/transfer/*.json), for problems and refusal reasons. */
function section(locale: Locale, name: 'problems' | 'unreadable'): Record<string, string> {
  const transfer = (CATALOGUES[locale] as unknown as { transfer?: Record<string, Record<string, string>> }).transfer;
  return transfer?.[name] ?? {};
}

function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

export function problemMessage(locale: Locale, code: string, params?: Record<string, string | number>): string {
  return fill(section(locale, 'problems')[code] ?? code, params);
}

/** A stored problem as the API shows it: the column it came from and the message in the caller's language. */
export function toImportProblem(locale: Locale, row: number, problem: RowProblem, headerOf: Record<string, string>): ImportProblem {
  const value = problem.params?.value;
  return {
    row,
    column: problem.field ? (headerOf[problem.field] ?? null) : null,
    code: problem.code,
    message: problemMessage(locale, problem.code, problem.params),
    value: value === undefined ? null : String(value),
  };
}

/** 422 unreadable_file with the reason in the caller's language (also as the `file` field's message). */
export function unreadableError(locale: Locale, error: UnreadableFileError): AppError {
  const reason = fill(section(locale, 'unreadable')[error.reason] ?? error.reason, error.params);
  return new AppError('unreadable_file', { params: { reason }, fields: { file: reason }, detail: error.reason });
}
