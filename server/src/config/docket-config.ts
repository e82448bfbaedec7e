import { resolve } from 'node:path';
import type { SecretKeySource } from './secret-key';

export type DatabaseDriver = 'sqlite' | 'mysql';

export interface DocketConfig {
  readonly databaseUrl: string;
  readonly driver: DatabaseDriver;
  /** A read replica of the MySQL/MariaDB primary that reports and the dashboard read from; none reads the primary. */
  readonly reportsDatabaseUrl?: string;
  readonly host: string;
  readonly port: number;
  readonly runMigrations: boolean;
  /** Server processes answering HTTP (node:cluster); 1 serves from the starting process itself. */
  readonly workers: number;
  readonly loadDemo: boolean;
  /** Password for the first administrator; a random one is generated and printed once when absent. */
  readonly adminPassword?: string;
  readonly sessionTtlMinutes: number;
  readonly bodyLimitBytes: number;
  readonly consoleDir: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  readonly login: LoginThrottleConfig;
  readonly scheduler: SchedulerConfig;
  readonly mail: MailConfig;
  readonly archive: ArchiveConfig;
  readonly closure: ClosureConfig;
  readonly webhooks: WebhookConfig;
  readonly attachments: AttachmentsConfig;
  readonly mailIntake: MailIntakeConfig;
  /** What seals the credentials Docket keeps to use them itself (mailbox passwords). */
  readonly secretKey: SecretKeySource;
}

export interface MailIntakeConfig {
  /** Largest message a mailbox poll downloads; a larger one stays on the server and is recorded as refused. */
  readonly maxMessageBytes: number;
  /** How long one IMAP connection step may wait on the server. */
  readonly timeoutMs: number;
  /** Messages one poll takes in at most; when more wait, the next poll follows at once. */
  readonly messagesPerPoll: number;
}

export interface AttachmentsConfig {
  /** Where the local blob store keeps uploaded files. */
  readonly dir: string;
  /** Largest file accepted; an upload passing it is cut off while it streams (413). */
  readonly maxBytes: number;
  /** A scanner reading the file on stdin (exit 0 clean, 1 infected), e.g. `clamdscan --no-summary -`; none accepts all. */
  readonly scanCommand?: string;
  /** Deleted files keep their bytes this many days (to undo a mistake by hand), then the daily purge erases them. */
  readonly purgeAfterDays: number;
}

export interface WebhookConfig {
  /** Signs every delivery (X-Docket-Signature, HMAC-SHA256 of the body) when set. */
  readonly secret?: string;
  /** Loopback and private-network destinations are refused unless this is on (tests, on-premises receivers). */
  readonly allowPrivate: boolean;
  readonly timeoutMs: number;
  readonly maxAttempts: number;
  /** Wait after the first failed attempt; each further one waits four times longer. */
  readonly retryBaseMs: number;
}

export interface ClosureConfig {
  /** How long a resolved request waits for its customer's answer before it closes as confirmed by timeout. */
  readonly autoCloseHours: number;
}

export interface ArchiveConfig {
  /** Closed requests older than this many days move to the archive (at the daily sweep). */
  readonly afterDays: number;
}

export interface SchedulerConfig {
  /** Off for processes that only serve the API; at least one process must sweep. */
  readonly enabled: boolean;
  /** When node-cron wakes the sweeper (seconds field first). */
  readonly cron: string;
  /** How long a claimed timer stays with one process before another may take it over. */
  readonly leaseMs: number;
}

export interface MailConfig {
  readonly smtpUrl?: string;
  readonly from: string;
  /** Right-hand side of the Message-IDs Docket writes. */
  readonly domain: string;
  /** Wait after a mail's first failed attempt; each further one waits four times longer, at most an hour. */
  readonly retryBaseMs: number;
}

export interface LoginThrottleConfig {
  /** Failed attempts allowed per login (and, times four, per address) within the window. */
  readonly maxFailures: number;
  readonly windowMinutes: number;
}

const DEFAULT_SQLITE_URL = 'sqlite:./data/docket.sqlite';

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<DocketConfig> = {}): DocketConfig {
  const databaseUrl = overrides.databaseUrl ?? env.DATABASE_URL ?? DEFAULT_SQLITE_URL;
  const reportsDatabaseUrl = env.DOCKET_REPORTS_DATABASE_URL || undefined;
  if (reportsDatabaseUrl && (driverOf(reportsDatabaseUrl) !== 'mysql' || driverOf(databaseUrl) !== 'mysql')) throw new Error('DOCKET_REPORTS_DATABASE_URL names a MySQL/MariaDB read replica, and needs DATABASE_URL on MySQL/MariaDB too');
  const config: DocketConfig = {
    databaseUrl,
    driver: driverOf(databaseUrl),
    reportsDatabaseUrl,
    host: env.HOST ?? '127.0.0.1',
    port: integer(env.PORT, 3000, 'PORT'),
    runMigrations: flag(env.DOCKET_MIGRATIONS_RUN, true),
    workers: Math.max(1, integer(env.DOCKET_WORKERS, 1, 'DOCKET_WORKERS')),
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
    scheduler: {
      enabled: flag(env.DOCKET_SCHEDULER, true),
      cron: env.DOCKET_SWEEP_CRON ?? '*/5 * * * * *',
      leaseMs: integer(env.DOCKET_LEASE_MS, 60_000, 'DOCKET_LEASE_MS'),
    },
    mail: {
      smtpUrl: env.DOCKET_SMTP_URL || undefined,
      from: env.DOCKET_MAIL_FROM ?? 'Docket <docket@localhost>',
      domain: env.DOCKET_MAIL_DOMAIN ?? 'docket.localhost',
      retryBaseMs: integer(env.DOCKET_MAIL_RETRY_MS, 30_000, 'DOCKET_MAIL_RETRY_MS'),
    },
    archive: { afterDays: integer(env.DOCKET_ARCHIVE_AFTER_DAYS, 365, 'DOCKET_ARCHIVE_AFTER_DAYS') },
    closure: {
      autoCloseHours: integer(env.DOCKET_AUTO_CLOSE_HOURS, 72, 'DOCKET_AUTO_CLOSE_HOURS'),
    },
    webhooks: {
      secret: env.DOCKET_WEBHOOK_SECRET || undefined,
      allowPrivate: flag(env.DOCKET_WEBHOOK_ALLOW_PRIVATE, false),
      timeoutMs: integer(env.DOCKET_WEBHOOK_TIMEOUT_MS, 10_000, 'DOCKET_WEBHOOK_TIMEOUT_MS'),
      maxAttempts: Math.max(1, integer(env.DOCKET_WEBHOOK_MAX_ATTEMPTS, 5, 'DOCKET_WEBHOOK_MAX_ATTEMPTS')),
      retryBaseMs: integer(env.DOCKET_WEBHOOK_RETRY_MS, 30_000, 'DOCKET_WEBHOOK_RETRY_MS'),
    },
    attachments: {
      dir: resolve(env.DOCKET_ATTACHMENTS_DIR ?? './data/attachments'),
      maxBytes: integer(env.DOCKET_ATTACHMENT_MAX_BYTES, 25 * 1024 * 1024, 'DOCKET_ATTACHMENT_MAX_BYTES'),
      scanCommand: env.DOCKET_ATTACHMENT_SCAN_COMMAND || undefined,
      purgeAfterDays: integer(env.DOCKET_ATTACHMENT_PURGE_AFTER_DAYS, 30, 'DOCKET_ATTACHMENT_PURGE_AFTER_DAYS'),
    },
    mailIntake: {
      maxMessageBytes: integer(env.DOCKET_MAIL_MAX_BYTES, 40 * 1024 * 1024, 'DOCKET_MAIL_MAX_BYTES'),
      timeoutMs: integer(env.DOCKET_MAIL_TIMEOUT_MS, 30_000, 'DOCKET_MAIL_TIMEOUT_MS'),
      messagesPerPoll: Math.max(1, integer(env.DOCKET_MAIL_MESSAGES_PER_POLL, 50, 'DOCKET_MAIL_MESSAGES_PER_POLL')),
    },
    secretKey: { key: env.DOCKET_SECRET_KEY || undefined, file: resolve(env.DOCKET_SECRET_KEY_FILE ?? './data/secret.key') },
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
