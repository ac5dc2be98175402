import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { MergeRange, XlsxLayout } from './zip-guard';

/**
 * The rows of an .xlsx's first worksheet as plain text cells, streamed (exceljs's streaming
 * reader: the workbook is never whole in memory). Formulas give their cached result, rich
 * text is flattened, hyperlinks give their text, date cells become YYYY-MM-DD, and a merged
 * range repeats its top-left value in every cell it covers.
 */
export interface SheetRow {
  /** 1-based row number as the spreadsheet shows it. */
  row: number;
  cells: string[];
}

function isoDay(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** A cell's value as the text a person sees in it. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return isoDay(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('text' in v) return cellText(v.text);
    if ('error' in v) return '';
  }
  return '';
}

/** Fills merged ranges with their top-left value, row by row, in reading order. */
class MergeFiller {
  private readonly byTop = new Map<number, MergeRange[]>();
  private active: { range: MergeRange; value: string }[] = [];

  constructor(ranges: readonly MergeRange[]) {
    for (const r of ranges) {
      const list = this.byTop.get(r.top) ?? [];
      list.push(r);
      this.byTop.set(r.top, list);
    }
  }

  /** Rows the reader skipped (no XML for them) may still lie inside a merge: those are produced here. */
  rowsBetween(after: number, before: number): SheetRow[] {
    const out: SheetRow[] = [];
    for (let r = after + 1; r < before; r++) {
      const cells = this.apply(r, []);
      if (cells.length) out.push({ row: r, cells });
    }
    return out;
  }

  apply(row: number, cells: string[]): string[] {
    this.active = this.active.filter((a) => a.range.bottom >= row);
    for (const range of this.byTop.get(row) ?? []) this.active.push({ range, value: cells[range.left - 1] ?? '' });
    for (const { range, value } of this.active) {
      for (let c = range.left; c <= range.right; c++) cells[c - 1] = value;
    }
    return Array.from(cells, (c) => c ?? '');
  }
}

export async function* readXlsxRows(path: string, layout: XlsxLayout): AsyncGenerator<SheetRow> {
  const wanted = /sheet(\d+)\.xml$/.exec(layout.firstSheet)?.[1] ?? null;
  const input = fs.createReadStream(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  let sheetNo: string | null = null;
  (reader as unknown as EventEmitter).on('entry', (entry: { type: string; id?: string }) => {
    if (entry.type === 'worksheet') sheetNo = entry.id ?? null;
  });
  const merges = new MergeFiller(layout.merges);
  try {
    for await (const worksheet of reader) {
      const isFirst = wanted === null || sheetNo === wanted;
      let last = 0;
      for await (const row of worksheet) {
        if (!isFirst) continue; // another sheet: read through so the zip stream moves on
        const r = row as unknown as { number: number; values: unknown[] };
        yield* merges.rowsBetween(last, r.number);
        const cells: string[] = [];
        const values = r.values;
        for (let c = 1; c < values.length; c++) cells[c - 1] = cellText(values[c]);
        yield { row: r.number, cells: merges.apply(r.number, cells) };
        last = r.number;
      }
      if (isFirst) return;
    }
  } finally {
    input.destroy();
  }
}

