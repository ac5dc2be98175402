import { z } from 'zod';
import { LOCALES } from '../../domain/locales';
import { COMMUNITY_ACTIONS, MEMBERSHIP_ROLES } from '../../domain/roles';

export const localeSchema = z.enum(LOCALES);
export const membershipRoleSchema = z.enum(MEMBERSHIP_ROLES);
export const communityActionSchema = z.enum(COMMUNITY_ACTIONS);
export const idSchema = z.uuid();
export const timestampSchema = z.iso.datetime({ offset: true });

/** Pasted addresses often carry spaces or capitals: both are normalised before checking. */
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));
/** Length only; strength is checked by the service so the message can name the rule. */
export const newPasswordSchema = z.string().min(1).max(200);

/** Tab, newline and other control characters have no place in a one-line field. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_NEWLINES = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/;

/** A trimmed one-line text of at most `max` characters; `message` is the field message for control characters. */
export function oneLineText(max: number, message: string) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((v) => !CONTROL_CHARACTERS.test(v), { message });
}

/** Trimmed multi-line text: line breaks allowed, other control characters not. */
export function multiLineText(max: number, message: string) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((v) => !CONTROL_BUT_NEWLINES.test(v), { message });
}

export const communityParams = z.strictObject({ communityId: idSchema });

/** Keyset pagination: `cursor` is opaque, from the previous page's `nextCursor`. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
};

export const okResponse = z.object({ ok: z.literal(true) });

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    requestId: z.string(),
  }),
});

/** How a community is named wherever it is referred to: in three languages, with its slug for URLs. */
export const communityRefSchema = z.object({
  id: idSchema,
  slug: z.string(),
  kind: z.string(),
  nameZhHans: z.string(),
  nameZhHant: z.string(),
  nameEn: z.string(),
});
