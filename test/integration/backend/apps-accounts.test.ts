// The backend as the renderer sees it: through the dispatcher (schema checks, Result envelopes),
// on a real vault in a temp folder, restarted on the same folder.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/backend/dispatch/dispatcher';
import type { Result } from '../../../electron/common/errors';
import type { AccountView, AppView } from '../../../electron/common/model';
import { createBackend, type Backend } from '../../../electron/backend/create-backend';
import { DEMO_CLIENT_ID } from '../../../electron/backend/first-run-seed';
import { createRecordingPorts } from '../../fakes/recording-ports';

const SECRET = 'sk_test_RECOGNISABLE_SECRET_42';

const newApp = {
  name: 'Helpdesk sync',
  clientId: 'client-helpdesk-sync',
  clientSecret: SECRET,
  scopes: ['openid', 'offline', 'tickets:read', 'tickets:read'],
  redirect: { mode: 'loopback', port: 8765, path: '/callback', relayUrl: '', pasteUrl: '', includeAccountParam: false },
  clientAuth: 'basic',
  pkce: false,
} as const;

const newAccount = { subdomain: 'Acme', label: 'Acme (prod)', kind: 'production', notes: '', customBaseUrl: null } as const;

let dataDir: string;
let backend: Backend;
let dispatch: (method: string, input?: unknown) => Promise<Result<unknown>>;
const sentToRenderer: unknown[] = [];

async function start() {
  backend = await createBackend({ dataDir, ports: createRecordingPorts().ports, sandboxPort: 0 });
  const dispatcher = createDispatcher(backend);
  dispatch = async (method, input) => {
    const result = await dispatcher(method, input);
    sentToRenderer.push(result);
    return result;
  };
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'workbench-backend-'));
  sentToRenderer.length = 0;
  await start();
});

afterEach(async () => {
  await backend.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('first run', () => {
  it('has the Local sandbox account and the Demo app, once', async () => {
    const apps = value<AppView[]>(await dispatch('apps.list'));
    const accounts = value<AccountView[]>(await dispatch('accounts.list'));
    expect(apps.map((app) => [app.name, app.clientId, app.builtIn, app.hasClientSecret])).toEqual([['Demo app', DEMO_CLIENT_ID, true, true]]);
    expect(accounts.map((account) => [account.label, account.builtInSandbox, account.kind])).toEqual([['Local sandbox', true, 'sandbox']]);

    // Deleting them is respected after a restart: the seed runs once.
    await dispatch('apps.delete', { id: apps[0]!.id });
    await backend.close();
    await start();
    expect(value<AppView[]>(await dispatch('apps.list'))).toEqual([]);
  });
});

describe('apps', () => {
  it('creates, survives a restart, and never hands the secret back', async () => {
    const created = value<AppView>(await dispatch('apps.create', newApp));
    expect(created).toMatchObject({ name: 'Helpdesk sync', hasClientSecret: true, scopes: ['openid', 'offline', 'tickets:read'] });
    expect(created.redirectUriToRegister).toBe('http://127.0.0.1:8765/callback');

    await backend.close();
    await start();
    const apps = value<AppView[]>(await dispatch('apps.list'));
    expect(apps.map((app) => app.name)).toContain('Helpdesk sync');
    expect(JSON.stringify(sentToRenderer)).not.toContain(SECRET);

    // The secret is on disk only encrypted.
    for (const file of await readdir(dataDir)) {
      const bytes = await readFile(join(dataDir, file)).catch(() => Buffer.alloc(0));
      expect(bytes.includes(Buffer.from(SECRET)), file).toBe(false);
    }
  });

  it('edits without the secret keeps it, and a new one replaces it', async () => {
    const created = value<AppView>(await dispatch('apps.create', newApp));
    const renamed = value<AppView>(await dispatch('apps.update', { id: created.id, patch: { name: 'Renamed', clientSecret: '' } }));
    expect(renamed).toMatchObject({ name: 'Renamed', hasClientSecret: true });
    const stored = () => backend.vault.data().apps.find((app) => app.id === created.id)!;
    expect(stored().clientSecret).toBe(SECRET);
    await dispatch('apps.update', { id: created.id, patch: { clientSecret: 'sk_new' } });
    expect(stored().clientSecret).toBe('sk_new');
  });

  it('explains bad redirect settings and stores nothing', async () => {
    const relayOverHttp = await dispatch('apps.create', { ...newApp, redirect: { ...newApp.redirect, mode: 'relay', relayUrl: 'http://example.com/relay' } });
    expect(relayOverHttp).toMatchObject({ ok: false, error: { code: 'INVALID_URL' } });
    const privilegedPort = await dispatch('apps.create', { ...newApp, redirect: { ...newApp.redirect, port: 80 } });
    expect(privilegedPort).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(value<AppView[]>(await dispatch('apps.list')).map((app) => app.name)).toEqual(['Demo app']);
  });

  it('answers NOT_FOUND for an app that is gone', async () => {
    expect(await dispatch('apps.update', { id: 'app_missing', patch: { name: 'x' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('accounts', () => {
  it('normalises the subdomain and keeps the account across restarts', async () => {
    const created = value<AccountView>(await dispatch('accounts.create', newAccount));
    expect(created).toMatchObject({ subdomain: 'acme', baseUrl: 'https://acme.gorgias.com', kind: 'production' });
    await backend.close();
    await start();
    expect(value<AccountView[]>(await dispatch('accounts.list')).map((account) => account.label)).toContain('Acme (prod)');
  });

  it.each(['acme.evil.com', '', 'a'.repeat(64), 'ünicode', '-acme'])('refuses the subdomain %j and stores nothing', async (subdomain) => {
    const result = await dispatch('accounts.create', { ...newAccount, subdomain });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_SUBDOMAIN' } });
    expect(value<AccountView[]>(await dispatch('accounts.list'))).toHaveLength(1);
  });

  it('refuses a duplicate and a plain-http custom base URL off loopback', async () => {
    await dispatch('accounts.create', newAccount);
    expect(await dispatch('accounts.create', newAccount)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await dispatch('accounts.create', { ...newAccount, subdomain: 'beta', customBaseUrl: 'http://staging.example.com' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_URL' },
    });
    const staging = value<AccountView>(await dispatch('accounts.create', { ...newAccount, subdomain: 'beta', customBaseUrl: 'https://beta.staging.example.com/' }));
    expect(staging.baseUrl).toBe('https://beta.staging.example.com');
  });

  it('deleting an account forgets its installs', async () => {
    const account = value<AccountView>(await dispatch('accounts.create', newAccount));
    const app = backend.vault.data().apps[0]!;
    await backend.vault.update((data) => {
      data.installs.push({
        id: 'inst_test', appId: app.id, accountId: account.id, accessToken: 'at', refreshToken: null, idToken: null, tokenType: 'Bearer',
        requestedScopes: [], grantedScopes: [], obtainedAt: new Date().toISOString(), refreshedAt: null, expiresAt: null,
        expirySource: 'assumed-24h', expiresInAnswered: 0, revokedAt: null, failing: false, lastError: null, checks: [], user: null,
      });
    });
    await dispatch('accounts.delete', { id: account.id });
    expect(backend.vault.data().installs).toEqual([]);
  });
});
