import { canSeeProject, type ProjectFacts, type Viewer } from '../../../domain/directory-access';
import type { Confidentiality } from '../../../domain/directory';
import type { Executor } from '../../db/client';
import { AppError } from '../../http/errors';
import { findProject, namedInvestorIds, type ProjectRow } from './projects.queries';

export function factsOf(row: ProjectRow, namedInvestors: readonly string[]): ProjectFacts {
  return {
    communityId: row.communityId,
    ownerOrganisationId: row.ownerOrganisationId,
    confidentiality: row.confidentiality as Confidentiality,
    namedInvestorIds: namedInvestors,
  };
}

/** The projects among `rows` the viewer may see, in their order. */
export async function visibleProjects(db: Executor, viewer: Viewer, rows: ProjectRow[]): Promise<ProjectRow[]> {
  const named = await namedInvestorIds(
    db,
    rows.filter((r) => r.confidentiality === 'named_investors').map((r) => r.id),
  );
  return rows.filter((r) => canSeeProject(viewer, factsOf(r, named.get(r.id) ?? [])));
}

/**
 * A project the viewer may see, with its facts. A project they may not see answers not_found,
 * exactly like one that does not exist: its existence is itself confidential.
 */
export async function requireVisibleProject(db: Executor, viewer: Viewer, projectId: string) {
  const row = await findProject(db, projectId);
  if (!row) throw new AppError('not_found');
  const named = (await namedInvestorIds(db, [row.id])).get(row.id) ?? [];
  const facts = factsOf(row, named);
  if (!canSeeProject(viewer, facts)) throw new AppError('not_found');
  return { row, facts };
}
