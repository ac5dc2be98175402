/**
 * Loading a round with everything that hangs off it (criteria, entries, judges, recusals,
 * sheets) and turning it into the facts scoring works on, the progress matrix and the API's
 * views. Shared by the organiser's console, the judge's pages, publishing and the export.
 */
import { findConflicts, type Conflict as DomainConflict } from '../../../domain/events/recusal';
import { countedSheets, scoreRound, sheetTotal, weightShares, type EntryResult, type RoundFacts } from '../../../domain/events/scoring';
import type { Normalisation, RecusalSource, RoundKind, RoundStatus } from '../../../domain/events/vocabularies';
import type { CellState, Conflict, Criterion, Recusal, RoundSummary } from '../../../shared/schemas/judging';
import type { Executor, Tx } from '../../db/client';
import * as q from './queries';

export interface LoadedRound {
  round: q.RoundRow;
  criteria: q.CriterionRow[];
  entries: q.EntryRow[];
  judges: q.JudgeRow[];
  recusals: (q.RecusalRow & { judgeName: string })[];
  sheets: q.SheetRow[];
}

export async function loadRound(db: Executor, round: q.RoundRow, communityId: string): Promise<LoadedRound> {
  const [criteria, entries, judges, recusals, sheets] = await Promise.all([
    q.criteriaOf(db, round.id),
    q.entriesOf(db, round.id),
    q.judgesOf(db, round.id, communityId),
    q.recusalsOf(db, [round.id]),
    q.sheetsOf(db, [round.id]),
  ]);
  return { round, criteria, entries, judges, recusals, sheets };
}

export function factsOf(loaded: LoadedRound): RoundFacts {
  return {
    criteria: loaded.criteria.map((c) => ({ id: c.id, weight: c.weight })),
    applicationIds: loaded.entries.map((e) => e.applicationId),
    judgeIds: loaded.judges.map((j) => j.userId),
    sheets: loaded.sheets.map((s) => ({ judgeId: s.judgeUserId, applicationId: s.applicationId, scores: s.scores, submitted: s.submittedAt !== null })),
    recusals: loaded.recusals.map((r) => ({ judgeId: r.userId, applicationId: r.applicationId })),
  };
}

export function rank(loaded: LoadedRound, normalisation: Normalisation): EntryResult[] {
  return scoreRound(factsOf(loaded), normalisation);
}

/** A sheet's state as the judge and the matrix show it: submitted and complete, started, or nothing. */
export function sheetState(loaded: Pick<LoadedRound, 'criteria'>, sheet: q.SheetRow | undefined): 'submitted' | 'draft' | 'none' {
  if (!sheet) return 'none';
  const complete = sheetTotal(loaded.criteria, sheet.scores) !== null;
  return sheet.submittedAt && complete ? 'submitted' : 'draft';
}

export function cellState(loaded: LoadedRound, userId: string, applicationId: string): CellState {
  if (loaded.recusals.some((r) => r.userId === userId && r.applicationId === applicationId)) return 'recused';
  return sheetState(loaded, loaded.sheets.find((s) => s.judgeUserId === userId && s.applicationId === applicationId));
}

/** Submitted sheets that count, against judge × entry pairs less recusals. */
export function progressCounts(loaded: LoadedRound): { submitted: number; expected: number } {
  const judges = new Set(loaded.judges.map((j) => j.userId));
  const entries = new Set(loaded.entries.map((e) => e.applicationId));
  const recused = loaded.recusals.filter((r) => judges.has(r.userId) && entries.has(r.applicationId)).length;
  return { submitted: countedSheets(factsOf(loaded)).length, expected: judges.size * entries.size - recused };
}

export function toCriteria(rows: q.CriterionRow[]): Criterion[] {
  const shares = weightShares(rows);
  return rows.map((c) => ({ id: c.id, name: c.name, description: c.description, weight: c.weight, sharePercent: Math.round(shares.get(c.id)! * 10) / 10, position: c.position }));
}

export function toSummary(loaded: LoadedRound): RoundSummary {
  const { round } = loaded;
  const counts = progressCounts(loaded);
  return {
    id: round.id,
    eventId: round.eventId,
    kind: round.kind as RoundKind,
    name: round.name,
    position: round.position,
    status: round.status as RoundStatus,
    scoreMin: round.scoreMin,
    scoreMax: round.scoreMax,
    publishedAt: round.publishedAt?.toISOString() ?? null,
    version: round.version,
    createdAt: round.createdAt.toISOString(),
    entryCount: loaded.entries.length,
    judgeCount: loaded.judges.length,
    criteriaCount: loaded.criteria.length,
    submittedCount: counts.submitted,
    expectedCount: counts.expected,
  };
}

// ---------------------------------------------------------------- recusals

/** Affiliation recusals keep the conflicts found, as JSON in `reason`, so the console can explain them later. */
function storedConflicts(row: q.RecusalRow): DomainConflict[] {
  if (row.source !== 'affiliation') return [];
  try {
    const parsed: unknown = JSON.parse(row.reason);
    return Array.isArray(parsed) ? (parsed as DomainConflict[]) : [];
  } catch {
    return [];
  }
}

export type Names = Map<string, { nameZh: string; nameEn: string | null }>;

function nameOf(names: Names, id: string, locale: string): string {
  const n = names.get(id);
  if (!n) return '';
  return locale === 'en' && n.nameEn ? n.nameEn : n.nameZh;
}

/** The names every stored conflict of these recusals refers to. */
export async function conflictNames(db: Executor, rows: q.RecusalRow[]): Promise<{ organisations: Names; projects: Names }> {
  const orgIds = new Set<string>();
  const projectIds = new Set<string>();
  for (const row of rows) {
    for (const c of storedConflicts(row)) {
      if (c.kind === 'investor') {
        orgIds.add(c.investorOrganisationId);
        if (c.target === 'project') projectIds.add(c.targetId);
        else orgIds.add(c.targetId);
      } else orgIds.add(c.organisationId);
    }
  }
  const [organisations, projects] = await Promise.all([q.organisationNames(db, [...orgIds]), q.projectNames(db, [...projectIds])]);
  return { organisations, projects };
}

export function toConflicts(row: q.RecusalRow, names: { organisations: Names; projects: Names }, locale: string): Conflict[] {
  return storedConflicts(row).map((c) =>
    c.kind === 'investor'
      ? {
          kind: 'investor' as const,
          organisationId: c.investorOrganisationId,
          organisationName: nameOf(names.organisations, c.investorOrganisationId, locale),
          role: null,
          side: c.target,
          targetName: c.target === 'project' ? nameOf(names.projects, c.targetId, locale) : nameOf(names.organisations, c.targetId, locale),
        }
      : {
          kind: c.kind,
          organisationId: c.organisationId,
          organisationName: nameOf(names.organisations, c.organisationId, locale),
          role: c.kind === 'affiliation' ? c.role : null,
          side: c.side,
          targetName: null,
        },
  );
}

export function toRecusal(row: q.RecusalRow & { judgeName: string }, names: { organisations: Names; projects: Names }, locale: string): Recusal {
  return {
    userId: row.userId,
    judgeName: row.judgeName,
    applicationId: row.applicationId,
    source: row.source as RecusalSource,
    reason: row.source === 'affiliation' ? '' : row.reason,
    conflicts: toConflicts(row, names, locale),
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Finds conflicts of interest for the given judges × applications from the directory and
 * records each as an `affiliation` recusal. Called only for new pairs (a judge just assigned,
 * entries just added), so a recusal an organiser lifted stays lifted; a pair already recused
 * for another reason keeps it.
 */
export async function computeRecusals(tx: Tx, roundId: string, judgeIds: string[], applicationIds: string[]): Promise<q.RecusalRow[]> {
  if (judgeIds.length === 0 || applicationIds.length === 0) return [];
  const applications = await q.applicationTies(tx, applicationIds);
  const rows: { roundId: string; userId: string; applicationId: string; source: string; reason: string }[] = [];
  for (const userId of judgeIds) {
    const ties = await q.judgeTies(tx, userId);
    const orgIds = [...new Set([...ties.affiliations.map((a) => a.organisationId), ...ties.representativeOf])];
    if (orgIds.length === 0) continue;
    const links = await q.investorLinksFrom(tx, orgIds);
    for (const application of applications) {
      const conflicts = findConflicts(ties, application, links);
      if (conflicts.length) rows.push({ roundId, userId, applicationId: application.applicationId, source: 'affiliation', reason: JSON.stringify(conflicts) });
    }
  }
  return q.insertRecusals(tx, rows);
}
