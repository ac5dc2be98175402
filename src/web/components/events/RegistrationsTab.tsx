import type { EventTabProps } from './types';

/** Registrations: review, waitlist, cancel, export. Placeholder until H2 lands it. */
export function RegistrationsTab(_props: EventTabProps) {
  return null;
}
