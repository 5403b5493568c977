// The built-in sandbox plays Gorgias's partner portal too: every app the user saved is "registered"
// there with its redirect URLs, so any app can be tried against the sandbox as it is configured.
import { redirectUriToRegister } from './oauth/redirect-uri';
import type { StoredApp } from './vault/vault-types';

export function sandboxRedirectUris(app: StoredApp, subdomain: string): string[] {
  const registered = redirectUriToRegister(app);
  const uris = new Set([registered]);
  if (app.redirect.includeAccountParam) {
    const withAccount = new URL(registered);
    withAccount.searchParams.set('account', subdomain);
    uris.add(withAccount.toString());
  }
  return [...uris];
}
