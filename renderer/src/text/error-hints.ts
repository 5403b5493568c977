// Every error code the backend can answer, turned into what the user can do about it. Messages come
// from the backend; the hint is the fix. Never a stack trace.
import type { ErrorCode } from '../../../electron/common/errors';

const HINTS: Partial<Record<ErrorCode, string>> = {
  INVALID_ARGUMENT: 'Check the highlighted fields and try again.',
  NOT_FOUND: 'It may have been deleted in the meantime. The lists have been reloaded.',
  CONFLICT: 'Something with the same name or address already exists.',
  INTERNAL: 'Try again; if it keeps happening, the log in the data folder has the details.',
  VAULT_LOCKED: 'Unlock the vault with its passphrase first.',
  VAULT_PASSPHRASE_WRONG: 'Check the passphrase (it is case-sensitive) and try again.',
  VAULT_SETUP_REQUIRED: 'Choose a passphrase or accept weak protection first.',
  VAULT_CORRUPT: 'The file was kept aside; nothing was deleted. Start fresh or restore it from a backup.',
  INVALID_SUBDOMAIN: 'Use only the first part of the address: "acme" for acme.gorgias.com.',
  INVALID_URL: 'Enter a full URL starting with https:// (or http://127.0.0.1 for local servers).',
  NETWORK_DNS: 'The account address does not resolve: check the subdomain or your connection.',
  NETWORK_CONNECTION: 'Could not connect: check your connection, VPN or proxy, or the custom base URL.',
  NETWORK_TIMEOUT: 'The server took too long to answer. Try again in a moment.',
  HTML_RESPONSE: 'An HTML page came back instead of JSON: the account may not exist, or a login page is in the way.',
  BAD_RESPONSE: 'The server answered something unexpected. The activity log shows the exchange.',
  OAUTH_INVALID_CLIENT: 'The client ID or secret is wrong for this account: copy them again from the Gorgias app settings.',
  OAUTH_INVALID_GRANT: 'The code or refresh token was already used, expired or revoked: connect again.',
  OAUTH_REDIRECT_MISMATCH: 'The redirect URL sent differs from the one registered on the Gorgias app: copy the exact URL from the app form.',
  OAUTH_STATE_MISMATCH: 'The answer did not match this flow (an old tab or another attempt): start Connect again.',
  OAUTH_ACCESS_DENIED: 'The user declined the consent screen. Connect again and approve it.',
  OAUTH_ERROR: 'The authorization server refused the request; its own words are above.',
  OAUTH_ID_TOKEN_INVALID: 'The id_token failed a check: see which claim in the checks list.',
  TOKEN_REVOKED: 'This install was revoked: reconnect to get new tokens.',
  NO_REFRESH_TOKEN: 'There is no refresh token: add the "offline" scope to the app and reconnect.',
  FLOW_TIMEOUT: 'Nobody finished the consent in time. Start Connect again.',
  FLOW_CANCELLED: 'The flow was cancelled. Start Connect again when ready.',
  FLOW_NOT_FOUND: 'This flow is over (finished, expired or cancelled). Start Connect again.',
  PORT_IN_USE: 'Another program uses the loopback port: close it, or pick another port in the app form (and register the new URL).',
  API_UNAUTHORIZED: 'The access token was refused: refresh or reconnect the install.',
  API_FORBIDDEN: 'The token lacks a scope for this call: add it to the app and reconnect.',
  RATE_LIMITED: 'Too many requests: wait for the time in Retry-After, then try again.',
};

export function hintFor(code: string, ownHint?: string): string | null {
  return ownHint ?? HINTS[code as ErrorCode] ?? null;
}
