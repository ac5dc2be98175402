import type { EventTabProps } from './types';

/** Attendance, agreements signed, follow-ups into pipelines. Placeholder until H5 lands it. */
export function OutcomesTab(_props: EventTabProps) {
  return null;
}
