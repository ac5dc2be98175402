import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Kinds of community (park, alliance, ...). Kept as data so the list can grow without code changes. */
export const communityKinds = pgTable('community_kinds', {
  code: text('code').primaryKey(),
  nameZhHans: text('name_zh_hans').notNull(),
  nameZhHant: text('name_zh_hant').notNull(),
  nameEn: text('name_en').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** A tenant of the platform: a park, an alliance, an innovation centre, an incubator. */
export const communities = pgTable(
  'communities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    kind: text('kind')
      .notNull()
      .references(() => communityKinds.code),
    nameZhHans: text('name_zh_hans').notNull(),
    nameZhHant: text('name_zh_hant').notNull(),
    nameEn: text('name_en').notNull(),
    province: text('province'),
    city: text('city'),
    timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
    descriptionZhHans: text('description_zh_hans').notNull().default(''),
    descriptionZhHant: text('description_zh_hant').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    website: text('website'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('communities_slug_key').on(t.slug),
    check('communities_slug_format', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{1,62}$'`),
  ],
);
