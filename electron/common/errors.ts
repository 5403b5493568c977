// Stable error codes: the renderer, the docs and the tests key on these, never on messages.
// Electron passes only an error's message across IPC, so errors travel as plain `ErrorShape`s
// inside a `Result` and are rebuilt on the other side.

export const ERROR_CODES = [
  // contract and IPC
  'INVALID_ARGUMENT',
  'UNKNOWN_METHOD',
  'FORBIDDEN_SENDER',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL',
  // vault
  'VAULT_LOCKED',
  'VAULT_PASSPHRASE_WRONG',
  'VAULT_SETUP_REQUIRED',
  'VAULT_CORRUPT',
  // domain validation
  'INVALID_SUBDOMAIN',
  'INVALID_URL',
  // network and transport
  'NETWORK_DNS',
  'NETWORK_CONNECTION',
  'NETWORK_TIMEOUT',
  'HTML_RESPONSE',
  'BAD_RESPONSE',
  // OAuth
  'OAUTH_INVALID_CLIENT',
  'OAUTH_INVALID_GRANT',
  'OAUTH_REDIRECT_MISMATCH',
  'OAUTH_STATE_MISMATCH',
  'OAUTH_ACCESS_DENIED',
  'OAUTH_ERROR',
  'OAUTH_ID_TOKEN_INVALID',
  'TOKEN_REVOKED',
  'NO_REFRESH_TOKEN',
  'FLOW_TIMEOUT',
  'FLOW_CANCELLED',
  'FLOW_NOT_FOUND',
  'PORT_IN_USE',
  // Gorgias API
  'API_ERROR',
  'API_UNAUTHORIZED',
  'API_FORBIDDEN',
  'RATE_LIMITED',
  'PATH_NOT_ALLOWED',
  // tools (API console)
  'SCOPE_MISSING',
  'CONFIRM_REQUIRED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Small, JSON-safe extra facts about an error (never a secret). */
export type ErrorDetails = Record<string, string | number | boolean | null | string[]>;

export interface ErrorShape {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

export class WorkbenchError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WorkbenchError';
    this.code = code;
    this.details = details;
  }

  toShape(): ErrorShape {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export function isWorkbenchError(value: unknown): value is WorkbenchError {
  return value instanceof WorkbenchError;
}

/**
 * Turns anything thrown into a shape safe to show and send. Unknown errors keep no stack and no
 * original message (it may quote a token or a URL with a code in it): their text goes to the log only.
 */
export function toErrorShape(error: unknown): ErrorShape {
  if (isWorkbenchError(error)) return error.toShape();
  return { code: 'INTERNAL', message: 'Something went wrong inside the workbench. The details are in the log.' };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorShape };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: ErrorShape): Result<never> => ({ ok: false, error });
