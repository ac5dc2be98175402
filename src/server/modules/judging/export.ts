import ExcelJS from 'exceljs';
import type { Locale } from '../../../domain/locales';
import { sheetTotal } from '../../../domain/events/scoring';
import type { Normalisation } from '../../../domain/events/vocabularies';
import { CATALOGUES } from '../../../web/i18n/catalogue';
import type { RequestContext } from '../../http/context';
import { contentDisposition } from '../directory/uploads';
import { findCommunity } from '../communities/queries';
import { loadRanking, rankingRows } from './results.service';
import { conflictNames, toRecusal } from './round-state';
import { requireJudgingEvent, requireRound } from './rounds.service';

/**
 * A round's scores as .xlsx, headers in the request language: the ranking (rank with the tie
 * mark, project, organisation, raw mean and the normalised score, judges counted, spread,
 * award), every sheet (judge, application, each criterion, total, comment, when submitted,
 * in the community's time zone) and the recusals with their reasons. A round holds at most a
 * few hundred entries, so the workbook is built in memory and sent whole.
 */

type Texts = Record<string, string>;

function texts(locale: Locale): { export: Texts; normalisations: Texts; sources: Texts; unranked: Texts; conflictKinds: Texts } {
  return (CATALOGUES[locale] as unknown as { judging: { export: Texts; normalisations: Texts; sources: Texts; unranked: Texts; conflictKinds: Texts } }).judging;
}

function when(date: Date | null, timeZone: string): string {
  // sv-SE formats as YYYY-MM-DD HH:mm:ss.
  return date ? new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(date) : '';
}

export async function exportScores(ctx: RequestContext, communityId: string, eventId: string, roundId: string) {
  const event = await requireJudgingEvent(ctx, communityId, eventId);
  const round = await requireRound(ctx.db, eventId, roundId);
  const community = (await findCommunity(ctx.db, communityId))!;
  const timeZone = community.timeZone || 'Asia/Shanghai';
  const { loaded } = await loadRanking(ctx.db, event, round);
  const locale = ctx.locale;
  const t = texts(locale);
  const x = t.export;
  const normalisation = event.normalisation as Normalisation;
  const raw = new Map(rankingRows(loaded, 'raw_mean').map((r) => [r.applicationId, r]));
  const names = new Map(loaded.entries.map((e) => [e.applicationId, e]));
  const judges = new Map(loaded.judges.map((j) => [j.userId, j.displayName]));

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'BioBridge';
  const ranking = workbook.addWorksheet(x.rankingSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ranking.columns = [
    { header: x.colRank, key: 'rank', width: 8 },
    { header: x.colTied, key: 'tied', width: 8 },
    { header: x.colProject, key: 'project', width: 36 },
    { header: x.colOrganisation, key: 'organisation', width: 32 },
    { header: x.colRawMean, key: 'raw', width: 12, style: { numFmt: '0.000' } },
    { header: `${x.colScore} (${t.normalisations[normalisation]})`, key: 'score', width: 18, style: { numFmt: '0.000' } },
    { header: x.colJudges, key: 'judges', width: 10 },
    { header: x.colSpread, key: 'spread', width: 10, style: { numFmt: '0.00' } },
    { header: x.colAward, key: 'award', width: 18 },
    { header: x.colAdvanced, key: 'advanced', width: 10 },
    { header: x.colNote, key: 'note', width: 24 },
  ];
  ranking.getRow(1).font = { bold: true };
  for (const r of rankingRows(loaded, normalisation)) {
    ranking.addRow({
      rank: r.rank ?? '',
      tied: r.tied ? x.tieMark : '',
      project: r.projectName,
      organisation: r.organisationName,
      raw: raw.get(r.applicationId)?.rawMean ?? null,
      score: r.score,
      judges: r.judgesCounted,
      spread: r.spread,
      award: r.award,
      advanced: r.advanced ? x.yes : '',
      note: r.unrankedReason ? t.unranked[r.unrankedReason] : '',
    });
  }

  const scores = workbook.addWorksheet(x.scoresSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  scores.columns = [
    { header: x.colJudge, key: 'judge', width: 18 },
    { header: x.colProject, key: 'project', width: 36 },
    ...loaded.criteria.map((c) => ({ header: `${c.name} (${c.weight})`, key: `c_${c.id}`, width: 14 })),
    { header: x.colTotal, key: 'total', width: 10, style: { numFmt: '0.000' } },
    { header: x.colComment, key: 'comment', width: 48 },
    { header: x.colSubmittedAt, key: 'submittedAt', width: 18 },
  ];
  scores.getRow(1).font = { bold: true };
  const entryOrder = new Map(loaded.entries.map((e, i) => [e.applicationId, i]));
  const judgeOrder = new Map(loaded.judges.map((j, i) => [j.userId, i]));
  const sheets = loaded.sheets
    .filter((s) => entryOrder.has(s.applicationId))
    .sort((a, b) => (judgeOrder.get(a.judgeUserId) ?? 1e9) - (judgeOrder.get(b.judgeUserId) ?? 1e9) || entryOrder.get(a.applicationId)! - entryOrder.get(b.applicationId)!);
  for (const s of sheets) {
    scores.addRow({
      judge: judges.get(s.judgeUserId) ?? x.formerJudge,
      project: names.get(s.applicationId)?.projectName ?? '',
      ...Object.fromEntries(loaded.criteria.map((c) => [`c_${c.id}`, s.scores[c.id] ?? null])),
      total: sheetTotal(loaded.criteria, s.scores),
      comment: s.comment,
      submittedAt: s.submittedAt ? when(s.submittedAt, timeZone) : x.draft,
    });
  }

  const recusals = workbook.addWorksheet(x.recusalsSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  recusals.columns = [
    { header: x.colJudge, key: 'judge', width: 18 },
    { header: x.colProject, key: 'project', width: 36 },
    { header: x.colSource, key: 'source', width: 14 },
    { header: x.colReason, key: 'reason', width: 60 },
    { header: x.colCreatedAt, key: 'createdAt', width: 18 },
  ];
  recusals.getRow(1).font = { bold: true };
  const conflictNamesFound = await conflictNames(ctx.db, loaded.recusals);
  for (const row of loaded.recusals) {
    const r = toRecusal(row, conflictNamesFound, locale);
    const reason = r.source === 'affiliation' ? r.conflicts.map((c) => `${t.conflictKinds[c.kind]}: ${c.organisationName}${c.role ? ` (${c.role})` : ''}${c.targetName ? ` → ${c.targetName}` : ''}`).join('; ') : r.reason;
    recusals.addRow({ judge: r.judgeName, project: names.get(r.applicationId)?.projectName ?? '', source: t.sources[r.source], reason, createdAt: when(row.createdAt, timeZone) });
  }

  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const filename = `${x.filename}-${round.name}.xlsx`;
  return { buffer, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', disposition: contentDisposition('attachment', filename) };
}
