// Every check of a fresh token answer, in the order a person reads them, plus what the install needs
// (decoded tokens, expiry). Which failures stop the flow: any `fail` on the id_token (signature, iss,
// aud, azp, exp, iat, nonce, at_hash, sub, or a malformed token). Nothing is stored then: a token we
// cannot tie to this flow and this account must not become an install. Warnings never stop a flow.
import type { CheckResult, ExpirySource, FailedCheck } from '../../../common/model';
import type { ActivityContext } from '../../activity/recorder';
import { computeExpiry } from '../expiry';
import type { TokenSet } from '../token-response';
import { checkAccessToken } from './access-token-checks';
import { checkIdTokenClaims, toFailedCheck, type IdTokenCheck } from './id-token-checks';
import { verifyJws } from './jws-verifier';
import { decodeJwt, type JwtParts } from './jwt-parts';
import type { KeyResolver } from './key-resolver';
import { checkExpiresIn, checkScopes } from './quirk-checks';

export interface CheckInput {
  tokens: TokenSet;
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  nonce: string;
  requestedScopes: readonly string[];
  obtainedAtMs: number;
  skewSeconds: number;
  keys: KeyResolver;
  context: Partial<ActivityContext>;
  /** Already decided by the callback handler (state matched a pending flow, single use). */
  stateCheck?: CheckResult;
}

interface CheckOutput {
  checks: CheckResult[];
  /** The failed id_token checks, with the claim, expected and actual; non-empty means: fail the flow, store nothing. */
  failures: FailedCheck[];
  accessJwt: JwtParts | null;
  idJwt: JwtParts | null;
  expiresAt: string;
  expirySource: ExpirySource;
}

export async function runChecks(input: CheckInput): Promise<CheckOutput> {
  const checks: CheckResult[] = [];
  if (input.stateCheck) checks.push(input.stateCheck);
  const idChecks: Array<CheckResult | IdTokenCheck> = [];
  let idJwt: JwtParts | null = null;
  if (input.tokens.idToken) {
    idJwt = decodeJwt(input.tokens.idToken);
    if (!idJwt) {
      idChecks.push({ id: 'id_token.format', label: 'id_token format', outcome: 'fail', detail: 'The id_token is not a well-formed JWT (three base64url parts with JSON header and claims).' });
    } else {
      const signature = await verifyJws({ token: idJwt, baseUrl: input.baseUrl, clientSecret: input.clientSecret, keys: input.keys, context: input.context });
      idChecks.push({ id: 'id_token.signature', label: 'id_token signature', ...signature });
      idChecks.push(...checkIdTokenClaims(idJwt, {
        baseUrl: input.baseUrl,
        clientId: input.clientId,
        nonce: input.nonce,
        accessToken: input.tokens.accessToken,
        nowSeconds: Math.floor(input.obtainedAtMs / 1000),
        skewSeconds: input.skewSeconds,
      }));
    }
  } else if (input.requestedScopes.includes('openid')) {
    idChecks.push({ id: 'id_token.present', label: 'id_token', outcome: 'warn', detail: 'openid was requested but no id_token came back: the user cannot be identified from the answer.' });
  } else {
    idChecks.push({ id: 'id_token.present', label: 'id_token', outcome: 'unchecked', detail: 'openid was not requested, so there is no id_token to check.' });
  }
  // The claim readings go into the flow's error, not into the stored checks.
  checks.push(...idChecks.map(({ id, label, outcome, detail }) => ({ id, label, outcome, detail })));

  const accessJwt = decodeJwt(input.tokens.accessToken);
  checks.push(...checkAccessToken(accessJwt, { baseUrl: input.baseUrl, clientId: input.clientId, responseScope: input.tokens.scope }));

  const accessExp = typeof accessJwt?.claims.exp === 'number' ? accessJwt.claims.exp : null;
  const expiry = computeExpiry({ accessTokenExp: accessExp, expiresIn: input.tokens.expiresIn, obtainedAtMs: input.obtainedAtMs });
  checks.push(checkExpiresIn(input.tokens.expiresIn, expiry.source, expiry.expiresAt, accessExp, input.obtainedAtMs));
  checks.push(...checkScopes(input.requestedScopes, input.tokens.scope, input.tokens.refreshToken !== null));

  return {
    checks,
    failures: idChecks.filter((check) => check.outcome === 'fail').map(toFailedCheck),
    accessJwt,
    idJwt,
    expiresAt: expiry.expiresAt,
    expirySource: expiry.source,
  };
}
