// What the quick switcher can jump to, and how typing narrows it: every word typed must appear in
// the item's text (label, subdomain, app name, or the install's user), in any order. Matches are
// ranked by what the user most likely meant: words found in what the item is called (its title,
// subdomain, kind) count before words found only in its user's name or email, so "bench app 032
// store-010 install" offers App 032 on Store 010 first, not App 007 on Store 010 whose user is
// "User 2032".
import type { AccountView, AppView, InstallSummary } from '../../../../electron/common/model';
import type { View } from '../../stores/navigation';
import { userShortLabel } from '../../text/install-user';

export interface SwitcherItem {
  key: string;
  title: string;
  kindWord: string;
  production: boolean;
  view: View;
  /** What the item is called (title, subdomain, kind), lower case: words found here rank first. */
  haystack: string;
  /** More text a word may match (the install's user, the app's client id), ranked after. */
  extra: string;
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
    haystack: `${account.label} ${account.subdomain} ${account.kind} account`.toLowerCase(),
    extra: '',
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
      haystack: `${app.name} ${account.label} ${account.subdomain} install`.toLowerCase(),
      extra: `${install.user?.name ?? ''} ${install.user?.email ?? ''}`.toLowerCase(),
    });
  }
  for (const app of apps) {
    items.push({ key: `app:${app.id}`, title: app.name, kindWord: 'app', production: false, view: { kind: 'app', id: app.id }, haystack: `${app.name} app`.toLowerCase(), extra: app.clientId.toLowerCase() });
  }
  return items;
}

/** A word found at the start of one of the text's words ("032" in "app 032") beats one inside ("2032"). */
function startsAWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (at === 0 || !/[a-z0-9]/.test(text[at - 1]!)) return true;
  }
  return false;
}

/**
 * The items every typed word matches, best first: more words in the item's name, then more words
 * starting one of its words; ties keep the list's order (accounts, installs, apps).
 */
export function filterItems(items: SwitcherItem[], query: string, limit = 50): SwitcherItem[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return items.slice(0, limit);
  const ranked: Array<{ item: SwitcherItem; score: number; index: number }> = [];
  items.forEach((item, index) => {
    let score = 0;
    for (const word of words) {
      if (item.haystack.includes(word)) score += startsAWord(item.haystack, word) ? 3 : 2;
      else if (item.extra.includes(word)) score += startsAWord(item.extra, word) ? 1 : 0;
      else return;
    }
    ranked.push({ item, score, index });
  });
  ranked.sort((a, b) => b.score - a.score || a.index - b.index);
  return ranked.slice(0, limit).map((entry) => entry.item);
}
