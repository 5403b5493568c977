// The CLI's exit codes, one per kind of failure a script may want to branch on. The contract's stable
// error code is always printed too ("error [VAULT_LOCKED]: …"), for finer decisions.
import type { ErrorCode } from '../common/errors';

export const EXIT = {
  OK: 0,
  /** Anything unexpected (a bug): the message says so. */
  INTERNAL: 1,
  /** Bad arguments, unknown command, an ambiguous name, invalid input. */
  USAGE: 2,
  /** The OAuth flow or the authorization failed (denied, bad client, revoked, timed out, cancelled). */
  AUTH: 3,
  /** The server could not be reached or answered something that is not an answer. */
  NETWORK: 4,
  /** The vault is locked, needs setting up, the passphrase is wrong, or its key is in the OS keychain. */
  VAULT: 5,
  /** The app, account, install or file named does not exist. */
  NOT_FOUND: 6,
  /** The Gorgias API answered an error (4xx/5xx other than 401/403), including rate limiting. */
  API: 7,
  /** Stopped by Ctrl+C (128 + SIGINT). */
  INTERRUPTED: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const BY_CODE: Partial<Record<ErrorCode, ExitCode>> = {
  INVALID_ARGUMENT: EXIT.USAGE,
  UNKNOWN_METHOD: EXIT.USAGE,
  INVALID_SUBDOMAIN: EXIT.USAGE,
  INVALID_URL: EXIT.USAGE,
  CONFIRM_REQUIRED: EXIT.USAGE,
  SCOPE_MISSING: EXIT.USAGE,
  PATH_NOT_ALLOWED: EXIT.USAGE,
  CONFLICT: EXIT.USAGE,
  NOT_FOUND: EXIT.NOT_FOUND,
  FLOW_NOT_FOUND: EXIT.NOT_FOUND,
  VAULT_LOCKED: EXIT.VAULT,
  VAULT_PASSPHRASE_WRONG: EXIT.VAULT,
  VAULT_SETUP_REQUIRED: EXIT.VAULT,
  VAULT_CORRUPT: EXIT.VAULT,
  NETWORK_DNS: EXIT.NETWORK,
  NETWORK_CONNECTION: EXIT.NETWORK,
  NETWORK_TIMEOUT: EXIT.NETWORK,
  HTML_RESPONSE: EXIT.NETWORK,
  BAD_RESPONSE: EXIT.NETWORK,
  PORT_IN_USE: EXIT.NETWORK,
  API_ERROR: EXIT.API,
  RATE_LIMITED: EXIT.API,
};

/** OAUTH_*, FLOW_*, TOKEN_REVOKED, NO_REFRESH_TOKEN, API_UNAUTHORIZED/FORBIDDEN: the auth family. */
export function exitCodeFor(code: ErrorCode): ExitCode {
  const direct = BY_CODE[code];
  if (direct !== undefined) return direct;
  if (code.startsWith('OAUTH_') || code.startsWith('FLOW_') || code === 'TOKEN_REVOKED' || code === 'NO_REFRESH_TOKEN' || code === 'API_UNAUTHORIZED' || code === 'API_FORBIDDEN') {
    return EXIT.AUTH;
  }
  return EXIT.INTERNAL;
}
