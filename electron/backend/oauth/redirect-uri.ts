// The redirect URL, per redirect mode. The code exchange must send the very same string that went
// to /oauth/authorize, so flows build it once and keep it.
import type { RedirectSettings } from '../../common/model';
import { loopbackRedirectUri } from '../../common/redirect-uri-to-register';

// The rule for the URL to register lives in common/, so the app form shows it from the draft.
export { loopbackRedirectUri, redirectUriToRegister } from '../../common/redirect-uri-to-register';

interface RedirectApp {
  redirect: RedirectSettings;
}

function withAccount(uri: string, subdomain: string | null, include: boolean): string {
  if (!include || !subdomain) return uri;
  const url = new URL(uri);
  url.searchParams.set('account', subdomain);
  return url.toString();
}

/**
 * The redirect URL a flow sends. `port` is the loopback port actually bound (it differs from the
 * app's setting when that is 0); `subdomain` fills `?account=` when the app asks for it.
 */
export function redirectUriForFlow(app: RedirectApp, port: number | null, subdomain: string | null): string {
  const { redirect } = app;
  if (redirect.mode === 'relay') return withAccount(redirect.relayUrl, subdomain, redirect.includeAccountParam);
  if (redirect.mode === 'paste') return withAccount(redirect.pasteUrl, subdomain, redirect.includeAccountParam);
  return withAccount(loopbackRedirectUri(port ?? redirect.port, redirect.path), subdomain, redirect.includeAccountParam);
}

/**
 * The app as one paste-mode flow sees it (a one-off override; the stored app is not changed): the
 * browser is sent to the redirect URL registered for the app's own mode, and the person pastes back the
 * address it landed on. A loopback app with port 0 sends the port-less loopback URL (RFC 8252 §7.3).
 */
export function asPasteApp<T extends RedirectApp>(app: T): T {
  const { redirect } = app;
  if (redirect.mode === 'paste') return app;
  const pasteUrl = redirect.mode === 'relay' ? redirect.relayUrl : redirect.port === 0 ? `http://127.0.0.1${redirect.path.startsWith('/') ? redirect.path : `/${redirect.path}`}` : loopbackRedirectUri(redirect.port, redirect.path);
  return { ...app, redirect: { ...redirect, mode: 'paste', pasteUrl } };
}
