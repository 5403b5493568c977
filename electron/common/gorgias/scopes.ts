// Gorgias's OAuth scope catalogue, exactly as https://developers.gorgias.com/docs/oauth2-scopes spells
// it (see docs/gorgias.md, "Scopes"). Shared by every process: the renderer shows it, the backend diffs
// granted scopes against it, the sandbox enforces it. No Node imports here.

export type ScopeAccess = 'basic' | 'read' | 'write' | 'legacy';

export interface ScopeInfo {
  scope: string;
  /** `basic` for the OpenID/refresh scopes, `legacy` for write:all, else the resource (`tickets`). */
  group: string;
  access: ScopeAccess;
  description: string;
  deprecated: boolean;
}

const basic: ScopeInfo[] = [
  { scope: 'openid', group: 'basic', access: 'basic', description: 'Log in with Gorgias: an id_token comes back with the tokens.', deprecated: false },
  { scope: 'email', group: 'basic', access: 'basic', description: "The user's email address (in the id_token).", deprecated: false },
  { scope: 'profile', group: 'basic', access: 'basic', description: "Basic user information such as the user's name.", deprecated: false },
  { scope: 'offline', group: 'basic', access: 'basic', description: 'A refresh_token, to get new access tokens when they expire (not "offline_access").', deprecated: false },
];

/** Resource scopes, each with :read and :write; descriptions follow Gorgias's own wording. */
const resources: Array<[resource: string, what: string]> = [
  ['account', 'the account and its settings (business hours, owner)'],
  ['users', 'helpdesk users: email, names, bio, role, teams'],
  ['customers', 'customers: email, names, language, notes, integration data'],
  ['tickets', 'tickets and their messages, tags and assignees, and ticket views'],
  ['custom_fields', 'custom fields and their configuration'],
  ['events', 'tracked changes: ticket, user, rule created/updated/deleted'],
  ['integrations', 'HTTP and native integrations, and widgets'],
  ['jobs', 'background jobs (imports, exports, bulk updates)'],
  ['macros', 'macros'],
  ['rules', 'rules'],
  ['satisfaction_survey', 'satisfaction surveys (path /api/satisfaction-surveys)'],
  ['tags', 'tags'],
  ['apps', 'apps installed on the account'],
];

const resourceScopes: ScopeInfo[] = resources.flatMap(([resource, what]) => [
  { scope: `${resource}:read`, group: resource, access: 'read' as const, description: `Read ${what}.`, deprecated: false },
  { scope: `${resource}:write`, group: resource, access: 'write' as const, description: `Create, update and delete ${what}.`, deprecated: false },
]);

export const SCOPES: readonly ScopeInfo[] = [
  ...basic,
  ...resourceScopes,
  { scope: 'statistics:read', group: 'statistics', access: 'read', description: 'Read statistics (there is no statistics:write).', deprecated: false },
  {
    scope: 'write:all',
    group: 'legacy',
    access: 'legacy',
    description: 'Legacy: read and write everything the user can. Still accepted for old apps; new apps must use granular scopes.',
    deprecated: true,
  },
];

const byName = new Map(SCOPES.map((info) => [info.scope, info]));

export function scopeInfo(scope: string): ScopeInfo | undefined {
  return byName.get(scope);
}

export function isKnownScope(scope: string): boolean {
  return byName.has(scope);
}

/** Space-separated (as OAuth sends it); also tolerates commas and `+` from a pasted URL. Order kept, duplicates dropped. */
export function parseScopeString(value: string | null | undefined): string[] {
  if (!value) return [];
  const seen = new Set<string>();
  for (const part of value.split(/[\s,+]+/)) {
    if (part.length > 0) seen.add(part);
  }
  return [...seen];
}

/**
 * Does a set of granted scopes allow `required`? `write:all` allows everything but the basic scopes'
 * own meaning. `X:write` also allows `X:read`: Gorgias's docs describe write as a superset and say
 * nothing to the contrary, and write:all is documented as "Read and Write" (an assumption, shown as such).
 */
export function scopeCovers(granted: readonly string[], required: string): boolean {
  if (granted.includes(required)) return true;
  const info = byName.get(required);
  if (info && (info.access === 'read' || info.access === 'write') && granted.includes('write:all')) return true;
  if (required.endsWith(':read')) {
    const write = `${required.slice(0, -':read'.length)}:write`;
    if (granted.includes(write)) return true;
  }
  return false;
}

export interface ScopeDiff {
  /** Requested but not granted. */
  missing: string[];
  /** Granted but not requested. */
  extra: string[];
  /** In both. */
  same: string[];
}

export function diffScopes(requested: readonly string[], granted: readonly string[]): ScopeDiff {
  const grantedSet = new Set(granted);
  const requestedSet = new Set(requested);
  return {
    missing: [...requestedSet].filter((s) => !grantedSet.has(s)),
    extra: [...grantedSet].filter((s) => !requestedSet.has(s)),
    same: [...requestedSet].filter((s) => grantedSet.has(s)),
  };
}

export type ScopeWarningCode = 'no-offline' | 'offline-access-typo' | 'write-all-deprecated' | 'unknown-scope';

export interface ScopeWarning {
  code: ScopeWarningCode;
  scope: string | null;
  message: string;
}

/** Common mistakes in a scope list, in the order a person should fix them. */
export function scopeWarnings(scopes: readonly string[]): ScopeWarning[] {
  const warnings: ScopeWarning[] = [];
  if (scopes.includes('offline_access')) {
    warnings.push({
      code: 'offline-access-typo',
      scope: 'offline_access',
      message: 'Gorgias spells it "offline", not "offline_access": use "offline" to get a refresh token.',
    });
  }
  if (!scopes.includes('offline')) {
    warnings.push({
      code: 'no-offline',
      scope: 'offline',
      message: 'Without the "offline" scope Gorgias gives no refresh token: the install dies when the access token expires (24 h).',
    });
  }
  if (scopes.includes('write:all')) {
    warnings.push({
      code: 'write-all-deprecated',
      scope: 'write:all',
      message: '"write:all" is the deprecated legacy scope: new apps must ask for granular scopes, and Gorgias reviews them.',
    });
  }
  for (const scope of scopes) {
    if (scope === 'offline_access' || byName.has(scope)) continue;
    warnings.push({ code: 'unknown-scope', scope, message: `"${scope}" is not a Gorgias scope.` });
  }
  return warnings;
}
