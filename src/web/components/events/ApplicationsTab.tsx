import type { EventTabProps } from './types';

/** The call and the screening of applications. Placeholder until H3b lands it. */
export function ApplicationsTab(_props: EventTabProps) {
  return null;
}
