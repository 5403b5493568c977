// The contract slice over a real vault: every method answers a VaultStatus, WorkbenchErrors keep
// their codes, anything else becomes INTERNAL with no detail leaked.
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/backend/dispatch/dispatcher';
import type { BackendApi } from '../../../electron/common/contract';
import { createVaultService } from '../../../electron/backend/vault/vault-service';
import type { Vault } from '../../../electron/backend/vault/vault-types';
import { makeTempDir, open, protector } from './vault-test-helpers';

describe('vault service', () => {
  it('walks setup, lock and unlock through the slice', async () => {
    const dir = await makeTempDir();
    const keys = protector('weak');
    const service = createVaultService(await open(dir, keys));
    expect(await service['vault.status'](undefined)).toMatchObject({ state: 'needs-setup', osProtection: 'weak', osBackend: 'basic_text', dataDir: dir });
    await expect(service['vault.useOsProtection'](undefined)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await service['vault.setPassphrase']({ passphrase: 'long enough phrase' })).toMatchObject({ state: 'ready', protection: 'passphrase' });
    // Lowering a ready passphrase vault needs its passphrase (L6).
    await expect(service['vault.acceptWeakProtection'](undefined)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/current passphrase/) });
    expect(await service['vault.acceptWeakProtection']({ currentPassphrase: 'long enough phrase' })).toMatchObject({ state: 'ready', protection: 'weak' });
    keys.options.level = 'strong';
    expect(await service['vault.useOsProtection'](undefined)).toMatchObject({ state: 'ready', protection: 'os' });
    expect(await service['vault.dismissRecovery'](undefined)).toMatchObject({ recovered: null });
    expect(await service['vault.unlock']({ passphrase: 'anything' })).toMatchObject({ state: 'ready' });
  });

  it('keeps vault error codes and hides unknown errors, through the real dispatcher', async () => {
    const dir = await makeTempDir();
    const setup = createVaultService(await open(dir, protector('weak')));
    await setup['vault.setPassphrase']({ passphrase: 'long enough phrase' });
    const locked = createVaultService(await open(dir, protector('weak')));
    const dispatch = createDispatcher(locked as unknown as BackendApi);
    expect(await dispatch('vault.unlock', { passphrase: 'wrong phrase' })).toMatchObject({ ok: false, error: { code: 'VAULT_PASSPHRASE_WRONG' } });
    expect(await dispatch('vault.unlock', { passphrase: 'long enough phrase' })).toMatchObject({ ok: true, value: { state: 'ready' } });

    const broken = { unlock: () => Promise.reject(new Error('disk said /secret/path/token=abc')) } as unknown as Vault;
    const error = await createVaultService(broken)['vault.unlock']({ passphrase: 'x' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'INTERNAL' });
    expect((error as Error).message).not.toContain('token=abc');
  });
});
