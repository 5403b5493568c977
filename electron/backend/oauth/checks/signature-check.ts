// The id_token's signature, verified with jose against the account's published keys (or the client
// secret for HS* algorithms). Only the signature: the claims are checked one by one in
// id-token-checks.ts so each failure is named.
import { compactVerify, createLocalJWKSet, errors as joseErrors } from 'jose';
import type { CheckResult } from '../../../common/model';
import type { ActivityContext } from '../../activity/recorder';
import type { KeyResolver } from './key-resolver';
import type { JwtParts } from './jwt-parts';

const ID = 'id_token.signature';
const LABEL = 'id_token signature';

export async function checkSignature(input: {
  token: JwtParts;
  baseUrl: string;
  clientSecret: string;
  keys: KeyResolver;
  context: Partial<ActivityContext>;
}): Promise<CheckResult> {
  const alg = input.token.header.alg;
  if (typeof alg !== 'string' || alg.toLowerCase() === 'none') {
    return { id: ID, label: LABEL, outcome: 'fail', detail: `The id_token is not signed (alg: ${String(alg)}). Anyone could have written it.` };
  }
  if (alg.startsWith('HS')) {
    try {
      await compactVerify(input.token.raw, new TextEncoder().encode(input.clientSecret), { algorithms: [alg] });
      return { id: ID, label: LABEL, outcome: 'pass', detail: `${alg} signature verified with the client secret.` };
    } catch {
      return { id: ID, label: LABEL, outcome: 'fail', detail: `The ${alg} signature does not verify with the client secret.` };
    }
  }
  let lookup = await input.keys.lookup(input.baseUrl, input.context);
  if (lookup.status === 'none') {
    return { id: ID, label: LABEL, outcome: 'unchecked', detail: `Not verified: ${lookup.reason}. The claims below were read without verifying who signed them.` };
  }
  const kid = typeof input.token.header.kid === 'string' ? input.token.header.kid : null;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await compactVerify(input.token.raw, createLocalJWKSet(lookup.jwks), { algorithms: [alg] });
      return { id: ID, label: LABEL, outcome: 'pass', detail: `${alg} signature verified with ${kid ? `key "${kid}"` : 'a key'} from ${lookup.jwksUrl}.` };
    } catch (error) {
      // A key we do not have may be a rotation since we cached the set: fetch it again, once.
      if (error instanceof joseErrors.JWKSNoMatchingKey && attempt === 0) {
        const fresh = await input.keys.lookup(input.baseUrl, input.context, { refresh: true });
        if (fresh.status === 'found') {
          lookup = fresh;
          continue;
        }
        return { id: ID, label: LABEL, outcome: 'unchecked', detail: `Not verified: ${fresh.reason}.` };
      }
      if (error instanceof joseErrors.JWKSNoMatchingKey) {
        return { id: ID, label: LABEL, outcome: 'fail', detail: `No key ${kid ? `with kid "${kid}" ` : ''}for ${alg} in ${lookup.jwksUrl}: the id_token was not signed by this account's keys.` };
      }
      if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
        return { id: ID, label: LABEL, outcome: 'fail', detail: `The ${alg} signature does not match the keys at ${lookup.jwksUrl}: the token was altered or signed by someone else.` };
      }
      const name = error instanceof Error ? error.name : 'error';
      return { id: ID, label: LABEL, outcome: 'fail', detail: `The signature could not be verified (${name}) with the keys at ${lookup.jwksUrl}.` };
    }
  }
  return { id: ID, label: LABEL, outcome: 'fail', detail: 'The signature could not be verified.' };
}
