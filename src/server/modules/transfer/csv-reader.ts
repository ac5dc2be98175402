import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { UnreadableFileError } from './unreadable';
import type { SheetRow } from './xlsx-reader';

/**
 * CSV as Excel and WPS save it in China: UTF-8 with or without a BOM, GBK/GB18030 (Excel's
 * "CSV" on a Chinese Windows), or UTF-16 with a BOM ("Unicode text", tab-separated). The
 * encoding is decided from the bytes: a file that decodes as strict UTF-8 is UTF-8,
 * otherwise GB18030 (a superset of GBK). A UTF-8 BOM in front of bytes that are not UTF-8
 * is refused rather than guessed at; so is text that is not text (NUL bytes, many
 * undecodable sequences).
 */
export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface CsvLayout {
  encoding: CsvEncoding;
  /** Bytes to skip (the BOM). */
  skip: number;
  delimiter: string;
}

const SAMPLE_BYTES = 64 * 1024;
const MAX_RECORD_BYTES = 1024 * 1024;

async function isStrictUtf8(path: string, start: number): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of fs.createReadStream(path, { start, highWaterMark: 1024 * 1024 })) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

async function readSample(path: string): Promise<Buffer> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The separator of the first line: the most frequent of comma, tab, semicolon outside quotes. */
function sniffDelimiter(text: string): string {
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  const counts: Record<string, number> = { ',': 0, '\t': 0, ';': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]!++;
  }
  return Object.entries(counts).sort((a, b) => b[1] - a[1])[0]![1] > 0 ? Object.entries(counts).sort((a, b) => b[1] - a[1])[0]![0] : ',';
}

export async function inspectCsv(path: string): Promise<CsvLayout> {
  const sample = await readSample(path);
  let encoding: CsvEncoding;
  let skip = 0;
  if (sample[0] === 0xff && sample[1] === 0xfe) [encoding, skip] = ['utf-16le', 2];
  else if (sample[0] === 0xfe && sample[1] === 0xff) [encoding, skip] = ['utf-16be', 2];
  else {
    if (sample.includes(0)) throw new UnreadableFileError('binary');
    const bom = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf;
    skip = bom ? 3 : 0;
    if (await isStrictUtf8(path, skip)) encoding = 'utf-8';
    else if (bom) throw new UnreadableFileError('encoding_mismatch');
    else encoding = 'gb18030';
  }
  const text = iconv.decode(sample.subarray(skip), encoding);
  // Control characters other than tab and line breaks, and undecodable sequences, mean this is not text.
  // eslint-disable-next-line no-control-regex
  const odd = text.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/g)?.length ?? 0;
  if (odd > Math.max(2, text.length / 1000)) throw new UnreadableFileError(encoding === 'gb18030' ? 'encoding_unknown' : 'binary');
  return { encoding, skip, delimiter: sniffDelimiter(text) };
}

export async function* readCsvRows(path: string, layout: CsvLayout): AsyncGenerator<SheetRow> {
  const source = fs.createReadStream(path, { start: layout.skip });
  const parser = parse({
    delimiter: layout.delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_BYTES,
  });
  // pipeline() passes a read error on to the parser, which ends the loop below with it.
  pipeline(source, iconv.decodeStream(layout.encoding), parser).catch(() => undefined);
  let row = 0;
  try {
    for await (const record of parser) {
      row++;
      yield { row, cells: record as string[] };
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError('csv_malformed', { row: row + 1 });
  } finally {
    source.destroy();
  }
}
