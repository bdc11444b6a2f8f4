import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, ConfigError, loadConfig } from '../../adapters/config.ts';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected loadConfig to fail');
}

describe('loadConfig', () => {
  it('defaults to no adapters (the terminal chat), port 3000', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '0.0.0.0',
      logLevel: 'info',
      rateLimitPerMinute: 10,
      slack: null,
      teams: null,
    });
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', SLACK_BOT_TOKEN: '  ', MicrosoftAppId: '' }).slack).toBeNull();
  });

  it('chooses Slack HTTP mode or Socket Mode from the tokens given', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack).toEqual({
      mode: 'http',
      botToken: 'xoxb-1',
      signingSecret: 's',
    });
    expect(
      loadConfig({
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_APP_TOKEN: 'xapp-1',
        SLACK_API_URL: 'http://127.0.0.1:9/api',
      }).slack,
    ).toEqual({
      mode: 'socket',
      botToken: 'xoxb-1',
      appToken: 'xapp-1',
      apiUrl: 'http://127.0.0.1:9/api/',
    });
  });

  it('serves Teams with an app id, or locally without authentication when asked', () => {
    expect(loadConfig({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw' }).teams).toEqual({
      local: false,
      appId: 'id',
      appPassword: 'pw',
      appType: 'MultiTenant',
    });
    expect(loadConfig({ TEAMS_LOCAL: '1' }).teams).toEqual({ local: true, appType: 'MultiTenant' });
  });

  it('lists every problem in one error', () => {
    expect(problems({ PORT: 'eighty', SLACK_BOT_TOKEN: 'xoxp-1', SLACK_API_URL: 'nope' })).toEqual([
      'PORT: Invalid input: expected number, received NaN',
      'SLACK_BOT_TOKEN: must start with xoxb-',
      'SLACK_API_URL: must be an http(s) URL',
    ]);
    expect(
      problems({ SLACK_BOT_TOKEN: 'xoxb-1', MicrosoftAppId: 'id', MicrosoftAppType: 'SingleTenant' }),
    ).toEqual([
      'SLACK_BOT_TOKEN is set: also set SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)',
      'MicrosoftAppPassword: missing (required for MicrosoftAppType SingleTenant)',
      'MicrosoftAppTenantId: missing (required for MicrosoftAppType SingleTenant)',
    ]);
    expect(new ConfigError(['a', 'b']).message).toBe('Invalid configuration:\n  - a\n  - b');
  });

  it('.env.example lists exactly the keys the schema reads', () => {
    const keys = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => /^[A-Za-z_]+=/.test(line))
      .map((line) => line.split('=')[0]);
    expect(keys.sort()).toEqual([...CONFIG_KEYS].sort());
  });
});
