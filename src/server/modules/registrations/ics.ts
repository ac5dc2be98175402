import { createEvent } from 'ics';
import type { Locale } from '../../../domain/locales';
import { AppError } from '../../http/errors';
import type { CommunityRow } from '../communities/queries';
import type { EventRow } from './queries';

const REMINDER: Record<Locale, string> = { 'zh-CN': '活动明天开始', 'zh-TW': '活動明天開始', en: 'The event starts tomorrow' };
const NAME: Record<Locale, (c: CommunityRow) => string> = { 'zh-CN': (c) => c.nameZhHans, 'zh-TW': (c) => c.nameZhHant, en: (c) => c.nameEn };

/**
 * The event as an iCalendar file for the registrant's calendar. Times are written in UTC, so
 * every calendar shows them right in its own zone; a display alarm fires a day before.
 * The UID is the registration's, so downloading it again updates the same calendar entry.
 */
export function eventIcs(input: { event: EventRow; community: CommunityRow; registrationId: string; publicUrl: string; locale: Locale }): string {
  const { event, community, locale } = input;
  const url = `${input.publicUrl}/e/${event.id}`;
  const location = [event.venue, event.onlineUrl].filter(Boolean).join(' · ');
  const { error, value } = createEvent({
    uid: `${input.registrationId}@biobridge`,
    productId: 'biobridge/events',
    title: event.title,
    description: [event.summary, url].filter(Boolean).join('\n\n'),
    ...(location ? { location } : {}),
    url,
    start: event.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: event.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    organizer: { name: NAME[locale](community) },
    alarms: [{ action: 'display', description: REMINDER[locale], trigger: { days: 1, before: true } }],
  });
  if (error || !value) throw new AppError('internal_error', { detail: `ics: ${error?.message ?? 'no output'}` });
  return value;
}
