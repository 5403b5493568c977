// An account's label, with production in the warning colour and a word, wherever it appears.
import type { AccountView } from '../../../electron/common/model';

export function AccountName({ account }: { account: Pick<AccountView, 'label' | 'subdomain' | 'kind' | 'customBaseUrl'> }) {
  return (
    <span className={account.kind === 'production' ? 'account-name account-name--production' : 'account-name'}>
      <span className="account-name__label">{account.label || account.subdomain}</span>
      {account.kind === 'production' && <span className="badge badge--production">Production</span>}
      {account.customBaseUrl && <span className="badge badge--custom" title={account.customBaseUrl}>Custom URL</span>}
    </span>
  );
}
