import type { EventTabProps } from './types';

/** Personal invitations. Placeholder until H4 lands it. */
export function InvitationsTab(_props: EventTabProps) {
  return null;
}
