import { sql, type SQL } from 'drizzle-orm';
import { timestamp } from 'drizzle-orm/pg-core';
import { sqlList } from '../../../domain/directory';

/** A CHECK that a column holds one of a fixed vocabulary's values (from src/domain). */
export const inList = (column: SQL | unknown, values: readonly string[]) => sql`${column} in (${sql.raw(sqlList(values))})`;
export const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updated = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
