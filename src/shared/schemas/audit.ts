import { z } from 'zod';
import { idSchema, pageQuery, timestampSchema } from './common';

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: timestampSchema,
  actor: z.object({ id: idSchema, displayName: z.string(), email: z.string() }).nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  /** What the record was called at the time (an e-mail, a name); null for older entries. */
  entityLabel: z.string().nullable(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuery = z.strictObject({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(60).optional(),
  actorUserId: idSchema.optional(),
  from: timestampSchema.optional(),
  to: timestampSchema.optional(),
  ...pageQuery,
});

export const auditPage = z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() });
