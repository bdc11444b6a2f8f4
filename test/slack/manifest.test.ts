/**
 * adapters/slack/manifest.json (HTTP) and manifest.socket.json (Socket Mode) against the parts of
 * Slack's manifest schema (slackapi/manifest-schema, v1) they use: unknown keys rejected, lengths
 * and patterns as Slack checks them. And against the code: the same commands and events.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const dir = fileURLToPath(new URL('../../adapters/slack/', import.meta.url));
const read = (file: string): unknown => JSON.parse(readFileSync(`${dir}${file}`, 'utf8'));

const url = z
  .string()
  .regex(/^https?:\/\//)
  .max(3500);
const scopes = z.array(z.string().max(50)).max(255);
const manifestSchema = z.strictObject({
  $schema: z.string().optional(),
  _metadata: z
    .strictObject({
      schema_version: z.int().optional(),
      min_version: z.int().optional(),
      major_version: z.int().optional(),
      minor_version: z.int().optional(),
    })
    .optional(),
  display_information: z.strictObject({
    name: z.string().min(1).max(35),
    description: z.string().min(1).max(140).optional(),
    background_color: z
      .string()
      .regex(/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/)
      .optional(),
    long_description: z.string().min(175).max(4000).optional(),
  }),
  features: z
    .strictObject({
      app_home: z
        .strictObject({
          home_tab_enabled: z.boolean().optional(),
          messages_tab_enabled: z.boolean().optional(),
          messages_tab_read_only_enabled: z.boolean().optional(),
        })
        .optional(),
      bot_user: z
        .strictObject({ display_name: z.string().min(1).max(80), always_online: z.boolean().optional() })
        .optional(),
      slash_commands: z
        .array(
          z.strictObject({
            command: z.string().min(2).max(32).regex(/^\//),
            url: z
              .string()
              .regex(/^https?:\/\//)
              .max(3000)
              .optional(),
            description: z.string().min(1).max(2000),
            usage_hint: z.string().min(1).max(1000).optional(),
            should_escape: z.boolean().optional(),
          }),
        )
        .min(1)
        .max(50)
        .optional(),
    })
    .optional(),
  oauth_config: z
    .strictObject({
      redirect_urls: z.array(z.string().max(2500)).optional(),
      scopes: z
        .strictObject({
          bot: scopes.optional(),
          user: scopes.optional(),
          bot_optional: scopes.optional(),
          user_optional: scopes.optional(),
        })
        .optional(),
      token_management_enabled: z.boolean().optional(),
      pkce_enabled: z.boolean().optional(),
    })
    .optional(),
  settings: z
    .strictObject({
      event_subscriptions: z
        .strictObject({
          request_url: url.optional(),
          bot_events: z.array(z.string().max(50)).max(100).optional(),
          user_events: z.array(z.string().max(50)).max(100).optional(),
        })
        .optional(),
      interactivity: z
        .strictObject({
          is_enabled: z.boolean(),
          request_url: url.optional(),
          message_menu_options_url: url.optional(),
        })
        .optional(),
      org_deploy_enabled: z.boolean().optional(),
      socket_mode_enabled: z.boolean().optional(),
      token_rotation_enabled: z.boolean().optional(),
    })
    .optional(),
});
type Manifest = z.infer<typeof manifestSchema>;

/** Every string literal passed to app.<kind>('…') in the listener sources. */
function registered(kind: 'command' | 'event'): string[] {
  const root = `${dir}listeners/`;
  const names: string[] = [];
  for (const folder of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()))
    for (const file of readdirSync(`${root}${folder.name}`)) {
      const source = readFileSync(`${root}${folder.name}/${file}`, 'utf8');
      for (const m of source.matchAll(new RegExp(`app\\.${kind}\\('([^']+)'`, 'g')))
        if (m[1]) names.push(m[1]);
    }
  return names.sort();
}

describe.each(['manifest.json', 'manifest.socket.json'])('%s', (file) => {
  const manifest = manifestSchema.parse(read(file));

  it('declares the bot user, the DM messages tab and the Home tab', () => {
    expect(manifest.features?.bot_user?.display_name).toBe('Cita');
    expect(manifest.features?.app_home).toEqual({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
  });

  it('declares exactly the slash commands the code handles', () => {
    expect(manifest.features?.slash_commands?.map((c) => c.command).sort()).toEqual(registered('command'));
  });

  it('subscribes to exactly the events the code handles (DMs as message.im)', () => {
    const events = registered('event').map((e) => (e === 'message' ? 'message.im' : e));
    expect([...(manifest.settings?.event_subscriptions?.bot_events ?? [])].sort()).toEqual(events);
  });

  it('asks for the scopes the calls need, and no more', () => {
    // app_mention → app_mentions:read; message.im → im:history; slash commands → commands;
    // chat.postMessage/postEphemeral → chat:write; conversations.open (Sources DM) → im:write;
    // users.info (the user's locale, a language hint) → users:read.
    expect(manifest.oauth_config?.scopes?.bot).toEqual([
      'app_mentions:read',
      'chat:write',
      'commands',
      'im:history',
      'im:write',
      'users:read',
    ]);
  });

  it('turns interactivity on (buttons)', () => {
    expect(manifest.settings?.interactivity?.is_enabled).toBe(true);
  });
});

describe('the two variants', () => {
  const http = manifestSchema.parse(read('manifest.json'));
  const socket = manifestSchema.parse(read('manifest.socket.json'));

  it('HTTP mode sends everything to /slack/events', () => {
    const urls = [
      http.settings?.event_subscriptions?.request_url,
      http.settings?.interactivity?.request_url,
      ...(http.features?.slash_commands ?? []).map((c) => c.url),
    ];
    expect(urls.every((u) => u?.endsWith('/slack/events'))).toBe(true);
    expect(http.settings?.socket_mode_enabled).toBe(false);
  });

  it('Socket Mode is the same app without request URLs', () => {
    expect(socket.settings?.socket_mode_enabled).toBe(true);
    const strip = (m: Manifest): Manifest =>
      JSON.parse(JSON.stringify(m, (k, v) => (k === 'url' || k === 'request_url' ? undefined : v)));
    expect(strip(socket)).toEqual({
      ...strip(http),
      settings: { ...strip(http).settings, socket_mode_enabled: true },
    });
  });
});

describe('schema check itself', () => {
  it('rejects what Slack would reject', () => {
    const bad = structuredClone(read('manifest.json')) as Manifest & {
      features: { slash_commands: { command: string }[] };
    };
    bad.features.slash_commands[0] = { ...bad.features.slash_commands[0], command: 'cita' } as never;
    expect(manifestSchema.safeParse(bad).success).toBe(false);
    expect(
      manifestSchema.safeParse({ ...(read('manifest.json') as object), unknown_key: true }).success,
    ).toBe(false);
  });
});
