// Which URLs may leave the app for the user's system browser (shell.openExternal, window.open).
// Pure and Electron-free so it is unit-tested here and shared by the backend and the glue.
// Allowed: https on gorgias.com and its subdomains, https on the apps' relay hosts, and plain http
// only on loopback (the built-in sandbox). Everything else (javascript:, file:, data:, custom
// schemes, http to real hosts, URLs carrying credentials) is refused.

export interface ExternalUrlPolicyOptions {
  /** Exact extra hosts allowed over https (the relay pages of the user's apps). */
  extraHosts: readonly string[];
}

const GORGIAS_DOMAIN = 'gorgias.com';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** Long enough for an authorize URL with many scopes; a multi-megabyte "URL" is an attack. */
const MAX_URL_LENGTH = 8192;

function normaliseHost(host: string): string {
  return host.trim().toLowerCase();
}

export function isGorgiasHost(hostname: string): boolean {
  const host = normaliseHost(hostname);
  return host === GORGIAS_DOMAIN || host.endsWith(`.${GORGIAS_DOMAIN}`);
}

export function isAllowedExternalUrl(url: string, options: ExternalUrlPolicyOptions): boolean {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // user:pass@host hides the real destination from a reader and has no business in our links.
  if (parsed.username !== '' || parsed.password !== '') return false;
  const host = normaliseHost(parsed.hostname);
  if (host === '') return false;

  if (parsed.protocol === 'https:') {
    if (isGorgiasHost(host)) return true;
    return options.extraHosts.some((extra) => extra !== '' && normaliseHost(extra) === host);
  }
  if (parsed.protocol === 'http:') return LOOPBACK_HOSTS.has(host);
  return false;
}
