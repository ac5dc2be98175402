/**
 * The API contract of the door: personal invitations, check-in by code, the live attendance
 * count, the check-in log, and the attendee export and badge options.
 */
import { z } from 'zod';
import { CODE_MAX_LENGTH } from '../../domain/events/door';
import { INVITATION_STATUSES, REGISTRATION_STATUSES } from '../../domain/events/vocabularies';
import { emailSchema, errorResponse, idSchema, localeSchema, pageQuery, timestampSchema } from './common';
import { eventParams } from './events';

export const invitationStatusSchema = z.enum(INVITATION_STATUSES);
export const registrationStatusSchema = z.enum(REGISTRATION_STATUSES);

export const invitationParams = eventParams.extend({ eventInvitationId: idSchema });
export const checkInParams = eventParams.extend({ registrationId: idSchema });

// ---------------------------------------------------------------- invitations

export const INVITATION_BATCH_MAX = 500;

/**
 * One invitee. With `personId`, a missing name or e-mail is taken from the directory record;
 * without, both are needed (the service names the row's field when one is missing).
 */
export const inviteeInput = z.strictObject({
  name: z.string().trim().max(100).optional(),
  email: z.union([z.literal(''), emailSchema]).optional(),
  ticketTypeId: idSchema,
  locale: localeSchema.optional(),
  note: z.string().trim().max(1000).optional(),
  personId: idSchema.optional(),
  organisationId: idSchema.optional(),
});
export type InviteeInput = z.input<typeof inviteeInput>;

export const invitationCreateInput = z.strictObject({
  invitees: z.array(inviteeInput).min(1).max(INVITATION_BATCH_MAX),
});
export type InvitationCreateInput = z.input<typeof invitationCreateInput>;

export const invitationSchema = z.object({
  id: idSchema,
  eventId: idSchema,
  name: z.string(),
  email: z.string(),
  ticketType: z.object({ id: idSchema, name: z.string() }),
  locale: localeSchema,
  note: z.string(),
  personId: idSchema.nullable(),
  organisationId: idSchema.nullable(),
  status: invitationStatusSchema,
  /** The registration made with it, whatever became of it since. */
  registration: z.object({ id: idSchema, status: registrationStatusSchema, checkedInAt: timestampSchema.nullable() }).nullable(),
  invitedBy: z.string().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Invitation = z.infer<typeof invitationSchema>;

export const invitationQuery = z.strictObject({
  ...pageQuery,
  status: invitationStatusSchema.optional(),
  q: z.string().trim().max(100).optional(),
});
export type InvitationQuery = z.input<typeof invitationQuery>;

export const ticketTypeRefSchema = z.object({ id: idSchema, name: z.string(), isOpen: z.boolean() });
export type TicketTypeRef = z.infer<typeof ticketTypeRefSchema>;

export const invitationPageSchema = z.object({
  items: z.array(invitationSchema),
  nextCursor: z.string().nullable(),
  /** Invitations by status over the whole event (not only this page). */
  counts: z.object({ sent: z.number().int(), registered: z.number().int(), revoked: z.number().int() }),
  /** The event's ticket types, for the invite form. */
  ticketTypes: z.array(ticketTypeRefSchema),
});
export type InvitationPage = z.infer<typeof invitationPageSchema>;

export const invitationBatchSchema = z.object({ items: z.array(invitationSchema) });

// ---------------------------------------------------------------- check-in

export const checkInInput = z.strictObject({ code: z.string().max(CODE_MAX_LENGTH * 4) });
export type CheckInInput = z.infer<typeof checkInInput>;

/** Who came in, as the door shows them. */
export const doorPersonSchema = z.object({
  registrationId: idSchema,
  name: z.string(),
  organisationName: z.string(),
  jobTitle: z.string(),
  ticketType: z.string(),
  code: z.string(),
  status: registrationStatusSchema,
  checkedInAt: timestampSchema.nullable(),
  /** Display name of who checked them in (null: not checked in, or the account is gone). */
  checkedInBy: z.string().nullable(),
});
export type DoorPerson = z.infer<typeof doorPersonSchema>;

export const checkInSuccessSchema = z.object({ result: z.literal('checked_in'), registration: doorPersonSchema });
export type CheckInSuccess = z.infer<typeof checkInSuccessSchema>;

/**
 * A refused check-in: 404 unknown_code, 409 already_checked_in (with when and by whom) or
 * 409 not_confirmed (with the status). The usual error body, plus what the door shows.
 */
export const checkInRefusalSchema = errorResponse.extend({
  result: z.enum(['unknown_code', 'already_checked_in', 'not_confirmed']).optional(),
  registration: doorPersonSchema.optional(),
});
export type CheckInRefusal = z.infer<typeof checkInRefusalSchema>;

// ---------------------------------------------------------------- attendance

export const attendanceSchema = z.object({
  event: z.object({ id: idSchema, title: z.string(), startsAt: timestampSchema, endsAt: timestampSchema, status: z.string(), timeZone: z.string(), venue: z.string() }),
  confirmed: z.number().int(),
  checkedIn: z.number().int(),
  byTicketType: z.array(z.object({ id: idSchema, name: z.string(), capacity: z.number().int(), confirmed: z.number().int(), checkedIn: z.number().int() })),
  /** The latest check-ins, newest first. */
  recent: z.array(doorPersonSchema),
  /** Arrivals per 15 minutes, first to last arrival, empty quarters included. */
  arrivals: z.array(z.object({ from: timestampSchema, count: z.number().int() })),
  /** The server's clock, so a page can say how fresh the count is. */
  asOf: timestampSchema,
});
export type Attendance = z.infer<typeof attendanceSchema>;

export const checkInLogQuery = z.strictObject({ ...pageQuery, q: z.string().trim().max(100).optional() });
export type CheckInLogQuery = z.input<typeof checkInLogQuery>;
export const checkInLogSchema = z.object({ items: z.array(doorPersonSchema), nextCursor: z.string().nullable() });
export type CheckInLog = z.infer<typeof checkInLogSchema>;

/** Finding a confirmed registrant at the door by name, e-mail, phone or organisation (forgot the code). */
export const lookupQuery = z.strictObject({ q: z.string().trim().max(100).default('') });
export const lookupSchema = z.object({ items: z.array(doorPersonSchema) });
export type Lookup = z.infer<typeof lookupSchema>;

// ---------------------------------------------------------------- exports

export const BADGE_LAYOUTS = ['a4', 'a6'] as const;
export const badgesQuery = z.strictObject({
  ticketTypeId: idSchema.optional(),
  status: registrationStatusSchema.default('confirmed'),
  layout: z.enum(BADGE_LAYOUTS).default('a4'),
});
export type BadgesQuery = z.input<typeof badgesQuery>;
