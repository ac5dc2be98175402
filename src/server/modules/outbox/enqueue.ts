import type { Locale } from '../../../domain/locales';
import type { AnswerStage } from '../../../domain/matching/vocabularies';
import type { PartneringPriority } from '../../../domain/partnering/vocabularies';
import type { Tx } from '../../db/client';
import { outbox } from '../../db/schema';

/**
 * What an event message says about its event. Times are ISO instants; the renderer shows them
 * in `timeZone` (the community's) in the recipient's language.
 */
export interface EventFacts {
  eventId: string;
  eventTitle: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: string;
  onlineUrl: string | null;
  /** In each language; the renderer picks the recipient's. */
  communityName: Record<Locale, string>;
}

/** Every message the platform sends, with the payload each carries. The renderer (outbox/templates) has one entry per key. */
export interface EmailPayloads {
  invitation: { link: string; role: string; communityName: Record<Locale, string>; invitedBy: string | null; expiresAt: string };
  password_reset: { displayName: string; link: string; expiresInHours: number };
  password_changed: { displayName: string };
  /** A registration confirmed (automatic mode, or approved). `link` is the registrant's own page with the QR code. */
  event_registration_confirmed: EventFacts & { name: string; ticketType: string; code: string; link: string };
  /** Registered but waiting for an organiser's review. */
  event_registration_pending: EventFacts & { name: string; ticketType: string; link: string };
  /** On the waitlist, at `position` in line for this ticket type. */
  event_registration_waitlisted: EventFacts & { name: string; ticketType: string; position: number; link: string };
  /** A seat came free and the waitlisted registration now holds it. */
  event_waitlist_promoted: EventFacts & { name: string; ticketType: string; code: string; link: string };
  event_registration_declined: EventFacts & { name: string; reason: string | null };
  /** Cancelled by the registrant (a receipt) or by an organiser. */
  event_registration_cancelled: EventFacts & { name: string; byOrganiser: boolean };
  /** The day before: confirmed registrants. */
  event_reminder: EventFacts & { name: string; code: string; link: string };
  /** A personal invitation to register; `link` carries the invitation token. */
  event_invitation: EventFacts & { name: string; link: string; note: string; invitedBy: string | null };
  /** The event itself was cancelled by its organisers. */
  event_cancelled: EventFacts & { name: string };
  /** An application to a roadshow or competition was received; `link` is the applicant's page. */
  event_application_received: EventFacts & { contactName: string; projectName: string; link: string };
  /** Screening decided: in (goes on to judging) or out. */
  event_application_screened: EventFacts & { contactName: string; projectName: string; screenedIn: boolean; link: string };
  /** A round's results were published: rank among `of`, award, whether the project goes on. */
  event_results: EventFacts & {
    contactName: string;
    projectName: string;
    roundName: string;
    rank: number | null;
    of: number;
    award: string;
    advanced: boolean;
    isFinal: boolean;
    link: string;
  };
  // Partnering (one-to-one meetings): `name` is the recipient's, `link` the event's partnering page,
  // `<public base>/partnering/<eventId>`; the counterpart is named with their organisation.
  /** Someone asked the recipient for a meeting; `message` may be empty. */
  partnering_request_received: EventFacts & { name: string; fromName: string; fromOrganisation: string; priority: PartneringPriority; message: string; link: string };
  /** The recipient's request was accepted or declined (with an optional reason). */
  partnering_request_answered: EventFacts & {
    name: string;
    counterpartName: string;
    counterpartOrganisation: string;
    accepted: boolean;
    reason: string | null;
    link: string;
  };
  /** The other side withdrew a request, or cancelled an accepted meeting. */
  partnering_request_cancelled: EventFacts & { name: string; counterpartName: string; counterpartOrganisation: string; reason: string | null; link: string };
  /** The organisers published the meeting schedule (`changed`: a re-publication that moved or added the recipient's meetings). */
  partnering_schedule_published: EventFacts & { name: string; meetings: number; changed: boolean; link: string };
  // Challenges (需求揭榜): `link` is the answer's page, `<public base>/challenges/<id>/answers/<answerId>`.
  /** The poster moved the recipient's answer (a stage, declined with `reason`, or reopened). */
  challenge_answer_screened: { name: string; challengeTitle: string; posterName: string; teamName: string; stage: AnswerStage; declined: boolean; reason: string | null; link: string };
  /** A message in the private thread of a challenge answer, from the other side. */
  challenge_message: { name: string; challengeTitle: string; fromName: string; fromPoster: boolean; excerpt: string; link: string };
}
export type EmailTemplate = keyof EmailPayloads;

/** Queues an e-mail in the same transaction as the change that causes it. */
export async function enqueueEmail<T extends EmailTemplate>(
  tx: Tx,
  message: { recipient: string; template: T; locale: Locale; payload: EmailPayloads[T]; eventId?: string | null },
): Promise<void> {
  await tx.insert(outbox).values({
    channel: 'email',
    recipient: message.recipient,
    template: message.template,
    locale: message.locale,
    payload: message.payload as unknown as Record<string, unknown>,
    eventId: message.eventId ?? null,
  });
}
