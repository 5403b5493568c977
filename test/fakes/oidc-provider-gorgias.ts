// panva's oidc-provider — a standard OpenID provider written by others — configured like Gorgias
// (docs/stack.md, trap 6): OAuth routes under /oauth/, a refresh token for the `offline` scope (it only
// knows `offline_access`), email and name in the id_token, native loopback redirects on any port.
// Its built-in login and consent pages are clicked through by Playwright in the tests.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

export interface GorgiasLikeProvider {
  /** Issuer and account base URL: http://127.0.0.1:PORT (the 2021 issuer shape, the host itself). */
  readonly issuer: string;
  close(): Promise<void>;
}

export interface ProviderOptions {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  scopes: string[];
}

export async function startGorgiasLikeProvider(options: ProviderOptions): Promise<GorgiasLikeProvider> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const server: Server = createServer((req, res) => {
    if (handler) handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'gorgias-like-1', alg: 'RS256', use: 'sig' };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        // Native: a registered http://127.0.0.1/... redirect matches any port (RFC 8252 §7.3).
        application_type: 'native',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    routes: { authorization: '/oauth/authorize', token: '/oauth/token', revocation: '/oauth/revoke' },
    scopes: [...new Set(['openid', 'offline', ...options.scopes])],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { revocation: { enabled: true }, devInteractions: { enabled: true } },
    // Gorgias's refresh scope is `offline`.
    issueRefreshToken: async (_ctx, client, code) => client.grantTypeAllowed('refresh_token') && code.scopes.has('offline'),
    // Put email and name into the id_token, as Gorgias does.
    conformIdTokenClaims: false,
    pkce: { required: () => false },
    jwks: { keys: [signingKey] },
    cookies: { keys: ['gorgias-like-test-cookie-key'] },
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({ sub, email: `${sub}@example.com`, email_verified: true, name: `Test user ${sub}` }),
    }),
  });
  handler = provider.callback();

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
