// What each sandbox user's role may do. Gorgias says a token acts with the role of the user who
// approved it (official) but publishes no matrix: this one is the workbench's reading of the role
// names (docs/gorgias.md, "User roles"), kept small and explained in the 403's message.

/** Write scopes each role may use; reads are open to every role. `null` = every write. */
const WRITES: Record<string, readonly string[] | null> = {
  admin: null,
  agent: ['tickets:write', 'customers:write', 'tags:write', 'macros:write', 'satisfaction_survey:write', 'jobs:write'],
  'basic-agent': ['tickets:write', 'customers:write', 'tags:write'],
  'lite-agent': ['tickets:write', 'customers:write'],
  'observer-agent': [],
};

/** Null when the role may use `scope`; else the message of Gorgias's 403. */
export function roleRefusal(role: string, scope: string | null, method: string, path: string): string | null {
  if (scope === null || scope.endsWith(':read')) return null;
  const allowed = role in WRITES ? WRITES[role] : [];
  if (allowed === null || allowed === undefined || allowed.includes(scope)) return null;
  if (allowed.length === 0) return `Your role (${role}) cannot make changes: ${method} ${path} is a write.`;
  return `Your role (${role}) is not allowed to perform this action (${method} ${path}).`;
}
