// Client authentication at the token and revoke endpoints. HTTP Basic is Gorgias's documented way;
// the id and secret are each form-urlencoded before base64 (RFC 6749 §2.3.1), like oauth4webapi
// and openid-client do. "body" sends them as form fields, for servers that disagree.
import type { ClientAuthMethod } from '../../common/model';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  method: ClientAuthMethod;
}

const formEncode = (value: string): string => new URLSearchParams({ v: value }).toString().slice(2);

export function basicAuthorization(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`, 'utf8').toString('base64')}`;
}

/** Applies the client's credentials to a request's headers and form. */
export function applyClientAuth(
  credentials: ClientCredentials,
  form: Record<string, string>,
): { headers: Record<string, string>; form: Record<string, string>; secrets: string[] } {
  const secrets = [credentials.clientSecret];
  if (credentials.method === 'body') {
    return { headers: {}, form: { ...form, client_id: credentials.clientId, client_secret: credentials.clientSecret }, secrets };
  }
  const authorization = basicAuthorization(credentials.clientId, credentials.clientSecret);
  // The Basic value itself is a secret too (base64 of the secret): scrub it wherever it might echo.
  return { headers: { authorization }, form: { ...form }, secrets: [...secrets, authorization.slice(6)] };
}
