import { inspectCsv, readCsvRows, type CsvLayout } from './csv-reader';
import { sniffFormat } from './sniff';
import { DEFAULT_LIMITS, UnreadableFileError, type SheetLimits } from './unreadable';
import { readXlsxRows, type SheetRow } from './xlsx-reader';
import { inspectXlsx, type XlsxLayout } from './zip-guard';

/**
 * A spreadsheet as the import sees it: a header row and data rows of text cells, whatever the
 * file format. `inspectSheet` runs the checks that need no parsing (type by content, zip
 * guard, encoding); `readTable` streams the rows.
 */
export type SheetLayout = { format: 'xlsx'; xlsx: XlsxLayout } | { format: 'csv'; csv: CsvLayout };

export async function inspectSheet(path: string, head: Buffer, size: number, limits: SheetLimits = DEFAULT_LIMITS): Promise<SheetLayout> {
  const format = sniffFormat(head, size);
  if (format === 'xlsx') return { format, xlsx: await inspectXlsx(path, limits) };
  if (format === 'csv') return { format, csv: await inspectCsv(path) };
  throw new UnreadableFileError(format);
}

function rowsOf(path: string, layout: SheetLayout): AsyncGenerator<SheetRow> {
  return layout.format === 'xlsx' ? readXlsxRows(path, layout.xlsx) : readCsvRows(path, layout.csv);
}

const clean = (cell: string | undefined) => (cell ?? '').replace(/\s+/g, ' ').trim();
const isBlank = (cells: readonly string[]) => cells.every((c) => !c || !c.trim());

function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Header texts made unique and non-empty: a blank header is named by its column letter, a repeated one numbered. */
export function headerNames(cells: readonly string[]): string[] {
  let width = cells.length;
  while (width > 0 && !clean(cells[width - 1])) width--;
  const seen = new Map<string, number>();
  return Array.from({ length: width }, (_, i) => {
    const text = clean(cells[i]) || `[${columnLetter(i)}]`;
    const n = (seen.get(text) ?? 0) + 1;
    seen.set(text, n);
    return n === 1 ? text : `${text} (${n})`;
  });
}

/** One data row: its number, and its cells aligned to the headers (null for blank). */
export interface TableRow {
  row: number;
  cells: (string | null)[];
  empty: boolean;
}

export interface Table {
  headers: string[];
  rows: AsyncGenerator<TableRow>;
}

/**
 * The header row is the first non-empty row, except that a title row above it (one value,
 * often merged across the columns: "2024年园区企业名录") is passed over when the next row has
 * several values. Rows after it are data; blank rows between data rows are reported as empty. Too many rows or
 * columns, or a monstrous cell, stop the reading.
 */
export async function readTable(path: string, layout: SheetLayout, limits: SheetLimits = DEFAULT_LIMITS): Promise<Table> {
  const source = rowsOf(path, layout);
  const nonEmpty = async (): Promise<SheetRow | null> => {
    for (;;) {
      const next = await source.next();
      if (next.done) return null;
      if (!isBlank(next.value.cells)) return next.value;
    }
  };
  let header = await nonEmpty();
  if (!header) {
    await source.return(undefined);
    throw new UnreadableFileError('no_header');
  }
  let pending: SheetRow | null = null;
  const distinct = new Set(header.cells.map(clean).filter(Boolean));
  if (distinct.size === 1) {
    const next = await nonEmpty();
    if (next && next.cells.filter((c) => clean(c)).length >= 2) header = next;
    else pending = next;
  }
  const headers = headerNames(header.cells);
  if (headers.length > limits.maxColumns) {
    await source.return(undefined);
    throw new UnreadableFileError('too_many_columns', { max: limits.maxColumns });
  }
  const headerRow = header.row;

  async function* rows(): AsyncGenerator<TableRow> {
    let count = 0;
    const blanks: number[] = [];
    let previous = headerRow;
    try {
      const all = pending ? [pending] : [];
      for (;;) {
        const item = all.shift() ?? (await source.next()).value;
        if (!item) return;
        if (item.row <= headerRow) continue;
        // Rows a workbook leaves out of its XML are blank rows too.
        for (let gap = Math.max(previous, headerRow) + 1; gap < item.row && blanks.length < limits.maxDataRows; gap++) blanks.push(gap);
        previous = item.row;
        const cells = headers.map((_, i) => {
          const value = item.cells[i];
          if (value && value.length > limits.maxCellChars) throw new UnreadableFileError('cell_too_long', { row: item.row, max: limits.maxCellChars });
          const trimmed = value?.trim();
          return trimmed ? trimmed : null;
        });
        if (cells.every((c) => c === null)) {
          // Blank rows count only when data follows them: trailing formatted-but-empty rows vanish.
          if (blanks.length >= limits.maxDataRows) throw new UnreadableFileError('too_many_rows', { max: limits.maxDataRows });
          blanks.push(item.row);
          continue;
        }
        for (const blank of blanks) yield { row: blank, cells: headers.map(() => null), empty: true };
        blanks.length = 0;
        if (++count > limits.maxDataRows) throw new UnreadableFileError('too_many_rows', { max: limits.maxDataRows });
        yield { row: item.row, cells, empty: false };
      }
    } finally {
      await source.return(undefined);
    }
  }
  return { headers, rows: rows() };
}

/** Reads a whole file once: its headers and how many data rows it has (what the upload checks). */
export async function surveyTable(path: string, layout: SheetLayout, limits: SheetLimits = DEFAULT_LIMITS): Promise<{ headers: string[]; dataRows: number }> {
  const table = await readTable(path, layout, limits);
  let dataRows = 0;
  for await (const row of table.rows) if (!row.empty) dataRows++;
  if (dataRows === 0) throw new UnreadableFileError('no_rows');
  return { headers: table.headers, dataRows };
}
