/**
 * Who may see an event: the one rule the public page, registration, applications, the agenda
 * PDF and attendee materials all ask. Pure; the server gathers the facts.
 */
import type { EventStatus, EventVisibility } from './vocabularies';

export interface EventViewerFacts {
  /** The caller may manage the community's events (events.manage, or platform admin). */
  canManage: boolean;
  /** The caller is a member of the event's community (any role). */
  isMember: boolean;
  /** The caller holds a live invitation to it (a token in the link, or one sent to their address). */
  isInvited: boolean;
  /** The caller already has a live registration for it. */
  isRegistered: boolean;
}

/**
 * Drafts are for organisers only. A published or cancelled event is seen by anyone when public,
 * by members (and invitees) when members-only, and by invitees and registrants when by invitation.
 */
export function canSeeEvent(event: { status: EventStatus; visibility: EventVisibility }, viewer: EventViewerFacts): boolean {
  if (viewer.canManage) return true;
  if (event.status === 'draft') return false;
  switch (event.visibility) {
    case 'public':
      return true;
    case 'members':
      return viewer.isMember || viewer.isInvited || viewer.isRegistered;
    case 'invitation':
      return viewer.isInvited || viewer.isRegistered;
  }
}
