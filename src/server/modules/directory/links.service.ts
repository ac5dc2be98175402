import type { z } from 'zod';
import {
  canWriteDirectoryIn,
  organisationEditAuthority,
  personEditAuthority,
  projectEditAuthority,
  type Authority,
  type Viewer,
} from '../../../domain/directory-access';
import type { EntityType, LinkTargetType } from '../../../domain/directory';
import type { Link, linkInput } from '../../../shared/schemas/directory';
import type { Executor } from '../../db/client';
import type { RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { refreshSearchDocuments } from '../search/index-document';
import * as common from './common.queries';
import { findOrganisation, hasRepresentatives } from './organisations.queries';
import { personFacts, requirePerson } from './people.service';
import { requireVisibleProject } from './project-visibility';
import { requireVisibleRecord } from './records';
import { toLink } from './serialise';
import { auditCommunity, loadViewer } from './viewer';

type LinkInput = z.output<typeof linkInput>;

/** Whoever may edit the record a link goes out of may add and remove its links. */
async function editAuthorityOf(db: Executor, viewer: Viewer, type: EntityType, id: string): Promise<Authority | null> {
  switch (type) {
    case 'organisation': {
      const row = await findOrganisation(db, id);
      if (!row) throw new AppError('not_found');
      return organisationEditAuthority(viewer, { id, stewardCommunityId: row.stewardCommunityId, hasRepresentatives: await hasRepresentatives(db, id) });
    }
    case 'person':
      return personEditAuthority(viewer, personFacts(await requirePerson(db, id)));
    case 'project':
      return projectEditAuthority(viewer, (await requireVisibleProject(db, viewer, id)).row);
  }
}

/**
 * resident_of says a record belongs to a community: that community's staff decide it (they
 * need directory.write there), whoever edits the record. Other roles link two records and
 * belong to the editor of the record they go out of.
 */
async function linkAuthority(db: Executor, viewer: Viewer, link: { fromType: EntityType; fromId: string; role: string; toType: LinkTargetType; toId: string }) {
  if (link.role === 'resident_of') {
    if (!(await common.communityExists(db, link.toId)) || (!viewer.roles.has(link.toId) && !viewer.isPlatformAdmin)) throw new AppError('not_found');
    if (canWriteDirectoryIn(viewer, link.toId)) return { via: 'community', communityId: link.toId } as const;
    if (viewer.isPlatformAdmin) return { via: 'platform' } as const;
    throw new AppError('forbidden');
  }
  const authority = await editAuthorityOf(db, viewer, link.fromType, link.fromId);
  if (!authority) throw new AppError('forbidden');
  return authority;
}

function label(link: Link): string {
  return `${link.from.nameZh} → ${link.to.nameZh}`;
}

export async function createLink(ctx: RequestContext, input: LinkInput): Promise<Link> {
  if (input.role === 'resident_of' && input.toType !== 'community') throw new AppError('validation_failed', { fields: { toType: 'resident_of_needs_community' } });
  if (input.role !== 'resident_of' && input.toType === 'community') throw new AppError('validation_failed', { fields: { toType: 'community_only_resident_of' } });
  if (input.fromId === input.toId) throw new AppError('validation_failed', { fields: { toId: 'link_to_itself' } });
  return ctx.db.transaction(async (tx) => {
    const viewer = await loadViewer(ctx, tx);
    await requireVisibleRecord(tx, viewer, input.fromType, input.fromId);
    const authority = await linkAuthority(tx, viewer, input);
    if (input.toType !== 'community') {
      try {
        await requireVisibleRecord(tx, viewer, input.toType, input.toId);
      } catch (error) {
        if (error instanceof AppError && error.code === 'not_found') throw new AppError('validation_failed', { fields: { toId: 'record_unknown' } });
        throw error;
      }
    }
    const row = await common.insertLink(tx, { ...input, note: input.note ?? '', since: input.since ?? null, createdBy: viewer.userId });
    if (!row) throw new AppError('duplicate_record', { fields: { role: 'link_exists' } });
    const names = await common.namesOf(tx, [
      { type: row.fromType as LinkTargetType, id: row.fromId },
      { type: row.toType as LinkTargetType, id: row.toId },
    ]);
    const link = toLink(row, names)!;
    await recordAudit(tx, ctx, {
      communityId: auditCommunity(authority),
      action: 'link.created',
      entityType: 'directory_link',
      entityId: row.id,
      entityLabel: label(link),
      before: null,
      after: { fromType: row.fromType, fromId: row.fromId, role: row.role, toType: row.toType, toId: row.toId, note: row.note, since: row.since },
    });
    await refreshSearchDocuments(tx, input.fromType, [input.fromId]);
    return link;
  });
}

export async function deleteLink(ctx: RequestContext, linkId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const viewer = await loadViewer(ctx, tx);
    const row = await common.findLink(tx, linkId);
    if (!row) throw new AppError('not_found');
    const fromType = row.fromType as EntityType;
    // A link into a project one may not see is not found either.
    await requireVisibleRecord(tx, viewer, fromType, row.fromId);
    if (row.toType === 'project') await requireVisibleRecord(tx, viewer, 'project', row.toId);
    const authority = await linkAuthority(tx, viewer, { fromType, fromId: row.fromId, role: row.role, toType: row.toType as LinkTargetType, toId: row.toId });
    const names = await common.namesOf(tx, [
      { type: fromType, id: row.fromId },
      { type: row.toType as LinkTargetType, id: row.toId },
    ]);
    const link = toLink(row, names);
    await common.deleteLink(tx, linkId);
    await recordAudit(tx, ctx, {
      communityId: auditCommunity(authority),
      action: 'link.deleted',
      entityType: 'directory_link',
      entityId: row.id,
      entityLabel: link ? label(link) : row.role,
      before: { fromType: row.fromType, fromId: row.fromId, role: row.role, toType: row.toType, toId: row.toId, note: row.note, since: row.since },
      after: null,
    });
    await refreshSearchDocuments(tx, fromType, [row.fromId]);
  });
}
