// The renderer's Content-Security-Policy. Two layers carry it: the <meta> tag in renderer/index.html
// (which works for file:// and in the e2e harness) and the response header that main adds through
// session.webRequest. Both say the same: only our own files, no network, no inline script, no eval.
// A test keeps this string and the meta tag in step.

export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Returns response headers with our CSP, replacing any CSP header whatever its case (a server
 * cannot loosen it). Used for every response of the app's session.
 */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
  policy: string = RENDERER_CSP,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}
