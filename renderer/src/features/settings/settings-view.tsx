// Settings: how long copied tokens stay on the clipboard, and (passphrase vaults) the idle
// auto-lock with "Lock now". Both live in the vault (`vault.updateSettings`; an empty object reads
// them), so they hold for every door and after a restart.
import { useEffect, useState } from 'react';
import type { VaultSettingsView, VaultStatus } from '../../../../electron/common/model';
import { workbench, type ErrorShape } from '../../workbench/client';
import { useAction } from '../../hooks/use-action';
import { ErrorMessage } from '../../components/error-message';
import { navigate } from '../../stores/navigation';
import { DelaySetting, count } from './delay-setting';
import './settings.css';

const SECONDS = { one: 'second', many: 'seconds' };
const MINUTES = { one: 'minute', many: 'minutes' };

export function SettingsView({ vault }: { vault: VaultStatus }) {
  const [settings, setSettings] = useState<VaultSettingsView | null>(null);
  const [loadError, setLoadError] = useState<ErrorShape | null>(null);
  const lock = useAction(() => workbench().vault.lock());

  useEffect(() => {
    let live = true;
    void workbench().vault.updateSettings({}).then((result) => {
      if (!live) return;
      if (result.ok) setSettings(result.value);
      else setLoadError(result.error);
    });
    return () => {
      live = false;
    };
  }, []);

  const save = async (patch: Partial<VaultSettingsView>) => {
    const result = await workbench().vault.updateSettings(patch);
    if (result.ok) setSettings(result.value);
    return result.ok ? { ok: true as const } : { ok: false as const, error: result.error };
  };

  return (
    <section className="panel settings" aria-labelledby="settings-title">
      <header className="panel__header"><h1 id="settings-title">Settings</h1></header>
      <ErrorMessage error={loadError} />
      {!settings && !loadError && <p className="muted" aria-busy="true">Loading…</p>}
      {settings && (
        <>
          <h2>Clipboard</h2>
          <DelaySetting
            legend="Copied tokens"
            switchLabel="Clear copied tokens from the clipboard"
            numberLabel="Seconds before the clipboard is cleared"
            help="Cleared only if the clipboard still holds the token, so anything you copy afterwards stays. The notice after each copy says when."
            unit={SECONDS}
            min={1}
            max={3600}
            suggested={30}
            saved={settings.clipboardClearSeconds}
            describe={(value) => (value === null ? 'copied tokens stay on the clipboard (never cleared).' : `copied tokens are cleared after ${count(value, SECONDS)}.`)}
            saveLabel="Save clipboard delay"
            save={(value) => save({ clipboardClearSeconds: value })}
          />

          <h2>Locking</h2>
          {vault.protection === 'passphrase' ? (
            <>
              <DelaySetting
                legend="Auto-lock"
                switchLabel="Lock the vault when idle"
                numberLabel="Minutes idle before locking"
                help="Idle means no use of the vault: no screen, copy, refresh or flow read or wrote it. Locking drops the key from memory; the passphrase opens it again."
                unit={MINUTES}
                min={1}
                max={24 * 60}
                suggested={15}
                saved={settings.autoLockMinutes}
                describe={(value) => (value === null ? 'the vault stays open until you lock it or quit.' : `the vault locks after ${count(value, MINUTES)} idle.`)}
                saveLabel="Save auto-lock"
                save={(value) => save({ autoLockMinutes: value })}
              />
              <div className="actions">
                <button type="button" className="button" disabled={lock.pending} onClick={() => void lock.run()}>
                  {lock.pending ? 'Locking…' : 'Lock now'}
                </button>
                <span className="muted">Drops the key now; the passphrase is asked for again.</span>
              </div>
              <ErrorMessage error={lock.error} />
            </>
          ) : (
            <p className="settings__note">
              {vault.protection === 'os'
                ? 'This vault is protected by the OS keychain: it opens with your OS session and is locked by it (sign out or lock the screen). Auto-lock and "Lock now" are for passphrase vaults.'
                : 'This vault has weak protection: its key could be read by anyone with the data folder, so locking would not protect it. Set a passphrase to be able to lock it.'}{' '}
              <button type="button" className="link" onClick={() => navigate({ kind: 'vault' })}>Vault protection…</button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
