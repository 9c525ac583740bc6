/**
 * The platform's settings: read once from the environment at boot, validated, frozen.
 * Every variable is documented in README.md ("Cấu hình / Settings"); a bad value stops the
 * start with a message that names the setting and the fix.
 */
import os from 'node:os';
import path from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Where the embedded database (PGlite) and local media live. */
  readonly dataDir: string;
  /** PostgreSQL server URL; when undefined the embedded PGlite database in dataDir is used. */
  readonly databaseUrl: string | undefined;
  /** Sites answer on `<code>.<baseDomain>`; the bare base domain serves the main portal. */
  readonly baseDomain: string;
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly logLevel: LogLevel;
  readonly logPretty: boolean;
  /** Seed the demo portal when the database has no site yet. */
  readonly seedDemo: boolean;
  /** Trust X-Forwarded-* headers from a reverse proxy / load balancer. */
  readonly trustProxy: boolean;
  /** How long graceful shutdown waits for in-flight requests before giving up. */
  readonly shutdownTimeoutMs: number;
  /** Maximum connections of the pool to the PostgreSQL server. */
  readonly databasePoolSize: number;
  /** smtp(s)://user:pass@host:port for outgoing mail; unset keeps mail in the outbox table. */
  readonly smtpUrl: string | undefined;
  /** Sender address of the platform's e-mail. */
  readonly mailFrom: string;
  /** Sessions end after this much inactivity (minutes). */
  readonly sessionIdleMinutes: number;
  /** Shorter idle limit for accounts that administer (platform admin, site operator). */
  readonly adminSessionIdleMinutes: number;
  /** A session ends this many hours after sign-in, active or not. */
  readonly sessionMaxHours: number;
  /** Audit entries older than this many months are removed; 0 keeps them forever. */
  readonly auditRetentionMonths: number;
  /** Contact for vulnerability reports in /.well-known/security.txt (mailto: or https:). */
  readonly securityContact: string | undefined;
  /** Keep rendered public pages in memory for anonymous visitors. */
  readonly pageCache: boolean;
  /** DL-10/11 publishing slots, Việt Nam time: morning, afternoon, evening as [from, to). */
  readonly publishingSlots: Readonly<Record<'morning' | 'afternoon' | 'evening', { readonly from: string; readonly to: string }>>;
  /** Owners are reminded this many working days before a deadline. */
  readonly deadlineReminderWorkingDays: number;
  /** Citizens' requests per IP address and minute, form and API together (QA-1 spam protection). */
  readonly inquirySubmissionsPerMinute: number;
  /** IP addresses exempt from that limit: the gateways of trusted channels (the city's app, the national portal). */
  readonly inquiryRateLimitAllow: readonly string[];
  /** Months after a request is closed before the citizen's personal data are erased. */
  readonly inquiryRetentionMonths: number;
}

/** A setting that cannot be used; the message names it and says how to fix it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Connections per process to PostgreSQL: about two per core. More connections than the
 * server has cores to run them only lengthen the queue inside PostgreSQL (measured with
 * npm run bench:pages: p99 of the article page 49 ms with 4 connections, 82 ms with 20, on 2 cores).
 */
const DEFAULT_POOL_SIZE = Math.max(4, 2 * os.availableParallelism());

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}="${raw}" is not valid: use a whole number from ${min} to ${max} (default ${fallback}).`);
  }
  return value;
}

function boolSetting(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name}="${env[name]}" is not valid: use true or false (default ${fallback}).`);
}

const HOST_LABELS = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** Reads and validates the settings; throws ConfigError naming the first bad one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const nodeEnvRaw = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    throw new ConfigError(`NODE_ENV="${nodeEnvRaw}" is not valid: use development, production or test.`);
  }
  const nodeEnv = nodeEnvRaw as Config['nodeEnv'];

  const logLevel = (env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info')) as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL="${env.LOG_LEVEL}" is not valid: use one of ${LOG_LEVELS.join(', ')}.`);
  }

  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(databaseUrl);
    } catch {
      throw new ConfigError('DATABASE_URL is not a valid URL: use postgres://user:password@host:5432/database, or unset it to use the embedded database.');
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
      throw new ConfigError(`DATABASE_URL must start with postgres:// (got "${url.protocol}//"), or unset it to use the embedded database.`);
    }
  }

  const baseDomain = (env.BASE_DOMAIN ?? 'localhost').trim().toLowerCase();
  if (!HOST_LABELS.test(baseDomain)) {
    throw new ConfigError(`BASE_DOMAIN="${env.BASE_DOMAIN}" is not a host name: use something like cong.hanoi.gov.vn (default localhost).`);
  }

  const dataDir = path.resolve(cwd, env.DATA_DIR?.trim() || 'data');

  return Object.freeze({
    port: intSetting(env, 'PORT', 3000, 0, 65535),
    host: env.HOST?.trim() || 'localhost',
    dataDir,
    databaseUrl,
    baseDomain,
    nodeEnv,
    logLevel,
    logPretty: boolSetting(env, 'LOG_PRETTY', false),
    seedDemo: boolSetting(env, 'SEED_DEMO', true),
    trustProxy: boolSetting(env, 'TRUST_PROXY', false),
    shutdownTimeoutMs: intSetting(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 100, 600_000),
    databasePoolSize: intSetting(env, 'DATABASE_POOL_SIZE', DEFAULT_POOL_SIZE, 1, 200),
    smtpUrl: smtpSetting(env),
    mailFrom: mailFromSetting(env),
    sessionIdleMinutes: intSetting(env, 'SESSION_IDLE_MINUTES', 15, 1, 15),
    adminSessionIdleMinutes: intSetting(env, 'ADMIN_SESSION_IDLE_MINUTES', 10, 1, 15),
    sessionMaxHours: intSetting(env, 'SESSION_MAX_HOURS', 12, 1, 24),
    auditRetentionMonths: retentionSetting(env),
    securityContact: securityContactSetting(env),
    pageCache: boolSetting(env, 'PAGE_CACHE', true),
    publishingSlots: slotsSetting(env),
    deadlineReminderWorkingDays: intSetting(env, 'DEADLINE_REMINDER_WORKING_DAYS', 2, 0, 30),
    inquirySubmissionsPerMinute: intSetting(env, 'INQUIRY_SUBMISSIONS_PER_MINUTE', 10, 1, 100_000),
    inquiryRateLimitAllow: Object.freeze(
      (env.INQUIRY_RATE_LIMIT_ALLOW ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
    inquiryRetentionMonths: intSetting(env, 'INQUIRY_RETENTION_MONTHS', 60, 1, 600),
  });
}

/** PUBLISHING_SLOTS="06:00-12:00,12:00-18:00,18:00-24:00": three consecutive ranges of the day. */
function slotsSetting(env: NodeJS.ProcessEnv): Config['publishingSlots'] {
  const raw = env.PUBLISHING_SLOTS?.trim() || '06:00-12:00,12:00-18:00,18:00-24:00';
  const parts = raw.split(',').map((p) => /^([01]\d|2[0-3]):([0-5]\d)-(([01]\d|2[0-3]):([0-5]\d)|24:00)$/.exec(p.trim()));
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const ok =
    parts.length === 3 &&
    parts.every((m) => m && minutes(m[0].split('-')[0]!) < minutes(m[0].split('-')[1]!)) &&
    parts.every((m, i) => i === 0 || minutes(parts[i - 1]![0].split('-')[1]!) <= minutes(m![0].split('-')[0]!));
  if (!ok)
    throw new ConfigError(
      `PUBLISHING_SLOTS="${raw}" must be three increasing ranges of Việt Nam time for morning, afternoon and evening, like 06:00-12:00,12:00-18:00,18:00-24:00.`,
    );
  const range = (i: number) => {
    const [from, to] = parts[i]![0].split('-') as [string, string];
    return Object.freeze({ from, to });
  };
  return Object.freeze({ morning: range(0), afternoon: range(1), evening: range(2) });
}

function smtpSetting(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.SMTP_URL?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('SMTP_URL is not a valid URL: use smtp://user:password@host:587 or smtps://…:465, or unset it to keep mail in the outbox.');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new ConfigError(`SMTP_URL must start with smtp:// or smtps:// (got "${url.protocol}//").`);
  }
  return raw;
}

function mailFromSetting(env: NodeJS.ProcessEnv): string {
  const raw = env.MAIL_FROM?.trim() || 'Cổng <no-reply@localhost>';
  if (!/<[^\s@<>]+@[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+$/.test(raw)) {
    throw new ConfigError(`MAIL_FROM="${raw}" is not an e-mail address: use no-reply@example.gov.vn or "Name <no-reply@example.gov.vn>".`);
  }
  return raw;
}

function retentionSetting(env: NodeJS.ProcessEnv): number {
  const months = intSetting(env, 'AUDIT_RETENTION_MONTHS', 0, 0, 1200);
  if (months !== 0 && months < 12) {
    throw new ConfigError(`AUDIT_RETENTION_MONTHS=${months} is too short: the level-3 rules keep logs at least 12 months. Use 0 (keep forever) or 12 or more.`);
  }
  return months;
}

function securityContactSetting(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.SECURITY_CONTACT?.trim();
  if (!raw) return undefined;
  if (!/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/.test(raw)) {
    throw new ConfigError(`SECURITY_CONTACT="${raw}" is not valid: use mailto:security@example.gov.vn or an https:// address.`);
  }
  return raw;
}
