// https://{sub}.gorgias.com/oauth/authorize?response_type=code&client_id&scope&redirect_uri&state&nonce
export interface AuthorizeParams {
  baseUrl: string;
  clientId: string;
  scopes: readonly string[];
  redirectUri: string;
  state: string;
  nonce: string;
  pkceChallenge?: string | null;
}

export function oauthEndpoint(baseUrl: string, name: 'authorize' | 'token' | 'revoke'): string {
  return `${baseUrl.replace(/\/+$/, '')}/oauth/${name}`;
}

export function buildAuthorizeUrl(params: AuthorizeParams): string {
  const url = new URL(oauthEndpoint(params.baseUrl, 'authorize'));
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', params.clientId);
  url.searchParams.set('scope', params.scopes.join(' '));
  url.searchParams.set('redirect_uri', params.redirectUri);
  url.searchParams.set('state', params.state);
  url.searchParams.set('nonce', params.nonce);
  if (params.pkceChallenge) {
    url.searchParams.set('code_challenge', params.pkceChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
  }
  return url.toString();
}

/** Gorgias's helpdesk page for an app not yet approved, where "Connect App" can be tested (inferred route). */
export function testInstallUrl(baseUrl: string, clientId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/app/settings/integrations/app/${encodeURIComponent(clientId)}?preview=true`;
}
