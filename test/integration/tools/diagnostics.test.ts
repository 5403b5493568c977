// "What is wrong with this install?" on a healthy, an expired, a revoked and a user-removed install,
// and a skewed clock; the Markdown report holds no secret.
import { afterEach, describe, expect, it } from 'vitest';
import type { DiagnosticsResult } from '../../../electron/common/tools/tool-results';
import { createToolsHarness, type ToolsHarness } from './tools-harness';

let h: ToolsHarness;

afterEach(async () => {
  await h?.close();
});

const outcomes = (result: DiagnosticsResult) => Object.fromEntries(result.checks.map((c) => [c.id, c.outcome]));
const byId = (result: DiagnosticsResult, id: string) => result.checks.find((c) => c.id === id)!;

describe('diagnostics.run', () => {
  it('a healthy install passes every check (with a real refresh when asked)', async () => {
    h = await createToolsHarness();
    const installId = await h.connect('acme');
    const result = await h.tools['diagnostics.run']({ installId, refresh: true });
    expect(outcomes(result)).toEqual({
      'token.present': 'pass',
      'token.refresh-present': 'pass',
      'token.expiry': 'pass',
      'token.signature': 'pass',
      'token.claims': 'pass',
      refresh: 'pass',
      'clock.skew': 'pass',
      'api.account': 'pass',
      'api.user': 'pass',
      'scopes.coverage': 'pass',
      'rate-limit': 'pass',
    });
    expect(result.overall).toBe('pass');
    expect(result.refreshed).toBe(true);
    expect(result.cause).toBeNull();
    expect(result.checks.every((c) => c.fix === null || c.outcome !== 'pass')).toBe(true);
  });

  it('without refresh: changes nothing (same tokens, no event, no notice) and says refresh was not tried', async () => {
    h = await createToolsHarness();
    const installId = await h.connect('acme');
    const before = structuredClone(h.vault.data().installs[0]!);
    const eventsBefore = h.events.length;
    const result = await h.tools['diagnostics.run']({ installId });
    const seen = h.events.slice(eventsBefore).map((entry) => entry.event);
    expect(h.vault.data().installs[0]!.accessToken).toBe(before.accessToken);
    expect(h.vault.data().installs[0]!.refreshedAt).toBe(before.refreshedAt);
    expect(seen.filter((event) => event === 'installs.changed' || event === 'notice')).toEqual([]);
    expect(byId(result, 'refresh').outcome).toBe('unchecked');
    expect(byId(result, 'refresh').detail).toMatch(/^Not tried/);
    expect(result.refreshed).toBe(false);
    expect(result.overall).toBe('pass');
  });

  it('an expired install: expiry flagged, refresh renews it, the API answers', async () => {
    h = await createToolsHarness();
    const installId = await h.connect('acme');
    h.advance(25 * 3600_000);
    const result = await h.tools['diagnostics.run']({ installId, refresh: true });
    expect(byId(result, 'token.expiry').outcome).toBe('warn');
    expect(byId(result, 'token.expiry').detail).toMatch(/expired 1 h ago/);
    expect(byId(result, 'refresh').outcome).toBe('pass');
    expect(byId(result, 'api.account').outcome).toBe('pass');
    // (No clock.skew assertion here: the sandbox follows the shifted clock, but Node stamps its Date header with the real one.)
    expect(result.overall).not.toBe('pass');
  });

  it('an expired install without a refresh token fails with "connect again"', async () => {
    h = await createToolsHarness();
    const installId = await h.connect('acme');
    await h.vault.update((draft) => {
      draft.installs[0]!.refreshToken = null;
    });
    h.advance(25 * 3600_000);
    const result = await h.tools['diagnostics.run']({ installId });
    expect(byId(result, 'token.expiry').outcome).toBe('fail');
    expect(byId(result, 'token.expiry').fix).toMatch(/Connect the app/);
    expect(byId(result, 'token.refresh-present').outcome).toBe('warn');
    expect(byId(result, 'api.account').outcome).toBe('fail');
    expect(result.overall).toBe('fail');
    expect(result.cause).toMatch(/expired .* no refresh token/);
  });

  it('a revoked install: says once that it was revoked here and until when the access token works', async () => {
    h = await createToolsHarness();
    const installId = await h.connect('acme');
    await h.installs['installs.revoke']({ id: installId });
    const install = h.vault.data().installs[0]!;
    const result = await h.tools['diagnostics.run']({ installId, refresh: true });
    // No "refresh token present: pass" next to "refresh works: fail": one line says it. The real
    // refresh the user asked for checks that the revoke holds.
    expect(result.checks.map((c) => c.id)).not.toContain('token.refresh-present');
    expect(byId(result, 'refresh')).toMatchObject({ label: 'Revoke holds', outcome: 'pass' });
    const revoked = byId(result, 'install.revoked');
    expect(revoked.outcome).toBe('fail');
    expect(revoked.detail).toBe(`Revoked here at ${install.revokedAt}: the refresh token no longer works, and the access token works until ${install.expiresAt} (a JWT cannot be cut short).`);
    expect(revoked.fix).toMatch(/Connect the app/);
    expect(byId(result, 'api.account').outcome).toBe('pass');
    expect(result.overall).toBe('fail');
    expect(result.cause).toBe(revoked.detail);
    expect(result.refreshed).toBe(true);
  });

  it('a revoke the server ignored: the refresh succeeds, and the diagnostics say the revoke did not take effect', async () => {
    h = await createToolsHarness();
    const installId = await h.connect('acme');
    h.sandbox.setFault('revoke-ignored');
    const revoked = await h.installs['installs.revoke']({ id: installId });
    h.sandbox.setFault(null);
    const result = await h.tools['diagnostics.run']({ installId, refresh: true });
    expect(byId(result, 'refresh').outcome).toBe('fail');
    expect(byId(result, 'refresh').detail).toContain(`revoked at ${revoked.revokedAt}: the server still accepts the revoked refresh token`);
    expect(h.vault.data().installs[0]!.revokedAt).toBe(revoked.revokedAt);
  });

  it('a user-removed install: the API says no user matches the sub claim', async () => {
    h = await createToolsHarness();
    const installId = await h.connect('acme', { userId: 2 });
    h.sandbox.removeUser('acme', 2);
    const result = await h.tools['diagnostics.run']({ installId, refresh: true });
    const account = byId(result, 'api.account');
    expect(account.outcome).toBe('fail');
    expect(account.detail).toContain('the user who authorised this install was removed');
    expect(byId(result, 'api.user').outcome).toBe('fail');
    expect(byId(result, 'refresh').outcome).toBe('fail');
    expect(result.cause).toMatch(/^The user who authorised this install was removed/);
  });

  it('a clock 10 minutes off fails the skew check', async () => {
    h = await createToolsHarness();
    const installId = await h.connect('acme');
    h.skew(10 * 60_000);
    const result = await h.tools['diagnostics.run']({ installId });
    expect(byId(result, 'clock.skew').outcome).toBe('fail');
    expect(byId(result, 'clock.skew').detail).toMatch(/ahead of the server's/);
  });

  it('scopes: calls the install made without the scope are reported', async () => {
    h = await createToolsHarness();
    const installId = await h.connect('acme');
    await h.tools['api.send']({ installId, method: 'GET', path: '/api/customers', query: [], headers: [], body: null, acceptMissingScope: true });
    const result = await h.tools['diagnostics.run']({ installId });
    expect(byId(result, 'scopes.coverage').outcome).toBe('warn');
    expect(byId(result, 'scopes.coverage').detail).toContain('customers:read (for GET /api/customers)');
  });

  it('scopes: names the calls it cannot map to a scope instead of skipping them silently', async () => {
    h = await createToolsHarness();
    const installId = await h.connect('acme');
    await h.tools['api.send']({ installId, method: 'GET', path: '/api/something-new', query: [], headers: [], body: null });
    const result = await h.tools['diagnostics.run']({ installId });
    expect(byId(result, 'scopes.coverage').detail).toContain('cannot map GET /api/something-new to a scope');
  });
});

describe('diagnostics.report', () => {
  it('gives Markdown with every secret redacted, copied from main when asked', async () => {
    h = await createToolsHarness();
    const installId = await h.connect('acme');
    await h.installs['installs.revoke']({ id: installId });
    await h.tools['diagnostics.run']({ installId });
    const { markdown, copied } = await h.tools['diagnostics.report']({ installId, copy: true });
    expect(copied).toBe(true);
    expect(h.clipboard).toEqual([markdown]);
    expect(markdown).toMatch(/^# Install diagnostics: Tools app on acme label/);
    expect(markdown).toContain('| Revoked | FAIL |');
    expect(markdown).toContain('- Cause: Revoked here at');
    expect(markdown).toContain('## What to do');
    for (const secret of h.secrets()) expect(markdown).not.toContain(secret);
  });
});
