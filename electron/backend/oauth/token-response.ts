// Reads a token endpoint answer strictly: every field has the type RFC 6749 gives it, or the answer
// is refused with BAD_RESPONSE naming the field. Unknown fields are ignored.
import { WorkbenchError } from '../../common/errors';
import { expectJsonObject, looksLikeHtml } from '../http/expect-json';
import type { HttpResponse } from '../http/http-client';
import { mapTokenError, readOAuthError, type TokenStep } from './oauth-errors';

export interface TokenSet {
  accessToken: string;
  tokenType: string;
  /** As answered: null when missing. Gorgias answers 0 in its docs (treated as unknown). */
  expiresIn: number | null;
  refreshToken: string | null;
  idToken: string | null;
  /** null when the answer has no `scope` (then the requested scopes are assumed). */
  scope: string[] | null;
}

function bad(field: string, why: string, status: number): WorkbenchError {
  return new WorkbenchError('BAD_RESPONSE', `The token answer's "${field}" ${why}.`, { status, field });
}

function optionalString(body: Record<string, unknown>, field: string, status: number): string | null {
  const value = body[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw bad(field, `is a ${typeof value}, not a string`, status);
  return value.length > 0 ? value : null;
}

function parseTokenSet(body: Record<string, unknown>, status: number): TokenSet {
  const accessToken = body.access_token;
  if (accessToken === undefined || accessToken === null) throw bad('access_token', 'is missing', status);
  if (typeof accessToken !== 'string') throw bad('access_token', `is a ${typeof accessToken}, not a string`, status);
  if (accessToken.length === 0) throw bad('access_token', 'is empty', status);
  // token_type is required by RFC 6749, but its absence harms nothing here: Bearer is the only kind.
  const tokenType = optionalString(body, 'token_type', status) ?? 'Bearer';
  let expiresIn: number | null = null;
  const rawExpires = body.expires_in;
  if (rawExpires !== undefined && rawExpires !== null) {
    const value = typeof rawExpires === 'string' && /^\d+$/.test(rawExpires) ? Number(rawExpires) : rawExpires;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw bad('expires_in', 'is not a non-negative number', status);
    expiresIn = Math.floor(value);
  }
  const scopeText = optionalString(body, 'scope', status);
  return {
    accessToken,
    tokenType,
    expiresIn,
    refreshToken: optionalString(body, 'refresh_token', status),
    idToken: optionalString(body, 'id_token', status),
    scope: scopeText === null ? null : scopeText.split(/\s+/).filter(Boolean),
  };
}

/** Error answers first (they are JSON with `error`), then the success shape. */
export function readTokenAnswer(
  response: HttpResponse,
  step: TokenStep,
  context: { redirectUri?: string; registeredRedirectUri?: string },
): TokenSet {
  if (response.status < 200 || response.status >= 300) throw errorFromAnswer(response, step, context);
  const body = expectJsonObject(response, 'a token answer');
  const oauthError = readOAuthError(body);
  if (oauthError) throw mapTokenError(oauthError, step, { status: response.status, ...context });
  return parseTokenSet(body, response.status);
}

export function errorFromAnswer(
  response: HttpResponse,
  step: TokenStep,
  context: { redirectUri?: string; registeredRedirectUri?: string },
): WorkbenchError {
  const location = response.headers.location;
  if (response.status >= 300 && response.status < 400 && location) {
    let where = 'another address';
    try {
      where = new URL(location, `http://${response.host}`).host;
    } catch {
      // keep the generic wording
    }
    return new WorkbenchError('BAD_RESPONSE', `The ${step === 'revoke' ? 'revoke' : 'token'} endpoint redirected (HTTP ${response.status}) to ${where} instead of answering: check the account's base URL (https, the right host).`, { status: response.status, step });
  }
  if (response.status === 429) {
    // Gorgias rate-limits per account; the token endpoint may answer like the API does.
    const retryAfter = Number.parseInt(response.headers['retry-after'] ?? '', 10);
    const wait = Number.isFinite(retryAfter) && retryAfter >= 0 ? ` Try again in ${retryAfter} s.` : ' Try again shortly.';
    return new WorkbenchError('RATE_LIMITED', `The ${step === 'revoke' ? 'revoke' : 'token'} endpoint is rate limiting this account (HTTP 429).${wait}`, {
      status: 429,
      step,
      retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : null,
    });
  }
  if (!looksLikeHtml(response)) {
    const json = response.json ?? tryParse(response.text);
    const oauthError = readOAuthError(json);
    if (oauthError) return mapTokenError(oauthError, step, { status: response.status, ...context });
  }
  // Not an OAuth error body: say what came back instead (HTML page, empty, other).
  try {
    expectJsonObject(response, 'an OAuth answer');
  } catch (error) {
    if (error instanceof WorkbenchError) return error;
  }
  return new WorkbenchError('OAUTH_ERROR', `The ${step === 'revoke' ? 'revoke' : 'token'} endpoint answered HTTP ${response.status} without an OAuth error code.`, { status: response.status, step });
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
