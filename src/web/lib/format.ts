import dayjs from 'dayjs';
import type { Language } from '../i18n';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

interface Named {
  nameZhHans: string;
  nameZhHant: string;
  nameEn: string;
}

/** The name of a community (or kind) in the UI language. */
export function localName(item: Named, lang: string): string {
  if (lang === 'zh-TW') return item.nameZhHant || item.nameZhHans;
  if (lang === 'en') return item.nameEn || item.nameZhHans;
  return item.nameZhHans;
}

interface Described {
  descriptionZhHans: string;
  descriptionZhHant: string;
  descriptionEn: string;
}

export function localDescription(item: Described, lang: string): string {
  if (lang === 'zh-TW') return item.descriptionZhHant || item.descriptionZhHans;
  if (lang === 'en') return item.descriptionEn || item.descriptionZhHans;
  return item.descriptionZhHans;
}

const PATTERNS: Record<Language, { dateTime: string; date: string }> = {
  'zh-CN': { dateTime: 'YYYY-MM-DD HH:mm', date: 'YYYY-MM-DD' },
  'zh-TW': { dateTime: 'YYYY-MM-DD HH:mm', date: 'YYYY-MM-DD' },
  en: { dateTime: 'D MMM YYYY, HH:mm', date: 'D MMM YYYY' },
};

function pattern(lang: string): { dateTime: string; date: string } {
  return PATTERNS[lang as Language] ?? PATTERNS['zh-CN'];
}

export function formatDateTime(iso: string | null | undefined, lang: string, timeZone = DEFAULT_TIME_ZONE): string {
  if (!iso) return '';
  const d = dayjs(iso);
  if (!d.isValid()) return iso;
  return d.tz(timeZone).format(pattern(lang).dateTime);
}

export function formatDate(iso: string | null | undefined, lang: string, timeZone = DEFAULT_TIME_ZONE): string {
  if (!iso) return '';
  const d = dayjs(iso);
  if (!d.isValid()) return iso;
  return d.tz(timeZone).format(pattern(lang).date);
}

/** The short name of a time zone as shown next to times, e.g. "UTC+8". */
export function zoneOffsetLabel(timeZone: string): string {
  const minutes = dayjs().tz(timeZone).utcOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

export function formatNumber(value: number, lang: string): string {
  return new Intl.NumberFormat(lang).format(value);
}
