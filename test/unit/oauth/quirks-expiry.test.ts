import { describe, expect, it } from 'vitest';
import { checkExpiresIn, checkScopes } from '../../../electron/backend/oauth/checks/quirk-checks';
import { ASSUMED_LIFETIME_MS, computeExpiry } from '../../../electron/backend/oauth/expiry';

const T0 = Date.UTC(2026, 0, 1);

describe('expiry source', () => {
  it('the access JWT exp wins over expires_in', () => {
    expect(computeExpiry({ accessTokenExp: T0 / 1000 + 500, expiresIn: 86400, obtainedAtMs: T0 })).toEqual({ expiresAt: new Date(T0 + 500_000).toISOString(), source: 'jwt-exp' });
  });

  it('a positive expires_in when the token is opaque', () => {
    expect(computeExpiry({ accessTokenExp: null, expiresIn: 3600, obtainedAtMs: T0 })).toEqual({ expiresAt: new Date(T0 + 3_600_000).toISOString(), source: 'expires-in' });
  });

  it('expires_in 0 or missing, opaque token → assumed 24 h, never "expired now"', () => {
    for (const expiresIn of [0, null]) {
      expect(computeExpiry({ accessTokenExp: null, expiresIn, obtainedAtMs: T0 })).toEqual({ expiresAt: new Date(T0 + ASSUMED_LIFETIME_MS).toISOString(), source: 'assumed-24h' });
    }
  });
});

describe('quirk warnings', () => {
  it('expires_in 0 warns and says which source was used', () => {
    const check = checkExpiresIn(0, 'jwt-exp', '2026-01-02T00:00:00.000Z', T0 / 1000 + 86400, T0);
    expect(check.outcome).toBe('warn');
    expect(check.detail).toContain("token's own exp");
  });

  it('expires_in agreeing with exp passes; disagreeing warns', () => {
    expect(checkExpiresIn(86400, 'jwt-exp', 'x', T0 / 1000 + 86400, T0).outcome).toBe('pass');
    expect(checkExpiresIn(3600, 'jwt-exp', 'x', T0 / 1000 + 86400, T0).outcome).toBe('warn');
  });

  it('missing offline warns (and names offline_access as the mistake)', () => {
    const [offline] = checkScopes(['openid', 'offline_access'], null, false);
    expect(offline?.outcome).toBe('warn');
    expect(offline?.detail).toContain('not "offline_access"');
    expect(checkScopes(['openid', 'offline'], null, true)[0]?.outcome).toBe('pass');
    expect(checkScopes(['openid', 'offline'], null, false)[0]?.outcome).toBe('warn');
  });

  it('write:all warns as deprecated', () => {
    const checks = checkScopes(['offline', 'write:all'], ['offline', 'write:all'], true);
    expect(checks.find((c) => c.id === 'scope.write_all')?.outcome).toBe('warn');
  });

  it('granted scopes narrower than requested warn, naming the missing ones', () => {
    const granted = checkScopes(['offline', 'tickets:read', 'users:read'], ['offline', 'tickets:read'], true).find((c) => c.id === 'scope.granted');
    expect(granted?.outcome).toBe('warn');
    expect(granted?.detail).toContain('users:read');
  });
});
