import { z } from 'zod';
import type { Locale } from '../../domain/locales';
import type { ErrorCode } from '../../shared/errors';
import { CATALOGUES } from '../../web/i18n/catalogue';

// The server reads the same locale files as the web app, so an error reads the same
// whether the web app translates it from its code or shows the server's message.
const catalogues = CATALOGUES;
const zodLocales = { 'zh-CN': z.locales.zhCN(), 'zh-TW': z.locales.zhTW(), en: z.locales.en() } as const;

function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

export function errorMessage(locale: Locale, code: ErrorCode, params?: Record<string, string | number>): string {
  // Area files add their codes' messages to `errors` (merged key by key), so index it as a plain table.
  const table = catalogues[locale].errors as Record<string, string>;
  return fill(table[code] ?? code, params);
}

/** A field message: either a key of `fieldErrors` in the locale files, or text passed through. */
export function fieldMessage(locale: Locale, keyOrText: string): string {
  const table = catalogues[locale].fieldErrors as Record<string, string>;
  return table[keyOrText] ?? keyOrText;
}

/** A zod issue's message in the request's language. */
export function zodIssueMessage(locale: Locale, issue: z.core.$ZodRawIssue): string {
  if (issue.code === 'unrecognized_keys') return fieldMessage(locale, 'unknown_field');
  const result = zodLocales[locale].localeError(issue);
  if (typeof result === 'string') return result;
  return result?.message ?? issue.message ?? 'invalid';
}
