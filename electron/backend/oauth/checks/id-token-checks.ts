// The id_token's claims, one check each, so a failure names the claim (OpenID Connect Core §3.1.3.7).
// The readings come from claims.ts; this file decides what each means for a flow: anything that
// cannot tie the token to this flow, app and account fails it.
import type { CheckOutcome, CheckResult, FailedCheck } from '../../../common/model';
import { readAtHash, readAud, readAzp, readExp, readIat, readIss, readNonce, readSub, type ClaimName, type ClaimReading } from './claims';
import type { JwtParts } from './jwt-parts';

interface ClaimExpectations {
  baseUrl: string;
  clientId: string;
  nonce: string;
  accessToken: string;
  nowSeconds: number;
  skewSeconds: number;
}

/** An id_token check with the reading behind it (for a failed flow's structured error). */
export interface IdTokenCheck extends CheckResult {
  reading: ClaimReading | null;
}

const LABELS: Record<ClaimName, string> = {
  iss: 'iss (issuer)',
  aud: 'aud (audience)',
  azp: 'azp (authorized party)',
  sub: 'sub (user)',
  exp: 'exp (expiry)',
  iat: 'iat (issued at)',
  nonce: 'nonce',
  at_hash: 'at_hash (access token hash)',
};

/** What each status means for an id_token, claim by claim. */
function outcomeOf(reading: ClaimReading): CheckOutcome {
  if (reading.status === 'ok') return 'pass';
  if (reading.status === 'mismatch') return 'fail';
  if (reading.claim === 'at_hash') return 'unchecked';
  if (reading.claim === 'azp') return reading.status === 'note' ? 'warn' : 'pass';
  return reading.status === 'note' ? 'warn' : 'fail';
}

function detailOf(reading: ClaimReading): string {
  if (reading.claim === 'azp' && reading.status === 'missing') return 'No azp, and a single audience: none needed.';
  if (reading.claim === 'aud' && reading.status === 'mismatch') return `${reading.detail} The token was issued to another app.`;
  return reading.detail.replace(/^There is no/, 'The id_token has no');
}

function toIdTokenCheck(reading: ClaimReading): IdTokenCheck {
  return { id: `id_token.${reading.claim}`, label: LABELS[reading.claim], outcome: outcomeOf(reading), detail: detailOf(reading), reading };
}

export function checkIdTokenClaims(token: JwtParts, expect: ClaimExpectations): IdTokenCheck[] {
  const { claims, header } = token;
  return [
    readIss(claims, expect.baseUrl),
    readAud(claims, expect.clientId, 'the client id'),
    readAzp(claims, expect.clientId),
    readExp(claims, expect.nowSeconds, expect.skewSeconds),
    readIat(claims, expect.nowSeconds, expect.skewSeconds),
    readNonce(claims, expect.nonce),
    readAtHash(header, claims, expect.accessToken),
    readSub(claims),
  ].map(toIdTokenCheck);
}

/** A failed check as a flow's error carries it: which claim, what was expected, what came. */
export function toFailedCheck(check: CheckResult & { reading?: ClaimReading | null }): FailedCheck {
  const reading = check.reading ?? null;
  return { id: check.id, label: check.label, claim: reading?.claim ?? null, expected: reading?.expected ?? null, actual: reading?.actual ?? null, detail: check.detail };
}
