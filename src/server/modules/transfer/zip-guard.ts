import { posix } from 'node:path';
import yauzl from 'yauzl';
import { UnreadableFileError, type SheetLimits } from './unreadable';

/**
 * Looks inside an .xlsx before any parser does. From the central directory: too many
 * entries, too much uncompressed data, an absurd compression ratio (a zip bomb), or no
 * xl/workbook.xml (a zip that is not a workbook) are refused. Then every entry is inflated
 * once, counting bytes: yauzl stops an entry that inflates past its declared size, so a zip
 * that lies in its directory is caught too, before exceljs inflates anything.
 *
 * On the way it finds the first worksheet (workbook.xml and its relationships) and that
 * sheet's merged ranges, which sit after the rows in the sheet's XML where a streaming
 * reader would meet them too late.
 */
export interface XlsxLayout {
  /** Zip path of the first worksheet (xl/worksheets/sheet1.xml). */
  firstSheet: string;
  merges: MergeRange[];
}

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const SMALL_PART_LIMIT = 4 * 1024 * 1024;
const MAX_MERGES = 20_000;

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) reject(new UnreadableFileError('corrupt_zip'));
      else resolve(zip);
    });
  });
}

function listEntries(zip: yauzl.ZipFile, limits: SheetLimits): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    let total = 0;
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      total += entry.uncompressedSize;
      if (entries.length > limits.maxEntries) return reject(new UnreadableFileError('too_many_entries', { max: limits.maxEntries }));
      if (total > limits.maxUncompressedBytes) return reject(new UnreadableFileError('too_large_uncompressed', { maxMb: Math.round(limits.maxUncompressedBytes / 1048576) }));
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (entry.uncompressedSize >= limits.ratioCheckFromBytes && ratio > limits.maxRatio) return reject(new UnreadableFileError('zip_bomb'));
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', () => reject(new UnreadableFileError('corrupt_zip')));
    zip.readEntry();
  });
}

/** Inflates one entry, handing its text to `onText` in pieces; fails past `budget` bytes. */
function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: { left: number }, onText?: (text: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(new UnreadableFileError('corrupt_zip'));
      const decoder = new TextDecoder('utf-8');
      stream.on('data', (chunk: Buffer) => {
        budget.left -= chunk.length;
        if (budget.left < 0) {
          stream.destroy();
          return reject(new UnreadableFileError('zip_bomb'));
        }
        onText?.(decoder.decode(chunk, { stream: true }));
      });
      // yauzl reports an entry inflating past its declared size, or a broken deflate stream, here.
      stream.on('error', (e: Error) => reject(new UnreadableFileError(/too many bytes|exceeded/i.test(e.message) ? 'zip_bomb' : 'corrupt_zip')));
      stream.on('end', () => resolve());
    });
  });
}

const COLUMN = /^([A-Z]{1,3})(\d{1,7})$/;
export function decodeCell(ref: string): { row: number; col: number } | null {
  const m = COLUMN.exec(ref.toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

function mergeOf(ref: string): MergeRange | null {
  const [a, b] = ref.split(':');
  const from = a ? decodeCell(a) : null;
  const to = b ? decodeCell(b) : null;
  if (!from || !to) return null;
  return { top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) };
}

/** The first <sheet> of workbook.xml, through its relationship, as a zip path. */
function firstSheetPath(workbookXml: string, relsXml: string): string | null {
  const sheet = /<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]+)"/.exec(workbookXml) ?? /<(?:\w+:)?sheet\b[^>]*?\bid="([^"]+)"/.exec(workbookXml);
  if (!sheet) return null;
  for (const rel of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(rel[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(rel[0])?.[1];
    if (id === sheet[1] && target) return target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target));
  }
  return null;
}

export async function inspectXlsx(path: string, limits: SheetLimits): Promise<XlsxLayout> {
  const zip = await openZip(path);
  try {
    const entries = await listEntries(zip, limits);
    const byName = new Map(entries.map((e) => [e.fileName, e]));
    if (!byName.has('xl/workbook.xml')) throw new UnreadableFileError('not_xlsx');
    const budget = { left: limits.maxUncompressedBytes };
    const parts: Record<string, string> = {};
    const merges = new Map<string, MergeRange[]>();
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      const name = entry.fileName;
      if ((name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels') && entry.uncompressedSize <= SMALL_PART_LIMIT) {
        let text = '';
        await inflate(zip, entry, budget, (t) => (text += t));
        parts[name] = text;
      } else if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
        // Merged ranges: <mergeCell ref="A1:C1"/>, found in a sliding window over the text.
        const found: MergeRange[] = [];
        let tail = '';
        await inflate(zip, entry, budget, (t) => {
          const text = tail + t;
          let last = 0;
          for (const m of text.matchAll(/<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+\d+:[A-Z]+\d+)"[^>]*>/g)) {
            const range = mergeOf(m[1]!);
            if (range && found.length < MAX_MERGES) found.push(range);
            last = m.index + m[0].length;
          }
          tail = text.slice(Math.max(last, text.length - 200));
        });
        merges.set(name, found);
      } else {
        await inflate(zip, entry, budget);
      }
    }
    const first = firstSheetPath(parts['xl/workbook.xml'] ?? '', parts['xl/_rels/workbook.xml.rels'] ?? '');
    if (!first || !byName.has(first)) throw new UnreadableFileError('sheet_unsupported');
    return { firstSheet: first, merges: merges.get(first) ?? [] };
  } finally {
    zip.close();
  }
}
