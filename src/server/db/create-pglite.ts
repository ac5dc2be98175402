/**
 * `node --import tsx src/server/db/create-pglite.ts <dir>`: creates an empty embedded
 * database in <dir> and exits. The server runs this as a child process on its first start:
 * PGlite's initdb step leaves ~500 MB of WebAssembly memory behind in the process that ran
 * it, so a separate, short-lived process keeps the server's own memory at what a restart
 * uses (see bench/durability.ts). It also makes creation all-or-nothing: the caller creates
 * in a temporary directory and renames it into place only when this succeeded.
 */
import { PGlite } from '@electric-sql/pglite';
import { flushDirectory } from './durability';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: create-pglite.ts <dir>');
  process.exit(2);
}
const db = await PGlite.create(dir);
await db.close();
flushDirectory(dir);
