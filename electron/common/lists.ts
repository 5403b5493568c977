// Lists and rules that schemas (contract, vault, import files) and the UI share, as plain data so the
// renderer can use them without pulling zod into its bundle. Change a value here and every schema,
// form and filter follows.

/** What an activity entry records (the activity filter offers them in this order). */
export const ACTIVITY_KINDS = ['authorize', 'callback', 'token', 'refresh', 'revoke', 'discovery', 'jwks', 'api'] as const;

/** How the client authenticates at the token endpoint: HTTP Basic (Gorgias's documented way) or in the form body. */
export const CLIENT_AUTH_METHODS = ['basic', 'body'] as const;

/** Where the authorization code comes back: the loopback server, a relay page, or pasted by the user. */
export const REDIRECT_MODES = ['loopback', 'relay', 'paste'] as const;

/** Production accounts get a warning colour and a confirmation before writes. */
export const ACCOUNT_KINDS = ['sandbox', 'production'] as const;

/** The tokens an install holds, as the reveal and copy methods name them. */
export const TOKEN_KINDS = ['access', 'refresh', 'id'] as const;

/** The shortest passphrase accepted, for the vault and for the secrets in an export file. */
export const MIN_PASSPHRASE_LENGTH = 8;

/** A loopback callback path: starts with / and uses URL-safe characters only (it goes into the redirect URL as is). */
export const REDIRECT_PATH_PATTERN = /^\/[A-Za-z0-9._~\-/]*$/;
export const REDIRECT_PATH_RULE = 'The path starts with / and uses URL-safe characters';

/** A scope as apps may request it. */
export const SCOPE_PATTERN = /^[A-Za-z0-9_:.-]{1,64}$/;
export const SCOPE_RULE = 'A scope is letters, digits and : _ . - only';
