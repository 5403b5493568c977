// inspector.inspect: a pasted token read against the accounts and apps the user has. Nothing pasted
// is stored or logged; the only network traffic is fetching the matched account's public keys.
import type { HttpClient } from '../../http/http-client';
import type { KeyResolver } from '../../oauth/checks/key-resolver';
import { verifyJws } from '../../oauth/checks/jws-verifier';
import type { DomainService } from '../../service';
import type { ToolsDeps } from '../deps';
import { inspectToken, type KnownAccount } from './inspect-token';

async function knownAccounts(deps: ToolsDeps): Promise<KnownAccount[]> {
  const accounts = deps.vault.data().accounts;
  const resolved = await Promise.all(
    accounts.map(async (account) => {
      try {
        const { baseUrl } = await deps.resolveAccount(account.id);
        return { id: account.id, label: account.label || account.subdomain, baseUrl: baseUrl.replace(/\/+$/, '') };
      } catch {
        // An account whose sandbox cannot start is simply not matched.
        return null;
      }
    }),
  );
  return resolved.filter((account): account is KnownAccount => account !== null);
}

export function createInspectorService(deps: ToolsDeps, http: HttpClient, keys: KeyResolver): DomainService<'inspector'> {
  return {
    async 'inspector.inspect'({ token }) {
      return inspectToken({
        text: token,
        accounts: await knownAccounts(deps),
        apps: deps.vault.data().apps.map((app) => ({ id: app.id, name: app.name, clientId: app.clientId })),
        nowMs: deps.clock.now(),
        verify: (jwt, account) => verifyJws({ token: jwt, baseUrl: account.baseUrl, keys, context: { accountId: account.id } }),
      });
    },
  };
}
