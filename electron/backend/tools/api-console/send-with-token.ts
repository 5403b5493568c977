// Sends a prepared request with the install's token: refreshed first when it expires within a
// minute, and once more after a 401 (then the request is retried once). Recorded as activity 'api'.
import type { HttpClient, HttpResponse, StreamedHttpResponse } from '../../http/http-client';
import type { ToolsDeps } from '../deps';
import { currentAccessToken, type InstallContext } from '../context/install-context';
import type { PreparedRequest } from './prepare-request';

export const MIN_TOKEN_VALIDITY_MS = 60_000;

export interface SentRequest<R = HttpResponse> {
  response: R;
  refreshed: boolean;
  /** Why a refresh that was needed did not happen (the request went out with the old token). */
  refreshProblem: string | null;
}

function describe(error: unknown): string {
  return error instanceof Error && 'code' in error ? `${String((error as { code: unknown }).code)}: ${error.message}` : 'the refresh failed';
}

export function sendWithToken(deps: ToolsDeps, http: HttpClient, context: InstallContext, prepared: PreparedRequest): Promise<SentRequest> {
  return sendWith(deps, context, prepared, (request) => http.request(request), async () => undefined);
}

/**
 * The same, with the body left to read as it arrives (the console's api.send). A 401's body is
 * read to its end (it is small) before the request is sent again.
 */
export function streamWithToken(deps: ToolsDeps, http: HttpClient, context: InstallContext, prepared: PreparedRequest): Promise<SentRequest<StreamedHttpResponse>> {
  return sendWith(deps, context, prepared, (request) => http.stream(request), async (first) => {
    for await (const chunk of first.chunks()) void chunk;
  });
}

async function sendWith<R extends { status: number }>(
  deps: ToolsDeps,
  context: InstallContext,
  prepared: PreparedRequest,
  call: (request: Parameters<HttpClient['request']>[0]) => Promise<R>,
  discard: (first: R) => Promise<void>,
): Promise<SentRequest<R>> {
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
    call({
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
      const retried = await send(token);
      // The first answer's body is read to its end only now: if the retry fails, it is still the answer.
      await discard(response);
      response = retried;
    } catch (error) {
      refreshProblem = describe(error);
    }
  }
  return { response, refreshed, refreshProblem };
}
