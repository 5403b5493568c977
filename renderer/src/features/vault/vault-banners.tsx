// Standing notices over every screen: weak protection (until the user chooses better) and a vault
// that was recovered (what was moved aside, until dismissed), and files found rolled back.
import type { VaultStatus } from '../../../../electron/common/model';
import { workbench } from '../../workbench/client';
import { Time } from '../../components/time-text';
import { navigate } from '../../stores/navigation';
import { useAction } from '../../hooks/use-action';
import { ErrorMessage } from '../../components/error-message';

export function VaultBanners({ vault }: { vault: VaultStatus }) {
  const dismiss = useAction(() => workbench().vault.dismissRecovery());
  return (
    <>
      {vault.protection === 'weak' && (
        <div className="banner banner--warning banner--standing" role="note" aria-label="Weak vault protection">
          <strong>Weak protection:</strong> the vault key is stored unprotected on disk; any program running as you can read your secrets and tokens.{' '}
          <button type="button" className="link" onClick={() => navigate({ kind: 'vault' })}>Set a passphrase</button>
        </div>
      )}
      {vault.recovered && (
        <div className="banner banner--warning banner--standing" role="note" aria-label="Vault recovered">
          <strong>The vault could not be read and was started afresh</strong> ({vault.recovered.reason}, <Time value={vault.recovered.at} />). Nothing was deleted: the old file is
          kept at <code>{vault.recovered.movedTo}</code>.{' '}
          <button type="button" className="button button--small" disabled={dismiss.pending} onClick={() => void dismiss.run()}>Dismiss</button>
          <ErrorMessage error={dismiss.error} />
        </div>
      )}
      {vault.integrity && (
        <div className="banner banner--warning banner--standing" role="note" aria-label="Vault files rolled back">
          <strong>Some vault files are older than the vault&apos;s last writes.</strong> {vault.integrity}{' '}
          <button type="button" className="button button--small" disabled={dismiss.pending} onClick={() => void dismiss.run()}>Dismiss</button>
        </div>
      )}
    </>
  );
}
