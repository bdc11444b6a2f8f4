import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity } from 'botframework-connector';
import { describe, expect, it } from 'vitest';
import { reusingConnectorFactory } from '../../adapters/teams/index.ts';

type Factory = Parameters<typeof reusingConnectorFactory>[0];
type Client = Awaited<ReturnType<Factory['create']>>;

/** A factory shaped like botbuilder's (it keeps the app id it was made for) that counts its builds. */
function countingFactory(appId: string | undefined, fail = false) {
  const built: string[] = [];
  const factory = {
    appId,
    create: async (serviceUrl: string, audience?: string) => {
      built.push(`${serviceUrl} ${audience}`);
      if (fail) throw new Error('no credentials');
      return { serviceUrl, audience } as unknown as Client;
    },
  } as unknown as Factory;
  return { factory, built };
}

describe('connector clients', () => {
  it('builds and prepares one client per app id, service URL and audience, then reuses it', async () => {
    const clients = new Map();
    const prepared: unknown[] = [];
    const prepare = (c: Client) => void prepared.push(c);
    const first = countingFactory('app');
    const a = reusingConnectorFactory(first.factory, clients, prepare);
    const [one, two] = await Promise.all([
      a.create('https://smba/amer/', 'aud'),
      a.create('https://smba/amer/', 'aud'),
    ]);
    expect(two).toBe(one);
    // A later turn gets a new factory from botbuilder: same app id, same client.
    const later = countingFactory('app');
    expect(
      await reusingConnectorFactory(later.factory, clients, prepare).create('https://smba/amer/', 'aud'),
    ).toBe(one);
    expect(await a.create('https://smba/emea/', 'aud')).not.toBe(one);
    expect(await a.create('https://smba/amer/', 'other')).not.toBe(one);
    const otherApp = countingFactory('another-app');
    expect(
      await reusingConnectorFactory(otherApp.factory, clients, prepare).create('https://smba/amer/', 'aud'),
    ).not.toBe(one);
    expect([first.built.length, later.built.length, otherApp.built.length]).toEqual([3, 0, 1]);
    expect(prepared).toHaveLength(4);
  });

  it('does not keep a client that failed to build', async () => {
    const clients = new Map();
    const failing = countingFactory('app', true);
    const factory = reusingConnectorFactory(failing.factory, clients, () => {});
    await expect(factory.create('https://smba/amer/')).rejects.toThrow('no credentials');
    expect(clients.size).toBe(0);
    await expect(factory.create('https://smba/amer/')).rejects.toThrow('no credentials');
    expect(failing.built).toHaveLength(2);
  });

  it('keeps at most `max` clients, dropping the oldest', async () => {
    const clients = new Map();
    const { factory, built } = countingFactory('app');
    const reusing = reusingConnectorFactory(factory, clients, () => {}, 2);
    for (const url of ['https://a/', 'https://b/', 'https://c/', 'https://c/', 'https://a/']) {
      await reusing.create(url);
    }
    expect(clients.size).toBe(2);
    expect(built.map((b) => b.split(' ')[0])).toEqual([
      'https://a/',
      'https://b/',
      'https://c/',
      'https://a/',
    ]);
  });

  it('builds per call from a factory that does not say which app it is for', async () => {
    const built: string[] = [];
    const factory = {
      create: async (serviceUrl: string) => (built.push(serviceUrl), {}) as Client,
    } as unknown as Factory;
    const reusing = reusingConnectorFactory(factory, new Map(), () => {});
    expect(await reusing.create('https://a/')).not.toBe(await reusing.create('https://a/'));
    expect(built).toHaveLength(2);
  });

  it("reuses the installed botbuilder's connector clients (its factories keep their app id)", async () => {
    const auth = new ConfigurationBotFrameworkAuthentication({});
    const claims = new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType);
    const clients = new Map();
    let prepared = 0;
    const create = () =>
      reusingConnectorFactory(auth.createConnectorFactory(claims), clients, () => void prepared++).create(
        'http://127.0.0.1:3978/',
      );
    expect(await create()).toBe(await create());
    expect(prepared).toBe(1);
  });
});
