/** How landing records read on screen: zone names in the reader's language, areas in m². */
import dayjs from 'dayjs';
import { formatNumber } from '../../lib/format';

export function zoneLabel(zone: { nameZh: string; nameEn: string | null }, lang: string): string {
  return lang === 'en' && zone.nameEn ? zone.nameEn : zone.nameZh;
}

/** 12,000 m² (the unit comes from the locale files). */
export function formatArea(sqm: number | null | undefined, lang: string, unit: string): string {
  if (sqm === null || sqm === undefined) return '';
  return `${formatNumber(sqm, lang === 'en' ? 'en-US' : lang)} ${unit}`;
}

/** A calendar date (YYYY-MM-DD from the API) as the reader writes dates; no time zone shift. */
export function formatDay(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  return dayjs(iso).format(lang === 'en' ? 'D MMM YYYY' : 'YYYY-MM-DD');
}
