// The backend's way to the system browser: Gorgias pages, the apps' relay pages and the local
// sandbox only (the Electron adapter checks the same policy again).
import { WorkbenchError } from '../../common/errors';
import type { BrowserOpener } from '../ports';
import type { Vault } from '../vault/vault-types';
import { isAllowedExternalUrl } from './external-url-policy';

/** Hosts of the apps' relay pages, which the system browser may be sent to. */
export function relayHosts(vault: Vault): string[] {
  if (vault.status().state !== 'ready') return [];
  const hosts = new Set<string>();
  for (const app of vault.data().apps) {
    if (app.redirect.mode !== 'relay') continue;
    try {
      hosts.add(new URL(app.redirect.relayUrl).hostname);
    } catch {
      // An app with a broken relay URL simply allows nothing extra.
    }
  }
  return [...hosts];
}

export function guardedBrowserOpener(vault: Vault, open: BrowserOpener): BrowserOpener {
  return async (url) => {
    if (!isAllowedExternalUrl(url, { extraHosts: relayHosts(vault) })) {
      throw new WorkbenchError('INVALID_URL', 'The workbench only opens Gorgias pages, your relay page and the local sandbox in the browser.');
    }
    await open(url);
  };
}
