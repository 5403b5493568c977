// An import that adds accounts at addresses other than Gorgias's: connecting an app to one sends the
// app's client secret to that server. Said loudly, host by host, and Apply waits for an explicit yes.
import type { TransferPreview } from '../../../../electron/common/tools/tool-results';

export function CustomAddressWarning({ entries, trusted, onTrustedChange }: { entries: TransferPreview['customBaseUrls']; trusted: boolean; onTrustedChange: (value: boolean) => void }) {
  return (
    <div className="banner banner--warning" role="alert" aria-label="Accounts at other addresses">
      <strong>
        This import adds {entries.length === 1 ? 'an account' : `${entries.length} accounts`} outside gorgias.com.
      </strong>{' '}
      Connecting an app to {entries.length === 1 ? 'it' : 'them'} sends the app&apos;s client secret to:
      <ul>
        {entries.map((entry) => (
          <li key={`${entry.name}|${entry.baseUrl}`}>
            <strong>{entry.host}</strong> — {entry.name}, <code>{entry.baseUrl}</code>
          </li>
        ))}
      </ul>
      <label className="check-label">
        <input type="checkbox" checked={trusted} onChange={(event) => onTrustedChange(event.target.checked)} />
        I know and trust {entries.length === 1 ? 'this server' : 'these servers'}
      </label>
    </div>
  );
}
