// `npm test`: the whole suite, in the order that fails fastest. It ends with one line "N passed, N failed".
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './build-if-stale.mjs';

const totals = { passed: 0, failed: 0 };
const started = Date.now();

function step(name, command, args, env = {}) {
  const began = Date.now();
  console.log(`\n=== ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

function jest(name, project, env = {}, options = ['--maxWorkers=2']) {
  const report = join(mkdtempSync(join(tmpdir(), 'docket-jest-')), 'report.json');
  const ok = step(name, 'npx', ['jest', ...options, '--selectProjects', project, '--json', `--outputFile=${report}`], env);
  if (existsSync(report)) {
    const { numPassedTests, numFailedTests } = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += numPassedTests;
    totals.failed += numFailedTests;
  }
  return ok;
}

function mariadbReachable() {
  const url = new URL((process.env.DOCKET_TEST_MARIADB_URL ?? 'mariadb://root@127.0.0.1:3306').replace(/^mariadb:/, 'mysql:'));
  try {
    execFileSync('node', ['-e', `require('mysql2/promise').createConnection(${JSON.stringify(url.href)}).then(c => c.end()).catch(e => { console.error(e.message); process.exit(1); })`], { cwd: root, stdio: 'inherit' });
    return true;
  } catch {
    return false;
  }
}

function finish(ok) {
  console.log(`\nDocket suite ${ok ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
  process.exit(ok ? 0 : 1);
}

const hasBrowserTests = existsSync(join(root, 'test/browser')) && readdirSync(join(root, 'test/browser')).some((file) => file.endsWith('.test.ts'));

if (!step('lint', 'npx', ['eslint', '.'])) finish(false);
if (!step('typecheck', 'npm', ['run', '--silent', 'typecheck'])) finish(false);
if (!step('build the server', 'npm', ['run', '--silent', 'build:server'])) finish(false);
if (existsSync(join(root, 'console/index.html')) && !step('build the console', 'npm', ['run', '--silent', 'build:console'])) finish(false);
if (!jest('unit tests (rules, workflows, server)', 'unit')) finish(false);
if (!mariadbReachable()) {
  console.error('MariaDB cannot be reached; integration tests run on SQLite AND MariaDB and are never skipped.');
  finish(false);
}
if (!jest('integration and API end-to-end tests on SQLite and MariaDB', 'integration', { DOCKET_TEST_DATABASES: 'sqlite,mariadb' })) finish(false);
// Browser tests that time a page (`*.timed.test.ts`) run alone, so what they measure is not shared with
// another browser test's server and Chromium on the machine's two cores. The others run one at a time too:
// two at once (each a server and a Chromium) starved the machine's two cores enough that a page sometimes
// did not settle within a step's 30 s (three failures in six full runs, each test passing alone).
const TIMED = '\\.timed\\.test\\.ts$';
if (hasBrowserTests && !jest('browser tests that time pages (Chromium, one at a time)', 'browser', {}, ['--maxWorkers=1', '--testPathPatterns', TIMED])) finish(false);
if (hasBrowserTests && !jest('browser tests (Chromium)', 'browser', {}, ['--maxWorkers=1', '--testPathIgnorePatterns', TIMED])) finish(false);
finish(true);
