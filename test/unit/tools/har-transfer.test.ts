import { describe, expect, it } from 'vitest';
import { scrubText } from '../../../electron/backend/activity/redact';
import { toHar } from '../../../electron/backend/tools/har/har-mapper';
import { decryptSecrets, encryptSecrets } from '../../../electron/backend/tools/transfer/transfer-crypto';
import { planTransfer, previewOf } from '../../../electron/backend/tools/transfer/transfer-plan';
import type { StoredAccount, StoredApp } from '../../../electron/backend/vault/vault-types';
import type { ActivityEntry } from '../../../electron/common/model';

const entry = (patch: Partial<ActivityEntry>): ActivityEntry => ({
  id: '1',
  at: '2026-01-01T00:00:00.000Z',
  kind: 'api',
  appId: 'app_1',
  accountId: 'acc_1',
  installId: 'inst_1',
  method: 'GET',
  url: 'https://acme.gorgias.com/api/tickets?limit=2',
  status: 200,
  durationMs: 12,
  requestHeaders: { authorization: 'Bearer [redacted 900 chars]' },
  responseHeaders: { 'content-type': 'application/json', 'x-gorgias-account-api-call-limit': '1/80' },
  requestBody: null,
  responseBody: '{"data":[]}',
  error: null,
  ...patch,
});

describe('HAR mapping', () => {
  it('maps entries oldest first with the fields HAR 1.2 requires', () => {
    const newer = entry({ id: '2', at: '2026-01-01T00:00:01.000Z', kind: 'token', method: 'POST', url: 'https://acme.gorgias.com/oauth/token', requestHeaders: { 'content-type': 'application/x-www-form-urlencoded' }, requestBody: 'grant_type=authorization_code&code=[redacted 20 chars]' });
    const har = toHar([newer, entry({})], { name: 'W', version: '1' }, (t) => t);
    expect(har.log.version).toBe('1.2');
    expect(har.log.entries.map((e) => e._workbench.kind)).toEqual(['api', 'token']);
    const api = har.log.entries[0]!;
    expect(api.request.queryString).toEqual([{ name: 'limit', value: '2' }]);
    expect(api.response.content).toMatchObject({ mimeType: 'application/json', text: '{"data":[]}', size: 11 });
    expect(api.time).toBe(12);
    expect(har.log.entries[1]!.request.postData).toEqual({ mimeType: 'application/x-www-form-urlencoded', text: 'grant_type=authorization_code&code=[redacted 20 chars]' });
  });

  it('a failed exchange has status 0 and its error; the scrubber sees every string', () => {
    const secret = 'leaked-secret-value-123';
    const failed = entry({ status: null, durationMs: null, responseHeaders: {}, responseBody: null, error: { code: 'NETWORK_CONNECTION', message: `refused ${secret}` }, url: `https://acme.gorgias.com/api/x?note=${secret}` });
    const har = toHar([failed], { name: 'W', version: '1' }, (t) => scrubText(t, [secret]));
    const text = JSON.stringify(har);
    expect(text).not.toContain(secret);
    expect(har.log.entries[0]!.response.status).toBe(0);
    expect(har.log.entries[0]!.comment).toBe('api: refused [redacted 23 chars]');
    expect(har.log.entries[0]!._workbench.error?.code).toBe('NETWORK_CONNECTION');
  });
});

describe('transfer crypto', () => {
  it('round-trips under the passphrase and refuses a wrong one or a tampered file', async () => {
    const blob = await encryptSecrets('{"clientSecrets":{"a":"s"}}', 'correct horse');
    expect(JSON.stringify(blob)).not.toContain('clientSecrets');
    expect(await decryptSecrets(blob, 'correct horse')).toBe('{"clientSecrets":{"a":"s"}}');
    await expect(decryptSecrets(blob, 'wrong horse')).rejects.toMatchObject({ code: 'VAULT_PASSPHRASE_WRONG' });
    const tampered = { ...blob, ciphertext: Buffer.from('x'.repeat(20)).toString('base64') };
    await expect(decryptSecrets(tampered, 'correct horse')).rejects.toMatchObject({ code: 'VAULT_PASSPHRASE_WRONG' });
    await expect(decryptSecrets({ ...blob, kdf: { ...blob.kdf, N: 2 ** 30 } }, 'correct horse')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(encryptSecrets('x', 'short')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('transfer plan', () => {
  const at = '2026-01-01T00:00:00.000Z';
  const app: StoredApp = { id: 'app_1', name: 'A', clientId: 'cid', clientSecret: 'old', scopes: ['openid', 'offline'], redirect: { mode: 'loopback', port: 0, path: '/callback', relayUrl: '', pasteUrl: '', includeAccountParam: false }, clientAuth: 'basic', pkce: false, builtIn: false, createdAt: at, updatedAt: at };
  const account: StoredAccount = { id: 'acc_1', subdomain: 'acme', label: 'Acme', kind: 'sandbox', notes: '', customBaseUrl: null, builtInSandbox: false, createdAt: at, updatedAt: at };
  const exported = { name: 'A', clientId: 'cid', scopes: ['offline', 'openid'], redirect: app.redirect, clientAuth: 'basic' as const, pkce: false };

  it('matches apps by client id and accounts by where they point', () => {
    const plan = planTransfer({
      apps: [exported, { ...exported, clientId: 'new-cid' }],
      accounts: [
        { subdomain: 'acme', label: 'Acme', kind: 'production', notes: '', customBaseUrl: null, builtInSandbox: false },
        { subdomain: 'acme', label: 'Acme', kind: 'sandbox', notes: '', customBaseUrl: null, builtInSandbox: true },
      ],
      secrets: { cid: 'new-secret' },
      current: { apps: [app], accounts: [account] },
    });
    const preview = previewOf(plan);
    expect(preview.items.map((i) => [i.kind, i.key, i.change, i.fields])).toEqual([
      ['app', 'cid', 'updated', ['clientSecret']],
      ['app', 'new-cid', 'new', []],
      ['account', 'gorgias|acme', 'updated', ['kind']],
      ['account', 'sandbox:acme', 'new', []],
    ]);
    expect(preview.counts).toEqual({ new: 2, updated: 2, unchanged: 0 });
    expect(JSON.stringify(preview)).not.toContain('new-secret');
  });
});
