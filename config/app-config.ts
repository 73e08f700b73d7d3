/**
 * The whole configuration, read once from the environment and validated at start.
 * With nothing set the product runs embedded: a local Temporal dev server, SQLite under
 * DATA_DIR and the development token issuer. TEMPORAL_ADDRESS and DATABASE_URL switch the
 * embedded parts off; production then needs a JWKS URL for tokens.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_LIMITS, type EngineLimits } from '../engine/limits';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const port = z.coerce.number().int().min(0).max(65535);
const optional = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

const schema = z
  .object({
    PORT: port.default(3000),
    HOST: z.string().default('127.0.0.1'),
    DATA_DIR: z.string().default('./data'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** JSON log lines go to this file instead of stdout (`npm start` defaults it under DATA_DIR/logs). */
    LOG_FILE: optional,
    PLANT_TIME_ZONE: z
      .string()
      .default('Asia/Shanghai')
      .refine((tz) => isTimeZone(tz), { message: 'must be an IANA time zone such as Asia/Shanghai' }),
    DATABASE_URL: optional.pipe(
      z.string().url().startsWith('postgres', 'must be a postgres:// URL').optional(),
    ),
    TEMPORAL_ADDRESS: optional,
    TEMPORAL_NAMESPACE: z.string().default('default'),
    TEMPORAL_API_KEY: optional,
    TEMPORAL_TLS: bool.optional(),
    TEMPORAL_TLS_CERT_PATH: optional,
    TEMPORAL_TLS_KEY_PATH: optional,
    TEMPORAL_TLS_CA_PATH: optional,
    TEMPORAL_TLS_SERVER_NAME: optional,
    /** Embedded dev server ports (a free one is chosen when taken). */
    TEMPORAL_PORT: port.default(7233),
    TEMPORAL_UI_PORT: port.default(8233),
    /** Seconds a job waits for an external worker before the instance shows a no-worker incident. */
    JOB_WORKER_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(600),
    /** Bounded work per workflow activation (engine/limits.ts): past a bound, the instance shows an incident. */
    MAX_ACTIVATIONS_PER_STEP: z.coerce.number().int().min(10).default(DEFAULT_LIMITS.maxActivationsPerStep),
    MAX_FEEL_UNITS_PER_STEP: z.coerce.number().int().min(1000).default(DEFAULT_LIMITS.maxFeelUnitsPerStep),
    MAX_MULTI_INSTANCE_CARDINALITY: z.coerce
      .number()
      .int()
      .min(1)
      .default(DEFAULT_LIMITS.maxMultiInstanceCardinality),
    /** Embedded dev server: how long Temporal keeps a closed execution's history (the store keeps it longer). */
    TEMPORAL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
    /** How long the store keeps a closed instance's history, unless its process registered its own rule. */
    HISTORY_RETENTION_DAYS: z.coerce.number().int().min(1).default(400),
    /** The exporter collects batches this long before one write (larger: fewer transactions, more lag). */
    HISTORY_FLUSH_MS: z.coerce.number().int().min(0).max(60_000).default(50),
    /** At worker start, closed executions younger than this are checked for export gaps too. */
    HISTORY_RECONCILE_LOOKBACK_HOURS: z.coerce.number().min(0).default(24),
    AUTH_JWKS_URL: optional.pipe(z.string().url().optional()),
    AUTH_ISSUER: optional,
    AUTH_AUDIENCE: optional,
    /** Forces the development token issuer on or off; by default it is on only when embedded. */
    DEV_AUTH: bool.optional(),
    /** smtp:// or smtps:// URL of the mail relay; without it notifications are only recorded. */
    SMTP_URL: optional.pipe(
      z
        .string()
        .url()
        .refine((u) => /^smtps?:\/\//.test(u), { message: 'must be an smtp:// or smtps:// URL' })
        .optional(),
    ),
    SMTP_FROM: z.string().min(3).default('BPMN on Temporal <noreply@localhost>'),
    /** How often open tasks are checked for notices (new, due tomorrow, overdue). */
    TASK_NOTICE_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(60),
  })
  .superRefine((env, ctx) => {
    const embedded = !env.TEMPORAL_ADDRESS && !env.DATABASE_URL;
    const devAuth = env.DEV_AUTH ?? embedded;
    if (!devAuth && !env.AUTH_JWKS_URL) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['AUTH_JWKS_URL'],
        message: 'is required outside the embedded default (tokens are verified against the issuer JWKS)',
      });
    }
    if ((env.TEMPORAL_TLS_CERT_PATH === undefined) !== (env.TEMPORAL_TLS_KEY_PATH === undefined)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['TEMPORAL_TLS_CERT_PATH'],
        message: 'TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH go together (mTLS)',
      });
    }
  });

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  logLevel: string;
  /** Where JSON logs go; undefined: stdout. */
  logFile?: string;
  plantTimeZone: string;
  jobWorkerTimeoutSeconds: number;
  engineLimits: EngineLimits;
  history: { retentionDays: number; flushMs: number; reconcileLookbackHours: number };
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  temporal: {
    /** Undefined in the embedded default: the address is known once the dev server runs. */
    address?: string;
    namespace: string;
    apiKey?: string;
    tls?: { certPath?: string; keyPath?: string; caPath?: string; serverName?: string } | true;
    embedded: { port: number; uiPort: number; retentionDays: number } | undefined;
  };
  auth: { devIssuer: boolean; jwksUrl?: string; issuer?: string; audience?: string };
  /** Outgoing mail: customer messages of the outbox and task notices. */
  mail: { smtpUrl?: string; from: string; noticeIntervalSeconds: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const embedded = !e.TEMPORAL_ADDRESS && !e.DATABASE_URL;
  const tlsFiles = e.TEMPORAL_TLS_CERT_PATH || e.TEMPORAL_TLS_CA_PATH || e.TEMPORAL_TLS_SERVER_NAME;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    logLevel: e.LOG_LEVEL,
    logFile: e.LOG_FILE ? resolve(e.LOG_FILE) : undefined,
    plantTimeZone: e.PLANT_TIME_ZONE,
    jobWorkerTimeoutSeconds: e.JOB_WORKER_TIMEOUT_SECONDS,
    engineLimits: {
      maxActivationsPerStep: e.MAX_ACTIVATIONS_PER_STEP,
      maxFeelUnitsPerStep: e.MAX_FEEL_UNITS_PER_STEP,
      maxMultiInstanceCardinality: e.MAX_MULTI_INSTANCE_CARDINALITY,
    },
    history: {
      retentionDays: e.HISTORY_RETENTION_DAYS,
      flushMs: e.HISTORY_FLUSH_MS,
      reconcileLookbackHours: e.HISTORY_RECONCILE_LOOKBACK_HOURS,
    },
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: resolve(dataDir, 'app.sqlite') },
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      apiKey: e.TEMPORAL_API_KEY,
      tls: tlsFiles
        ? {
            certPath: e.TEMPORAL_TLS_CERT_PATH,
            keyPath: e.TEMPORAL_TLS_KEY_PATH,
            caPath: e.TEMPORAL_TLS_CA_PATH,
            serverName: e.TEMPORAL_TLS_SERVER_NAME,
          }
        : e.TEMPORAL_TLS || e.TEMPORAL_API_KEY
          ? true
          : undefined,
      embedded: e.TEMPORAL_ADDRESS
        ? undefined
        : { port: e.TEMPORAL_PORT, uiPort: e.TEMPORAL_UI_PORT, retentionDays: e.TEMPORAL_RETENTION_DAYS },
    },
    auth: {
      devIssuer: e.DEV_AUTH ?? embedded,
      jwksUrl: e.AUTH_JWKS_URL,
      issuer: e.AUTH_ISSUER,
      audience: e.AUTH_AUDIENCE,
    },
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.SMTP_FROM,
      noticeIntervalSeconds: e.TASK_NOTICE_INTERVAL_SECONDS,
    },
  };
}
