// Builds the server and the console only when their sources are newer than the last build.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newestSource(dir) {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', 'fixtures'].includes(entry.name)) continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function stale(output, sources) {
  return !existsSync(output) || statSync(output).mtimeMs < Math.max(...sources.map((dir) => newestSource(join(root, dir))));
}

export function npmRun(script) {
  execFileSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
}

export function buildIfStale() {
  if (stale(join(root, 'dist/server/src/main.js'), ['server', 'rules', 'workflows', 'migrations'])) {
    console.log('Building the server…');
    npmRun('build:server');
  }
  if (existsSync(join(root, 'console/index.html')) && stale(join(root, 'console/dist/index.html'), ['console', 'rules', 'workflows'])) {
    console.log('Building the console…');
    npmRun('build:console');
  }
}
