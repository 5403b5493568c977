// OAuth error answers ({"error": "...", "error_description": "..."}) turned into errors a person can
// act on. The same server word means different things at different steps: invalid_grant on the code
// exchange is a used/expired code or a redirect URL that differs; on refresh it means revoked.
import { WorkbenchError } from '../../common/errors';
import { scrubText } from '../activity/redact';

export type TokenStep = 'exchange' | 'refresh' | 'revoke';

interface OAuthErrorBody {
  error: string;
  description: string | null;
}

export function readOAuthError(value: unknown): OAuthErrorBody | null {
  if (value === null || typeof value !== 'object') return null;
  const error = (value as Record<string, unknown>).error;
  if (typeof error !== 'string' || error.length === 0) return null;
  const description = (value as Record<string, unknown>).error_description;
  // The server's words go into messages the user sees: cut, and never a token even if one is echoed.
  return { error: scrubText(error.slice(0, 200)), description: typeof description === 'string' ? scrubText(description.slice(0, 500)) : null };
}

function serverWords(body: OAuthErrorBody): string {
  return body.description ? `${body.error}: ${body.description}` : body.error;
}

const mentionsRedirect = (body: OAuthErrorBody): boolean => body.error === 'redirect_uri_mismatch' || /redirect/i.test(body.description ?? '');

/** For a token-endpoint (or revoke) error answer. `redirectUri` is what the exchange sent. */
export function mapTokenError(
  body: OAuthErrorBody,
  step: TokenStep,
  context: { status: number; redirectUri?: string; registeredRedirectUri?: string },
): WorkbenchError {
  const details = { status: context.status, error: body.error, step };
  const said = `The server said "${serverWords(body)}".`;
  if (body.error === 'invalid_client' || body.error === 'unauthorized_client') {
    return new WorkbenchError('OAUTH_INVALID_CLIENT', `The server rejected the client (${body.error}): check client id and secret, and the client-auth method (HTTP Basic or in the body). ${said}`, details);
  }
  if (step === 'exchange' && mentionsRedirect(body)) {
    return new WorkbenchError(
      'OAUTH_REDIRECT_MISMATCH',
      `The redirect URL does not match what the server expects. Sent: ${context.redirectUri ?? '(none)'}; to register: ${context.registeredRedirectUri ?? '(see the app)'}. ${said}`,
      { ...details, redirectUri: context.redirectUri ?? null, registeredRedirectUri: context.registeredRedirectUri ?? null },
    );
  }
  if (body.error === 'invalid_grant') {
    if (step === 'refresh') {
      return new WorkbenchError('TOKEN_REVOKED', `The refresh token was refused (invalid_grant): it was revoked or the app was disconnected in the helpdesk. Connect again. ${said}`, details);
    }
    return new WorkbenchError(
      'OAUTH_INVALID_GRANT',
      `The code was refused (invalid_grant): it was already used or has expired, or the redirect URL differs from the one sent to /oauth/authorize. Sent redirect_uri: ${context.redirectUri ?? '(none)'}; registered: ${context.registeredRedirectUri ?? '(see the app)'}. ${said}`,
      { ...details, redirectUri: context.redirectUri ?? null, registeredRedirectUri: context.registeredRedirectUri ?? null },
    );
  }
  return new WorkbenchError('OAUTH_ERROR', `The token endpoint answered an error. ${said}`, details);
}

/** For `error=` parameters on the callback (the authorization server's own words, shown plainly). */
export function mapAuthorizeError(raw: OAuthErrorBody, redirectUri: string): WorkbenchError {
  // A description's own full stop is dropped: the sentence goes on (never "request.. Nothing").
  const body = { error: scrubText(raw.error), description: raw.description === null ? null : scrubText(raw.description).replace(/[\s.]+$/, '') || null };
  const details = { error: body.error };
  if (body.error === 'access_denied') {
    return new WorkbenchError('OAUTH_ACCESS_DENIED', `Consent was denied (access_denied)${body.description ? `: ${body.description}` : ''}. Nothing was stored.`, details);
  }
  if (mentionsRedirect(body)) {
    return new WorkbenchError('OAUTH_REDIRECT_MISMATCH', `The server refused the redirect URL ${redirectUri}: register exactly this URL on the app. The server said "${serverWords(body)}".`, { ...details, redirectUri });
  }
  return new WorkbenchError('OAUTH_ERROR', `The authorization server answered an error: "${serverWords(body)}".`, details);
}
