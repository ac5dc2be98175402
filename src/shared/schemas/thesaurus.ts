/**
 * The thesaurus API contract: concepts of the field with their terms in simplified Chinese,
 * traditional Chinese and English, read by everyone signed in and edited by platform admins.
 */
import { z } from 'zod';
import { THESAURUS_LANGS } from '../../domain/matching/vocabularies';
import { idSchema, multiLineText, oneLineText, pageQuery, timestampSchema } from './common';

export const THESAURUS_CODE_PATTERN = /^[a-z0-9][a-z0-9_]{0,62}$/;
export const MAX_TERMS_PER_CONCEPT = 60;

export const thesaurusLangSchema = z.enum(THESAURUS_LANGS);

export const thesaurusTermSchema = z.object({
  lang: thesaurusLangSchema,
  term: z.string(),
  /** The folded comparison key (体外诊断 for 體外診斷, cart for CAR-T). */
  termKey: z.string(),
});
export type ThesaurusTerm = z.infer<typeof thesaurusTermSchema>;

export const thesaurusConceptSchema = z.object({
  id: idSchema,
  code: z.string(),
  /** A taxonomy segment code, or null. */
  segment: z.string().nullable(),
  /** Codes of related concepts as this concept records them. */
  relatedCodes: z.array(z.string()),
  /** Codes of concepts that record this one as related (the relation holds both ways). */
  relatedFrom: z.array(z.string()),
  note: z.string(),
  terms: z.array(thesaurusTermSchema),
  version: z.number().int(),
  updatedAt: timestampSchema,
});
export type ThesaurusConcept = z.infer<typeof thesaurusConceptSchema>;

export const thesaurusPageSchema = z.object({ items: z.array(thesaurusConceptSchema), nextCursor: z.string().nullable() });
export type ThesaurusPage = z.infer<typeof thesaurusPageSchema>;

export const thesaurusQuery = z.strictObject({
  /** Matches a code, or any term (folded: 體外診斷 finds 体外诊断, car t finds CAR-T). */
  q: oneLineText(100, 'control_characters').optional(),
  segment: z.string().max(64).optional(),
  ...pageQuery,
});

export const thesaurusParams = z.strictObject({ conceptId: idSchema });

const termInput = z.strictObject({
  lang: thesaurusLangSchema,
  term: oneLineText(100, 'control_characters').pipe(z.string().min(1)),
});

const conceptFields = {
  segment: z.string().max(64).nullable(),
  relatedCodes: z.array(z.string().max(64)).max(30),
  note: multiLineText(1000, 'control_characters'),
  /** At least one term; duplicate keys within a language are refused (field terms.<i>.term). */
  terms: z.array(termInput).min(1).max(MAX_TERMS_PER_CONCEPT),
};

export const thesaurusConceptInput = z.strictObject({
  code: z.string().trim().regex(THESAURUS_CODE_PATTERN),
  segment: conceptFields.segment.default(null),
  relatedCodes: conceptFields.relatedCodes.default([]),
  note: conceptFields.note.default(''),
  terms: conceptFields.terms,
});
export type ThesaurusConceptInput = z.infer<typeof thesaurusConceptInput>;

/** An edit: the version the editor saw, and the fields to change (terms are replaced whole). The code stays. */
export const thesaurusConceptPatch = z.strictObject({
  version: z.number().int().min(1),
  segment: conceptFields.segment.optional(),
  relatedCodes: conceptFields.relatedCodes.optional(),
  note: conceptFields.note.optional(),
  terms: conceptFields.terms.optional(),
});
export type ThesaurusConceptPatch = z.infer<typeof thesaurusConceptPatch>;

export const thesaurusDeleteQuery = z.strictObject({ version: z.coerce.number().int().min(1) });
