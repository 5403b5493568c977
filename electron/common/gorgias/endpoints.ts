// A catalogue of Gorgias REST endpoints with the scope each needs. Shared by every process: the API
// console lists it, the backend explains 403s with it, the sandbox enforces it. No Node imports here.
// Scopes for views, messages and widgets follow Gorgias's scope descriptions (docs/gorgias.md, "Scopes": inferred).

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface EndpointInfo {
  method: HttpMethod;
  /** Path template under the account's host, `{id}` for path parameters. */
  path: string;
  scope: string;
  description: string;
}

const e = (method: HttpMethod, path: string, scope: string, description: string): EndpointInfo => ({ method, path, scope, description });

export const ENDPOINTS: readonly EndpointInfo[] = [
  e('GET', '/api/account', 'account:read', 'The account: domain, settings, status (a cheap identity check).'),
  e('PUT', '/api/account', 'account:write', 'Update the account.'),
  e('GET', '/api/users', 'users:read', 'List helpdesk users.'),
  e('GET', '/api/users/{id}', 'users:read', 'One user; id 0 is the user who authorised the token.'),
  e('POST', '/api/users', 'users:write', 'Create a user.'),
  e('PUT', '/api/users/{id}', 'users:write', 'Update a user.'),
  e('DELETE', '/api/users/{id}', 'users:write', 'Delete a user.'),
  e('GET', '/api/teams', 'users:read', 'List teams.'),
  e('GET', '/api/teams/{id}', 'users:read', 'One team.'),
  e('GET', '/api/tickets', 'tickets:read', 'List tickets (cursor pagination).'),
  e('GET', '/api/tickets/{id}', 'tickets:read', 'One ticket.'),
  e('POST', '/api/tickets', 'tickets:write', 'Create a ticket.'),
  e('PUT', '/api/tickets/{id}', 'tickets:write', 'Update a ticket.'),
  e('DELETE', '/api/tickets/{id}', 'tickets:write', 'Delete a ticket.'),
  e('GET', '/api/tickets/{id}/messages', 'tickets:read', "A ticket's messages."),
  e('GET', '/api/tickets/{id}/tags', 'tickets:read', "A ticket's tags."),
  e('GET', '/api/messages', 'tickets:read', 'List messages; filter with ?ticket_id=.'),
  e('GET', '/api/customers', 'customers:read', 'List customers.'),
  e('GET', '/api/customers/{id}', 'customers:read', 'One customer.'),
  e('POST', '/api/customers', 'customers:write', 'Create a customer.'),
  e('PUT', '/api/customers/{id}', 'customers:write', 'Update a customer.'),
  e('GET', '/api/tags', 'tags:read', 'List tags.'),
  e('POST', '/api/tags', 'tags:write', 'Create a tag.'),
  e('GET', '/api/views', 'tickets:read', 'List ticket views.'),
  e('GET', '/api/views/{id}', 'tickets:read', 'One view.'),
  e('GET', '/api/views/{id}/items', 'tickets:read', "The tickets in a view."),
  e('GET', '/api/events', 'events:read', 'List tracked events.'),
  e('GET', '/api/integrations', 'integrations:read', 'List integrations.'),
  e('GET', '/api/integrations/{id}', 'integrations:read', 'One integration.'),
  e('GET', '/api/widgets', 'integrations:read', 'List widgets.'),
  e('GET', '/api/macros', 'macros:read', 'List macros.'),
  e('GET', '/api/rules', 'rules:read', 'List rules.'),
  e('GET', '/api/satisfaction-surveys', 'satisfaction_survey:read', 'List satisfaction surveys.'),
  e('GET', '/api/custom-fields', 'custom_fields:read', 'List custom fields.'),
  e('GET', '/api/jobs', 'jobs:read', 'List jobs.'),
  e('GET', '/api/jobs/{id}', 'jobs:read', 'One job.'),
  e('POST', '/api/stats/{name}', 'statistics:read', 'A statistic (read-only, although it is a POST).'),
];

/** First path segment after /api/ → the scope resource, for paths the catalogue does not list. */
const RESOURCE_OF_SEGMENT: Record<string, string> = {
  account: 'account',
  users: 'users',
  teams: 'users',
  tickets: 'tickets',
  messages: 'tickets',
  views: 'tickets',
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

/** Path without query or fragment, without a trailing slash, starting with /api/. */
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

/** The catalogue entry for a concrete request, if any. */
export function findEndpoint(method: string, path: string): EndpointInfo | undefined {
  const clean = normalisePath(path);
  const upper = method.toUpperCase();
  return ENDPOINTS.find((entry) => entry.method === upper && templateMatches(entry.path, clean));
}

/**
 * The scope a request needs: the catalogue's when listed, else derived from the resource (GET → read,
 * anything else → write). Null when the path is not a known Gorgias resource.
 */
export function requiredScopeFor(method: string, path: string): string | null {
  const entry = findEndpoint(method, path);
  if (entry) return entry.scope;
  const segments = normalisePath(path).split('/');
  if (segments[1] !== 'api') return null;
  const segment = segments[2] ?? '';
  if (segment === 'stats') return 'statistics:read';
  const resource = RESOURCE_OF_SEGMENT[segment];
  if (!resource) return null;
  return `${resource}:${method.toUpperCase() === 'GET' ? 'read' : 'write'}`;
}
