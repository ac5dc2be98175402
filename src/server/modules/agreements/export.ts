import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { fenToWanNumber } from '../../../domain/lifecycle/agreement-totals';
import type { Locale } from '../../../domain/locales';
import type { Agreement, AgreementTotalsReply, exportQuery } from '../../../shared/schemas/agreements';
import { CATALOGUES } from '../../../web/i18n/catalogue';
import type { RequestContext } from '../../http/context';
import { requireCommunityAccess } from '../communities/access';
import { contentDisposition } from '../directory/uploads';
import { loadViewer } from '../directory/viewer';
import * as q from './queries';
import { computeTotals, hydrate } from './service';

/**
 * The agreements of a period as .xlsx: a summary sheet (the totals, the period, the community,
 * when it was generated in the community's time zone) and a list sheet, one row per agreement,
 * amounts in 万元 as numbers. Streamed with exceljs's WorkbookWriter, the list read a batch at
 * a time by keyset, so a large community never sits in memory. The list holds the agreements
 * the totals count (terminated ones only when asked for by status).
 */

const BATCH = 500;

type Texts = {
  kinds: Record<string, string>;
  statuses: Record<string, string>;
  roles: Record<string, string>;
  export: Record<string, string>;
};

function texts(locale: Locale): Texts {
  return (CATALOGUES[locale] as unknown as { agreements: Texts }).agreements;
}

function name(locale: Locale, ref: { nameZh: string; nameEn: string | null }): string {
  return locale === 'en' && ref.nameEn ? ref.nameEn : ref.nameZh;
}

function segmentName(locale: Locale, b: AgreementTotalsReply['bySegment'][number], t: Texts): string {
  if (!b.segment) return t.export.noSegment ?? '';
  if (locale === 'en') return b.nameEn ?? b.segment;
  return (locale === 'zh-TW' ? b.nameZhHant : b.nameZhHans) ?? b.segment;
}

function generatedAt(timeZone: string): string {
  // sv-SE formats as YYYY-MM-DD HH:mm:ss.
  return `${new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium' }).format(new Date())} (${timeZone})`;
}

export interface Download {
  filename: string;
  contentType: string;
  disposition: string;
  stream: Readable;
}

export async function exportAgreements(ctx: RequestContext, communityId: string, query: z.output<typeof exportQuery>): Promise<Download> {
  const access = await requireCommunityAccess(ctx, communityId, 'agreements.read');
  // Everything that can be refused is asked before the first byte goes out.
  const totals = await computeTotals(ctx.db, communityId, query);
  const viewer = await loadViewer(ctx);
  const locale = ctx.locale;
  const t = texts(locale);
  const community = access.community;
  const communityName = locale === 'en' ? community.nameEn : locale === 'zh-TW' ? community.nameZhHant : community.nameZhHans;
  const filename = `${t.export.filename}-${query.from ?? 'all'}-${query.to ?? 'all'}.xlsx`;
  const out = new PassThrough();

  async function* agreements(): AsyncGenerator<Agreement> {
    let after: { signedOn: string; id: string } | undefined;
    for (;;) {
      const rows = await q.listAgreements(ctx.db, communityId, { from: query.from, to: query.to, statuses: totals.statuses }, { limit: BATCH, after });
      for (const a of await hydrate(ctx.db, viewer, rows)) yield a;
      if (rows.length < BATCH) return;
      const last = rows[rows.length - 1]!;
      after = { signedOn: last.signedOn, id: last.id };
    }
  }

  const write = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const summary = workbook.addWorksheet(t.export.summarySheet);
    summary.columns = [
      { key: 'a', width: 28 },
      { key: 'b', width: 16 },
      { key: 'c', width: 16 },
      { key: 'd', width: 18 },
    ];
    const line = (cells: (string | number | null | undefined)[], bold = false) => {
      const row = summary.addRow(cells.map((c) => c ?? ''));
      if (bold) row.font = { bold: true };
      row.commit();
    };
    const period = `${query.from ?? '…'} – ${query.to ?? '…'}`;
    line([t.export.community, communityName], true);
    line([t.export.period, period]);
    line([t.export.statuses, totals.statuses.map((s) => t.statuses[s]).join(', ')]);
    line([t.export.generatedAt, generatedAt(community.timeZone || 'Asia/Shanghai')]);
    line([]);
    line([t.export.agreementCount, totals.count]);
    line([t.export.projectCount, totals.projectCount]);
    line([t.export.amountWan, fenToWanNumber(totals.amountFen)]);
    line([t.export.withoutAmount, totals.withoutAmount]);
    const table = (title: string | undefined, rows: { label: string; count: number; projectCount: number; amountFen: number }[]) => {
      line([]);
      line([title, t.export.agreementCount, t.export.projectCount, t.export.amountWan], true);
      for (const r of rows) line([r.label, r.count, r.projectCount, fenToWanNumber(r.amountFen)]);
    };
    table(t.export.byKind, totals.byKind.map((b) => ({ ...b, label: t.kinds[b.kind] ?? b.kind })));
    table(t.export.bySegment, totals.bySegment.map((b) => ({ ...b, label: segmentName(locale, b, t) })));
    table(t.export.byMonth, totals.byMonth.map((b) => ({ ...b, label: b.month })));
    summary.commit();

    const list = workbook.addWorksheet(t.export.listSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    list.columns = [
      { header: t.export.colSignedOn, key: 'signedOn', width: 12, style: { numFmt: 'yyyy-mm-dd' } },
      { header: t.export.colTitle, key: 'title', width: 40 },
      { header: t.export.colKind, key: 'kind', width: 12 },
      { header: t.export.colStatus, key: 'status', width: 10 },
      { header: t.export.colAmountWan, key: 'amount', width: 14, style: { numFmt: '#,##0.00' } },
      { header: t.export.colParties, key: 'parties', width: 60 },
      { header: t.export.colProject, key: 'project', width: 30 },
      { header: t.export.colSegment, key: 'segment', width: 14 },
      { header: t.export.colPlace, key: 'place', width: 20 },
      { header: t.export.colNote, key: 'note', width: 40 },
    ];
    list.getRow(1).font = { bold: true };
    list.getRow(1).commit();
    const segmentNames = new Map(totals.bySegment.map((b) => [b.segment, segmentName(locale, b, t)]));
    for await (const a of agreements()) {
      list
        .addRow({
          signedOn: new Date(`${a.signedOn}T00:00:00Z`),
          title: a.title,
          kind: t.kinds[a.kind],
          status: t.statuses[a.status],
          amount: a.amountFen === null ? null : fenToWanNumber(a.amountFen),
          parties: a.parties.map((p) => (locale === 'en' ? `${name(locale, p.organisation)} (${t.roles[p.role]})` : `${name(locale, p.organisation)}（${t.roles[p.role]}）`)).join(locale === 'en' ? '; ' : '；'),
          project: a.project ? name(locale, a.project) : '',
          segment: a.segment ? (segmentNames.get(a.segment) ?? a.segment) : '',
          place: a.signedPlace,
          note: a.note,
        })
        .commit();
    }
    list.commit();
    await workbook.commit();
  };
  // A failure half-way cannot become an error reply any more (the headers are sent): the download is cut off.
  write().catch((error: Error) => out.destroy(error));
  return {
    filename,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    disposition: contentDisposition('attachment', filename),
    stream: out,
  };
}
