import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { startTestApp, TestApp } from './app';
import type { TestDatabase } from './databases';

// A project-level testTimeout is not honoured by jest; browser steps need more than the 5 s default.
jest.setTimeout(120_000);

const ROOT = join(__dirname, '../..');
const CONSOLE = join(ROOT, 'console');
const BUILT_INDEX = join(CONSOLE, 'dist/index.html');
export const ARTIFACTS = join(ROOT, 'test/artifacts');
const CHROMIUM = process.env.DOCKET_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function newestSource(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestSource(join(path, entry))));
}

/** The console bundles the rule engine and the route model, so they are its sources too. */
const CONSOLE_SOURCES = ['console/src', 'console/index.html', 'console/vite.config.ts', 'rules', 'workflows'];

/** Builds console/dist when it is missing or older than its sources, so tests never drive a stale console. */
export function ensureConsoleBuilt(): void {
  const sources = Math.max(...CONSOLE_SOURCES.map((entry) => newestSource(join(ROOT, entry))));
  if (existsSync(BUILT_INDEX) && statSync(BUILT_INDEX).mtimeMs >= sources) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(CONSOLE, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    // jest sets NODE_ENV=test, which would give Vite an unminified development build of React.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export interface BrowserSession {
  app: TestApp;
  page: Page;
  /** Opens the console at `path` (default `/`), which shows the sign-in page to a signed-out user. */
  open(path?: string): Promise<void>;
  /** Fills and submits the sign-in form. */
  signIn(login: string, password: string): Promise<void>;
  /** Signs in as the administrator created at the first start and waits for the home page. */
  signInAsAdmin(): Promise<void>;
  /** Saves a full-page screenshot as test/artifacts/<name>.png. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** The built server on a fresh database (SQLite unless told; `env` added to its settings), serving the built console, and a fresh Chromium profile. */
export async function startBrowserSession(env: Record<string, string> = {}, database: TestDatabase = 'sqlite'): Promise<BrowserSession> {
  ensureConsoleBuilt();
  const app = await startTestApp(database, { DOCKET_CONSOLE_DIR: join(CONSOLE, 'dist'), ...env });
  const profile = mkdtempSync(join(tmpdir(), 'docket-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
      locale: 'en-GB',
      viewport: { width: 1280, height: 800 },
    });
  } catch (error) {
    await app.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  // A page that throws is a failed test even when nothing visible breaks.
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));

  const session: BrowserSession = {
    app,
    page,
    async open(path = '/') {
      await page.goto(app.url + path);
    },
    async signIn(login, password) {
      await page.getByLabel('Login').fill(login);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
    },
    async signInAsAdmin() {
      await session.open('/login');
      await session.signIn('admin', app.adminPassword);
      await page.getByRole('heading', { name: /^Welcome, / }).waitFor();
    },
    async screenshot(name) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const path = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await context.close();
      await app.close();
      rmSync(profile, { recursive: true, force: true });
      if (pageErrors.length) throw new Error(`the console threw in the page: ${pageErrors.map((error) => error.message).join('; ')}`);
    },
  };
  return session;
}

/**
 * Clicks an option of an open antd dropdown until `chosen` shows: a click that lands while the dropdown is
 * still opening (its motion) is dropped by antd, which a person never notices but a test does.
 */
export async function chooseOption(option: Locator, chosen: Locator, attempts = 4): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await option.click();
    try {
      await chosen.waitFor({ timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt >= attempts || !(await option.isVisible())) throw error;
    }
  }
}
