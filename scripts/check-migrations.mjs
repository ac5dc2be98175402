// Fails when the TypeScript schema (src/server/db/schema) has changes that no checked-in
// migration covers: drizzle-kit generates into a scratch copy of the migrations, and any
// file it writes means someone forgot `npm run db:generate`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// drizzle-kit only handles paths relative to the working directory, so the scratch copy
// lives inside the repository (under the ignored .tmp/).
const scratch = path.join('.tmp', `migration-check-${process.pid}`);
const absolute = path.join(root, scratch);
fs.rmSync(absolute, { recursive: true, force: true });
try {
  fs.cpSync(path.join(root, 'src/server/db/migrations'), absolute, { recursive: true });
  const before = fs.readdirSync(absolute);
  fs.writeFileSync(
    path.join(absolute, 'drizzle.config.mjs'),
    `export default { dialect: 'postgresql', schema: './src/server/db/schema/index.ts', out: './${scratch}' };\n`,
  );
  const run = spawnSync(process.execPath, ['node_modules/drizzle-kit/bin.cjs', 'generate', '--config', `${scratch}/drizzle.config.mjs`], {
    cwd: root,
    encoding: 'utf8',
  });
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0 || /error|ENOENT/i.test(output)) {
    console.error(`drizzle-kit could not compare the schema with the migrations:\n${output}`);
    process.exit(1);
  }
  const added = fs.readdirSync(absolute).filter((f) => f.endsWith('.sql') && !before.includes(f));
  if (added.length) {
    console.error(`The schema has changes no migration covers (drizzle-kit would write ${added.join(', ')}). Run \`npm run db:generate\`.`);
    process.exit(1);
  }
  console.log('Migrations match the schema.');
} finally {
  fs.rmSync(absolute, { recursive: true, force: true });
}
