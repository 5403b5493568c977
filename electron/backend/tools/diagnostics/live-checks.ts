// The checks that ask the servers: a real refresh, the two cheap identity calls (GET /api/account and
// GET /api/users/0), clock skew against the answer's Date header, and the rate-limit state.
import { isWorkbenchError } from '../../../common/errors';
import type { DiagnosticCheck } from '../../../common/tools/tool-results';
import type { HttpClient, HttpResponse } from '../../http/http-client';
import { header, readRateLimit, REMOVED_USER_MESSAGE } from '../api-console/response-meta';
import { prettyBody } from '../api-console/pretty-body';
import type { ToolsDeps } from '../deps';
import { findInstall } from '../../installs/refresher';
import type { InstallContext } from '../context/install-context';
import { formatDuration } from '../../../common/duration';

const check = (id: string, label: string, outcome: DiagnosticCheck['outcome'], detail: string, fix: string | null = null): DiagnosticCheck => ({ id, label, outcome, detail, fix });
const RECONNECT = 'Connect the app to this account again.';
/** Beyond this, exp/iat checks start to disagree between client and server. */
const SKEW_WARN_MS = 60_000;
const SKEW_FAIL_MS = 5 * 60_000;

/** What the read-only run says about refresh: not tried, and how to try it. */
export function refreshNotTried(context: InstallContext): DiagnosticCheck {
  if (!context.install.refreshToken) return check('refresh', 'Refresh works', 'unchecked', 'No refresh token to try.', 'Add the "offline" scope and connect again.');
  return check('refresh', 'Refresh works', 'unchecked', 'Not tried: a real refresh gives the install a new access token. Use "Try a real refresh" to check it.');
}

export async function refreshCheck(deps: ToolsDeps, context: InstallContext): Promise<DiagnosticCheck> {
  if (!context.install.refreshToken) return check('refresh', 'Refresh works', 'unchecked', 'No refresh token to try.', 'Add the "offline" scope and connect again.');
  // Read before the refresh: a refused refresh marks the install revoked.
  const revokedBefore = context.install.revokedAt;
  try {
    const refreshed = await deps.installs.refresh(context.install.id);
    if (refreshed.revokedAt) {
      return check(
        'refresh',
        'Refresh works',
        'fail',
        `A real refresh succeeded although the install was revoked at ${refreshed.revokedAt}: the server still accepts the revoked refresh token, so the revoke did not take effect.`,
        'Disconnect the app in the helpdesk (or report the server), then connect again if you still need the install.',
      );
    }
    return check('refresh', 'Refresh works', 'pass', 'A real refresh just succeeded: the install has a new access token.');
  } catch (error) {
    if (isWorkbenchError(error) && (error.code === 'TOKEN_REVOKED' || error.code === 'OAUTH_INVALID_GRANT')) {
      if (revokedBefore) {
        return check('refresh', 'Revoke holds', 'pass', `The server refused the refresh token revoked at ${revokedBefore}, as it should.`);
      }
      return check(
        'refresh',
        'Refresh works',
        'fail',
        'The refresh token was refused (invalid_grant): the install was revoked, or the app was disconnected in the helpdesk. The current access token still works until it expires.',
        RECONNECT,
      );
    }
    if (isWorkbenchError(error) && error.code === 'OAUTH_INVALID_CLIENT') {
      return check('refresh', 'Refresh works', 'fail', `The token endpoint refused the app's credentials: ${error.message}`, "Check the app's client id and secret (and Basic vs body client authentication).");
    }
    const message = isWorkbenchError(error) ? `${error.code}: ${error.message}` : 'an unexpected error';
    return check('refresh', 'Refresh works', 'fail', `The refresh failed: ${message}`, 'Check the connection and the account\'s base URL, then try again.');
  }
}

interface ApiProbe {
  check: DiagnosticCheck;
  response: HttpResponse | null;
}

async function probe(http: HttpClient, deps: ToolsDeps, context: InstallContext, path: string): Promise<HttpResponse> {
  const token = findInstall(deps, context.install.id).accessToken;
  return http.request({
    method: 'GET',
    url: `${context.baseUrl}${path}`,
    headers: { authorization: `Bearer ${token}` },
    kind: 'api',
    context: { appId: context.install.appId, accountId: context.install.accountId, installId: context.install.id },
    secrets: [token],
  });
}

export async function apiProbe(deps: ToolsDeps, http: HttpClient, context: InstallContext, id: string, path: string, scope: string): Promise<ApiProbe> {
  const label = `GET ${path} answers`;
  let response: HttpResponse;
  try {
    response = await probe(http, deps, context, path);
  } catch (error) {
    const message = isWorkbenchError(error) ? error.message : 'The request failed.';
    return { check: check(id, label, 'fail', message, "Check the account's subdomain or base URL and your connection."), response: null };
  }
  const type = header(response.headers, 'content-type');
  const body = prettyBody(response.text, type);
  if (!body.isJson) {
    return { check: check(id, label, 'fail', `HTTP ${response.status} with a web page or text, not JSON.`, 'Is the subdomain right? A wrong subdomain answers an HTML page.'), response };
  }
  if (response.status === 200) return { check: check(id, label, 'pass', 'HTTP 200.'), response };
  const said = body.errorMessage ? ` "${body.errorMessage}"` : '';
  if (response.status === 401 && body.errorMessage?.includes(REMOVED_USER_MESSAGE.slice(0, 20))) {
    return {
      check: check(id, label, 'fail', `HTTP 401${said}: the user who authorised this install was removed from the account (or deactivated).`, 'Reconnect the app while logged in as an active user of the account.'),
      response,
    };
  }
  if (response.status === 401) return { check: check(id, label, 'fail', `HTTP 401${said}: the access token was refused.`, 'Refresh the install; if refresh fails, connect again.'), response };
  if (response.status === 403) {
    return { check: check(id, label, 'warn', `HTTP 403${said}: the install lacks ${scope}, or the authorising user's role does not allow it.`, `Add ${scope} to the app's scopes and reconnect, or use an account user with a higher role.`), response };
  }
  if (response.status === 429) return { check: check(id, label, 'warn', `HTTP 429${said}: rate limited right now.`, 'Wait for Retry-after and run the diagnostics again.'), response };
  return { check: check(id, label, 'fail', `HTTP ${response.status}${said}.`, null), response };
}

export function clockSkewCheck(response: HttpResponse | null, sentAtMs: number, receivedAtMs: number): DiagnosticCheck {
  const date = response ? header(response.headers, 'date') : null;
  const serverMs = date ? Date.parse(date) : Number.NaN;
  if (Number.isNaN(serverMs)) return check('clock.skew', 'Clock skew', 'unchecked', 'The server sent no Date header to compare with.');
  // The server stamped its Date somewhere between send and receive; the midpoint is the best guess.
  const localMs = (sentAtMs + receivedAtMs) / 2;
  const skew = localMs - serverMs;
  // Date has one-second resolution: a second of difference is noise.
  const abs = Math.max(0, Math.abs(skew) - 1000);
  const direction = skew > 0 ? 'ahead of' : 'behind';
  if (abs >= SKEW_FAIL_MS) {
    return check('clock.skew', 'Clock skew', 'fail', `This computer's clock is ${formatDuration(abs)} ${direction} the server's: tokens look expired (or not yet valid) when they are not.`, "Set the computer's clock automatically (NTP).");
  }
  if (abs >= SKEW_WARN_MS) return check('clock.skew', 'Clock skew', 'warn', `This computer's clock is ${formatDuration(abs)} ${direction} the server's.`, "Set the computer's clock automatically (NTP).");
  return check('clock.skew', 'Clock skew', 'pass', 'This computer\'s clock agrees with the server\'s Date header (within a minute).');
}

export function rateLimitCheck(response: HttpResponse | null): DiagnosticCheck {
  const reading = response ? readRateLimit(response.headers) : null;
  if (!reading) return check('rate-limit', 'Rate limit', 'unchecked', 'No X-Gorgias-Account-Api-Call-Limit header was seen.');
  const share = reading.limit > 0 ? reading.used / reading.limit : 0;
  if (response?.status === 429 || share >= 1) {
    return check('rate-limit', 'Rate limit', 'fail', `The account's bucket is full (${reading.used}/${reading.limit}): calls answer 429 for now.`, 'Slow down: Gorgias allows 80 calls per 20 s per account for OAuth apps; honour Retry-after.');
  }
  if (share >= 0.8) return check('rate-limit', 'Rate limit', 'warn', `${reading.used} of ${reading.limit} calls used in the current window.`, 'Something else is calling this account a lot; space the calls out.');
  return check('rate-limit', 'Rate limit', 'pass', `${reading.used} of ${reading.limit} calls used in the current window.`);
}
