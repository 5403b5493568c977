// Sends a prepared request with the install's token: refreshed first when it expires within a
// minute, and once more after a 401 (then the request is retried once). Recorded as activity 'api'.
import type { HttpClient, HttpResponse } from '../../http/http-client';
import type { ToolsDeps } from '../deps';
import { currentAccessToken, type InstallContext } from '../context/install-context';
import type { PreparedRequest } from './prepare-request';

export const MIN_TOKEN_VALIDITY_MS = 60_000;

export interface SentRequest {
  response: HttpResponse;
  refreshed: boolean;
  /** Why a refresh that was needed did not happen (the request went out with the old token). */
  refreshProblem: string | null;
}

function describe(error: unknown): string {
  return error instanceof Error && 'code' in error ? `${String((error as { code: unknown }).code)}: ${error.message}` : 'the refresh failed';
}

export async function sendWithToken(deps: ToolsDeps, http: HttpClient, context: InstallContext, prepared: PreparedRequest): Promise<SentRequest> {
  const installId = context.install.id;
  const before = context.install.accessToken;
  let refreshProblem: string | null = null;
  let token = before;
  try {
    token = await deps.installs.getFreshAccessToken(installId, { minValidityMs: MIN_TOKEN_VALIDITY_MS });
  } catch (error) {
    // The stored token may still work (a revoked refresh token leaves the access token valid until it
    // expires): send anyway and let the API's answer speak.
    refreshProblem = describe(error);
  }
  const send = (token: string) =>
    http.request({
      method: prepared.method,
      url: prepared.url,
      headers: { ...prepared.headers, authorization: `Bearer ${token}` },
      // The body as typed: checked as JSON when prepared, sent as its own bytes (never re-serialised).
      ...(prepared.body !== null ? { raw: { text: prepared.body, contentType: 'application/json' } } : {}),
      kind: 'api',
      context: { appId: context.install.appId, accountId: context.install.accountId, installId },
      secrets: [token],
    });
  let response = await send(token);
  let refreshed = token !== before;
  if (response.status === 401 && context.install.refreshToken) {
    try {
      // Another caller may have refreshed while this request was out: then retry with the
      // stored token instead of refreshing again (one refresh per install, not per caller).
      const stored = currentAccessToken(deps, installId);
      token = stored === token ? (await deps.installs.refresh(installId)).accessToken : stored;
      refreshed = true;
      response = await send(token);
    } catch (error) {
      refreshProblem = describe(error);
    }
  }
  return { response, refreshed, refreshProblem };
}
