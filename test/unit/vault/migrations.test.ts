import { describe, expect, it } from 'vitest';
import { migrateToCurrent } from '../../../electron/backend/vault/migrations/migrate';
import { emptyVaultData, vaultDataSchema } from '../../../electron/backend/vault/store-schema';
import { V1_DATA } from '../../fixtures/vault/v1-fixture-data';

describe('schema migrations', () => {
  it('migrates v1 to a valid v2', () => {
    const result = migrateToCurrent(structuredClone(V1_DATA));
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.from).toBe(1);
    expect(vaultDataSchema.safeParse(result.data).success).toBe(true);
    expect(result.data.apps[0]!.redirect).toEqual({ mode: 'loopback', port: 8765, path: '/callback', relayUrl: '', pasteUrl: '', includeAccountParam: false });
  });

  it('passes current data through', () => {
    expect(migrateToCurrent(emptyVaultData())).toEqual({ kind: 'ok', data: emptyVaultData(), from: 3 });
  });

  it('reports a newer schema instead of touching it', () => {
    expect(migrateToCurrent({ schemaVersion: 7 })).toEqual({ kind: 'newer', version: 7 });
  });

  it('calls a damaged v1 store invalid, naming the path but not the value', () => {
    const broken = structuredClone(V1_DATA) as unknown as { apps: { redirectPort: unknown }[] };
    broken.apps[0]!.redirectPort = 'secret-looking-value';
    const result = migrateToCurrent(broken);
    expect(result).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('apps.0.redirectPort') });
    expect(JSON.stringify(result)).not.toContain('secret-looking-value');
  });

  it('calls data without a schema version invalid', () => {
    expect(migrateToCurrent({ apps: [] })).toMatchObject({ kind: 'invalid' });
    expect(migrateToCurrent({ schemaVersion: 0 })).toMatchObject({ kind: 'invalid' });
  });
});
