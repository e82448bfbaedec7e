// Integration and end-to-end tests start the built server; rebuild it when any source is newer than the build.
const { execFileSync } = require('node:child_process');
const { existsSync, statSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '../..');
const built = join(root, 'dist/server/src/main.js');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'fixtures') continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : entry.name.endsWith('.ts') ? statSync(path).mtimeMs : 0);
  }
  return latest;
}

module.exports = async function globalSetup() {
  const sources = Math.max(...['server', 'rules', 'workflows', 'migrations'].filter((dir) => existsSync(join(root, dir))).map((dir) => newest(join(root, dir))));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  } catch {
    // Type errors are reported by `npm run typecheck`; the emitted JavaScript is still runnable.
  }
  if (!existsSync(built)) throw new Error('the server did not build: dist/server/src/main.js is missing');
};
