import path from 'node:path';
import { z } from 'zod';

const portMessage = 'must be a whole number from 0 to 65535';
const port = z.coerce
  .number({ error: portMessage })
  .int({ error: portMessage })
  .min(0, { error: portMessage })
  .max(65535, { error: portMessage });

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .min(1)
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    )
    .optional();

/** Every environment variable the server reads. Documented in the README. */
export const envSchema = z.object({
  PORT: port.default(8080),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
  NATS_URL: optionalUrl(['nats:', 'tls:']),
  SECRET_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (32 bytes)')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GARDENWATCH_DEMO_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  GARDENWATCH_DEMO_CAMERA_PORT: port
    .min(1, { error: 'must be a whole number from 1 to 65535' })
    .default(8554),
  SESSION_TTL_HOURS: z.coerce
    .number({ error: 'must be a whole number of hours' })
    .int({ error: 'must be a whole number of hours' })
    .min(1, { error: 'must be at least 1' })
    .max(24 * 30, { error: 'must be at most 720 (30 days)' })
    .default(12),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  DEFAULT_TIMEZONE: z.string().default('Asia/Shanghai'),
  FFMPEG_PATH: z.string().trim().min(1).optional(),
  LIVE_IDLE_STOP_SECONDS: z.coerce
    .number({ error: 'must be a number of seconds' })
    .min(0, { error: 'must be at least 0' })
    .max(600, { error: 'must be at most 600' })
    .default(5),
  ALERT_ESCALATION_MINUTES: z.coerce
    .number({ error: 'must be a number of minutes' })
    .min(0.01, { error: 'must be at least 0.01' })
    .max(1440, { error: 'must be at most 1440 (a day)' })
    .default(5),
  ALERT_COOLDOWN_SECONDS: z.coerce
    .number({ error: 'must be a number of seconds' })
    .min(0, { error: 'must be at least 0' })
    .max(86_400, { error: 'must be at most 86400 (a day)' })
    .default(120),
  ALERT_WEBHOOK_URL: optionalUrl(['http:', 'https:']),
  ALERT_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  ANALYSIS_CAMERAS: z
    .string()
    .trim()
    .regex(
      /^(all|none|[0-9a-f-]{36}(,[0-9a-f-]{36})*)$/i,
      'must be "all", "none" or camera ids, comma-separated',
    )
    .optional(),
  ANALYSIS_CPU_CORES: z.coerce
    .number({ error: 'must be a number of cores' })
    .min(0.05, { error: 'must be at least 0.05' })
    .max(256, { error: 'must be at most 256' })
    .default(1),
  WORK_ORDER_AFTER_MINUTES: z.coerce
    .number({ error: 'must be a number of minutes' })
    .min(0.1, { error: 'must be at least 0.1 (6 seconds)' })
    .max(24 * 60, { error: 'must be at most 1440 (one day)' })
    .default(5),
  FOOTAGE_REQUEST_DUE_DAYS: z.coerce
    .number({ error: 'must be a number of days' })
    .int({ error: 'must be a whole number of days' })
    .min(1, { error: 'must be at least 1' })
    .max(60, { error: 'must be at most 60' })
    .default(10),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  natsUrl: string | undefined;
  secretKeyHex: string | undefined;
  logLevel: Env['LOG_LEVEL'];
  demoPassword: string | undefined;
  /** RTSP port of the demo's camera simulator; fixed so that stored URLs survive a restart. */
  demoCameraPort: number;
  sessionTtlHours: number;
  trustProxy: boolean;
  defaultTimezone: string;
  ffmpegPath: string | undefined;
  /** A live relay with no viewer stops after this long. */
  liveIdleStopMs: number;
  alerts: {
    escalationMs: number;
    cooldownMs: number;
    webhook: { url: string; secret: string } | undefined;
  };
  analysis: {
    /** Cameras analysed: all, those listed, or by default none (two cameras in the demo). */
    cameras: 'all' | string[] | 'default';
    /** CPU the analysis may use, in cores. */
    cpuCores: number;
  };
  /** A camera fault lasting this long opens a work order. */
  workOrderAfterMs: number;
  /** Days a reviewer has to decide a footage request. */
  footageRequestDueDays: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

export interface ConfigOverrides {
  port?: number;
  dataDir?: string;
}

/** Reads and validates the environment; throws a ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv, overrides: ConfigOverrides = {}): Config {
  const present = Object.fromEntries(
    Object.keys(envSchema.shape)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue?.path[0] ?? 'environment'), issue?.message ?? 'is invalid');
  }

  const e = parsed.data;
  if (!isValidTimezone(e.DEFAULT_TIMEZONE)) {
    throw new ConfigError(
      'DEFAULT_TIMEZONE',
      `is not a known IANA time zone: ${e.DEFAULT_TIMEZONE}`,
    );
  }
  return {
    port: overrides.port ?? e.PORT,
    host: e.HOST,
    dataDir: path.resolve(overrides.dataDir ?? e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    natsUrl: e.NATS_URL,
    secretKeyHex: e.SECRET_KEY,
    logLevel: e.LOG_LEVEL,
    demoPassword: e.GARDENWATCH_DEMO_PASSWORD,
    demoCameraPort: e.GARDENWATCH_DEMO_CAMERA_PORT,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    trustProxy: e.TRUST_PROXY,
    defaultTimezone: e.DEFAULT_TIMEZONE,
    ffmpegPath: e.FFMPEG_PATH,
    liveIdleStopMs: Math.round(e.LIVE_IDLE_STOP_SECONDS * 1000),
    alerts: {
      escalationMs: Math.round(e.ALERT_ESCALATION_MINUTES * 60_000),
      cooldownMs: Math.round(e.ALERT_COOLDOWN_SECONDS * 1000),
      webhook: webhookOf(e),
    },
    analysis: {
      cameras: analysedCameras(e.ANALYSIS_CAMERAS),
      cpuCores: e.ANALYSIS_CPU_CORES,
    },
    workOrderAfterMs: Math.round(e.WORK_ORDER_AFTER_MINUTES * 60_000),
    footageRequestDueDays: e.FOOTAGE_REQUEST_DUE_DAYS,
  };
}

function analysedCameras(value: string | undefined): Config['analysis']['cameras'] {
  if (value === undefined) return 'default';
  if (value === 'all') return 'all';
  return value === 'none' ? [] : value.split(',');
}

function webhookOf(e: Env): Config['alerts']['webhook'] {
  if (!e.ALERT_WEBHOOK_URL) return undefined;
  if (!e.ALERT_WEBHOOK_SECRET) {
    throw new ConfigError('ALERT_WEBHOOK_SECRET', 'is required when ALERT_WEBHOOK_URL is set');
  }
  return { url: e.ALERT_WEBHOOK_URL, secret: e.ALERT_WEBHOOK_SECRET };
}

function isValidTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
