// Finds an account's signing keys: discovery at {base}/idp/.well-known/openid-configuration (where
// Gorgias's issuer suggests it lives), then {base}/.well-known/openid-configuration, then its
// jwks_uri. Fetched through the recorded HTTP client (activity kinds 'discovery' and 'jwks') and
// cached per base URL. Gorgias does not document either: "none" is an expected outcome.
// One resolver for the whole backend (the flow, the inspector and the diagnostics share its cache):
// concurrent lookups of one account share one fetch (single flight), and a forced refetch (a token
// naming a kid we do not have) happens at most once per cooldown, so a stream of tokens with made-up
// kids cannot make us hammer the server.
import type { JSONWebKeySet } from 'jose';
import { WorkbenchError } from '../../../common/errors';
import type { ActivityContext } from '../../activity/recorder';
import { expectJsonObject } from '../../http/expect-json';
import type { HttpClient } from '../../http/http-client';

export type KeyLookup =
  | { status: 'found'; discoveryUrl: string; jwksUrl: string; issuer: string | null; jwks: JSONWebKeySet }
  | { status: 'none'; reason: string };

export interface KeyResolver {
  lookup(baseUrl: string, context: Partial<ActivityContext>, options?: { refresh?: boolean }): Promise<KeyLookup>;
}

const CACHE_MS = 10 * 60_000;
const REFETCH_COOLDOWN_MS = 30_000;

function discoveryUrls(baseUrl: string): string[] {
  const base = baseUrl.replace(/\/+$/, '');
  return [`${base}/idp/.well-known/openid-configuration`, `${base}/.well-known/openid-configuration`];
}

function describe(error: unknown): string {
  return error instanceof WorkbenchError ? `${error.code}: ${error.message}` : 'an unexpected error';
}

export function createKeyResolver(http: HttpClient, clock: { now(): number }): KeyResolver {
  const cache = new Map<string, { lookup: KeyLookup; at: number }>();

  async function discover(baseUrl: string, context: Partial<ActivityContext>): Promise<KeyLookup> {
    const tried: string[] = [];
    for (const url of discoveryUrls(baseUrl)) {
      let document: Record<string, unknown>;
      try {
        const response = await http.request({ method: 'GET', url, kind: 'discovery', context, timeoutMs: 8000 });
        if (response.status !== 200) {
          tried.push(`${url} answered HTTP ${response.status}`);
          continue;
        }
        document = expectJsonObject(response, 'a discovery document');
      } catch (error) {
        tried.push(`${url}: ${describe(error)}`);
        continue;
      }
      const jwksUrl = document.jwks_uri;
      if (typeof jwksUrl !== 'string' || jwksUrl.length === 0) {
        tried.push(`${url} has no jwks_uri`);
        continue;
      }
      try {
        const response = await http.request({ method: 'GET', url: jwksUrl, kind: 'jwks', context, timeoutMs: 8000 });
        if (response.status !== 200) return { status: 'none', reason: `the key set at ${jwksUrl} answered HTTP ${response.status}` };
        const jwks = expectJsonObject(response, 'a JSON Web Key Set');
        if (!Array.isArray(jwks.keys)) return { status: 'none', reason: `the key set at ${jwksUrl} has no "keys" array` };
        return { status: 'found', discoveryUrl: url, jwksUrl, issuer: typeof document.issuer === 'string' ? document.issuer : null, jwks: jwks as unknown as JSONWebKeySet };
      } catch (error) {
        return { status: 'none', reason: `the key set at ${jwksUrl} could not be fetched (${describe(error)})` };
      }
    }
    return { status: 'none', reason: `no discovery document was found (${tried.join('; ')})` };
  }

  const pending = new Map<string, Promise<KeyLookup>>();

  function fetchOnce(baseUrl: string, context: Partial<ActivityContext>): Promise<KeyLookup> {
    const running = pending.get(baseUrl);
    if (running) return running;
    const promise = discover(baseUrl, context)
      .then((lookup) => {
        // Only successes are cached: a server that was down a minute ago is asked again.
        if (lookup.status === 'found') cache.set(baseUrl, { lookup, at: clock.now() });
        else cache.delete(baseUrl);
        return lookup;
      })
      .finally(() => pending.delete(baseUrl));
    pending.set(baseUrl, promise);
    return promise;
  }

  return {
    async lookup(baseUrl, context, options) {
      const cached = cache.get(baseUrl);
      const age = cached ? clock.now() - cached.at : Number.POSITIVE_INFINITY;
      if (cached && (options?.refresh ? age < REFETCH_COOLDOWN_MS : age < CACHE_MS)) return cached.lookup;
      return fetchOnce(baseUrl, context);
    },
  };
}
