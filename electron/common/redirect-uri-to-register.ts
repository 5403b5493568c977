// The exact redirect URL to register on the Gorgias app, per redirect mode. Shared so the app form
// can show it from the draft, before Save, with the very rule the flows use.
import type { RedirectSettings } from './model';

export function loopbackRedirectUri(port: number, path: string): string {
  return `http://127.0.0.1:${port}${path.startsWith('/') ? path : `/${path}`}`;
}

/**
 * With `?account=` on, the URL ends in `account={subdomain}` (the demo app's pattern; each
 * account's value is sent as is). Port 0 means "chosen at connect time": without `boundPort` the
 * URL has no port, which is how RFC 8252 §7.3 registers a loopback redirect that any port matches.
 */
export function redirectUriToRegister(app: { redirect: RedirectSettings }, boundPort?: number): string {
  const { redirect } = app;
  let uri: string;
  if (redirect.mode === 'relay') uri = redirect.relayUrl;
  else if (redirect.mode === 'paste') uri = redirect.pasteUrl;
  else if (redirect.port === 0 && boundPort === undefined) uri = `http://127.0.0.1${redirect.path.startsWith('/') ? redirect.path : `/${redirect.path}`}`;
  else uri = loopbackRedirectUri(boundPort ?? redirect.port, redirect.path);
  if (redirect.includeAccountParam && uri.length > 0) return `${uri}${uri.includes('?') ? '&' : '?'}account={subdomain}`;
  return uri;
}
