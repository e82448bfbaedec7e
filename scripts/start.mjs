// `npm start`: builds what is stale, then runs Docket (SQLite in ./data by default, demo configuration loaded once).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildIfStale, root } from './build-if-stale.mjs';

buildIfStale();
const env = { DOCKET_DEMO: '1', ...process.env };
const server = spawn(process.execPath, [join(root, 'dist/server/src/main.js'), ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
