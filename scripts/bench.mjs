// `npm run bench [name]`: the benchmarks in test/bench, one after another; each prints its figures and ratios.
import { spawnSync } from 'node:child_process';
import { buildIfStale, root } from './build-if-stale.mjs';

buildIfStale();
const result = spawnSync('npx', ['jest', '--config', 'test/bench/jest.bench.config.js', '--runInBand', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
