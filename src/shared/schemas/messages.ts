/**
 * The API contract of the message logs: the platform's outbox (platform admins) and one
 * event's messages (its organisers), with a rendered preview of any message.
 */
import { z } from 'zod';
import { pageQuery, timestampSchema } from './common';

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;

/** Every template the outbox renders (EmailPayloads' keys; a unit test keeps the two equal), for filters. */
export const EMAIL_TEMPLATE_NAMES = [
  'invitation',
  'password_reset',
  'password_changed',
  'event_registration_confirmed',
  'event_registration_pending',
  'event_registration_waitlisted',
  'event_waitlist_promoted',
  'event_registration_declined',
  'event_registration_cancelled',
  'event_reminder',
  'event_invitation',
  'event_cancelled',
  'event_application_received',
  'event_application_screened',
  'event_results',
  'partnering_request_received',
  'partnering_request_answered',
  'partnering_request_cancelled',
  'partnering_schedule_published',
  'challenge_answer_screened',
  'challenge_message',
] as const;
/** The templates about an event (its partnering included), for an event's own log. */
export const EVENT_EMAIL_TEMPLATE_NAMES = EMAIL_TEMPLATE_NAMES.filter((name) => name.startsWith('event_') || name.startsWith('partnering_'));
export const outboxStatusSchema = z.enum(OUTBOX_STATUSES);
export type OutboxStatus = z.infer<typeof outboxStatusSchema>;

const filters = {
  status: outboxStatusSchema.optional(),
  template: z.string().trim().max(60).optional(),
};

export const outboxQuery = z.strictObject({
  ...pageQuery,
  ...filters,
  /** Part of the address, any case. */
  recipient: z.string().trim().max(254).optional(),
});
export type OutboxQuery = z.infer<typeof outboxQuery>;

export const outboxParams = z.strictObject({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

export const outboxMessageSchema = z.object({
  id: z.number().int(),
  channel: z.string(),
  recipient: z.string(),
  template: z.string(),
  locale: z.string(),
  /** The subject in the admin's language; null when the row cannot be rendered. */
  subject: z.string().nullable(),
  status: outboxStatusSchema,
  payload: z.record(z.string(), z.unknown()),
  eventId: z.string().nullable(),
  createdAt: timestampSchema,
  sentAt: timestampSchema.nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: timestampSchema.nullable(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const outboxPageSchema = z.object({
  items: z.array(outboxMessageSchema),
  nextCursor: z.string().nullable(),
  /** False: no SMTP_URL, so nothing leaves the outbox (the log shows "not sent"). */
  smtpConfigured: z.boolean(),
});
export type OutboxPage = z.infer<typeof outboxPageSchema>;

export const emailPreviewSchema = z.object({
  id: z.number().int(),
  recipient: z.string(),
  template: z.string(),
  /** The recipient's language, which the preview is in. */
  locale: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  /** Personal links (manage or invitation tokens) were masked for this viewer. */
  redacted: z.boolean(),
});
export type EmailPreview = z.infer<typeof emailPreviewSchema>;

export const eventMessagesQuery = z.strictObject({ ...pageQuery, ...filters });
export type EventMessagesQuery = z.infer<typeof eventMessagesQuery>;

export const eventMessageParams = z.strictObject({ communityId: z.uuid(), eventId: z.uuid(), messageId: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

/** One of an event's messages as its organisers see it (no payload: it holds registrants' personal links). */
export const eventMessageSchema = z.object({
  id: z.number().int(),
  recipient: z.string(),
  template: z.string(),
  locale: z.string(),
  /** In the recipient's language, as sent. */
  subject: z.string().nullable(),
  status: outboxStatusSchema,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: timestampSchema,
  sentAt: timestampSchema.nullable(),
});
export type EventMessage = z.infer<typeof eventMessageSchema>;

export const eventMessagePageSchema = z.object({
  items: z.array(eventMessageSchema),
  nextCursor: z.string().nullable(),
  smtpConfigured: z.boolean(),
});
export type EventMessagePage = z.infer<typeof eventMessagePageSchema>;
