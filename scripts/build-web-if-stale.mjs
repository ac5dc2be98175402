// Builds the web app when dist/web is missing or older than its sources, so `npm start`
// on a fresh clone works without a separate build step and a restart stays fast.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.join(root, 'dist', 'web', 'index.html');
const sources = [path.join(root, 'src', 'web'), path.join(root, 'src', 'shared'), path.join(root, 'src', 'domain'), path.join(root, 'vite.config.ts'), path.join(root, 'package-lock.json')];

function newest(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newest(path.join(entry, name))));
}

const built = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
if (built >= Math.max(...sources.map(newest))) {
  console.log('Web app is up to date.');
} else {
  console.log('Building the web app (first start or sources changed)…');
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
