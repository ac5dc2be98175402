import { canSeeProject, type ProjectFacts, type Viewer } from '../../../domain/directory-access';
import type { Confidentiality } from '../../../domain/directory';
import type { Executor } from '../../db/client';
import { AppError } from '../../http/errors';
import { findProject, projectSharing, type ProjectRow } from './projects.queries';

export function factsOf(row: ProjectRow, namedInvestors: readonly string[], referredTo: readonly string[] = []): ProjectFacts {
  return {
    communityId: row.communityId,
    ownerOrganisationId: row.ownerOrganisationId,
    confidentiality: row.confidentiality as Confidentiality,
    namedInvestorIds: namedInvestors,
    referredToCommunityIds: referredTo,
  };
}

/** The projects among `rows` the viewer may see, in their order. */
export async function visibleProjects(db: Executor, viewer: Viewer, rows: ProjectRow[]): Promise<ProjectRow[]> {
  // Public projects need no sharing facts; the others need their named investors and referrals.
  const sharing = await projectSharing(
    db,
    rows.filter((r) => r.confidentiality !== 'public').map((r) => r.id),
  );
  return rows.filter((r) => {
    const shared = sharing.get(r.id);
    return canSeeProject(viewer, factsOf(r, shared?.namedInvestorIds ?? [], shared?.referredToCommunityIds ?? []));
  });
}

/**
 * A project the viewer may see, with its facts. A project they may not see answers not_found,
 * exactly like one that does not exist: its existence is itself confidential.
 */
export async function requireVisibleProject(db: Executor, viewer: Viewer, projectId: string) {
  const row = await findProject(db, projectId);
  if (!row) throw new AppError('not_found');
  const shared = (await projectSharing(db, [row.id])).get(row.id);
  const facts = factsOf(row, shared?.namedInvestorIds ?? [], shared?.referredToCommunityIds ?? []);
  if (!canSeeProject(viewer, facts)) throw new AppError('not_found');
  return { row, facts };
}
