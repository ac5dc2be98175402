import { z } from 'zod';
import { communityActionSchema, communityRefSchema, membershipRoleSchema, timestampSchema } from './common';

export const communityKindSchema = z.object({
  code: z.string(),
  nameZhHans: z.string(),
  nameZhHant: z.string(),
  nameEn: z.string(),
});

const text = (max: number) => z.string().trim().max(max);

export const communitySchema = communityRefSchema.extend({
  province: z.string().nullable(),
  city: z.string().nullable(),
  timeZone: z.string(),
  descriptionZhHans: z.string(),
  descriptionZhHant: z.string(),
  descriptionEn: z.string(),
  website: z.string().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Community = z.infer<typeof communitySchema>;

export const communityDetailSchema = communitySchema.extend({
  myRole: membershipRoleSchema.nullable(),
  permissions: z.array(communityActionSchema),
  memberCount: z.number().int(),
  membersByRole: z.record(z.string(), z.number().int()),
  openInvitations: z.number().int(),
});
export type CommunityDetail = z.infer<typeof communityDetailSchema>;

const timeZone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown time zone');

export const communityFields = {
  kind: z.string().min(1).max(40),
  nameZhHans: text(120).min(1),
  nameZhHant: text(120).min(1),
  nameEn: text(200).min(1),
  province: text(40).nullable().optional(),
  city: text(40).nullable().optional(),
  timeZone: timeZone.optional(),
  descriptionZhHans: text(4000).optional(),
  descriptionZhHant: text(4000).optional(),
  descriptionEn: text(8000).optional(),
  website: z.url().max(300).nullable().optional(),
};

export const createCommunityBody = z.strictObject({
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes, 2 to 63 characters'),
  ...communityFields,
});

export const updateCommunityBody = z.strictObject(communityFields).partial();
