import type { EventTabProps } from './types';

/** Check-in records, live count, badges and the attendee export. Placeholder until H4 lands it. */
export function AttendanceTab(_props: EventTabProps) {
  return null;
}
