import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError } from '../../http/errors';

/** A trivial query proves the database answers; a load balancer takes the process out if not. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`).catch((error: unknown) => {
    throw new AppError('service_unavailable', { detail: String(error) });
  });
}
