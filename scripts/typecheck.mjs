// `npm run typecheck`: the server, libraries and tests; then the console once it has its own tsconfig.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './build-if-stale.mjs';

const projects = ['tsconfig.json', 'console/tsconfig.json'].filter((project) => existsSync(join(root, project)));
for (const project of projects) {
  const result = spawnSync('npx', ['tsc', '-p', project, '--noEmit'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
