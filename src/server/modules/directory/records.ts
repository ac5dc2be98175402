import type { Viewer } from '../../../domain/directory-access';
import type { EntityType, LinkTargetType } from '../../../domain/directory';
import type { Link } from '../../../shared/schemas/directory';
import type { Executor } from '../../db/client';
import { AppError } from '../../http/errors';
import { listLinksOf, namesOf } from './common.queries';
import { findOrganisation } from './organisations.queries';
import { findPerson } from './people.queries';
import { requireVisibleProject, visibleProjects } from './project-visibility';
import { findProject } from './projects.queries';
import { toLink } from './serialise';

/**
 * A record the viewer may know about, with its name (for audit labels). Organisations and
 * people are platform-wide; a project must also be visible to the viewer. Anything else is
 * not_found.
 */
export async function requireVisibleRecord(db: Executor, viewer: Viewer, type: EntityType, id: string): Promise<{ label: string }> {
  switch (type) {
    case 'organisation': {
      const row = await findOrganisation(db, id);
      if (!row) throw new AppError('not_found');
      return { label: row.nameZh };
    }
    case 'person': {
      const row = await findPerson(db, id);
      if (!row) throw new AppError('not_found');
      return { label: row.nameZh };
    }
    case 'project':
      return { label: (await requireVisibleProject(db, viewer, id)).row.nameZh };
  }
}

/**
 * The record's links, both directions, with both ends named. Links to projects the viewer may
 * not see are left out, so a confidential project does not surface through its links.
 */
export async function linksFor(db: Executor, viewer: Viewer, type: EntityType, id: string): Promise<Link[]> {
  const rows = await listLinksOf(db, type, id);
  const projectIds = new Set<string>();
  for (const r of rows) {
    if (r.fromType === 'project') projectIds.add(r.fromId);
    if (r.toType === 'project') projectIds.add(r.toId);
  }
  const projectRows = [];
  for (const pid of projectIds) {
    const row = await findProject(db, pid);
    if (row) projectRows.push(row);
  }
  const visible = new Set((await visibleProjects(db, viewer, projectRows)).map((p) => p.id));
  const shown = rows.filter((r) => (r.fromType !== 'project' || visible.has(r.fromId)) && (r.toType !== 'project' || visible.has(r.toId)));
  const names = await namesOf(
    db,
    shown.flatMap((r) => [
      { type: r.fromType as LinkTargetType, id: r.fromId },
      { type: r.toType as LinkTargetType, id: r.toId },
    ]),
  );
  return shown.map((r) => toLink(r, names)).filter((l): l is Link => l !== null);
}
