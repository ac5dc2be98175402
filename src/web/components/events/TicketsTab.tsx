import type { EventTabProps } from './types';

/** Ticket types, capacity, approval mode and the registration form. Placeholder until H2 lands it. */
export function TicketsTab(_props: EventTabProps) {
  return null;
}
