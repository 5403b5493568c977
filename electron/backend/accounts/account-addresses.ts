// Where an account lives: https://{subdomain}.gorgias.com, a custom base URL, or the built-in
// sandbox, whose loopback address is known only once it runs. Resolving a sandbox account starts the
// sandbox and "registers" every saved app there, as Gorgias's partner portal would.
import { gorgiasBaseUrl } from '../../common/subdomain';
import type { EventBus } from '../events';
import { newId } from '../ids';
import type { Clock } from '../ports';
import { sandboxRedirectUris } from '../sandbox-registration';
import type { SandboxController } from '../sandbox/sandbox-controller';
import type { StoredAccount, Vault } from '../vault/vault-types';
import { validSubdomain } from './account-validation';
import { findAccount } from './accounts-service';

export interface AccountAddresses {
  resolveAccount(accountId: string): Promise<{ account: StoredAccount; baseUrl: string }>;
  baseUrlOf(account: StoredAccount): Promise<string>;
  /** For display: does not start the sandbox. */
  displayBaseUrl(account: StoredAccount): string;
  /** The `/oauth/install?account=` entry: finds or creates the account for a subdomain. */
  ensureAccountForSubdomain(subdomain: string): Promise<StoredAccount>;
}

export function createAccountAddresses({ vault, sandbox, events, clock }: { vault: Vault; sandbox: SandboxController; events: EventBus; clock: Clock }): AccountAddresses {
  const baseUrlOf = async (account: StoredAccount): Promise<string> => {
    if (!account.builtInSandbox) return account.customBaseUrl ?? gorgiasBaseUrl(account.subdomain);
    const running = await sandbox.ensureStarted();
    running.addAccount(account.subdomain, { name: account.label });
    for (const app of vault.data().apps) {
      running.registerClient({ clientId: app.clientId, clientSecret: app.clientSecret, redirectUris: sandboxRedirectUris(app, account.subdomain) });
    }
    return running.baseUrlFor(account.subdomain);
  };

  return {
    baseUrlOf,
    async resolveAccount(accountId) {
      const account = findAccount(vault, accountId);
      return { account, baseUrl: await baseUrlOf(account) };
    },
    displayBaseUrl(account) {
      if (!account.builtInSandbox) return account.customBaseUrl ?? gorgiasBaseUrl(account.subdomain);
      return sandbox.current()?.baseUrlFor(account.subdomain) ?? 'built-in sandbox (starts on first use)';
    },
    async ensureAccountForSubdomain(input) {
      const subdomain = validSubdomain(input);
      const existing = vault.data().accounts.find((account) => account.subdomain === subdomain && !account.builtInSandbox && !account.customBaseUrl);
      if (existing) return existing;
      const at = new Date(clock.now()).toISOString();
      const account: StoredAccount = {
        id: newId('acc'),
        subdomain,
        label: subdomain,
        // Unknown accounts arriving through the App URL are flagged as production: the cautious colour.
        kind: 'production',
        notes: 'Added when Gorgias opened the App URL for this account.',
        customBaseUrl: null,
        builtInSandbox: false,
        createdAt: at,
        updatedAt: at,
      };
      await vault.update((data) => {
        data.accounts.push(account);
      });
      events.emit('accounts.changed', null);
      return account;
    },
  };
}
