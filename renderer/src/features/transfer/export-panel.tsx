// Export apps and accounts: without secrets, or with the client secrets encrypted under a
// passphrase. The JSON is shown with Copy (through main) and Download.
import { useState } from 'react';
import { MIN_PASSPHRASE_LENGTH } from '../../../../electron/common/lists';
import { workbench } from '../../workbench/client';
import { useAction } from '../../hooks/use-action';
import { CopyButton } from '../../components/copy-button';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { downloadText } from '../activity/har-export';


export function ExportPanel() {
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [exported, setExported] = useState<{ text: string; apps: number; accounts: number; secretsIncluded: boolean } | null>(null);
  const run = useAction(() => workbench().transfer.export(includeSecrets ? { includeSecrets, passphrase } : { includeSecrets }));
  const problem = includeSecrets && passphrase.length < MIN_PASSPHRASE_LENGTH ? `The passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.` : null;

  return (
    <section className="subpanel" aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <label className="check-label">
        <input type="checkbox" checked={includeSecrets} onChange={(event) => setIncludeSecrets(event.target.checked)} />
        Include the client secrets, encrypted under a passphrase
      </label>
      {includeSecrets && (
        <Field label="Export passphrase" problem={passphrase ? problem : null} help="Whoever imports the file needs it. It is not stored.">
          {(props) => <input {...props} type="password" autoComplete="new-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />}
        </Field>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={run.pending || problem !== null}
          onClick={async () => {
            const value = await run.run();
            if (value) setExported(value);
          }}
        >
          {run.pending ? 'Exporting…' : 'Export'}
        </button>
        {problem && <span className="save-why">Export is off: {problem}</span>}
      </div>
      <ErrorMessage error={run.error} />
      {exported && (
        <>
          <p role="status">
            {exported.apps} apps and {exported.accounts} accounts, {exported.secretsIncluded ? 'client secrets encrypted' : 'no secrets'}.
          </p>
          <div className="actions">
            <CopyButton text={exported.text} what="the export" />
            <button type="button" className="button button--small" onClick={() => downloadText(exported.text, 'workbench-export.json', 'application/json')}>Download</button>
          </div>
          <pre aria-label="Exported JSON">{exported.text}</pre>
        </>
      )}
    </section>
  );
}
