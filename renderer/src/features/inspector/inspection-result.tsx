// What the inspector found: the summary, the signature check, Gorgias-specific readings, and the
// decoded header and claims with human times.
import type { TokenInspection } from '../../../../electron/common/tools/tool-results';
import { TIME_CLAIMS } from '../../text/format';
import { Time } from '../../components/time-text';
import { KeyValueTable } from '../../components/kv-table';
import { WithTimes } from '../../components/time-text';

const OUTCOME_WORD = { pass: 'verified', warn: 'warning', fail: 'FAILED', unchecked: 'not checked' } as const;

function show(key: string, value: unknown, relative: Map<string, string>) {
  if (TIME_CLAIMS.has(key) && typeof value === 'number') {
    return (
      <span>
        <Time value={value * 1000} /> <span className="muted">({relative.get(key) ?? value}; {value})</span>
      </span>
    );
  }
  return <code className="long-value">{typeof value === 'string' ? value : JSON.stringify(value)}</code>;
}

export function InspectionResult({ inspection }: { inspection: TokenInspection }) {
  const relative = new Map(inspection.times.map((time) => [time.claim, time.relative]));
  return (
    <section className="inspection" aria-label="Inspection">
      <p className={`banner ${inspection.kind === 'invalid' ? 'banner--warning' : 'banner--info'}`} role="status">
        <strong>{inspection.kind === 'jwt' ? 'JWT' : inspection.kind}</strong>: {inspection.summary}
      </p>
      {inspection.kind === 'jwt' && (
        <div className={`signature-verdict signature-verdict--${inspection.signature.outcome}`} role="group" aria-label="Signature">
          <p className="signature-verdict__word">Signature {OUTCOME_WORD[inspection.signature.outcome]}</p>
          <p className="signature-verdict__detail"><WithTimes text={inspection.signature.detail} /></p>
        </div>
      )}
      {(inspection.account || inspection.app) && (
        <KeyValueTable
          caption="Known to the workbench"
          rows={[
            ...(inspection.account ? ([['Account', `${inspection.account.label} (${inspection.account.baseUrl})`]] as Array<[string, string]>) : []),
            ...(inspection.app ? ([['App', `${inspection.app.name} (${inspection.app.clientId})`]] as Array<[string, string]>) : []),
          ]}
        />
      )}
      {inspection.readings.length > 0 && (
        <>
          <h2>Reading</h2>
          <ul className="readings" aria-label="Readings">
            {inspection.readings.map((reading, index) => (
              <li key={index} className={`reading reading--${reading.level}`}>
                <span className="visually-hidden">{reading.level}: </span>
                <WithTimes text={reading.text} />
              </li>
            ))}
          </ul>
        </>
      )}
      {inspection.header && <KeyValueTable caption="Header" rows={Object.entries(inspection.header).map(([key, value]) => [key, show(key, value, relative)])} />}
      {inspection.claims && <KeyValueTable caption="Claims" rows={Object.entries(inspection.claims).map(([key, value]) => [key, show(key, value, relative)])} />}
    </section>
  );
}
