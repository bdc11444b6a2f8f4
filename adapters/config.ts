/**
 * All configuration, read once from the environment and validated with zod. Empty strings
 * count as unset; every problem is listed in one error. No module reads process.env elsewhere.
 */
import { z } from 'zod';

const optional = z
  .string()
  .transform((v) => v.trim())
  .optional()
  .transform((v) => (v ? v : undefined));

/** A whole number from the environment, with a default when unset. */
const wholeNumber = (fallback: number, max: number) =>
  optional
    .transform((v) => (v === undefined ? fallback : Number(v)))
    .pipe(
      z
        .number()
        .int('must be a whole number')
        .min(0, 'must not be negative')
        .max(max, `must be at most ${max}`),
    );

const envSchema = z.object({
  PORT: wholeNumber(3000, 65535),
  HOST: optional.pipe(z.string().default('0.0.0.0')),
  KNOWLEDGE_DIR: optional,
  LOG_LEVEL: optional.pipe(z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info')),
  RATE_LIMIT_PER_MINUTE: wholeNumber(10, 1_000_000),
  SLACK_BOT_TOKEN: optional.pipe(z.string().startsWith('xoxb-', 'must start with xoxb-').optional()),
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional.pipe(z.string().startsWith('xapp-', 'must start with xapp-').optional()),
  SLACK_API_URL: optional.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
  MicrosoftAppId: optional,
  MicrosoftAppPassword: optional,
  MicrosoftAppType: optional.pipe(
    z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  ),
  MicrosoftAppTenantId: optional,
  TEAMS_LOCAL: optional.pipe(z.enum(['0', '1', 'true', 'false']).optional()),
});

export interface SlackConfig {
  mode: 'http' | 'socket';
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
}

export interface TeamsConfig {
  /** No app id: authentication disabled, for the Emulator / Agents Playground only. */
  local: boolean;
  appId?: string;
  appPassword?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId?: string;
}

export interface Config {
  port: number;
  host: string;
  knowledgeDir?: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Questions a user may ask per minute; 0 turns the limit off. */
  rateLimitPerMinute: number;
  slack: SlackConfig | null;
  teams: TeamsConfig | null;
}

/** Raised when the environment is not a usable configuration; lists every problem. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Validates `env` into a {@link Config}. Throws {@link ConfigError} naming every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const problems: string[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  if (!parsed.success) throw new ConfigError(problems);
  const e = parsed.data;

  let slack: SlackConfig | null = null;
  if (e.SLACK_BOT_TOKEN) {
    if (e.SLACK_APP_TOKEN)
      slack = { mode: 'socket', botToken: e.SLACK_BOT_TOKEN, appToken: e.SLACK_APP_TOKEN };
    else if (e.SLACK_SIGNING_SECRET)
      slack = { mode: 'http', botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET };
    else
      problems.push(
        'SLACK_BOT_TOKEN is set: also set SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)',
      );
    if (slack) {
      if (e.SLACK_SIGNING_SECRET) slack.signingSecret = e.SLACK_SIGNING_SECRET;
      if (e.SLACK_API_URL)
        slack.apiUrl = e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`;
    }
  } else if (e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN) {
    problems.push('SLACK_BOT_TOKEN: missing (SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set without it)');
  }

  let teams: TeamsConfig | null = null;
  const teamsLocal = e.TEAMS_LOCAL === '1' || e.TEAMS_LOCAL === 'true';
  if (e.MicrosoftAppId) {
    if (e.MicrosoftAppType !== 'UserAssignedMSI' && !e.MicrosoftAppPassword)
      problems.push(`MicrosoftAppPassword: missing (required for MicrosoftAppType ${e.MicrosoftAppType})`);
    if (e.MicrosoftAppType !== 'MultiTenant' && !e.MicrosoftAppTenantId)
      problems.push(`MicrosoftAppTenantId: missing (required for MicrosoftAppType ${e.MicrosoftAppType})`);
    teams = { local: false, appId: e.MicrosoftAppId, appType: e.MicrosoftAppType };
    if (e.MicrosoftAppPassword) teams.appPassword = e.MicrosoftAppPassword;
    if (e.MicrosoftAppTenantId) teams.tenantId = e.MicrosoftAppTenantId;
  } else if (teamsLocal) {
    teams = { local: true, appType: e.MicrosoftAppType };
  } else if (e.MicrosoftAppPassword || e.MicrosoftAppTenantId) {
    problems.push('MicrosoftAppId: missing (MicrosoftAppPassword or MicrosoftAppTenantId is set without it)');
  }

  if (problems.length > 0) throw new ConfigError(problems);
  const config: Config = {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    slack,
    teams,
  };
  if (e.KNOWLEDGE_DIR) config.knowledgeDir = e.KNOWLEDGE_DIR;
  return config;
}

/** The keys the schema reads: `.env.example` lists exactly these (a test checks it). */
export const CONFIG_KEYS = Object.keys(envSchema.shape);
