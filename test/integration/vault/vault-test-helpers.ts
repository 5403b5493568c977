// Shared setup for the vault tests: a fresh temp data folder per test, the real conf store
// factory, the fake key protector, and a few helpers to look at what is on disk.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import type { ActivityEntry } from '../../../electron/common/model';
import type { Logger } from '../../../electron/backend/ports';
import { openVault } from '../../../electron/backend/vault/open-vault';
import type { VaultController } from '../../../electron/backend/vault/vault-controller';
import type { Vault, StoredApp, StoredInstall } from '../../../electron/backend/vault/vault-types';
import { confStoreFactory } from '../../fakes/conf-store-factory';
import { createFakeKeyProtector, type FakeKeyProtector, type FakeKeyProtectorOptions } from '../../fakes/fake-key-protector';

const openVaults: Vault[] = [];
const tempDirs: string[] = [];

afterEach(async () => {
  await Promise.all(openVaults.splice(0).map((vault) => vault.close()));
  await Promise.all(tempDirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

export async function makeTempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vault-test-'));
  tempDirs.push(dir);
  return dir;
}

/** A temp data folder holding a copy of a checked-in vault (test/fixtures/vault/<name>): migrations run on the copy. */
export async function copyVaultFixture(name: 'v1' | 'v2'): Promise<string> {
  const fixtureDir = fileURLToPath(new URL(`../../fixtures/vault/${name}`, import.meta.url));
  const dir = await makeTempDir();
  for (const file of await fs.readdir(fixtureDir)) await fs.copyFile(path.join(fixtureDir, file), path.join(dir, file));
  return dir;
}

export interface CapturedLog extends Logger {
  lines: string[];
}

export function captureLogger(): CapturedLog {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message, error) => lines.push(`error ${message} ${error instanceof Error ? error.message : ''}`),
  };
}

export function protector(level: FakeKeyProtectorOptions['level'] = 'strong', extra: Partial<FakeKeyProtectorOptions> = {}): FakeKeyProtector {
  return createFakeKeyProtector({ level, ...extra });
}

export async function open(dataDir: string, keyProtector: FakeKeyProtector = protector(), logger: Logger = captureLogger()): Promise<Vault> {
  const vault = await openVault({ dataDir, keyProtector, storeFactory: confStoreFactory, logger });
  openVaults.push(vault);
  return vault;
}

/** Waits for the activity log that openVault attaches in the background (and any recovery it did). */
export async function activityAttached(vault: Vault): Promise<void> {
  await (vault as VaultController).activityAttached();
}

/** Closes a vault early (before reopening the same folder) and drops it from the cleanup list. */
export async function closeVault(vault: Vault): Promise<void> {
  const index = openVaults.indexOf(vault);
  if (index >= 0) openVaults.splice(index, 1);
  await vault.close();
}

export function storeFile(dir: string): string {
  return path.join(dir, 'vault.json');
}

export function keyFile(dir: string): string {
  return path.join(dir, 'vault-key.json');
}

export function activityFile(dir: string): string {
  return path.join(dir, 'activity.log');
}

export async function listDir(dir: string): Promise<string[]> {
  return (await fs.readdir(dir)).sort();
}

/** Every file's bytes, to prove that an operation changed nothing on disk. */
export async function snapshotDir(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of await listDir(dir)) out[name] = (await fs.readFile(path.join(dir, name))).toString('base64');
  return out;
}

export const SECRET = 'client-secret-do-not-leak-6c1e9f';

export function sampleApp(overrides: Partial<StoredApp> = {}): StoredApp {
  return {
    id: 'app_1',
    name: 'Test app',
    clientId: 'client-1',
    clientSecret: SECRET,
    scopes: ['openid', 'offline'],
    redirect: { mode: 'loopback', port: 8765, path: '/callback', relayUrl: '', pasteUrl: '', includeAccountParam: false },
    clientAuth: 'basic',
    pkce: false,
    builtIn: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function sampleActivity(overrides: Partial<Omit<ActivityEntry, 'id'>> = {}): Omit<ActivityEntry, 'id'> {
  return {
    at: '2026-01-01T00:00:00.000Z',
    kind: 'api',
    appId: 'app_1',
    accountId: 'acc_1',
    installId: null,
    method: 'GET',
    url: 'https://acme.gorgias.com/api/account',
    status: 200,
    durationMs: 12,
    requestHeaders: {},
    responseHeaders: {},
    requestBody: null,
    responseBody: null,
    error: null,
    ...overrides,
  };
}

export function sampleInstall(id: string, overrides: Partial<StoredInstall> = {}): StoredInstall {
  return {
    id, appId: 'app_1', accountId: 'acc_1', accessToken: `at-${id}`, refreshToken: `rt-${id}`, idToken: null, tokenType: 'Bearer',
    requestedScopes: ['openid'], grantedScopes: ['openid'], obtainedAt: '2026-01-01T00:00:00.000Z', refreshedAt: null,
    expiresAt: '2026-01-02T00:00:00.000Z', expirySource: 'expires-in', expiresInAnswered: 86400, revokedAt: null,
    failing: false, lastError: null, checks: [], user: null, ...overrides,
  };
}
