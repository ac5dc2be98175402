import crypto from 'node:crypto';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { creditCodeCheckChar, CREDIT_CODE_ALPHABET } from '../../../domain/credit-code';

/**
 * Spreadsheets and hostile files made in code for the import's tests and benchmark: no binary
 * fixtures in the repository.
 */

/** A valid unified social credit code (check character computed), different for each seed. */
export function creditCodeFor(seed: number): string {
  const digits = String(100000 + (seed % 900000)).padStart(6, '0');
  const alphabet = CREDIT_CODE_ALPHABET;
  let tail = '';
  for (let n = Math.floor(seed / 900000) * 7919 + seed, i = 0; i < 9; i++, n = Math.floor(n / 31)) tail += alphabet[n % 31];
  const first17 = `91${digits}${tail}`;
  return first17 + creditCodeCheckChar(first17)!;
}

/** A code whose check character is wrong. */
export function badCreditCode(seed: number): string {
  const good = creditCodeFor(seed);
  const wrong = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.indexOf(good[17]!) + 1) % 31]!;
  return good.slice(0, 17) + wrong;
}

export type Cell = string | number | Date | null | { formula: string; result?: unknown } | { richText: { text: string }[] } | { text: string; hyperlink: string };

export async function xlsxOf(rows: Cell[][], options: { merges?: string[] } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名录');
  rows.forEach((row, i) => {
    row.forEach((value, j) => {
      if (value !== null) sheet.getCell(i + 1, j + 1).value = value as ExcelJS.CellValue;
    });
  });
  for (const range of options.merges ?? []) sheet.mergeCells(range);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvText(rows: (string | number | null)[][]): string {
  const quote = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

export function csvOf(rows: (string | number | null)[][], encoding: 'utf8' | 'utf8bom' | 'gbk' = 'utf8'): Buffer {
  const text = csvText(rows);
  if (encoding === 'gbk') return iconv.encode(text, 'gbk');
  return Buffer.concat([encoding === 'utf8bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}

// ---------------------------------------------------------------- raw zips

interface ZipEntry {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
  /** The size written into the headers (a lying zip declares less than it holds). */
  declaredSize?: number;
}

/** Deflates `size` bytes of one repeated byte, a megabyte at a time: the body of a zip bomb. */
export function deflatedRun(size: number, byte = 0x30): { data: Buffer; crc: number } {
  const chunk = Buffer.alloc(1024 * 1024, byte);
  // Independently compressed non-final blocks concatenate into one valid deflate stream.
  const parts: Buffer[] = [];
  let crc = 0;
  for (let left = size; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = zlib.crc32(piece, crc);
    parts.push(zlib.deflateRawSync(piece, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
  }
  parts.push(zlib.deflateRawSync(Buffer.alloc(0)));
  return { data: Buffer.concat(parts), crc };
}

export function deflatedEntry(name: string, content: string | Buffer): ZipEntry {
  const raw = typeof content === 'string' ? Buffer.from(content) : content;
  return { name, data: zlib.deflateRawSync(raw), crc: zlib.crc32(raw), size: raw.length };
}

/** Writes a zip (deflate entries, no data descriptors) from already-compressed entries. */
export function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const size = e.declaredSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/**
 * An .xlsx-shaped zip whose worksheet inflates to `size` bytes from a few hundred KB.
 * `lie`: the directory declares a small size, so only inflating finds out.
 */
export function zipBomb(size: number, lie = false): Buffer {
  const run = deflatedRun(size);
  return zipOf([
    deflatedEntry('[Content_Types].xml', '<Types/>'),
    deflatedEntry('xl/workbook.xml', WORKBOOK),
    deflatedEntry('xl/_rels/workbook.xml.rels', RELS),
    { name: 'xl/worksheets/sheet1.xml', data: run.data, crc: run.crc, size, declaredSize: lie ? 4096 : size },
  ]);
}

/** A zip that is not a workbook (a .docx or any archive renamed .xlsx). */
export function plainZip(): Buffer {
  return zipOf([deflatedEntry('word/document.xml', '<document/>'), deflatedEntry('readme.txt', 'hello')]);
}

export function fakePdf(): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), crypto.randomBytes(4096)]);
}

/** Multipart body with the fields first, then the file (as the wizard sends it). */
export function multipart(fields: Record<string, string>, file: { filename: string; content: Buffer; contentType?: string }) {
  const boundary = `----bb${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
    ),
  );
  parts.push(file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
