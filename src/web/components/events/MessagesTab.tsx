import type { EventTabProps } from './types';

/** The messages sent about this event. Placeholder until H6 lands it. */
export function MessagesTab(_props: EventTabProps) {
  return null;
}
