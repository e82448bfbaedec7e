import { resolve } from 'node:path';

export type DatabaseDriver = 'sqlite' | 'mysql';

export interface DocketConfig {
  readonly databaseUrl: string;
  readonly driver: DatabaseDriver;
  readonly host: string;
  readonly port: number;
  readonly runMigrations: boolean;
  readonly loadDemo: boolean;
  /** Password for the first administrator; a random one is generated and printed once when absent. */
  readonly adminPassword?: string;
  readonly sessionTtlMinutes: number;
  readonly bodyLimitBytes: number;
  readonly consoleDir: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  readonly login: LoginThrottleConfig;
}

export interface LoginThrottleConfig {
  /** Failed attempts allowed per login (and, times four, per address) within the window. */
  readonly maxFailures: number;
  readonly windowMinutes: number;
}

const DEFAULT_SQLITE_URL = 'sqlite:./data/docket.sqlite';

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<DocketConfig> = {}): DocketConfig {
  const databaseUrl = overrides.databaseUrl ?? env.DATABASE_URL ?? DEFAULT_SQLITE_URL;
  const config: DocketConfig = {
    databaseUrl,
    driver: driverOf(databaseUrl),
    host: env.HOST ?? '127.0.0.1',
    port: integer(env.PORT, 3000, 'PORT'),
    runMigrations: flag(env.DOCKET_MIGRATIONS_RUN, true),
    loadDemo: flag(env.DOCKET_DEMO, false),
    adminPassword: env.DOCKET_ADMIN_PASSWORD || undefined,
    sessionTtlMinutes: integer(env.DOCKET_SESSION_TTL_MINUTES, 12 * 60, 'DOCKET_SESSION_TTL_MINUTES'),
    bodyLimitBytes: integer(env.DOCKET_BODY_LIMIT_BYTES, 1024 * 1024, 'DOCKET_BODY_LIMIT_BYTES'),
    consoleDir: resolve(env.DOCKET_CONSOLE_DIR ?? 'console/dist'),
    logLevel: logLevel(env.LOG_LEVEL),
    login: {
      maxFailures: integer(env.DOCKET_LOGIN_MAX_FAILURES, 5, 'DOCKET_LOGIN_MAX_FAILURES'),
      windowMinutes: integer(env.DOCKET_LOGIN_WINDOW_MINUTES, 15, 'DOCKET_LOGIN_WINDOW_MINUTES'),
    },
  };
  return { ...config, ...overrides };
}

export function driverOf(url: string): DatabaseDriver {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (url.startsWith('mysql://') || url.startsWith('mariadb://')) return 'mysql';
  throw new Error(`DATABASE_URL must start with sqlite: or mysql:// (got "${url.split(':')[0]}:")`);
}

/** `sqlite:./data/x.sqlite` → `./data/x.sqlite`; `sqlite::memory:` → `:memory:`. */
export function sqlitePath(url: string): string {
  return url.slice('sqlite:'.length);
}

function integer(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer (got "${raw}")`);
  return value;
}

function flag(raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(raw.toLowerCase());
}

function logLevel(raw: string | undefined): DocketConfig['logLevel'] {
  const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;
  const value = (raw ?? 'info').toLowerCase();
  return (levels as readonly string[]).includes(value) ? (value as DocketConfig['logLevel']) : 'info';
}
