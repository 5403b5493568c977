// The sidebar as React's first frame draws it on the main screen (features/sidebar/sidebar.tsx):
// Installs current, the accounts and apps from the first answer, the tools, the vault badge.
import type { VaultStatus } from '../../../electron/common/model';
import type { GridAccount, GridApp } from '../features/installs/grid-data';
import { navItemClass, SIDEBAR_LABEL, TOOLS } from '../features/sidebar/sidebar-items';
import { vaultBadgeClass, vaultBadgeText } from '../features/vault/protection';
import { HOME_TITLE } from '../features/home/home-text';
import { accountNameDom } from './account-name-dom';
import { el } from './dom';

const navButton = (label: Node | string) => el('li', null, el('button', { type: 'button', class: navItemClass(false) }, label));

function section(title: string, list: Node[], add?: string): HTMLElement {
  return el(
    'div',
    { class: 'sidebar__section' },
    el('h2', { class: 'sidebar__title' }, title),
    el('ul', { class: 'sidebar__list', 'aria-label': title }, ...list),
    add && el('button', { type: 'button', class: 'button button--small' }, add),
  );
}

export function sidebarDom(apps: GridApp[], accounts: GridAccount[], vault: VaultStatus): HTMLElement {
  return el(
    'nav',
    { class: 'sidebar', 'aria-label': SIDEBAR_LABEL },
    el('button', { type: 'button', class: navItemClass(true), 'aria-current': 'page' }, HOME_TITLE),
    section('Accounts', accounts.map((account) => navButton(accountNameDom(account))), 'Add account'),
    section('Apps', apps.map((app) => navButton(app.name)), 'Add app'),
    section('Tools', TOOLS.map(([, label]) => navButton(label))),
    el('div', { class: 'sidebar__footer' }, el('button', { type: 'button', class: vaultBadgeClass(vault) }, vaultBadgeText(vault))),
  );
}
