// The three token-endpoint calls. The POSTs are built here rather than by oauth4webapi: Gorgias's
// numeric id_token `sub` makes the library refuse the whole answer (STACK.md trap 6), and doing the
// POST ourselves lets every exchange go through the recorded, redacted HTTP client. The id_token is
// then checked with jose in checks/.
import type { HttpClient } from '../http/http-client';
import type { ActivityContext } from '../activity/recorder';
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

export function createTokenClient(http: HttpClient): TokenClient {
  return {
    async exchangeCode(input) {
      const form: Record<string, string> = { grant_type: 'authorization_code', code: input.code, redirect_uri: input.redirectUri };
      if (input.codeVerifier) form.code_verifier = input.codeVerifier;
      const auth = applyClientAuth(input.credentials, form);
      const response = await http.request({
        method: 'POST',
        url: oauthEndpoint(input.baseUrl, 'token'),
        headers: auth.headers,
        form: auth.form,
        kind: 'token',
        context: input.context,
        secrets: [...auth.secrets, input.code],
      });
      return readTokenAnswer(response, 'exchange', { redirectUri: input.redirectUri, registeredRedirectUri: input.registeredRedirectUri });
    },

    async refresh(input) {
      const auth = applyClientAuth(input.credentials, { grant_type: 'refresh_token', refresh_token: input.refreshToken });
      const response = await http.request({
        method: 'POST',
        url: oauthEndpoint(input.baseUrl, 'token'),
        headers: auth.headers,
        form: auth.form,
        kind: 'refresh',
        context: input.context,
        secrets: [...auth.secrets, input.refreshToken],
      });
      return readTokenAnswer(response, 'refresh', {});
    },

    async revoke(input) {
      const form: Record<string, string> = { token: input.token };
      if (input.hint) form.token_type_hint = input.hint;
      const auth = applyClientAuth(input.credentials, form);
      const response = await http.request({
        method: 'POST',
        url: oauthEndpoint(input.baseUrl, 'revoke'),
        headers: auth.headers,
        form: auth.form,
        kind: 'revoke',
        context: input.context,
        secrets: [...auth.secrets, input.token],
      });
      if (response.status < 200 || response.status >= 300) throw errorFromAnswer(response, 'revoke', {});
    },
  };
}
