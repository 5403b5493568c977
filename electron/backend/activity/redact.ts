// Redaction for the activity log: what a person needs to read an exchange (which fields were sent,
// how long they were), never what would let anyone replay it. Secrets keep a recognisable shape,
// e.g. `Bearer [redacted 812 chars]`, so two entries can still be compared by eye. This is the one
// redaction module: the activity log, the HAR export, diagnostics reports, the console's history and
// copy-as-curl, and error texts (before they are stored or shown) all go through it.
import { WorkbenchError } from '../../common/errors';

/**
 * Names whose values are secrets, matched by pattern after normalising case and separators
 * (`Client-Secret`, `client_secret`, `clientSecret` are one name): anything with token, secret, key,
 * password, passphrase, credential, cookie, authorization, session or signature in it (or ending in
 * auth: `X-Auth`, not `author`), plus the
 * one-time values of OAuth (code, state, nonce, code_verifier, assertion). Listed for reference and
 * tests; `isSecretName` is the rule.
 */
export const SECRET_KEYS: ReadonlySet<string> = new Set([
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
  'api_key',
  'apiKey',
  'authorization',
  'secret',
]);

const SECRET_NAME_PARTS = /token|secret|key|passw|passphrase|credential|cookie|authorization|session|signature|jwt|bearer|auth$/;
const SECRET_EXACT = new Set(['code', 'authcode', 'codeverifier', 'state', 'nonce', 'assertion', 'pwd', 'pass', 'pin', 'otp', 'sig', 'sid']);
/**
 * Names that contain a secret word but describe, not hold, a secret: `token_type`, `token_endpoint`,
 * `*_supported`, `*_uri`, a JWKS's `keys` (public keys), `kid`. Checked after normalising.
 */
const DESCRIPTIVE_SUFFIX = /(type|hint|endpoint|supported|uri|uris|url|urls|method|methods|expiresin|expiresat)$/;
const DESCRIPTIVE_EXACT = new Set(['keys', 'kid', 'keyid', 'kty', 'authorizationendpoint']);

/** Lower case, separators (`-`, `_`, `.`, spaces, brackets) removed: `X-Api-Key` → `xapikey`. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function isSecretName(name: string): boolean {
  const normalised = normaliseName(name);
  if (normalised.length === 0 || DESCRIPTIVE_EXACT.has(normalised) || DESCRIPTIVE_SUFFIX.test(normalised)) return false;
  return SECRET_EXACT.has(normalised) || SECRET_NAME_PARTS.test(normalised);
}

const SECRET_HEADERS: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

/** Anything shaped like a compact JWS/JWT, wherever it appears (HTML error pages, free text). */
const JWT_PATTERN = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;
/** `Bearer …` / `Basic …` credentials quoted in free text (an error page, a debug header). */
const AUTH_SCHEME_PATTERN = /\b(Bearer|Basic)(\s+)([A-Za-z0-9\-._~+/]{6,}=*)/g;
/** `name=value` pairs inside free text: a URL in a Location header or an error page, a form body. */
const INLINE_PARAM_PATTERN = /(^|[?&#;\s"'(,])([A-Za-z0-9_.\-[\]%]+)=(\[redacted \d+ chars\]|[^?&#\s"'<>;,)]*)/g;

export const MAX_LOGGED_BODY = 64 * 1024;

/** Does this text hold a secret: one of the given literal ones, or anything JWT-shaped? */
export function holdsSecret(text: string, secrets: readonly string[] = []): boolean {
  return secrets.some((secret) => secret.length >= 6 && text.includes(secret)) || new RegExp(JWT_PATTERN.source).test(text);
}

const MARKER = /^\[redacted \d+ chars\]$/;

/** Idempotent: an already redacted value keeps its marker (and the length it tells). */
export function redactedMarker(value: string): string {
  return MARKER.test(value) ? value : `[redacted ${value.length} chars]`;
}

const isSecretKey = (key: string): boolean => isSecretName(key);

/** `a=1&code=xyz` pairs inside any text, with secret-named values redacted in place. */
function redactInlineParams(text: string): string {
  return text.replace(INLINE_PARAM_PATTERN, (whole, lead: string, name: string, value: string) =>
    value.length > 0 && isSecretName(safeDecode(name)) ? `${lead}${name}=${redactedMarker(safeDecode(value))}` : whole,
  );
}

/**
 * Replaces every occurrence of the given literal secrets (client secret, tokens, the code of the
 * request in flight), JWTs, `Bearer`/`Basic` credentials and secret-named `name=value` pairs.
 */
export function scrubText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  // Longest first, so a secret that contains another is replaced whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    // Very short values would blank out ordinary words; the names above cover those cases.
    if (secret.length < 6) continue;
    out = out.split(secret).join(redactedMarker(secret));
    for (const encoded of [encodeURIComponent(secret), new URLSearchParams({ v: secret }).toString().slice(2)]) {
      if (encoded !== secret) out = out.split(encoded).join(redactedMarker(secret));
    }
  }
  out = out.replace(JWT_PATTERN, (jwt) => redactedMarker(jwt));
  out = out.replace(AUTH_SCHEME_PATTERN, (_whole, scheme: string, space: string, credential: string) => `${scheme}${space}${redactedMarker(credential)}`);
  return redactInlineParams(out);
}

/**
 * The same error with every literal secret of the request in flight (code, refresh token, client
 * secret, access token…) and every secret pattern scrubbed from its message and details: a token
 * endpoint may echo an opaque refresh token in `error_description`, which no pattern can recognise.
 * Anything else than a WorkbenchError is returned as is (its message is never shown).
 */
export function scrubError<E>(error: E, secrets: readonly string[]): E {
  if (!(error instanceof WorkbenchError)) return error;
  const details = error.details
    ? Object.fromEntries(
        Object.entries(error.details).map(([name, value]) => [
          name,
          typeof value === 'string' ? scrubText(value, secrets) : Array.isArray(value) ? value.map((item) => scrubText(item, secrets)) : value,
        ]),
      )
    : undefined;
  const scrubbed = new WorkbenchError(error.code, scrubText(error.message, secrets), details, { cause: error.cause });
  return scrubbed as E;
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

/**
 * Lower-cased header names; Authorization, cookies and any secret-named header (`X-Api-Key`,
 * `X-Auth-Token`…) redacted; secret parameters inside URL-valued headers (`Location: …?code=`) and
 * literal secrets scrubbed everywhere.
 */
export function redactHeaders(headers: Record<string, string>, secrets: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [rawName, value] of Object.entries(headers)) {
    const name = rawName.toLowerCase();
    out[name] = SECRET_HEADERS.has(name) || isSecretName(name) ? redactHeaderValue(name, value) : scrubText(value, secrets);
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

const JSON_SECRET_STRING = /"((?:[^"\\]|\\.){1,200})"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g;

/** For JSON that cannot be parsed (cut, or broken): secret string fields found by pattern. */
function redactJsonByPattern(text: string): string {
  return text.replace(JSON_SECRET_STRING, (whole, key: string, colon: string, value: string) =>
    isSecretKey(key) ? `"${key}"${colon}"${redactedMarker(value)}"` : whole,
  );
}

/** `a=b&c=d` with nothing else: a form body, whatever its declared type. */
const FORM_LIKE = /^[^=&\s]+=[^&\s]*(?:&[^=&\s]+=?[^&\s]*)*$/;

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
  } else if (type.includes('application/x-www-form-urlencoded') || FORM_LIKE.test(body)) {
    // Form-style whatever the content type says (text/plain, none, a wrong one).
    out = redactParams(body);
  }
  return truncate(scrubText(out, secrets), max);
}
