// What the quick switcher can jump to, and how typing narrows it: every word typed must appear in
// the item's text (label, subdomain, app name), in any order.
import type { AccountView, AppView, InstallSummary } from '../../../../electron/common/model';
import type { View } from '../../stores/navigation';
import { userShortLabel } from '../../text/install-user';

export interface SwitcherItem {
  key: string;
  title: string;
  kindWord: string;
  production: boolean;
  view: View;
  haystack: string;
}

export function switcherItems(apps: AppView[], accounts: AccountView[], installs: InstallSummary[]): SwitcherItem[] {
  const appById = new Map(apps.map((app) => [app.id, app]));
  const accountById = new Map(accounts.map((account) => [account.id, account]));
  const items: SwitcherItem[] = accounts.map((account) => ({
    key: `account:${account.id}`,
    title: account.label || account.subdomain,
    kindWord: account.kind === 'production' ? 'production account' : 'account',
    production: account.kind === 'production',
    view: { kind: 'account', id: account.id },
    haystack: `${account.label} ${account.subdomain} ${account.kind}`.toLowerCase(),
  }));
  for (const install of installs) {
    const app = appById.get(install.appId);
    const account = accountById.get(install.accountId);
    if (!app || !account) continue;
    const accountName = account.label || account.subdomain;
    items.push({
      key: `install:${install.id}`,
      title: `${app.name} on ${accountName}`,
      // Several users may have an install on the pair: the user tells them apart.
      kindWord: `install as ${userShortLabel(install.user)}, ${install.status}`,
      production: account.kind === 'production',
      view: { kind: 'install', id: install.id },
      haystack: `${app.name} ${account.label} ${account.subdomain} install ${install.user?.name ?? ''} ${install.user?.email ?? ''}`.toLowerCase(),
    });
  }
  for (const app of apps) {
    items.push({ key: `app:${app.id}`, title: app.name, kindWord: 'app', production: false, view: { kind: 'app', id: app.id }, haystack: `${app.name} ${app.clientId} app`.toLowerCase() });
  }
  return items;
}

export function filterItems(items: SwitcherItem[], query: string, limit = 50): SwitcherItem[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = words.length === 0 ? items : items.filter((item) => words.every((word) => item.haystack.includes(word)));
  return matches.slice(0, limit);
}
