import { ChildProcess, spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../server/src/database/data-source-options';
import { createScratchDatabase, TestDatabase } from './databases';

export const TEST_ADMIN_PASSWORD = 'admin-test-password';
const MAIN = join(__dirname, '../../dist/server/src/main.js');

export interface TestApp {
  database: TestDatabase;
  url: string;
  adminPassword: string;
  /** The scratch database the server runs on, for a second process on the same data. */
  databaseUrl: string;
  /** Direct access to the same database, for checking what an API call did (or did not) change. */
  dataSource: DataSource;
  /** The server's process, for tests that freeze or kill it. */
  process: ChildProcess;
  /** Signs in through the API and returns the bearer token. */
  loginAs(login: string, password: string): Promise<string>;
  /** fetch against the server with JSON in and out; `token` adds the bearer header. */
  call(method: string, path: string, options?: CallOptions): Promise<CallResult>;
  close(): Promise<void>;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read whatever the endpoint returns
  headers: Headers;
}

/**
 * Starts the real, built server (`dist/`, see globalSetup) as its own process on a fresh database, on a free
 * port: tests speak HTTP to it exactly as a client would.
 */
export async function startTestApp(database: TestDatabase, env: Record<string, string> = {}): Promise<TestApp> {
  const scratch = await createScratchDatabase(database);
  const server = await spawnServer({
    DATABASE_URL: scratch.url,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    DOCKET_DEMO: '0',
    DOCKET_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    ...env,
  });
  const dataSource = new DataSource(dataSourceOptions({ databaseUrl: scratch.url, driver: database === 'sqlite' ? 'sqlite' : 'mysql' }));
  await dataSource.initialize();
  const call = (method: string, path: string, options?: CallOptions) => request(server.url, method, path, options);
  return {
    database,
    url: server.url,
    adminPassword: TEST_ADMIN_PASSWORD,
    databaseUrl: scratch.url,
    dataSource,
    process: server.process,
    call,
    async loginAs(login, password) {
      const response = await call('POST', '/api/auth/login', { body: { login, password } });
      if (response.status !== 200) throw new Error(`login ${login} failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.token as string;
    },
    async close() {
      await server.stop();
      await dataSource.destroy();
      await scratch.drop();
    },
  };
}

/**
 * Another server process on the same database as `app` (lease and failover tests): it runs no
 * migrations of its own, and `app.close()` does not stop it — the test does (or kills it).
 */
export function startSecondProcess(app: TestApp, env: Record<string, string> = {}): Promise<RunningServer> {
  return spawnServer({ DATABASE_URL: app.databaseUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', DOCKET_DEMO: '0', DOCKET_MIGRATIONS_RUN: '0', DOCKET_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, ...env });
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

export function spawnServer(env: Record<string, string>, startTimeoutMs = 30_000): Promise<RunningServer> {
  // DOCKET_SERVER_CPU_PROFILES=<dir>: every server a test or bench starts writes a V8 CPU profile there when it stops.
  const profiles = process.env.DOCKET_SERVER_CPU_PROFILES;
  const child = spawn(process.execPath, [...(profiles ? ['--cpu-prof', `--cpu-prof-dir=${profiles}`, '--require', join(__dirname, 'profile-exit.js')] : []), MAIN], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start in ${startTimeoutMs} ms:\n${output}`)), startTimeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Docket is running at (http:\/\/\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: match[1],
        process: child,
        output: () => output,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => fail(new Error(`the server exited with ${code} before it started:\n${output}`)));
  });
}

export async function request(base: string, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await send(base + path, method, headers, body);
  const text = response.text;
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (a page, a file): tests read the text.
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

/** Bodies at least this large wait for an early answer before they are sent. */
const EARLY_ANSWER_BYTES = 256 * 1024;

/**
 * node:http rather than fetch: a server may answer (413) and close before reading a large body, and the
 * answer must still reach the test even though writing the rest of the body fails.
 */
function send(url: string, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string; headers: Headers }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') responseHeaders.set(name, value);
        resolve({ status: incoming.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), headers: responseHeaders });
      });
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    if (body === undefined || Buffer.byteLength(body) < EARLY_ANSWER_BYTES) return void outgoing.end(body);
    // A server refuses an oversized body from its Content-Length and closes the connection; if the body
    // were already on the wire, the reset could swallow the answer. So headers go first, as a careful
    // client does, and the body follows only when no early answer came.
    outgoing.flushHeaders();
    const late = setTimeout(() => outgoing.end(body), 3_000);
    outgoing.once('response', () => clearTimeout(late));
  });
}
