import { z } from 'zod';
import {
  communityActionSchema,
  communityRefSchema,
  emailSchema,
  idSchema,
  localeSchema,
  membershipRoleSchema,
  newPasswordSchema,
} from './common';

export { communityActionSchema };

export const signInBody = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(200),
});

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  displayName: z.string(),
  locale: localeSchema,
  isPlatformAdmin: z.boolean(),
});
export type User = z.infer<typeof userSchema>;

/** A community as the switcher lists it, with the caller's role and what it allows. */
export const myCommunitySchema = communityRefSchema.extend({
  role: membershipRoleSchema.nullable(),
  permissions: z.array(communityActionSchema),
});
export type MyCommunity = z.infer<typeof myCommunitySchema>;

export const sessionResponse = z.object({
  user: userSchema.nullable(),
  /** Send back as X-CSRF-Token on every write while signed in. */
  csrfToken: z.string().nullable(),
  communities: z.array(myCommunitySchema),
});
export type SessionInfo = z.infer<typeof sessionResponse>;

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: newPasswordSchema,
});

export const passwordResetRequestBody = z.strictObject({ email: emailSchema });
export const passwordResetConfirmBody = z.strictObject({
  token: z.string().min(10).max(200),
  newPassword: newPasswordSchema,
});

export const updateMeBody = z.strictObject({
  displayName: z.string().trim().min(1).max(100).optional(),
  locale: localeSchema.optional(),
});
