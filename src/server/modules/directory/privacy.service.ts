/**
 * A person's rights under China's Personal Information Protection Law: to get everything stored
 * about them, and to have it erased. Both are for the person themself (through their account),
 * the admins of the community that holds the record, and platform admins.
 */
import type { RequestContext } from '../../http/context';
import { recordAudit } from '../audit/record';
import * as common from './common.queries';
import * as q from './people.queries';
import { removeFromTeams } from './projects.queries';
import { removePersonData, requirePerson, requirePersonDeleter } from './people.service';
import { auditCommunity, loadViewer } from './viewer';

/**
 * Everything stored about the person. Communities' private notes and annotations on them are
 * included in full for the person and for platform admins; a community admin asking on the
 * person's behalf gets their own community's only, since no community sees another's notes.
 */
export async function exportPerson(ctx: RequestContext, personId: string) {
  return ctx.db.transaction(async (tx) => {
    const viewer = await loadViewer(ctx, tx);
    const person = await requirePerson(tx, personId);
    const authority = requirePersonDeleter(viewer, person);
    const scope = authority.via === 'community' ? authority.communityId : null;
    const notes = await q.notesOnPerson(tx, personId, scope);
    const annotations = await q.annotationsOnPerson(tx, personId, scope);
    const links = await common.listLinksOf(tx, 'person', personId);
    const audit = await q.auditAboutPerson(tx, personId);
    await recordAudit(tx, ctx, {
      communityId: auditCommunity(authority),
      action: 'person.exported',
      entityType: 'person',
      entityId: personId,
      entityLabel: person.nameZh,
      before: null,
      after: null,
    });
    const { createdBy: _b, ...record } = person;
    return {
      exportedAt: new Date().toISOString(),
      person: record,
      affiliations: await q.affiliationsOfPerson(tx, personId),
      links: links.map(({ createdBy: _c, ...l }) => l),
      communityNotes: notes.map(({ note, authorName }) => ({
        communityId: note.communityId,
        body: note.body,
        author: authorName,
        createdAt: note.createdAt,
        updatedAt: note.updatedAt,
      })),
      communityAnnotations: annotations.map((a) => ({ communityId: a.communityId, tags: a.tags, rating: a.rating, updatedAt: a.updatedAt })),
      auditEntries: audit.map((e) => ({ at: e.at, action: e.action, communityId: e.communityId, changes: e.changes })),
    };
  });
}

/**
 * Erases the person: the record, affiliations, links, every community's notes and annotations
 * on them, the search row. Audit entries about them keep what happened and when, with every
 * recorded value replaced; one more entry says the erasure happened, naming no one.
 */
export async function erasePerson(ctx: RequestContext, personId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const viewer = await loadViewer(ctx, tx);
    const person = await requirePerson(tx, personId);
    const authority = requirePersonDeleter(viewer, person);
    const removed = await removePersonData(tx, person);
    await common.redactAudit(tx, [personId, ...removed.noteIds, ...removed.linkIds]);
    // Project teams name people too: the person leaves them, and the teams' history is redacted.
    const projects = await removeFromTeams(tx, personId);
    await common.redactAuditField(tx, projects.map((p) => p.id), 'team');
    for (const project of projects) {
      await recordAudit(tx, ctx, {
        communityId: auditCommunity(authority),
        action: 'project.team_member_erased',
        entityType: 'project',
        entityId: project.id,
        entityLabel: project.nameZh,
        before: null,
        after: null,
      });
    }
    await recordAudit(tx, ctx, {
      communityId: auditCommunity(authority),
      action: 'person.erased',
      entityType: 'person',
      entityId: personId,
      entityLabel: null,
      before: null,
      after: null,
    });
  });
}
