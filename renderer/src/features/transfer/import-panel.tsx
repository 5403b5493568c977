// Import: paste an export (and its passphrase), see what would change, then apply. Nothing is
// written before Apply; a wrong passphrase is said as such and the text stays.
import { useId, useState } from 'react';
import type { TransferPreview } from '../../../../electron/common/tools/tool-results';
import { workbench } from '../../workbench/client';
import { showToast } from '../../stores/toasts';
import { useAction } from '../../hooks/use-action';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { CustomAddressWarning } from './custom-address-warning';

export function ImportPanel() {
  const [text, setText] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [preview, setPreview] = useState<TransferPreview | null>(null);
  const [applied, setApplied] = useState<string | null>(null);
  const [trusted, setTrusted] = useState(false);
  const mustTrust = (preview?.customBaseUrls.length ?? 0) > 0;
  const input = () => ({ text, ...(passphrase ? { passphrase } : {}) });
  const check = useAction(() => workbench().transfer.preview(input()));
  const apply = useAction(() => workbench().transfer.import(input()));
  const textId = useId();
  const error = check.error ?? apply.error;
  const needsPassphrase = error?.details?.needsPassphrase === true;

  return (
    <section className="subpanel" aria-labelledby="import-title">
      <h2 id="import-title">Import</h2>
      <div className="field">
        <label htmlFor={textId}>Import JSON</label>
        <textarea
          id={textId}
          rows={8}
          spellCheck={false}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setPreview(null);
            setApplied(null);
          }}
        />
      </div>
      <Field label="Import passphrase" help="Only for an export that includes secrets.">
        {(props) => (
          <input
            {...props}
            type="password"
            autoComplete="off"
            value={passphrase}
            onChange={(event) => {
              setPassphrase(event.target.value);
              setPreview(null);
            }}
          />
        )}
      </Field>
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={check.pending || !text.trim()}
          onClick={async () => {
            apply.clearError();
            setApplied(null);
            setTrusted(false);
            setPreview(await check.run());
          }}
        >
          {check.pending ? 'Checking…' : 'Preview'}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={apply.pending || !preview || (mustTrust && !trusted)}
          onClick={async () => {
            const done = await apply.run();
            if (!done) return;
            const message = `Imported: ${done.counts.new} new, ${done.counts.updated} updated, ${done.counts.unchanged} unchanged.`;
            setApplied(message);
            setPreview(null);
            showToast('success', message);
          }}
        >
          {apply.pending ? 'Applying…' : 'Apply'}
        </button>
        {!preview && text.trim() && <span className="save-why">Apply comes after Preview.</span>}
      </div>
      <ErrorMessage error={error} hint={needsPassphrase ? 'This export holds encrypted secrets: enter its passphrase.' : undefined} />
      {applied && <p className="banner banner--info" role="status">{applied}</p>}
      {preview && mustTrust && <CustomAddressWarning entries={preview.customBaseUrls} trusted={trusted} onTrustedChange={setTrusted} />}
      {preview && (
        <>
          <p role="status">
            Would change: {preview.counts.new} new, {preview.counts.updated} updated, {preview.counts.unchanged} unchanged
            {preview.secretsIncluded ? ' (client secrets included)' : ' (no secrets in the file; existing secrets are kept)'}.
          </p>
          <table className="list-table">
            <caption>What the import would change</caption>
            <thead>
              <tr><th scope="col">Kind</th><th scope="col">Name</th><th scope="col">Change</th><th scope="col">Fields</th></tr>
            </thead>
            <tbody>
              {preview.items.map((item) => (
                <tr key={`${item.kind}:${item.key}`}>
                  <td>{item.kind}</td>
                  <td>{item.name}</td>
                  <td className={`transfer-change--${item.change}`}>{item.change}</td>
                  <td>{item.fields.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
