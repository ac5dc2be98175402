/**
 * The API contract of registration: ticket types (seats per kind of attendee), the public
 * event page and its form, a registrant's own view through the e-mailed link, the signed-in
 * user's registrations and the organisers' list with review actions.
 */
import { z } from 'zod';
import { REGISTRATION_STATUSES } from '../../domain/events/vocabularies';
import { communityRefSchema, emailSchema, idSchema, localeSchema, oneLineText, pageQuery, timestampSchema } from './common';
import { answersSchema, approvalModeSchema, eventKindSchema, eventParams, eventStatusSchema, eventVisibilitySchema, organiserRoleSchema, questionSchema } from './events';
import { entityRefSchema } from './directory';

export const registrationStatusSchema = z.enum(REGISTRATION_STATUSES);

const line = (max: number) => oneLineText(max, 'registration_control_characters');
/** Tokens are base64url; anything else cannot be one of ours. */
export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,100}$/);

// ---------------------------------------------------------------- ticket types

export const ticketTypeParams = eventParams.extend({ ticketTypeId: idSchema });

export const ticketTypeSchema = z.object({
  id: idSchema,
  eventId: idSchema,
  name: z.string(),
  description: z.string(),
  capacity: z.number().int(),
  confirmedCount: z.number().int(),
  seatsLeft: z.number().int(),
  waitlistLength: z.number().int(),
  pendingCount: z.number().int(),
  isOpen: z.boolean(),
  position: z.number().int(),
  version: z.number().int(),
});
export type TicketType = z.infer<typeof ticketTypeSchema>;

export const ticketTypeCreateInput = z.strictObject({
  name: line(60).pipe(z.string().min(1)),
  description: line(500).default(''),
  capacity: z.number().int().min(0).max(100000),
  isOpen: z.boolean().default(true),
  position: z.number().int().min(0).max(1000).optional(),
});
export const ticketTypeUpdateInput = z.strictObject({
  version: z.number().int().min(1),
  name: line(60).pipe(z.string().min(1)).optional(),
  description: line(500).optional(),
  capacity: z.number().int().min(0).max(100000).optional(),
  isOpen: z.boolean().optional(),
  position: z.number().int().min(0).max(1000).optional(),
});
/** A capacity change answers who moved up from the waitlist. */
export const ticketTypeUpdateReply = ticketTypeSchema.extend({ promoted: z.number().int() });

// ---------------------------------------------------------------- the public page

/** Why the form is not offered, when it is not. */
export const closedReasonSchema = z.enum(['cancelled', 'draft', 'deadline', 'no_ticket_types', 'invitation_only', 'members_only']);

export const publicTicketTypeSchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string(),
  capacity: z.number().int(),
  seatsLeft: z.number().int(),
  waitlistLength: z.number().int(),
  isOpen: z.boolean(),
});

export const publicSessionSchema = z.object({
  id: idSchema,
  kind: z.string(),
  title: z.string(),
  description: z.string(),
  startsAt: timestampSchema,
  endsAt: timestampSchema,
  room: z.string(),
  people: z.array(z.object({ role: z.string(), name: z.string(), title: z.string() })),
});

/** The caller's own live registration, when signed in (or just made). */
export const ownRegistrationSchema = z.object({
  status: registrationStatusSchema,
  ticketTypeName: z.string(),
  waitlistPosition: z.number().int().nullable(),
  manageToken: z.string(),
});

export const publicEventSchema = z.object({
  id: idSchema,
  community: communityRefSchema,
  timeZone: z.string(),
  kind: eventKindSchema,
  title: z.string(),
  summary: z.string(),
  /** Sanitised by the events module when stored. */
  descriptionHtml: z.string(),
  venue: z.string(),
  onlineUrl: z.string().nullable(),
  startsAt: timestampSchema,
  endsAt: timestampSchema,
  visibility: eventVisibilitySchema,
  status: eventStatusSchema,
  approvalMode: approvalModeSchema,
  registrationClosesAt: timestampSchema.nullable(),
  organisers: z.array(z.object({ organisation: entityRefSchema, role: organiserRoleSchema })),
  sessions: z.array(publicSessionSchema),
  ticketTypes: z.array(publicTicketTypeSchema),
  questions: z.array(questionSchema),
  registrationOpen: z.boolean(),
  closedReason: closedReasonSchema.nullable(),
  applicationsOpen: z.boolean(),
  applicationDeadline: timestampSchema.nullable(),
  myRegistration: ownRegistrationSchema.nullable(),
  /** From `?invite=`: who was invited and to which ticket type, to prefill the form. */
  invitation: z.object({ name: z.string(), email: z.string(), ticketTypeId: idSchema, status: z.string() }).nullable(),
  /** The signed-in caller's name and e-mail, to prefill the form. */
  prefill: z.object({ name: z.string(), email: z.string() }).nullable(),
});
export type PublicEvent = z.infer<typeof publicEventSchema>;

export const publicEventParams = z.strictObject({ eventId: idSchema });
export const publicEventQuery = z.strictObject({ invite: tokenSchema.optional() });

export const registrationCreateInput = z.strictObject({
  /** Optional only with an invitation (which names the ticket type). */
  ticketTypeId: idSchema.optional(),
  name: line(100).pipe(z.string().min(1)),
  email: z.string().max(254).pipe(emailSchema),
  phone: line(40)
    .refine((v) => v === '' || /^\+?[0-9][0-9 ()-]{4,30}$/.test(v), { message: 'registration_phone_invalid' })
    .default(''),
  organisationName: line(200).default(''),
  jobTitle: line(100).default(''),
  answers: answersSchema.default({}),
  inviteToken: tokenSchema.optional(),
});
export type RegistrationCreateInput = z.input<typeof registrationCreateInput>;

// ---------------------------------------------------------------- a registrant's own view

export const tokenParams = z.strictObject({ token: tokenSchema });

export const registrationEventFactsSchema = z.object({
  id: idSchema,
  title: z.string(),
  kind: eventKindSchema,
  status: eventStatusSchema,
  startsAt: timestampSchema,
  endsAt: timestampSchema,
  timeZone: z.string(),
  venue: z.string(),
  onlineUrl: z.string().nullable(),
  community: communityRefSchema,
});

export const myRegistrationSchema = z.object({
  id: idSchema,
  status: registrationStatusSchema,
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  organisationName: z.string(),
  jobTitle: z.string(),
  ticketType: z.object({ id: idSchema, name: z.string() }),
  /** Place in line now (1 = next), while waitlisted. */
  waitlistPosition: z.number().int().nullable(),
  /** The check-in code; only while confirmed. */
  code: z.string().nullable(),
  declineReason: z.string().nullable(),
  checkedInAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  confirmedAt: timestampSchema.nullable(),
  cancelledAt: timestampSchema.nullable(),
  /** The registrant may still cancel (live, and the event has not ended). */
  canCancel: z.boolean(),
  manageToken: z.string(),
  event: registrationEventFactsSchema,
});
export type MyRegistration = z.infer<typeof myRegistrationSchema>;

export const myRegistrationsSchema = z.object({ items: z.array(myRegistrationSchema) });

// ---------------------------------------------------------------- organisers

export const registrationParams = eventParams.extend({ registrationId: idSchema });

export const registrationQuery = z.strictObject({
  status: registrationStatusSchema.optional(),
  ticketTypeId: idSchema.optional(),
  q: z.string().trim().max(100).optional(),
  ...pageQuery,
});

export const registrationSchema = z.object({
  id: idSchema,
  eventId: idSchema,
  ticketTypeId: idSchema,
  ticketTypeName: z.string(),
  userId: idSchema.nullable(),
  invitationId: idSchema.nullable(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  organisationName: z.string(),
  jobTitle: z.string(),
  answers: z.record(z.string(), z.unknown()),
  locale: localeSchema,
  status: registrationStatusSchema,
  waitlistNo: z.number().int().nullable(),
  waitlistPosition: z.number().int().nullable(),
  code: z.string(),
  checkedInAt: timestampSchema.nullable(),
  decidedAt: timestampSchema.nullable(),
  declineReason: z.string().nullable(),
  confirmedAt: timestampSchema.nullable(),
  cancelledAt: timestampSchema.nullable(),
  seq: z.number().int(),
  version: z.number().int(),
  createdAt: timestampSchema,
});
export type Registration = z.infer<typeof registrationSchema>;

export const registrationCountsSchema = z.object({
  pending: z.number().int(),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  declined: z.number().int(),
  cancelled: z.number().int(),
});

export const registrationPageSchema = z.object({
  items: z.array(registrationSchema),
  nextCursor: z.string().nullable(),
  counts: registrationCountsSchema,
  /** Matching the filters (status aside, the counts are by status). */
  total: z.number().int(),
});

export const versionInput = z.strictObject({ version: z.number().int().min(1) });
/** The reason goes into an e-mail as text: several lines are fine. */
export const declineInput = z.strictObject({ version: z.number().int().min(1), reason: z.string().trim().max(500).optional() });

/** What a registration, approval or cancellation did: the registration and anyone promoted. */
export const registrationActionReply = z.object({ registration: registrationSchema, promoted: z.array(z.object({ id: idSchema, name: z.string() })) });

/** The reply to a public registration: status, position, code and the registrant's link token. */
export const registrationCreatedSchema = z.object({
  id: idSchema,
  status: registrationStatusSchema,
  waitlistPosition: z.number().int().nullable(),
  code: z.string().nullable(),
  manageToken: z.string(),
  ticketTypeName: z.string(),
});
export type RegistrationCreated = z.infer<typeof registrationCreatedSchema>;

export const cancelReply = z.object({ status: registrationStatusSchema });
