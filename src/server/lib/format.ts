/**
 * Dates and times for what the server writes for people to read (e-mails, PDFs, spreadsheets):
 * always in the community's time zone, in the reader's language. The web app has its own
 * (src/web/lib/format.ts, on dayjs); both print 2026-05-18 14:30 in Chinese.
 */
import type { Locale } from '../../domain/locales';

export type InstantStyle = 'dateTime' | 'date' | 'time' | 'weekdayDate';

const OPTIONS: Record<InstantStyle, Intl.DateTimeFormatOptions> = {
  dateTime: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  date: { year: 'numeric', month: '2-digit', day: '2-digit' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  weekdayDate: { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' },
};

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, timeZone: string, style: InstantStyle): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let f = cache.get(key);
  if (!f) {
    // English spells the month ("18 May 2026"), so a reader never wonders which number is the day.
    const options = locale === 'en' && style !== 'time' ? { ...OPTIONS[style], month: 'short' as const, day: 'numeric' as const } : OPTIONS[style];
    f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { ...options, timeZone });
    cache.set(key, f);
  }
  return f;
}

/** "2026-05-18 14:30" (zh) or "18 May 2026, 14:30" (en) in `timeZone`. */
export function formatInstant(at: Date | string, locale: Locale, timeZone: string, style: InstantStyle = 'dateTime'): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return String(at);
  if (locale !== 'en' && style !== 'weekdayDate') {
    // Chinese Intl output is "2026/05/18 14:30"; our pages and forms use ISO dashes.
    const parts = Object.fromEntries(formatter(locale, timeZone, style).formatToParts(date).map((p) => [p.type, p.value]));
    const day = `${parts.year}-${parts.month}-${parts.day}`;
    const time = `${parts.hour}:${parts.minute}`;
    return style === 'date' ? day : style === 'time' ? time : `${day} ${time}`;
  }
  return formatter(locale, timeZone, style).format(date);
}

/** "2026-05-18 14:30–17:00" when both ends fall on one day, else both in full. */
export function formatRange(start: Date | string, end: Date | string, locale: Locale, timeZone: string): string {
  const sameDay = formatInstant(start, locale, timeZone, 'date') === formatInstant(end, locale, timeZone, 'date');
  return sameDay
    ? `${formatInstant(start, locale, timeZone)}–${formatInstant(end, locale, timeZone, 'time')}`
    : `${formatInstant(start, locale, timeZone)} – ${formatInstant(end, locale, timeZone)}`;
}
