import type { AccountView } from '../../common/model';
import type { StoredAccount } from '../vault/vault-types';

/** `baseUrl` is resolved by the caller: the built-in sandbox's address is only known at run time. */
export function toAccountView(account: StoredAccount, baseUrl: string): AccountView {
  return { ...account, baseUrl };
}
