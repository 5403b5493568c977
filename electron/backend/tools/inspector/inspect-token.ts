// Reads a pasted token the way a Gorgias developer needs it read: decoded claims with human times,
// which account issued it and which app it belongs to, the quirks worth a warning. Stores nothing.
import type { TimeClaim, TokenInspection, TokenReading } from '../../../common/tools/tool-results';
import { audiences, readIss, readSub } from '../../oauth/checks/claims';
import type { JwtParts } from '../../oauth/checks/jwt-parts';
import { relativeTime } from '../../../common/duration';
import type { SignatureVerdict } from '../../oauth/checks/jws-verifier';
import { tokenShape } from './token-shape';

export interface KnownAccount {
  id: string;
  label: string;
  baseUrl: string;
}

interface KnownApp {
  id: string;
  name: string;
  clientId: string;
}

interface InspectInput {
  text: string;
  accounts: readonly KnownAccount[];
  apps: readonly KnownApp[];
  nowMs: number;
  /** Verifies the signature against the matched account's keys. */
  verify(jwt: JwtParts, account: KnownAccount): Promise<SignatureVerdict>;
}

const TIME_CLAIMS = ['iat', 'nbf', 'auth_time', 'exp'];
const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** The account whose issuer (2021: {base}, 2026: {base}/idp) signed the token. */
function matchIssuer(claims: Record<string, unknown>, accounts: readonly KnownAccount[]): KnownAccount | null {
  return accounts.find((account) => readIss(claims, account.baseUrl).status === 'ok') ?? null;
}

function timesOf(claims: Record<string, unknown>, nowMs: number): TimeClaim[] {
  const out: TimeClaim[] = [];
  for (const claim of TIME_CLAIMS) {
    const value = claims[claim];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const ms = value * 1000;
    if (Math.abs(ms) > 8.64e15) continue;
    out.push({ claim, value, iso: new Date(ms).toISOString(), relative: relativeTime(ms, nowMs) });
  }
  return out;
}

function readClaims(jwt: JwtParts, account: KnownAccount | null, apps: readonly KnownApp[], nowMs: number): { readings: TokenReading[]; app: KnownApp | null } {
  const { claims } = jwt;
  const readings: TokenReading[] = [];
  const aud = audiences(claims);
  let app: KnownApp | null = null;
  const accountName = account ? `${account.label} (${account.baseUrl})` : null;

  if (account && aud.includes(`${trimSlash(account.baseUrl)}/api`)) {
    readings.push({ level: 'info', text: `An access token for the account ${accountName}: its aud is the account's API.` });
  }
  const audApp = apps.find((candidate) => aud.includes(candidate.clientId));
  if (audApp) {
    app = audApp;
    readings.push({ level: 'info', text: `An id_token of the app "${audApp.name}": its aud${Array.isArray(claims.aud) ? ' (an array, as Gorgias sends it)' : ''} is that app's client id.` });
  }
  if (typeof claims.azp === 'string') {
    const azpApp = apps.find((candidate) => candidate.clientId === claims.azp);
    if (azpApp) {
      app ??= azpApp;
      readings.push({ level: 'info', text: `azp names the app "${azpApp.name}" (client id ${azpApp.clientId}).` });
    } else {
      readings.push({ level: 'info', text: `azp is the client id ${claims.azp}, which is not one of your apps.` });
    }
  }
  if (typeof claims.iss === 'string' && !account) {
    readings.push({ level: 'warn', text: `The issuer ${claims.iss} is not one of your accounts: the signature cannot be checked here.` });
  } else if (account) {
    readings.push({ level: 'info', text: `Issued by the account ${accountName}.` });
  }
  const sub = readSub(claims);
  if (sub.status === 'note') readings.push({ level: 'warn', text: sub.detail });
  if (typeof claims.scope === 'string') readings.push({ level: 'info', text: `Scopes: ${claims.scope.split(/\s+/).filter(Boolean).join(', ')}.` });
  if (typeof claims.exp === 'number') {
    const expMs = claims.exp * 1000;
    readings.push(expMs <= nowMs
      ? { level: 'error', text: `Expired ${relativeTime(expMs, nowMs)}: the API refuses it; refresh the install.` }
      : { level: 'info', text: `Valid until ${new Date(expMs).toISOString()} (${relativeTime(expMs, nowMs)}).` });
  } else {
    readings.push({ level: 'warn', text: 'No exp claim: nothing in the token says when it stops working.' });
  }
  if (typeof claims.nbf === 'number' && claims.nbf * 1000 > nowMs) readings.push({ level: 'warn', text: `Not valid before ${new Date(claims.nbf * 1000).toISOString()}: check this computer's clock.` });
  if (typeof claims.iat === 'number' && claims.iat * 1000 > nowMs + 120_000) readings.push({ level: 'warn', text: "Issued in the future: this computer's clock is behind the server's." });
  return { readings, app };
}

export async function inspectToken(input: InspectInput): Promise<TokenInspection> {
  const shape = tokenShape(input.text);
  const empty = { header: null, claims: null, times: [], readings: [], account: null, app: null };
  if (shape.kind !== 'jwt') {
    const detail = shape.kind === 'opaque' ? 'An opaque token has no signature to check.' : 'Nothing to verify.';
    return { kind: shape.kind, summary: shape.summary, ...empty, signature: { outcome: 'unchecked', detail } };
  }
  const { jwt } = shape;
  const account = matchIssuer(jwt.claims, input.accounts);
  const { readings, app } = readClaims(jwt, account, input.apps, input.nowMs);
  const signature = account
    ? await input.verify(jwt, account)
    : { outcome: 'unchecked' as const, detail: 'Not verified: the issuer is not one of your accounts, so there are no keys to check it against.' };
  if (signature.outcome === 'fail') readings.unshift({ level: 'error', text: `Signature: ${signature.detail}` });
  return {
    kind: 'jwt',
    summary: shape.summary,
    header: jwt.header,
    claims: jwt.claims,
    times: timesOf(jwt.claims, input.nowMs),
    signature,
    readings,
    account,
    app,
  };
}
