import { z } from 'zod';
import { communityRefSchema, emailSchema, idSchema, membershipRoleSchema, pageQuery, timestampSchema } from './common';

export const memberSchema = z.object({
  membershipId: idSchema,
  userId: idSchema,
  email: z.string(),
  displayName: z.string(),
  role: membershipRoleSchema,
  joinedAt: timestampSchema,
});
export type Member = z.infer<typeof memberSchema>;

export const membersQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  role: membershipRoleSchema.optional(),
  ...pageQuery,
});

export const membersPage = z.object({ items: z.array(memberSchema), nextCursor: z.string().nullable(), total: z.number().int() });

export const changeRoleBody = z.strictObject({ role: membershipRoleSchema });

export const inviteBody = z.strictObject({ email: emailSchema, role: membershipRoleSchema });

export const invitationSchema = z.object({
  id: idSchema,
  email: z.string(),
  role: membershipRoleSchema,
  invitedBy: z.string().nullable(),
  createdAt: timestampSchema,
  expiresAt: timestampSchema,
  status: z.enum(['open', 'accepted', 'revoked', 'expired']),
});
export type Invitation = z.infer<typeof invitationSchema>;

/** Returned once, to the inviter: the link is also queued as an e-mail in the outbox. */
export const createdInvitationSchema = invitationSchema.extend({ link: z.string() });

export const invitationPreviewSchema = z.object({
  email: z.string(),
  role: membershipRoleSchema,
  community: communityRefSchema,
  /** True when an account with this e-mail exists: the person signs in instead of signing up. */
  accountExists: z.boolean(),
  expiresAt: timestampSchema,
});

export const acceptInvitationBody = z.strictObject({
  /** Required to create a new account; ignored when the caller is already signed in. */
  displayName: z.string().trim().min(1).max(100).optional(),
  password: z.string().min(1).max(200).optional(),
});

export const memberParams = z.strictObject({ communityId: idSchema, membershipId: idSchema });
export const invitationParams = z.strictObject({ communityId: idSchema, invitationId: idSchema });
export const invitationTokenParams = z.strictObject({ token: z.string().min(10).max(200) });
