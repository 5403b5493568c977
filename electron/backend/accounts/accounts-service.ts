// Accounts: Gorgias subdomains (sandbox or production), optionally at another base URL.
import { WorkbenchError } from '../../common/errors';
import type { EventBus } from '../events';
import { newId } from '../ids';
import type { Clock } from '../ports';
import type { DomainService } from '../service';
import type { StoredAccount, Vault } from '../vault/vault-types';
import { validCustomBaseUrl, validSubdomain } from './account-validation';
import { toAccountView } from './account-view';

export interface AccountsServiceDeps {
  vault: Vault;
  events: EventBus;
  clock: Clock;
  /** The base URL to show; for the built-in sandbox it depends on whether it runs. */
  displayBaseUrl(account: StoredAccount): string;
}


export function findAccount(vault: Vault, id: string): StoredAccount {
  const account = vault.data().accounts.find((candidate) => candidate.id === id);
  if (!account) throw new WorkbenchError('NOT_FOUND', 'That account no longer exists. It may have been deleted.', { accountId: id });
  return account;
}

function assertUnique(vault: Vault, subdomain: string, builtInSandbox: boolean, customBaseUrl: string | null, exceptId?: string) {
  const clash = vault
    .data()
    .accounts.find(
      (account) =>
        account.id !== exceptId &&
        account.subdomain === subdomain &&
        account.builtInSandbox === builtInSandbox &&
        account.customBaseUrl === customBaseUrl,
    );
  if (clash) {
    throw new WorkbenchError('CONFLICT', `There is already an account for "${subdomain}" at that address ("${clash.label}").`, { field: 'subdomain' });
  }
}

export function createAccountsService({ vault, events, clock, displayBaseUrl }: AccountsServiceDeps): DomainService<'accounts'> {
  const now = () => new Date(clock.now()).toISOString();
  const view = (account: StoredAccount) => toAccountView(account, displayBaseUrl(account));
  const changed = () => events.emit('accounts.changed', null);

  return {
    async 'accounts.list'() {
      return vault.data().accounts.map(view);
    },

    async 'accounts.create'(input) {
      const subdomain = validSubdomain(input.subdomain);
      const builtInSandbox = input.builtInSandbox ?? false;
      const customBaseUrl = builtInSandbox ? null : validCustomBaseUrl(input.customBaseUrl);
      assertUnique(vault, subdomain, builtInSandbox, customBaseUrl);
      const at = now();
      const account: StoredAccount = {
        id: newId('acc'),
        subdomain,
        label: input.label.trim() || subdomain,
        kind: input.kind,
        notes: input.notes,
        customBaseUrl,
        builtInSandbox,
        createdAt: at,
        updatedAt: at,
      };
      await vault.update((data) => {
        data.accounts.push(account);
      });
      changed();
      return view(account);
    },

    async 'accounts.update'({ id, patch }) {
      const current = findAccount(vault, id);
      const subdomain = patch.subdomain !== undefined ? validSubdomain(patch.subdomain) : current.subdomain;
      const builtInSandbox = patch.builtInSandbox ?? current.builtInSandbox;
      const customBaseUrl = builtInSandbox
        ? null
        : patch.customBaseUrl !== undefined
          ? validCustomBaseUrl(patch.customBaseUrl)
          : current.customBaseUrl;
      assertUnique(vault, subdomain, builtInSandbox, customBaseUrl, id);
      const updated = await vault.update((data) => {
        const account = data.accounts.find((candidate) => candidate.id === id);
        if (!account) throw new WorkbenchError('NOT_FOUND', 'That account no longer exists. It may have been deleted.', { accountId: id });
        account.subdomain = subdomain;
        account.builtInSandbox = builtInSandbox;
        account.customBaseUrl = customBaseUrl;
        if (patch.label !== undefined) account.label = patch.label.trim() || subdomain;
        if (patch.kind !== undefined) account.kind = patch.kind;
        if (patch.notes !== undefined) account.notes = patch.notes;
        account.updatedAt = now();
        return structuredClone(account);
      });
      changed();
      return view(updated);
    },

    async 'accounts.delete'({ id }) {
      findAccount(vault, id);
      const removedInstalls = await vault.update((data) => {
        data.accounts = data.accounts.filter((account) => account.id !== id);
        const before = data.installs.length;
        data.installs = data.installs.filter((install) => install.accountId !== id);
        return before - data.installs.length;
      });
      changed();
      if (removedInstalls > 0) events.emit('installs.changed', { installId: null });
      return null;
    },
  };
}
