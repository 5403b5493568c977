// One install: who and what, the tokens masked, the live expiry, the checks, the scope diff, the
// decoded JWTs and the actions. Reloads when main says this install changed.
import { useEffect, useState } from 'react';
import type { InstallDetail } from '../../../../electron/common/model';
import { useCatalog } from '../../stores/catalog';
import { workbench } from '../../workbench/client';
import { installStatus } from '../../text/install-status';
import { userLabel } from '../../text/install-user';
import { navigate } from '../../stores/navigation';
import { useNow } from '../../hooks/use-now';
import { useResource } from '../../hooks/use-resource';
import { AccountName } from '../../components/account-name';
import { Countdown } from '../../components/countdown';
import { ErrorMessage } from '../../components/error-message';
import { KeyValueTable } from '../../components/kv-table';
import { MaskedToken } from '../../components/masked-token';
import { StatusBadge } from '../../components/status-badge';
import { ChecksList } from './checks-list';
import { ChecksSummary } from './checks-summary';
import { InstallActions } from './install-actions';
import { JwtTables } from './jwt-tables';
import { ScopeDiff } from './scope-diff';
import { Time } from '../../components/time-text';

const EXPIRY_SOURCE = {
  'jwt-exp': "from the access token's own exp claim",
  'expires-in': 'from expires_in in the token response',
  'assumed-24h': 'assumed: 24 h after issue (no exp claim, expires_in was 0 or missing)',
} as const;

export function InstallView({ installId }: { installId: string }) {
  const resource = useResource(
    () => workbench().installs.get({ id: installId }),
    ['installs.changed'],
    [installId],
    (_event, payload) => payload.installId === null || payload.installId === installId,
  );
  const [latest, setLatest] = useState<InstallDetail | null>(null);
  useEffect(() => setLatest(null), [resource.data]);
  const install = latest ?? resource.data;
  const { apps, accounts } = useCatalog();
  const now = useNow(15_000);

  if (!install) {
    return (
      <section className="panel">
        <h1>Install</h1>
        {resource.error ? <ErrorMessage error={resource.error} /> : <p className="muted">Loading…</p>}
      </section>
    );
  }

  const app = apps?.find((candidate) => candidate.id === install.appId);
  const account = accounts?.find((candidate) => candidate.id === install.accountId);
  const { status, detail } = installStatus(install, now);

  return (
    <section className="panel install" aria-labelledby="install-title">
      <header className="panel__header">
        <h1 id="install-title">
          {app?.name ?? 'App'} on {account ? <AccountName account={account} /> : 'account'}
        </h1>
        <StatusBadge status={status} detail={detail} />
      </header>
      <p className="install__user">
        Approved by <strong>{userLabel(install.user)}</strong>
        {install.user && <span className="muted"> · sub {install.user.sub}</span>}
        <span className="muted"> · the token acts with this user's role.</span>
      </p>
      {account?.kind === 'production' && <p className="banner banner--warning" role="note">Production account: these tokens act on real customer data.</p>}
      {install.lastError && <ErrorMessage error={install.lastError} />}
      <ChecksSummary checks={install.checks} />

      <InstallActions install={install} onChanged={setLatest} builtInSandbox={account?.builtInSandbox ?? false} />
      <div className="actions">
        <button type="button" className="button" onClick={() => navigate({ kind: 'api-console', installId: install.id })}>API console</button>
        <button type="button" className="button" onClick={() => navigate({ kind: 'diagnostics', installId: install.id })}>Diagnose</button>
      </div>

      <h2>Expiry</h2>
      <p>
        <Countdown until={install.expiresAt} /> <span className="muted">({install.expiresAt ? <Time value={install.expiresAt} /> : 'unknown'}, {EXPIRY_SOURCE[install.expirySource]})</span>
      </p>
      <KeyValueTable
        caption="Install facts"
        rows={[
          ['Obtained', <Time key="obtained" value={install.obtainedAt} />],
          ['Refreshed', install.refreshedAt ? <Time key="refreshed" value={install.refreshedAt} /> : 'never'],
          ['expires_in answered', install.expiresInAnswered === null ? 'missing' : String(install.expiresInAnswered)],
          ['Refresh token', install.hasRefreshToken ? 'yes' : 'no (the "offline" scope was not granted)'],
          ['Revoked', install.revokedAt ? <Time key="revoked" value={install.revokedAt} /> : 'no'],
        ]}
      />

      <h2>Tokens</h2>
      <div className="tokens">
        <MaskedToken
          installId={install.id}
          kind="access"
          token={install.tokens.access}
          expiredAt={install.expiresAt && Date.parse(install.expiresAt) <= now ? install.expiresAt : null}
          canRefresh={install.hasRefreshToken && !install.revokedAt}
        />
        <MaskedToken installId={install.id} kind="refresh" token={install.tokens.refresh} />
        <MaskedToken installId={install.id} kind="id" token={install.tokens.id} />
      </div>

      <h2>Checks</h2>
      <ChecksList checks={install.checks} />

      <h2>Scopes</h2>
      <ScopeDiff requested={install.requestedScopes} granted={install.grantedScopes} />

      {install.idTokenJwt && (
        <>
          <h2>id_token</h2>
          <JwtTables title="id_token" jwt={install.idTokenJwt} />
        </>
      )}
      {install.accessTokenJwt && (
        <>
          <h2>Access token</h2>
          <JwtTables title="Access token" jwt={install.accessTokenJwt} />
        </>
      )}
    </section>
  );
}
