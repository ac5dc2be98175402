import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { INCUBATION_STATUSES, ZONE_KINDS } from '../../../domain/lifecycle/vocabularies';
import { communities } from './communities';
import { organisations, projects } from './directory';
import { pipelineItems } from './pipelines';
import { users } from './users';
import { inList, created, updated } from './columns';


/** A community's zones (研发区, 加速区, 产业化区 …), with the floor area they hold. */
export const communityZones = pgTable(
  'community_zones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    /** Square metres the zone offers; the landings in it say how much is taken. */
    totalAreaSqm: integer('total_area_sqm'),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [
    index('community_zones_community_idx').on(t.communityId),
    uniqueIndex('community_zones_name_key').on(t.communityId, t.nameZh),
    check('community_zones_kind_known', inList(t.kind, ZONE_KINDS)),
    check('community_zones_area_positive', sql`coalesce(${t.totalAreaSqm}, 0) >= 0`),
  ],
);

/**
 * A project landed (落户) in the community: the company registered for it (a directory record),
 * where it sits, and what it committed. Recording one links the company `resident_of` the community.
 */
export const landings = pgTable(
  'landings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    pipelineItemId: uuid('pipeline_item_id').references(() => pipelineItems.id, { onDelete: 'set null' }),
    zoneId: uuid('zone_id').references(() => communityZones.id, { onDelete: 'set null' }),
    floorAreaSqm: integer('floor_area_sqm'),
    registeredCapitalFen: bigint('registered_capital_fen', { mode: 'number' }),
    committedInvestmentFen: bigint('committed_investment_fen', { mode: 'number' }),
    landedOn: date('landed_on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('landings_community_idx').on(t.communityId, t.landedOn),
    uniqueIndex('landings_org_key').on(t.communityId, t.organisationId),
    check(
      'landings_amounts_positive',
      sql`coalesce(${t.floorAreaSqm}, 0) >= 0 and coalesce(${t.registeredCapitalFen}, 0) >= 0 and coalesce(${t.committedInvestmentFen}, 0) >= 0`,
    ),
  ],
);

/** A company in the community's incubator: admitted (in a batch), graduated, listed or exited. */
export const incubationRecords = pgTable(
  'incubation_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    status: text('status').notNull().default('admitted'),
    batch: text('batch').notNull().default(''),
    admittedOn: date('admitted_on', { mode: 'string' }).notNull(),
    graduatedOn: date('graduated_on', { mode: 'string' }),
    listedOn: date('listed_on', { mode: 'string' }),
    stockCode: text('stock_code'),
    exitedOn: date('exited_on', { mode: 'string' }),
    exitReason: text('exit_reason').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('incubation_records_org_key').on(t.communityId, t.organisationId),
    check('incubation_records_status_known', inList(t.status, INCUBATION_STATUSES)),
    check('incubation_records_graduated_dated', sql`${t.status} <> 'graduated' or ${t.graduatedOn} is not null`),
    check('incubation_records_listed_dated', sql`${t.status} <> 'listed' or (${t.listedOn} is not null and ${t.stockCode} is not null)`),
    check('incubation_records_exited_dated', sql`${t.status} <> 'exited' or ${t.exitedOn} is not null`),
  ],
);

/** A resident company's figures for one year, entered by the company's representatives or by staff. */
export const companyYearlyFigures = pgTable(
  'company_yearly_figures',
  {
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    year: smallint('year').notNull(),
    revenueFen: bigint('revenue_fen', { mode: 'number' }),
    headcount: integer('headcount'),
    rndSpendFen: bigint('rnd_spend_fen', { mode: 'number' }),
    taxFen: bigint('tax_fen', { mode: 'number' }),
    enteredBy: uuid('entered_by').references(() => users.id, { onDelete: 'set null' }),
    /** Who entered them: the company itself or the community's staff. */
    enteredAs: text('entered_as').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('company_yearly_figures_key').on(t.communityId, t.organisationId, t.year),
    check('company_yearly_figures_year_range', sql`${t.year} between 1950 and 2200`),
    check('company_yearly_figures_entered_as_known', sql`${t.enteredAs} in ('company', 'staff')`),
    check(
      'company_yearly_figures_positive',
      sql`coalesce(${t.revenueFen}, 0) >= 0 and coalesce(${t.headcount}, 0) >= 0 and coalesce(${t.rndSpendFen}, 0) >= 0 and coalesce(${t.taxFen}, 0) >= 0`,
    ),
  ],
);
