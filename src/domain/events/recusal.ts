/**
 * Conflicts of interest between a judge and an application, from directory facts: the judge's
 * organisations (current affiliations of the judge's directory person, and the organisations
 * the judge's account represents) against the application's organisations (the applicant
 * organisation and the owner of its project), and investment links from the judge's
 * organisations to the project or its owner. Every conflict says which link caused it, so the
 * judging console can explain the recusal. Pure; property tests in recusal.test.ts.
 */

export interface JudgeTies {
  /** Current affiliations of the judge's directory person (past ones do not conflict). */
  affiliations: readonly { organisationId: string; role: string }[];
  /** Organisations the judge's account speaks for. */
  representativeOf: readonly string[];
}

export interface ApplicationTies {
  organisationId: string | null;
  projectId: string | null;
  projectOwnerOrganisationId: string | null;
}

/** A directory link "organisation investor_of organisation|project". */
export interface InvestorLink {
  fromOrganisationId: string;
  toType: 'organisation' | 'project';
  toId: string;
}

/** What the application side of a conflict is: the applicant organisation, or the project's owner. */
export type ApplicationSide = 'applicant' | 'project_owner';

export type Conflict =
  | { kind: 'affiliation'; organisationId: string; role: string; side: ApplicationSide }
  | { kind: 'representative'; organisationId: string; side: ApplicationSide }
  | { kind: 'investor'; investorOrganisationId: string; target: 'project' | 'applicant' | 'project_owner'; targetId: string };

function sidesOf(application: ApplicationTies): Map<string, ApplicationSide[]> {
  const sides = new Map<string, ApplicationSide[]>();
  const add = (id: string | null, side: ApplicationSide) => {
    if (id) sides.set(id, [...(sides.get(id) ?? []), side]);
  };
  add(application.organisationId, 'applicant');
  add(application.projectOwnerOrganisationId, 'project_owner');
  return sides;
}

/** Every reason the judge must recuse from the application; empty when there is none. */
export function findConflicts(judge: JudgeTies, application: ApplicationTies, investorLinks: readonly InvestorLink[]): Conflict[] {
  const conflicts: Conflict[] = [];
  const sides = sidesOf(application);
  const seen = new Set<string>();
  const push = (key: string, conflict: Conflict) => {
    if (seen.has(key)) return;
    seen.add(key);
    conflicts.push(conflict);
  };
  for (const a of judge.affiliations) {
    for (const side of sides.get(a.organisationId) ?? []) push(`aff|${a.organisationId}|${a.role}|${side}`, { kind: 'affiliation', organisationId: a.organisationId, role: a.role, side });
  }
  for (const organisationId of judge.representativeOf) {
    for (const side of sides.get(organisationId) ?? []) push(`rep|${organisationId}|${side}`, { kind: 'representative', organisationId, side });
  }
  const judgeOrganisations = new Set([...judge.affiliations.map((a) => a.organisationId), ...judge.representativeOf]);
  for (const link of investorLinks) {
    if (!judgeOrganisations.has(link.fromOrganisationId)) continue;
    if (link.toType === 'project' && application.projectId && link.toId === application.projectId) {
      push(`inv|${link.fromOrganisationId}|project|${link.toId}`, { kind: 'investor', investorOrganisationId: link.fromOrganisationId, target: 'project', targetId: link.toId });
    }
    if (link.toType === 'organisation') {
      for (const side of sides.get(link.toId) ?? []) {
        push(`inv|${link.fromOrganisationId}|${side}|${link.toId}`, { kind: 'investor', investorOrganisationId: link.fromOrganisationId, target: side, targetId: link.toId });
      }
    }
  }
  return conflicts;
}

/** The organisations a conflict names (for looking up their names to explain it). */
export function organisationsOf(conflict: Conflict): string[] {
  if (conflict.kind === 'investor') return conflict.target === 'project' ? [conflict.investorOrganisationId] : [conflict.investorOrganisationId, conflict.targetId];
  return [conflict.organisationId];
}
