// A catalogue of Gorgias REST endpoints: method, path, parameters, the scope each needs, and where
// each fact comes from (`ref` = a row of docs/gorgias.md, "API reference check"). Shared by every
// process: the API console lists it, the backend explains 403s with it, the sandbox enforces it.
// Plain data, no Node imports and no zod: every process loads it.
import { ENDPOINT_CATALOGUE } from './endpoint-catalogue';
import type { EndpointInfo } from './endpoint-types';

export type { EndpointInfo, EndpointParam, EndpointRef, HttpMethod } from './endpoint-types';

export const ENDPOINTS: readonly EndpointInfo[] = ENDPOINT_CATALOGUE;

/**
 * First path segment after /api/ → the scope resource, for paths the catalogue does not list. Every
 * such reading is the workbench's own (`derived` below), never Gorgias's word.
 */
const RESOURCE_OF_SEGMENT: Record<string, string> = {
  account: 'account',
  users: 'users',
  teams: 'users',
  tickets: 'tickets',
  messages: 'tickets',
  views: 'tickets',
  phone: 'tickets',
  customers: 'customers',
  tags: 'tags',
  events: 'events',
  integrations: 'integrations',
  widgets: 'integrations',
  macros: 'macros',
  rules: 'rules',
  'satisfaction-surveys': 'satisfaction_survey',
  'custom-fields': 'custom_fields',
  jobs: 'jobs',
  apps: 'apps',
};

/** Path without query or fragment, without a trailing slash, starting with /. */
function normalisePath(path: string): string {
  let clean = path.split(/[?#]/, 1)[0] ?? '';
  if (!clean.startsWith('/')) clean = `/${clean}`;
  if (clean.length > 1 && clean.endsWith('/')) clean = clean.slice(0, -1);
  return clean;
}

function templateMatches(template: string, path: string): boolean {
  const t = template.split('/');
  const p = path.split('/');
  if (t.length !== p.length) return false;
  return t.every((part, i) => (part.startsWith('{') ? (p[i] ?? '').length > 0 : part === p[i]));
}

/** Literal segments beat `{id}`: `/api/customers/merge` is the merge, not customer "merge". */
function specificity(template: string): number {
  return template.split('/').filter((part) => !part.startsWith('{')).length;
}

/** The catalogue entry for a concrete request, if any. */
export function findEndpoint(method: string, path: string): EndpointInfo | undefined {
  const clean = normalisePath(path);
  const upper = method.toUpperCase();
  let best: EndpointInfo | undefined;
  for (const entry of ENDPOINTS) {
    if (entry.method !== upper || !templateMatches(entry.path, clean)) continue;
    if (!best || specificity(entry.path) > specificity(best.path)) best = entry;
  }
  return best;
}

/** Every method the catalogue lists for a concrete path (for a 405's Allow). */
export function methodsForPath(path: string): string[] {
  const clean = normalisePath(path);
  return [...new Set(ENDPOINTS.filter((entry) => templateMatches(entry.path, clean)).map((entry) => entry.method))];
}

export type ScopeBasis = 'documented' | 'inferred' | 'derived' | 'unknown';

export interface ScopeReading {
  /** Null when the workbench cannot tell: Gorgias alone decides. */
  scope: string | null;
  /**
   * documented: the catalogue lists the endpoint and Gorgias documents its scope; inferred: listed,
   * scope guessed (docs/gorgias.md says why); derived: not listed, guessed from the path's first
   * segment; unknown: no reading at all.
   */
  basis: ScopeBasis;
  /** One sentence a person can read next to the request. */
  note: string;
}

/** The workbench's reading of which scope a request needs, and how sure that reading is. */
export function scopeReadingFor(method: string, path: string): ScopeReading {
  const entry = findEndpoint(method, path);
  if (entry) {
    return entry.scopeInferred
      ? { scope: entry.scope, basis: 'inferred', note: `Scope ${entry.scope} is the workbench's inference: Gorgias does not document the scope of ${entry.method} ${entry.path}.` }
      : { scope: entry.scope, basis: 'documented', note: `Needs ${entry.scope}.` };
  }
  const segments = normalisePath(path).split('/');
  const upper = method.toUpperCase();
  const unknown: ScopeReading = {
    scope: null,
    basis: 'unknown',
    note: `The workbench cannot map ${upper} ${normalisePath(path)} to a scope (not in its catalogue): only Gorgias's answer will tell.`,
  };
  if (segments[1] !== 'api') return unknown;
  const segment = segments[2] ?? '';
  let scope: string | null = null;
  if (segment === 'stats' || segment === 'reporting') scope = 'statistics:read';
  else if (RESOURCE_OF_SEGMENT[segment]) scope = `${RESOURCE_OF_SEGMENT[segment]}:${upper === 'GET' ? 'read' : 'write'}`;
  if (!scope) return unknown;
  return {
    scope,
    basis: 'derived',
    note: `${upper} ${normalisePath(path)} is not in the workbench's catalogue; ${scope} is its guess from the path.`,
  };
}

/**
 * The scope a request needs: the catalogue's when listed, else derived from the resource (GET → read,
 * anything else → write). Null when the path is not a known Gorgias resource: callers say so (see
 * scopeReadingFor) instead of staying silent.
 */
export function requiredScopeFor(method: string, path: string): string | null {
  return scopeReadingFor(method, path).scope;
}
