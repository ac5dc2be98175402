import type { z } from 'zod';
import { PROJECT_TRACKS, type Taxonomy } from '../../../domain/directory';
import type { TaxonomyCatalogue, TaxonomyTerm, taxonomyTermInput } from '../../../shared/schemas/directory';
import { requireUser, type RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import * as common from './common.queries';

function toTerm(row: common.TaxonomyRow): TaxonomyTerm {
  return { ...row, taxonomy: row.taxonomy as Taxonomy };
}

/** Every term of every taxonomy, each list in its sort order (the query orders them). */
/**
 * The shared vocabularies (segments, qualifications, services, stages). Open to everyone: they are
 * the platform's words, not any community's data, and the public event and application pages
 * name segments with them.
 */
export async function listTaxonomy(ctx: RequestContext): Promise<TaxonomyCatalogue> {
  const out: TaxonomyCatalogue = { segment: [], qualification: [], service: [], stage: [] };
  for (const row of await common.listTaxonomy(ctx.db)) out[row.taxonomy as Taxonomy]?.push(toTerm(row));
  return out;
}

/**
 * Adds a term (platform admins: the vocabularies are shared by every community). A stage
 * belongs to a track; other taxonomies have no groups.
 */
export async function addTerm(ctx: RequestContext, taxonomy: Taxonomy, input: z.output<typeof taxonomyTermInput>): Promise<TaxonomyTerm> {
  if (!requireUser(ctx).isPlatformAdmin) throw new AppError('forbidden');
  const groupCode = input.groupCode ?? null;
  if (taxonomy === 'stage' && !(PROJECT_TRACKS as readonly string[]).includes(groupCode ?? '')) throw new AppError('validation_failed', { fields: { groupCode: 'stage_needs_track' } });
  if (taxonomy !== 'stage' && groupCode !== null) throw new AppError('validation_failed', { fields: { groupCode: 'group_only_for_stages' } });
  return ctx.db.transaction(async (tx) => {
    const row = await common.insertTaxonomyTerm(tx, { taxonomy, ...input, groupCode, aliases: input.aliases ?? [], sortOrder: input.sortOrder ?? 0 });
    if (!row) throw new AppError('duplicate_record', { fields: { code: 'term_code_taken' } });
    await recordAudit(tx, ctx, {
      communityId: null,
      action: 'taxonomy.term_added',
      entityType: 'taxonomy_term',
      entityId: `${taxonomy}:${row.code}`,
      entityLabel: row.nameZhHans,
      before: null,
      after: toTerm(row),
    });
    return toTerm(row);
  });
}
