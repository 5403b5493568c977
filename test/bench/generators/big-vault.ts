// The big vault of the benchmarks: 50 apps × 20 accounts = 1,000 installs (tokens shaped like the
// sandbox's JWTs) and 10,000 activity entries. Deterministic: the same seed gives the same data,
// byte for byte, apart from the ids the activity log assigns itself on append.
import type { ActivityEntry, ActivityKind, CheckResult } from '../../../electron/common/model';
import type { StoredAccount, StoredApp, StoredInstall, VaultData } from '../../../electron/backend/vault/vault-types';
import { pad3, pick, randomHex, randomText, seededRandom, type Random } from './prng';

export interface BigVaultOptions {
  seed?: number;
  apps?: number;
  accounts?: number;
  activityEntries?: number;
  /** Reference time for issue and expiry times (fixed by default, so the data is stable). */
  nowMs?: number;
}

export const BIG_VAULT_DEFAULTS = { seed: 20_261_123, apps: 50, accounts: 20, activityEntries: 10_000, nowMs: Date.UTC(2026, 10, 1) } as const;

export interface BigVault {
  apps: StoredApp[];
  accounts: StoredAccount[];
  installs: StoredInstall[];
  activity: Array<Omit<ActivityEntry, 'id'>>;
}

const SCOPES = ['openid', 'email', 'profile', 'offline', 'account:read', 'users:read', 'tickets:read', 'tickets:write', 'customers:read', 'tags:read', 'integrations:read'];
const KINDS: ActivityKind[] = ['authorize', 'callback', 'token', 'refresh', 'api', 'api', 'api', 'api', 'jwks', 'discovery'];

export const appName = (index: number): string => `Bench App ${pad3(index + 1)}`;
export const accountSubdomain = (index: number): string => `store-${pad3(index + 1)}`;
export const accountLabel = (index: number): string => `Store ${pad3(index + 1)}`;

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

function fakeJwt(rand: Random, claims: Record<string, unknown>): string {
  // Same shape and size as an RS256 token of the sandbox; the signature is noise (never verified here).
  return `${b64({ alg: 'RS256', typ: 'JWT', kid: `bench-${randomHex(rand, 8)}` })}.${b64(claims)}.${randomText(rand, 342)}`;
}

function makeApp(rand: Random, index: number, at: string): StoredApp {
  return {
    id: `app_bench${randomHex(rand, 15)}`,
    name: appName(index),
    clientId: `bench-client-${pad3(index + 1)}-${randomHex(rand, 8)}`,
    clientSecret: randomText(rand, 32),
    scopes: SCOPES.filter(() => rand() < 0.7).concat('openid'),
    redirect: { mode: 'loopback', port: 0, path: '/callback', relayUrl: '', pasteUrl: '', includeAccountParam: rand() < 0.3 },
    clientAuth: rand() < 0.8 ? 'basic' : 'body',
    pkce: rand() < 0.5,
    builtIn: false,
    createdAt: at,
    updatedAt: at,
  };
}

function makeAccount(rand: Random, index: number, at: string): StoredAccount {
  return {
    id: `acc_bench${randomHex(rand, 15)}`,
    subdomain: accountSubdomain(index),
    label: accountLabel(index),
    // One in five is production, as a partner with a few live customers would have.
    kind: index % 5 === 4 ? 'production' : 'sandbox',
    notes: rand() < 0.5 ? '' : `Benchmark account ${index + 1}: ${randomText(rand, 40)}`,
    customBaseUrl: null,
    builtInSandbox: false,
    createdAt: at,
    updatedAt: at,
  };
}

function makeChecks(rand: Random): CheckResult[] {
  const ids = ['state', 'id_token.signature', 'id_token.iss', 'id_token.aud', 'id_token.exp', 'id_token.nonce', 'id_token.sub', 'at_hash', 'scopes'];
  return ids.map((id) => ({ id, label: id, outcome: rand() < 0.9 ? 'pass' : 'warn', detail: `Benchmark check ${id}: ${randomText(rand, 30)}` }));
}

function makeInstall(rand: Random, app: StoredApp, account: StoredAccount, nowMs: number): StoredInstall {
  const obtainedMs = nowMs - Math.floor(rand() * 30 * 86_400_000);
  const iat = Math.floor(obtainedMs / 1000);
  const exp = iat + 86_400 * (rand() < 0.8 ? 365 : 1);
  const iss = `https://${account.subdomain}.gorgias.com`;
  const userId = 1000 + Math.floor(rand() * 9000);
  const accessToken = fakeJwt(rand, { iss, sub: `${userId}`, aud: [app.clientId, `${iss}/api`], iat, exp, scope: app.scopes.join(' '), client_id: app.clientId, account_id: 200_000 + Math.floor(rand() * 9999) });
  const idToken = fakeJwt(rand, { iss, sub: userId, aud: app.clientId, iat, exp, nonce: randomText(rand, 43), email: `user${userId}@${account.subdomain}.example`, name: `User ${userId}` });
  const revoked = rand() < 0.03;
  return {
    id: `inst_bench${randomHex(rand, 15)}`,
    appId: app.id,
    accountId: account.id,
    accessToken,
    refreshToken: app.scopes.includes('offline') ? randomText(rand, 43) : null,
    idToken,
    tokenType: 'Bearer',
    requestedScopes: [...app.scopes],
    grantedScopes: app.scopes.filter(() => rand() < 0.95),
    obtainedAt: new Date(obtainedMs).toISOString(),
    refreshedAt: rand() < 0.4 ? new Date(obtainedMs + 3_600_000).toISOString() : null,
    expiresAt: new Date(exp * 1000).toISOString(),
    expirySource: 'jwt-exp',
    expiresInAnswered: rand() < 0.5 ? 0 : 86_400,
    revokedAt: revoked ? new Date(obtainedMs + 7_200_000).toISOString() : null,
    failing: !revoked && rand() < 0.02,
    lastError: null,
    checks: makeChecks(rand),
    user: { sub: String(userId), name: `User ${userId}`, email: `user${userId}@${account.subdomain}.example`, role: null },
  };
}

function makeActivity(rand: Random, index: number, count: number, apps: StoredApp[], accounts: StoredAccount[], installs: StoredInstall[], nowMs: number): Omit<ActivityEntry, 'id'> {
  const install = pick(rand, installs);
  const app = apps.find((candidate) => candidate.id === install.appId)!;
  const account = accounts.find((candidate) => candidate.id === install.accountId)!;
  const kind = pick(rand, KINDS);
  const base = `https://${account.subdomain}.gorgias.com`;
  const path = kind === 'api' ? pick(rand, ['/api/tickets', '/api/customers', '/api/users/0', '/api/account', '/api/tags']) : kind === 'token' || kind === 'refresh' ? '/oauth/token' : kind === 'authorize' ? '/oauth/authorize' : '/.well-known/openid-configuration';
  const status = rand() < 0.92 ? 200 : pick(rand, [401, 403, 429, 500]);
  const body = kind === 'api' ? JSON.stringify({ data: Array.from({ length: 3 }, (_, i) => ({ id: i + Math.floor(rand() * 1e6), subject: randomText(rand, 40) })), meta: { next_cursor: randomText(rand, 12) } }) : `{"token_type":"Bearer","expires_in":0,"access_token":"[redacted]"}`;
  return {
    // Oldest first, one entry every ~4 minutes back from now.
    at: new Date(nowMs - (count - index) * 240_000).toISOString(),
    kind,
    appId: app.id,
    accountId: account.id,
    installId: install.id,
    method: kind === 'token' || kind === 'refresh' ? 'POST' : 'GET',
    url: `${base}${path}?limit=30&cursor=${randomText(rand, 12)}`,
    status,
    durationMs: 20 + Math.floor(rand() * 400),
    requestHeaders: { accept: 'application/json', authorization: 'Bearer [redacted]', 'user-agent': 'GorgiasOAuthWorkbench/0.1.0' },
    responseHeaders: { 'content-type': 'application/json', 'x-gorgias-account-api-call-limit': `${Math.floor(rand() * 40)}/40`, date: new Date(nowMs).toUTCString() },
    requestBody: kind === 'token' ? 'grant_type=authorization_code&code=[redacted]&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback' : null,
    responseBody: body,
    error: status >= 400 ? { code: `HTTP_${status}`, message: `The server answered ${status}.` } : null,
  };
}

export function generateBigVault(options: BigVaultOptions = {}): BigVault {
  const { seed, apps: appCount, accounts: accountCount, activityEntries, nowMs } = { ...BIG_VAULT_DEFAULTS, ...options };
  const rand = seededRandom(seed);
  const created = new Date(nowMs - 90 * 86_400_000).toISOString();
  const apps = Array.from({ length: appCount }, (_, i) => makeApp(rand, i, created));
  const accounts = Array.from({ length: accountCount }, (_, i) => makeAccount(rand, i, created));
  const installs: StoredInstall[] = [];
  for (const app of apps) for (const account of accounts) installs.push(makeInstall(rand, app, account, nowMs));
  const activity = Array.from({ length: activityEntries }, (_, i) => makeActivity(rand, i, activityEntries, apps, accounts, installs, nowMs));
  return { apps, accounts, installs, activity };
}

/** Puts the generated records into a vault draft (inside vault.update). */
export function addBigVault(draft: VaultData, big: BigVault): void {
  draft.apps.push(...structuredClone(big.apps));
  draft.accounts.push(...structuredClone(big.accounts));
  draft.installs.push(...structuredClone(big.installs));
}
