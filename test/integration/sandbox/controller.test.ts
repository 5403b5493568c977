// The backend's sandbox controller and service: lazy start, port fallback, key persistence, quirks.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxController, type SandboxController } from '../../../electron/backend/sandbox/sandbox-controller';
import { createSandboxService } from '../../../electron/backend/sandbox/sandbox-service';
import type { SandboxQuirks } from '../../../electron/common/model';
import { consentInSandbox } from '../../fakes/sandbox-browser';
import { CLIENT_ID, CLIENT_SECRET, basicAuth, postForm, startCallbackServer } from './helpers';

// The 2021 style, set explicitly: the tests below switch away from it.
const quirks: SandboxQuirks = { expiresIn: 0, numericSub: true, issuerWithoutIdp: true, rotateRefreshTokens: false };
const warnings: string[] = [];
const logger = { info: () => undefined, warn: (m: string) => warnings.push(m), error: () => undefined };

let dir: string;
const controllers: SandboxController[] = [];
const make = (options: Parameters<typeof createSandboxController>[0]) => {
  const controller = createSandboxController(options);
  controllers.push(controller);
  return controller;
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sandbox-controller-'));
  warnings.length = 0;
});
afterEach(async () => {
  await Promise.all(controllers.splice(0).map((c) => c.close()));
  await rm(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A token for user 1 on `acme`, obtained through the whole flow. */
async function accessTokenFrom(controller: SandboxController): Promise<string> {
  const sandbox = await controller.ensureStarted();
  const callback = await startCallbackServer();
  try {
    sandbox.addAccount('acme');
    sandbox.registerClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [callback.url] });
    const url = new URL(`${sandbox.baseUrlFor('acme')}/oauth/authorize`);
    url.search = new URLSearchParams({ response_type: 'code', client_id: CLIENT_ID, redirect_uri: callback.url, scope: 'account:read', state: 's' }).toString();
    const outcome = await consentInSandbox(url.toString());
    const code = new URL(outcome.redirectedTo).searchParams.get('code') ?? '';
    const answer = await postForm(`${sandbox.baseUrlFor('acme')}/oauth/token`, { grant_type: 'authorization_code', code, redirect_uri: callback.url }, { Authorization: basicAuth(CLIENT_ID, CLIENT_SECRET) });
    return String(answer.body.access_token);
  } finally {
    await callback.close();
  }
}

describe('sandbox controller', () => {
  it('starts lazily, once, even when asked twice at the same time', async () => {
    const controller = make({ port: 0, quirks, logger });
    expect(controller.status()).toEqual({ running: false, baseUrl: null, quirks });
    expect(controller.current()).toBeNull();
    const [a, b] = await Promise.all([controller.ensureStarted(), controller.ensureStarted()]);
    expect(a).toBe(b);
    expect(controller.status()).toMatchObject({ running: true, baseUrl: a.origin });
    expect(a.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await controller.close();
    await expect(controller.ensureStarted()).rejects.toThrow();
    expect(controller.status().running).toBe(false);
  });

  it('uses the preferred port when free and falls back to any free port when it is taken', async () => {
    const wanted = await freePort();
    const first = make({ port: wanted, quirks, logger });
    expect((await first.ensureStarted()).origin).toBe(`http://127.0.0.1:${wanted}`);
    const second = make({ port: wanted, quirks, logger });
    const fallback = await second.ensureStarted();
    expect(fallback.origin).not.toBe(`http://127.0.0.1:${wanted}`);
    expect(warnings.some((w) => w.includes(String(wanted)))).toBe(true);
  });

  it('persists the signing key (mode 0600) so tokens verify after a restart', async () => {
    const keyFile = join(dir, 'sandbox-key.json');
    const port = await freePort();
    const first = make({ port, quirks, logger, keyFile });
    const token = await accessTokenFrom(first);
    await first.close();
    const saved = JSON.parse(await readFile(keyFile, 'utf8')) as Record<string, unknown>;
    expect(saved.kty).toBe('RSA');
    expect(typeof saved.d).toBe('string');
    if (process.platform !== 'win32') expect((await stat(keyFile)).mode & 0o777).toBe(0o600);

    const second = make({ port, quirks, logger, keyFile });
    const sandbox = await second.ensureStarted();
    expect(sandbox.origin).toBe(`http://127.0.0.1:${port}`);
    sandbox.addAccount('acme');
    const res = await fetch(`${sandbox.baseUrlFor('acme')}/api/account`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);

    const fresh = make({ port, quirks, logger, keyFile: join(dir, 'other-key.json') });
    await second.close();
    const other = await fresh.ensureStarted();
    other.addAccount('acme');
    const refused = await fetch(`${other.baseUrlFor('acme')}/api/account`, { headers: { Authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(401);
  });

  it('survives a broken key file with a warning and a new key', async () => {
    const keyFile = join(dir, 'sandbox-key.json');
    await writeFile(keyFile, '{not json');
    const controller = make({ port: 0, quirks, logger, keyFile });
    await controller.ensureStarted();
    expect(warnings.some((w) => w.includes('key file'))).toBe(true);
  });

  it('applies quirks before and after the start', async () => {
    const controller = make({ port: 0, quirks, logger });
    expect(controller.setQuirks({ expiresIn: 86400 }).quirks.expiresIn).toBe(86400);
    const sandbox = await controller.ensureStarted();
    expect(sandbox.quirks.expiresIn).toBe(86400);
    controller.setQuirks({ numericSub: false });
    expect(sandbox.quirks).toEqual({ expiresIn: 86400, numericSub: false, issuerWithoutIdp: true, rotateRefreshTokens: false });
  });

  it("defaults to today's Gorgias when no quirks are given", () => {
    const controller = make({ port: 0, logger });
    expect(controller.status().quirks).toEqual({ expiresIn: 86400, numericSub: false, issuerWithoutIdp: false, rotateRefreshTokens: false });
  });
});

describe('sandbox service', () => {
  it('reports status and persists changed quirks through the callback', async () => {
    const controller = make({ port: 0, quirks, logger });
    const persisted: SandboxQuirks[] = [];
    const service = createSandboxService(controller, async (q) => {
      persisted.push(q);
    });
    expect(await service['sandbox.status'](undefined)).toEqual({ running: false, baseUrl: null, quirks });
    const status = await service['sandbox.setQuirks']({ rotateRefreshTokens: true });
    expect(status.quirks.rotateRefreshTokens).toBe(true);
    expect(persisted).toEqual([{ expiresIn: 0, numericSub: true, issuerWithoutIdp: true, rotateRefreshTokens: true }]);
    const today = await service['sandbox.setQuirks']({ issuerWithoutIdp: false });
    expect(today.quirks.issuerWithoutIdp).toBe(false);
  });
});
