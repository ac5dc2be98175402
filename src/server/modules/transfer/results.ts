import { once } from 'node:events';
import readline from 'node:readline';
import { PassThrough } from 'node:stream';
import type { FileStorage } from '../../storage/storage';
import type { AnalysedRow } from './matching';

/**
 * A dry run's findings, one JSON line per row, kept in file storage beside the upload (never
 * whole in memory): the preview pages through it and the commit reads the rows back from it.
 */
export type StoredRow = Omit<AnalysedRow, 'read' | 'organisationId'>;

/** A writer of the results file; `close` stores it and gives its key. */
export function resultsWriter(storage: FileStorage) {
  const out = new PassThrough();
  const stored = storage.put(out, Number.MAX_SAFE_INTEGER);
  // Keep a failed put from being an unhandled rejection before close/abort awaits it.
  stored.catch(() => undefined);
  return {
    async write(rows: readonly AnalysedRow[]) {
      for (const { read: _r, organisationId: _o, ...row } of rows) {
        if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, 'drain');
      }
    },
    async close(): Promise<string> {
      out.end();
      return (await stored).key;
    },
    async abort(error: Error) {
      out.destroy(error);
      await stored.catch(() => undefined);
    },
  };
}

export async function* readResults(storage: FileStorage, key: string): AsyncGenerator<StoredRow> {
  const input = storage.open(key);
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) if (line) yield JSON.parse(line) as StoredRow;
  } finally {
    lines.close();
    input.destroy();
  }
}

/** One page of the stored rows, optionally only those needing attention (invalid or duplicate). */
export async function pageOfResults(storage: FileStorage, key: string, offset: number, limit: number, onlyProblems: boolean): Promise<StoredRow[]> {
  const page: StoredRow[] = [];
  let index = 0;
  for await (const row of readResults(storage, key)) {
    if (onlyProblems && row.status !== 'invalid' && row.status !== 'duplicate') continue;
    if (index++ < offset) continue;
    page.push(row);
    if (page.length >= limit) break;
  }
  return page;
}
