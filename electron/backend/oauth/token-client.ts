// The three token-endpoint calls. The POSTs are built here rather than by oauth4webapi: Gorgias's
// numeric id_token `sub` makes the library refuse the whole answer (it requires a string, as OpenID
// Connect Core §2 says), and doing the POST ourselves lets every exchange go through the recorded,
// redacted HTTP client. The id_token is then checked with jose in checks/.
import type { HttpClient } from '../http/http-client';
import type { ActivityContext } from '../activity/recorder';
import { scrubError } from '../activity/redact';
import { oauthEndpoint } from './authorize-url';
import { applyClientAuth, type ClientCredentials } from './client-auth';
import { errorFromAnswer, readTokenAnswer, type TokenSet } from './token-response';

export interface TokenClient {
  exchangeCode(input: {
    baseUrl: string;
    credentials: ClientCredentials;
    code: string;
    redirectUri: string;
    registeredRedirectUri?: string;
    codeVerifier?: string | null;
    context: Partial<ActivityContext>;
  }): Promise<TokenSet>;
  refresh(input: { baseUrl: string; credentials: ClientCredentials; refreshToken: string; context: Partial<ActivityContext> }): Promise<TokenSet>;
  /** RFC 7009: Gorgias takes `token=<refresh token>` and answers 200 {}. */
  revoke(input: { baseUrl: string; credentials: ClientCredentials; token: string; hint?: 'refresh_token' | 'access_token'; context: Partial<ActivityContext> }): Promise<void>;
}

/** Runs one token-endpoint call; any error leaves with the call's secrets scrubbed from its text. */
async function scrubbed<T>(secrets: readonly (string | null | undefined)[], call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw scrubError(error, secrets.filter((s): s is string => typeof s === 'string' && s.length > 0));
  }
}

export function createTokenClient(http: HttpClient): TokenClient {
  /** One authenticated form POST, recorded with the client's credentials and `secret` redacted. */
  const postForm = (input: { baseUrl: string; credentials: ClientCredentials; context: Partial<ActivityContext> }, endpoint: 'token' | 'revoke', kind: 'token' | 'refresh' | 'revoke', form: Record<string, string>, secret: string) => {
    const auth = applyClientAuth(input.credentials, form);
    return http.request({
      method: 'POST',
      url: oauthEndpoint(input.baseUrl, endpoint),
      headers: auth.headers,
      form: auth.form,
      kind,
      context: input.context,
      secrets: [...auth.secrets, secret],
    });
  };

  return {
    async exchangeCode(input) {
      const form: Record<string, string> = { grant_type: 'authorization_code', code: input.code, redirect_uri: input.redirectUri };
      if (input.codeVerifier) form.code_verifier = input.codeVerifier;
      return scrubbed([input.code, input.codeVerifier, input.credentials.clientSecret], async () => {
        const response = await postForm(input, 'token', 'token', form, input.code);
        return readTokenAnswer(response, 'exchange', { redirectUri: input.redirectUri, registeredRedirectUri: input.registeredRedirectUri });
      });
    },

    async refresh(input) {
      const form = { grant_type: 'refresh_token', refresh_token: input.refreshToken };
      return scrubbed([input.refreshToken, input.credentials.clientSecret], async () => {
        const response = await postForm(input, 'token', 'refresh', form, input.refreshToken);
        return readTokenAnswer(response, 'refresh', {});
      });
    },

    async revoke(input) {
      const form: Record<string, string> = { token: input.token };
      if (input.hint) form.token_type_hint = input.hint;
      await scrubbed([input.token, input.credentials.clientSecret], async () => {
        const response = await postForm(input, 'revoke', 'revoke', form, input.token);
        if (response.status < 200 || response.status >= 300) throw errorFromAnswer(response, 'revoke', {});
      });
    },
  };
}
