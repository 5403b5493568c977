// What a newcomer finds on first start: a "Local sandbox" account and a demo app wired to it, so
// one Connect gets a working install with no Gorgias account and no network. Created once; a user
// who deletes them does not get them back.
import { randomBytes } from 'node:crypto';
import { newId } from './ids';
import type { VaultData } from './vault/vault-types';

export const DEMO_CLIENT_ID = 'workbench-demo';
export const SANDBOX_SUBDOMAIN = 'sandbox';

export const DEMO_SCOPES = [
  'openid',
  'email',
  'profile',
  'offline',
  'account:read',
  'users:read',
  'tickets:read',
  'customers:read',
  'tags:read',
];

export function seedFirstRun(data: VaultData, nowIso: string): boolean {
  if (data.settings.seeded) return false;
  data.settings.seeded = true;
  data.accounts.push({
    id: newId('acc'),
    subdomain: SANDBOX_SUBDOMAIN,
    label: 'Local sandbox',
    kind: 'sandbox',
    notes: 'An emulated Gorgias account served by the workbench itself on 127.0.0.1. Its data is fake.',
    customBaseUrl: null,
    builtInSandbox: true,
    createdAt: nowIso,
    updatedAt: nowIso,
  });
  data.apps.push({
    id: newId('app'),
    name: 'Demo app',
    clientId: DEMO_CLIENT_ID,
    // Only the built-in sandbox knows this app; the secret is random per install of the workbench.
    clientSecret: randomBytes(24).toString('base64url'),
    scopes: [...DEMO_SCOPES],
    redirect: { mode: 'loopback', port: 0, path: '/callback', relayUrl: '', pasteUrl: '', includeAccountParam: false },
    clientAuth: 'basic',
    pkce: false,
    builtIn: true,
    createdAt: nowIso,
    updatedAt: nowIso,
  });
  return true;
}
