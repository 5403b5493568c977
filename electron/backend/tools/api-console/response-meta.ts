// What the console reads from an answer's headers and status: Gorgias's rate-limit readout, the
// Retry-after countdown, and a hint when the answer is not what an API call should get.
import type { RateLimitReading } from '../../../common/tools/tool-results';

/** Headers are lower-cased by the HTTP client; this also tolerates any casing for other callers. */
export function header(headers: Record<string, string>, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return null;
}

/** `X-Gorgias-Account-Api-Call-Limit: 10/80`. */
export function readRateLimit(headers: Record<string, string>): RateLimitReading | null {
  const value = header(headers, 'x-gorgias-account-api-call-limit');
  const match = value ? /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value) : null;
  return match ? { used: Number(match[1]), limit: Number(match[2]) } : null;
}

/** `Retry-after` in seconds (an HTTP date is also allowed by RFC 9110). */
export function readRetryAfter(headers: Record<string, string>, nowMs: number): number | null {
  const value = header(headers, 'retry-after');
  if (value === null) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

export const REMOVED_USER_MESSAGE = 'No user found matching the "sub" claim of the token.';

export function hintFor(input: { status: number; isJson: boolean; contentType: string | null; text: string; errorMessage: string | null; requiredScope: string | null; retryAfterSeconds: number | null }): string | null {
  const looksHtml = (input.contentType ?? '').includes('html') || /^\s*<(!doctype|html|head|body)/i.test(input.text);
  if (looksHtml) return 'The server answered a web page, not JSON: is the subdomain (or custom base URL) right? Shown as text.';
  if (input.errorMessage?.includes('No user found matching')) {
    return 'The user who authorised this install was removed from the account: reconnect the app with an active user.';
  }
  if (input.status === 401) return 'The token was refused even after a refresh: the install may be revoked or disconnected. Run Diagnostics.';
  if (input.status === 403) {
    // Gorgias's 403 says little beyond its msg and is mostly about the user's role (docs/gorgias.md,
    // "User roles"): any scope named here is the workbench's own reading, and is labelled so.
    const scope = input.requiredScope
      ? `the workbench reads this call as needing ${input.requiredScope}, which the install may lack`
      : 'the workbench cannot map this path to a scope (not in its catalogue)';
    return `Forbidden. Gorgias's 403 is mostly about the role of the user who authorised the install; ${scope}.`;
  }
  if (input.status === 429) return `Rate limited: wait ${input.retryAfterSeconds ?? 'a few'} s before the next call (Gorgias allows 80 calls per 20 s per account for OAuth apps).`;
  if (!input.isJson && input.text.trim().length > 0) return 'The answer is not JSON; shown as text.';
  return null;
}
