import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCOPES, diffScopes, isKnownScope, parseScopeString, scopeCovers, scopeInfo, scopeWarnings } from '../../../electron/common/gorgias/scopes';

const RESOURCES = ['account', 'users', 'customers', 'tickets', 'custom_fields', 'events', 'integrations', 'jobs', 'macros', 'rules', 'satisfaction_survey', 'tags', 'apps'];

describe('scope catalogue', () => {
  it('lists exactly the scopes Gorgias documents', () => {
    const expected = [
      'openid',
      'email',
      'profile',
      'offline',
      ...RESOURCES.flatMap((r) => [`${r}:read`, `${r}:write`]),
      'statistics:read',
      'write:all',
    ];
    expect(SCOPES.map((s) => s.scope).sort()).toEqual([...expected].sort());
    expect(new Set(SCOPES.map((s) => s.scope)).size).toBe(SCOPES.length);
  });

  it('describes every scope in one line, with group and access', () => {
    for (const info of SCOPES) {
      expect(info.description.length).toBeGreaterThan(3);
      expect(info.description).not.toContain('\n');
      expect(['basic', 'read', 'write', 'legacy']).toContain(info.access);
    }
    expect(scopeInfo('tickets:write')).toMatchObject({ group: 'tickets', access: 'write', deprecated: false });
    expect(scopeInfo('offline')).toMatchObject({ group: 'basic', access: 'basic' });
    expect(scopeInfo('write:all')).toMatchObject({ access: 'legacy', deprecated: true });
    expect(isKnownScope('statistics:write')).toBe(false);
    expect(isKnownScope('offline_access')).toBe(false);
    expect(isKnownScope('satisfaction_surveys:read')).toBe(false);
  });
});

describe('parseScopeString', () => {
  it('splits on spaces (and tolerates + and commas from pasted URLs), dropping duplicates', () => {
    expect(parseScopeString('openid  email\toffline')).toEqual(['openid', 'email', 'offline']);
    expect(parseScopeString('openid+tickets:read,tickets:read')).toEqual(['openid', 'tickets:read']);
    expect(parseScopeString('')).toEqual([]);
    expect(parseScopeString(null)).toEqual([]);
  });

  it('round-trips any list of scope-like tokens', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z_:]{1,20}$/), { maxLength: 20 }), (scopes) => {
        expect(parseScopeString(scopes.join(' '))).toEqual(scopes);
      }),
    );
  });
});

describe('scopeCovers', () => {
  it('matches exact scopes, lets write imply read, and lets write:all cover resources', () => {
    expect(scopeCovers(['tickets:read'], 'tickets:read')).toBe(true);
    expect(scopeCovers(['tickets:read'], 'tickets:write')).toBe(false);
    expect(scopeCovers(['tickets:write'], 'tickets:read')).toBe(true);
    expect(scopeCovers(['users:read'], 'tickets:read')).toBe(false);
    expect(scopeCovers(['write:all'], 'tickets:write')).toBe(true);
    expect(scopeCovers(['write:all'], 'statistics:read')).toBe(true);
    // write:all says nothing about refresh tokens or identity.
    expect(scopeCovers(['write:all'], 'offline')).toBe(false);
    expect(scopeCovers([], 'account:read')).toBe(false);
  });
});

describe('diffScopes', () => {
  it('splits requested and granted into missing, extra and same', () => {
    expect(diffScopes(['openid', 'offline', 'tickets:read'], ['openid', 'tickets:read', 'tags:read'])).toEqual({
      missing: ['offline'],
      extra: ['tags:read'],
      same: ['openid', 'tickets:read'],
    });
  });

  it('partitions the union without loss', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SCOPES.map((s) => s.scope))), fc.array(fc.constantFrom(...SCOPES.map((s) => s.scope))), (requested, granted) => {
        const { missing, extra, same } = diffScopes(requested, granted);
        expect(new Set([...missing, ...same])).toEqual(new Set(requested));
        expect(new Set([...extra, ...same])).toEqual(new Set(granted));
        expect(missing.some((s) => same.includes(s))).toBe(false);
      }),
    );
  });
});

describe('scopeWarnings', () => {
  const codes = (scopes: string[]) => scopeWarnings(scopes).map((w) => w.code);

  it('warns about a missing offline, the offline_access typo, write:all and unknown scopes', () => {
    expect(codes(['openid', 'offline', 'tickets:read'])).toEqual([]);
    expect(codes(['openid', 'tickets:read'])).toEqual(['no-offline']);
    expect(codes(['openid', 'offline_access'])).toEqual(['offline-access-typo', 'no-offline']);
    expect(codes(['offline', 'write:all'])).toEqual(['write-all-deprecated']);
    expect(scopeWarnings(['offline', 'ticket:read'])).toEqual([{ code: 'unknown-scope', scope: 'ticket:read', message: expect.stringContaining('ticket:read') }]);
  });
});
