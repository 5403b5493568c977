// An account's name as components/account-name.tsx draws it: label, then the Production and
// Custom URL badges.
import type { GridAccount } from '../features/installs/grid-data';
import { accountLabel } from '../features/installs/cell-text';
import { el } from './dom';

export function accountNameDom(account: GridAccount): HTMLElement {
  const production = account.kind === 'production';
  return el(
    'span',
    { class: production ? 'account-name account-name--production' : 'account-name' },
    el('span', { class: 'account-name__label' }, accountLabel(account)),
    production && el('span', { class: 'badge badge--production' }, 'Production'),
    account.customBaseUrl && el('span', { class: 'badge badge--custom', title: account.customBaseUrl }, 'Custom URL'),
  );
}
