import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { Locale } from '../../../domain/locales';
import type { itemExportQuery, PipelineItem } from '../../../shared/schemas/pipelines';
import type { RequestContext } from '../../http/context';
import { contentDisposition } from '../directory/uploads';
import { listItems } from './service';
import * as q from './queries';
import { AppError } from '../../http/errors';
import { requireCommunityAccess } from '../communities/access';

/**
 * The table view of a pipeline as an .xlsx file: the same filters and sort as the list, every
 * matching row up to a cap, in the request's language. Projects the viewer may not see stay
 * blank, exactly as in the list.
 */

const MAX_ROWS = 10_000;

const HEADERS: Record<Locale, string[]> = {
  'zh-CN': ['标题', '阶段', '状态', '项目', '机构', '负责人', '预计投资(万元)', '预计面积(平方米)', '概率(%)', '下一步', '下一步日期', '进入阶段日期', '流失原因', '流失说明', '更新时间'],
  'zh-TW': ['標題', '階段', '狀態', '項目', '機構', '負責人', '預計投資(萬元)', '預計面積(平方公尺)', '機率(%)', '下一步', '下一步日期', '進入階段日期', '流失原因', '流失說明', '更新時間'],
  en: ['Title', 'Stage', 'Status', 'Project', 'Organisation', 'Owner', 'Expected investment (10k CNY)', 'Expected area (m²)', 'Probability (%)', 'Next action', 'Next action date', 'Entered stage', 'Loss reason', 'Loss note', 'Updated'],
};
const STATUS: Record<Locale, { open: string; lost: string }> = {
  'zh-CN': { open: '进行中', lost: '已流失' },
  'zh-TW': { open: '進行中', lost: '已流失' },
  en: { open: 'Open', lost: 'Lost' },
};
const SHEET: Record<Locale, string> = { 'zh-CN': '招商项目', 'zh-TW': '招商項目', en: 'Pipeline items' };

const day = (value: string | null) => (value ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : null);

export async function exportItems(ctx: RequestContext, communityId: string, pipelineId: string, query: z.output<typeof itemExportQuery>) {
  await requireCommunityAccess(ctx, communityId, 'pipeline.read');
  const pipeline = await q.findPipeline(ctx.db, communityId, pipelineId);
  if (!pipeline) throw new AppError('not_found');
  const stages = new Map((await q.stagesOf(ctx.db, [pipelineId])).map((s) => [s.id, s]));
  const items: PipelineItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await listItems(ctx, communityId, pipelineId, { ...query, limit: 200, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < MAX_ROWS);

  const locale = ctx.locale;
  const en = locale === 'en';
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET[locale], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = HEADERS[locale].map((header, i) => ({
    header,
    width: i === 0 || i === 3 || i === 4 || i === 9 ? 30 : 14,
    ...([10, 11, 14].includes(i) ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const item of items.slice(0, MAX_ROWS)) {
    const stage = stages.get(item.stageId);
    const name = (ref: { nameZh: string; nameEn: string | null } | null | undefined) => (ref ? (en && ref.nameEn ? ref.nameEn : ref.nameZh) : null);
    sheet.addRow([
      item.title,
      name(stage),
      item.lostReason ? STATUS[locale].lost : STATUS[locale].open,
      name(item.project),
      name(item.organisation),
      item.owner?.displayName ?? null,
      item.expectedInvestmentFen === null ? null : item.expectedInvestmentFen / 1_000_000,
      item.expectedAreaSqm,
      item.probability,
      item.nextAction || null,
      day(item.nextActionOn),
      day(item.stageEnteredAt),
      item.lostReason,
      item.lostNote || null,
      day(item.updatedAt),
    ]);
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const filename = `${pipeline.nameZh}.xlsx`;
  return {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    disposition: contentDisposition('attachment', filename),
    buffer,
  };
}
