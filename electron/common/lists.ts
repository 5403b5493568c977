// The closed lists and rules that schemas, the backend and the UI all use, as plain data (no schema
// library), so the renderer can import them without pulling zod into its bundle.

export const REDIRECT_MODES = ['loopback', 'relay', 'paste'] as const;
export const CLIENT_AUTH_METHODS = ['basic', 'body'] as const;
export const ACCOUNT_KINDS = ['sandbox', 'production'] as const;
export const TOKEN_KINDS = ['access', 'refresh', 'id'] as const;
export const ACTIVITY_KINDS = ['authorize', 'callback', 'token', 'refresh', 'revoke', 'discovery', 'jwks', 'api'] as const;

/** Shortest passphrase the vault and passphrase-protected exports accept. */
export const MIN_PASSPHRASE_LENGTH = 8;

/** The loopback callback path: starts with / and uses URL-safe characters only. */
export const REDIRECT_PATH_PATTERN = /^\/[A-Za-z0-9._~\-/]*$/;
export const REDIRECT_PATH_RULE = 'The path starts with / and uses URL-safe characters';

/** A scope as apps may request it. */
export const SCOPE_PATTERN = /^[A-Za-z0-9_:.-]{1,64}$/;
export const SCOPE_RULE = 'A scope is letters, digits and : _ . - only';
