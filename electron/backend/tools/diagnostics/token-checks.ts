// The checks that read the stored install alone (no network but the account's public keys): is
// there a token, when does it expire, who signed it, and do its claims name this account and app.
import type { DiagnosticCheck } from '../../../common/tools/tool-results';
import { decodeJwt } from '../../oauth/checks/jwt-parts';
import type { KeyResolver } from '../../oauth/checks/key-resolver';
import { readAud, readAzp, readIss } from '../../oauth/checks/claims';
import { verifyJws } from '../../oauth/checks/jws-verifier';
import { describeExpirySource } from '../../oauth/expiry';
import type { InstallContext } from '../context/install-context';
import { formatDuration } from '../../../common/duration';

const check = (id: string, label: string, outcome: DiagnosticCheck['outcome'], detail: string, fix: string | null = null): DiagnosticCheck => ({ id, label, outcome, detail, fix });

const RECONNECT = 'Connect the app to this account again (Connect on the install).';

export function presenceChecks(context: InstallContext): DiagnosticCheck[] {
  const { install } = context;
  const out: DiagnosticCheck[] = [];
  out.push(install.accessToken
    ? check('token.present', 'Access token present', 'pass', `An access token of ${install.accessToken.length} characters is stored.`)
    : check('token.present', 'Access token present', 'fail', 'No access token is stored for this install.', RECONNECT));
  out.push(install.refreshToken
    ? check('token.refresh-present', 'Refresh token present', 'pass', 'A refresh token is stored: the install can renew itself.')
    : check('token.refresh-present', 'Refresh token present', 'warn', 'No refresh token: the install dies when the access token expires (24 h).', 'Add the "offline" scope to the app (not "offline_access") and connect again.'));
  return out;
}

/** Revoked in the workbench: said once, with until when the access token still works. */
export function revokedCheck(context: InstallContext, nowMs: number): DiagnosticCheck | null {
  const { install } = context;
  if (!install.revokedAt) return null;
  const expired = install.expiresAt !== null && Date.parse(install.expiresAt) <= nowMs;
  const access = !install.expiresAt
    ? 'the access token works until it expires (its expiry is unknown)'
    : expired
      ? `the access token expired at ${install.expiresAt}`
      : `the access token works until ${install.expiresAt} (a JWT cannot be cut short)`;
  return check('install.revoked', 'Revoked', 'fail', `Revoked here at ${install.revokedAt}: the refresh token no longer works, and ${access}.`, RECONNECT);
}

export function expiryCheck(context: InstallContext, nowMs: number): DiagnosticCheck {
  const { install } = context;
  if (!install.expiresAt) return check('token.expiry', 'Access token expiry', 'unchecked', 'The expiry of the access token is unknown.');
  const left = Date.parse(install.expiresAt) - nowMs;
  const source = describeExpirySource(install.expirySource);
  if (left <= 0) {
    const detail = `The access token expired ${formatDuration(left)} ago (${install.expiresAt}, from ${source}).`;
    // Expiry is routine when a refresh token can renew it (the next call refreshes first); fatal when none can.
    return install.refreshToken
      ? check('token.expiry', 'Access token expiry', 'warn', `${detail} It is renewed with the refresh token before the next call.`, 'Nothing, if "Refresh works" passes below; otherwise connect again.')
      : check('token.expiry', 'Access token expiry', 'fail', `${detail} There is no refresh token to renew it.`, RECONNECT);
  }
  if (left < 5 * 60_000) return check('token.expiry', 'Access token expiry', 'warn', `The access token expires in ${formatDuration(left)} (${install.expiresAt}).`, 'It will be refreshed before the next call; nothing to do if refresh works.');
  return check('token.expiry', 'Access token expiry', 'pass', `Valid for ${formatDuration(left)} more (until ${install.expiresAt}, from ${source}).`);
}

export async function signatureAndClaimChecks(context: InstallContext, keys: KeyResolver): Promise<DiagnosticCheck[]> {
  const { install, baseUrl, app } = context;
  const jwt = install.accessToken ? decodeJwt(install.accessToken) : null;
  if (!jwt) {
    const detail = 'The access token is opaque (not a JWT): its signature and claims cannot be read here; the API is the judge.';
    return [check('token.signature', 'Signature', 'unchecked', detail), check('token.claims', 'iss / aud / azp', 'unchecked', detail)];
  }
  const signature = await verifyJws({ token: jwt, baseUrl, keys, context: { appId: install.appId, accountId: install.accountId, installId: install.id } });
  const out: DiagnosticCheck[] = [
    check('token.signature', 'Signature', signature.outcome, signature.detail, signature.outcome === 'fail' ? `The token was not issued by ${baseUrl}: check the account's base URL, then ${RECONNECT.toLowerCase()}` : null),
  ];
  // The access token's issuer, audience and authorised party must all name this account and app.
  const readings = [readIss(jwt.claims, baseUrl), readAud(jwt.claims, `${baseUrl}/api`, "the account's API"), ...(app ? [readAzp(jwt.claims, app.clientId)] : [])];
  const problems = readings.filter((reading) => reading.status === 'mismatch' || (reading.status === 'missing' && reading.claim !== 'azp')).map((reading) => `${reading.claim} is ${reading.actual ?? '(missing)'}, expected ${reading.expected}`);
  out.push(problems.length === 0
    ? check('token.claims', 'iss / aud / azp', 'pass', `Issued by and for this account (${baseUrl})${app ? `, for the app's client id` : ''}.`)
    : check('token.claims', 'iss / aud / azp', 'fail', `${problems.join('; ')}.`, `The token belongs to another account or app: check the account's subdomain or base URL, then ${RECONNECT.toLowerCase()}`));
  return out;
}
