// Locking a passphrase vault by hand (vault.lock) or after idle minutes (settings.autoLockMinutes):
// the key and every decrypted byte are dropped, the status says locked, the passphrase opens it again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VaultStatus } from '../../../electron/common/model';
import { activityAttached, makeTempDir, open, protector, sampleActivity, sampleApp } from './vault-test-helpers';

const PASS = 'correct horse battery';

afterEach(() => {
  vi.useRealTimers();
});

function nextStatus(vault: Awaited<ReturnType<typeof open>>, state: VaultStatus['state']): Promise<VaultStatus> {
  return new Promise((resolve) => {
    const stop = vault.onStatusChange((status) => {
      if (status.state === state) {
        stop();
        resolve(status);
      }
    });
  });
}

describe('vault.lock', () => {
  it('drops the data and the history until the passphrase is given again', async () => {
    const vault = await open(await makeTempDir(), protector('weak'));
    await vault.setPassphrase(PASS);
    await vault.update((draft) => void draft.apps.push(sampleApp()));
    await vault.activity.append(sampleActivity());
    await activityAttached(vault);

    expect(await vault.lock()).toMatchObject({ state: 'locked', protection: 'passphrase', problem: null });
    expect(() => vault.data()).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED' }));
    await expect(vault.update(() => 1)).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    expect(vault.activity.list({}).total).toBe(0);

    await vault.unlock(PASS);
    expect(vault.data().apps.map((app) => app.id)).toEqual(['app_1']);
    await activityAttached(vault);
    expect(vault.activity.list({}).total).toBe(1);
  });

  it('refuses to lock a vault no passphrase could open again', async () => {
    const vault = await open(await makeTempDir(), protector('strong'));
    await expect(vault.lock()).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(vault.status().state).toBe('ready');
  });
});

describe('settings and the idle auto-lock', () => {
  it('stores the settings, and locks a passphrase vault after the idle minutes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const vault = await open(await makeTempDir(), protector('weak'));
    await vault.setPassphrase(PASS);
    // The history attaches in the background under the vault's lock file; a writer waiting for that
    // lock polls with setTimeout, which is faked here: let the attach finish first.
    await activityAttached(vault);
    expect(await vault.updateSettings({})).toEqual({ autoLockMinutes: null, clipboardClearSeconds: 30 });
    expect(await vault.updateSettings({ autoLockMinutes: 5, clipboardClearSeconds: null })).toEqual({ autoLockMinutes: 5, clipboardClearSeconds: null });
    expect(vault.data().settings).toMatchObject({ autoLockMinutes: 5, clipboardClearSeconds: null });

    // Use within the window keeps it open.
    vi.advanceTimersByTime(4 * 60_000);
    vault.data();
    vi.advanceTimersByTime(4 * 60_000);
    expect(vault.status().state).toBe('ready');

    const locked = nextStatus(vault, 'locked');
    vi.advanceTimersByTime(60_000);
    expect(await locked).toMatchObject({ state: 'locked', protection: 'passphrase' });
    expect(() => vault.data()).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED' }));
    await vault.unlock(PASS);
    expect(vault.data().settings.autoLockMinutes).toBe(5);
  });
});
