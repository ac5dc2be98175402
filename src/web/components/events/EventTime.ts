/**
 * Event times in forms: pickers show wall-clock times in the community's time zone, whatever the
 * browser's zone, and the API gets instants with their offset.
 */
import dayjs, { type Dayjs } from 'dayjs';

/** An instant as the picker should show it: the community's wall clock, as a local dayjs. */
export function toPicker(iso: string | null | undefined, timeZone: string): Dayjs | null {
  if (!iso) return null;
  return dayjs(dayjs(iso).tz(timeZone).format('YYYY-MM-DDTHH:mm:ss'));
}

/** The picker's wall-clock time read in the community's time zone, as ISO 8601 with its offset. */
export function fromPicker(value: Dayjs, timeZone: string): string {
  return dayjs.tz(value.format('YYYY-MM-DDTHH:mm:ss'), timeZone).format();
}

/** "2030-05-20 09:00–17:00", or both ends in full across days, in the community's time zone. */
export function formatEventRange(startsAt: string, endsAt: string, lang: string, timeZone: string): string {
  const start = dayjs(startsAt).tz(timeZone);
  const end = dayjs(endsAt).tz(timeZone);
  const full = lang === 'en' ? 'D MMM YYYY, HH:mm' : 'YYYY-MM-DD HH:mm';
  if (start.format('YYYY-MM-DD') === end.format('YYYY-MM-DD')) return `${start.format(full)}–${end.format('HH:mm')}`;
  return `${start.format(full)} – ${end.format(full)}`;
}
