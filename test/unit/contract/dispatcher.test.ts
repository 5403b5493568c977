import { describe, expect, it } from 'vitest';
import { contract, type BackendApi } from '../../../electron/common/contract';
import { WorkbenchError } from '../../../electron/common/errors';
import { createDispatcher } from '../../../electron/backend/dispatch/dispatcher';

/** A backend whose every method records its parsed input and answers it back. */
function recordingBackend(overrides: Partial<Record<string, (input: unknown) => Promise<unknown>>> = {}) {
  const calls: Array<{ method: string; input: unknown }> = [];
  const backend = Object.fromEntries(
    Object.keys(contract).map((method) => [
      method,
      overrides[method] ??
        (async (input: unknown) => {
          calls.push({ method, input });
          return { echoed: input ?? null };
        }),
    ]),
  ) as unknown as BackendApi;
  return { backend, calls };
}

const validApp = {
  name: 'Helpdesk sync',
  clientId: 'client-123',
  clientSecret: 'sk_live_abc',
  scopes: ['openid', 'offline', 'tickets:read'],
  redirect: { mode: 'loopback', port: 8765, path: '/callback', relayUrl: '', pasteUrl: '', includeAccountParam: false },
  clientAuth: 'basic',
  pkce: false,
};

describe('dispatcher', () => {
  it('rejects an unknown method without reaching the backend', async () => {
    const { backend, calls } = recordingBackend();
    const result = await createDispatcher(backend)('apps.destroyEverything', undefined);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNKNOWN_METHOD' }) });
    expect(calls).toHaveLength(0);
  });

  it.each([
    ['a number for a subdomain', 'accounts.create', { subdomain: 5, label: '', kind: 'sandbox', notes: '', customBaseUrl: null }],
    ['an unknown field', 'apps.create', { ...validApp, isAdmin: true }],
    ['a missing field', 'apps.create', { name: 'x' }],
    ['an out-of-range port', 'apps.create', { ...validApp, redirect: { ...validApp.redirect, port: 70000 } }],
    ['a scope with spaces', 'apps.create', { ...validApp, scopes: ['tickets:read tickets:write'] }],
    ['an argument where none is taken', 'apps.list', { sneaky: true }],
    ['a token kind that does not exist', 'installs.reveal', { id: 'inst_1', token: 'password' }],
    ['a redirect path without a leading slash', 'apps.create', { ...validApp, redirect: { ...validApp.redirect, path: 'callback' } }],
    ['null input', 'apps.update', null],
  ])('rejects %s with INVALID_ARGUMENT', async (_label, method, input) => {
    const { backend, calls } = recordingBackend();
    const result = await createDispatcher(backend)(method, input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_ARGUMENT');
      expect(result.error.message).toContain(method);
    }
    expect(calls).toHaveLength(0);
  });

  it('passes parsed input to the backend and wraps the answer', async () => {
    const { backend, calls } = recordingBackend();
    const result = await createDispatcher(backend)('apps.create', validApp);
    expect(result).toEqual({ ok: true, value: { echoed: validApp } });
    expect(calls).toEqual([{ method: 'apps.create', input: validApp }]);
  });

  it('turns a WorkbenchError into its code and message', async () => {
    const { backend } = recordingBackend({
      'vault.unlock': async () => {
        throw new WorkbenchError('VAULT_PASSPHRASE_WRONG', 'That passphrase does not open this vault.');
      },
    });
    const result = await createDispatcher(backend)('vault.unlock', { passphrase: 'nope' });
    expect(result).toEqual({ ok: false, error: { code: 'VAULT_PASSPHRASE_WRONG', message: 'That passphrase does not open this vault.' } });
  });

  it('hides the text of unexpected errors, which may quote a secret, and logs it instead', async () => {
    const logged: unknown[] = [];
    const { backend } = recordingBackend({
      'installs.refresh': async () => {
        throw new Error('boom: refresh_token=rt_SECRET_VALUE');
      },
    });
    const result = await createDispatcher(backend, { error: (_m, e) => logged.push(e) })('installs.refresh', { id: 'inst_1' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INTERNAL');
      expect(JSON.stringify(result)).not.toContain('rt_SECRET_VALUE');
    }
    expect(logged).toHaveLength(1);
  });
});
