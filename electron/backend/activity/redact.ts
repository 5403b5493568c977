// Redaction for the activity log: what a person needs to read an exchange (which fields were sent,
// how long they were), never what would let anyone replay it. Secrets keep a recognisable shape,
// e.g. `Bearer [redacted 812 chars]`, so two entries can still be compared by eye.

/** Parameter and JSON keys whose values are secrets or one-time values (compared case-insensitively). */
const SECRET_KEYS: ReadonlySet<string> = new Set([
  'client_secret',
  'code',
  'code_verifier',
  'state',
  'nonce',
  'access_token',
  'refresh_token',
  'id_token',
  'token',
  'password',
  'client_assertion',
  'assertion',
]);

const SECRET_HEADERS: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

/** Anything shaped like a compact JWS/JWT, wherever it appears (HTML error pages, free text). */
const JWT_PATTERN = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;

export const MAX_LOGGED_BODY = 64 * 1024;

export function redactedMarker(value: string): string {
  return `[redacted ${value.length} chars]`;
}

const isSecretKey = (key: string): boolean => SECRET_KEYS.has(key.toLowerCase());

/** Replaces every occurrence of the given literal secrets (client secret, tokens we hold) and of JWTs. */
export function scrubText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    // Very short values would blank out ordinary words; the keys above cover those cases.
    if (secret.length < 6) continue;
    out = out.split(secret).join(redactedMarker(secret));
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) out = out.split(encoded).join(redactedMarker(secret));
  }
  return out.replace(JWT_PATTERN, (jwt) => redactedMarker(jwt));
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/**
 * Redacts `a=1&code=xyz` style text (query strings and form bodies) without re-encoding the rest,
 * so what is logged reads like what was sent.
 */
export function redactParams(params: string): string {
  if (params.length === 0) return params;
  return params
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      const key = safeDecode(pair.slice(0, eq));
      if (!isSecretKey(key)) return pair;
      return `${pair.slice(0, eq)}=${redactedMarker(safeDecode(pair.slice(eq + 1)))}`;
    })
    .join('&');
}

/** A URL with secret query (and fragment) parameters redacted; userinfo is dropped. */
export function redactUrl(url: string, secrets: readonly string[] = []): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return scrubText(url, secrets);
  }
  const base = `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  const query = parsed.search.length > 1 ? `?${redactParams(parsed.search.slice(1))}` : '';
  const hash = parsed.hash.length > 1 ? `#${redactParams(parsed.hash.slice(1))}` : '';
  return scrubText(`${base}${query}${hash}`, secrets);
}

function redactHeaderValue(name: string, value: string): string {
  if (name === 'authorization' || name === 'proxy-authorization') {
    const space = value.indexOf(' ');
    // Keep the scheme (Basic / Bearer): it is what tells client-auth problems apart.
    if (space > 0) return `${value.slice(0, space)} ${redactedMarker(value.slice(space + 1))}`;
    return redactedMarker(value);
  }
  return redactedMarker(value);
}

/** Lower-cased header names; Authorization and cookies redacted; literal secrets scrubbed everywhere. */
export function redactHeaders(headers: Record<string, string>, secrets: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [rawName, value] of Object.entries(headers)) {
    const name = rawName.toLowerCase();
    out[name] = SECRET_HEADERS.has(name) ? redactHeaderValue(name, value) : scrubText(value, secrets);
  }
  return out;
}

function redactJsonValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJsonValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      if (isSecretKey(key) && inner !== null && inner !== undefined) {
        out[key] = redactedMarker(typeof inner === 'string' ? inner : JSON.stringify(inner));
      } else {
        out[key] = redactJsonValue(inner);
      }
    }
    return out;
  }
  return value;
}

const JSON_SECRET_STRING = /"([A-Za-z_]+)"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g;

/** For JSON that cannot be parsed (cut, or broken): secret string fields found by pattern. */
function redactJsonByPattern(text: string): string {
  return text.replace(JSON_SECRET_STRING, (whole, key: string, colon: string, value: string) =>
    isSecretKey(key) ? `"${key}"${colon}"${redactedMarker(value)}"` : whole,
  );
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}\n…[truncated: ${text.length} chars in all, first ${max} shown]`;
}

/**
 * A body ready for the log: JSON and form bodies have secret fields redacted by key; any body has
 * JWTs and the given literal secrets scrubbed; the result is truncated to `max` characters.
 */
export function redactBody(
  body: string | null | undefined,
  contentType: string | null | undefined,
  secrets: readonly string[] = [],
  max = MAX_LOGGED_BODY,
): string | null {
  if (body === null || body === undefined) return null;
  if (body.length === 0) return '';
  const type = (contentType ?? '').toLowerCase();
  let out = body;
  const trimmed = body.trimStart();
  if (type.includes('json') || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    // Parsing megabytes only to log 64 KB of them is wasteful: large bodies are cut first and
    // redacted by pattern instead.
    if (body.length > max * 4) out = redactJsonByPattern(body.slice(0, max + 1024));
    else {
      try {
        out = JSON.stringify(redactJsonValue(JSON.parse(body)));
      } catch {
        out = redactJsonByPattern(body);
      }
    }
  } else if (type.includes('application/x-www-form-urlencoded')) {
    out = redactParams(body);
  }
  return truncate(scrubText(out, secrets), max);
}
