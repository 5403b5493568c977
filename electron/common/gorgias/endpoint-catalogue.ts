// The endpoints themselves. Each entry's `ref` names its row in docs/gorgias.md ("API reference
// check"), where the public source is; `scopeInferred` marks the scopes Gorgias does not document.
import type { EndpointInfo, EndpointParam, EndpointRef, HttpMethod } from './endpoint-types';

const CURSOR: EndpointParam = { name: 'cursor', in: 'query', required: false, type: 'string', description: 'Cursor from meta.next_cursor or meta.prev_cursor of the previous page.' };
const LIMIT: EndpointParam = { name: 'limit', in: 'query', required: false, type: 'integer', min: 1, max: 100, default: 30, description: 'Items per page, 1 to 100.' };
const PAGE = [CURSOR, LIMIT] as const;

const orderBy = (values: readonly string[], fallback?: string): EndpointParam => ({
  name: 'order_by',
  in: 'query',
  required: false,
  type: 'string',
  enum: values,
  ...(fallback ? { default: fallback } : {}),
  description: `Sort order: ${values.join(', ')}.`,
});

const q = (name: string, type: EndpointParam['type'], description: string, extra: Partial<EndpointParam> = {}): EndpointParam => ({
  name,
  in: 'query',
  required: false,
  type,
  description,
  ...extra,
});

interface Options {
  params?: readonly EndpointParam[];
  answer?: EndpointInfo['answer'];
  inferred?: boolean;
  source?: EndpointInfo['source'];
  deprecated?: EndpointInfo['deprecated'];
}

function e(method: HttpMethod, path: string, scope: string, ref: EndpointRef, description: string, options: Options = {}): EndpointInfo {
  return {
    method,
    path,
    scope,
    scopeInferred: options.inferred ?? false,
    description,
    source: options.source ?? 'observed',
    ref,
    params: options.params ?? [],
    answer: options.answer ?? 'object',
    deprecated: options.deprecated ?? null,
  };
}

/** Standard CRUD on one resource: list, get, create, update, delete (as Gorgias spells them). */
function crud(segment: string, resource: string, ref: EndpointRef, what: string, options: { inferred?: boolean; source?: EndpointInfo['source']; listParams?: readonly EndpointParam[]; skip?: readonly string[] } = {}): EndpointInfo[] {
  const base = `/api/${segment}`;
  const common = { inferred: options.inferred ?? false, source: options.source ?? 'observed' } as const;
  const all: Array<[string, EndpointInfo]> = [
    ['list', e('GET', base, `${resource}:read`, ref, `List ${what}s.`, { ...common, params: options.listParams ?? PAGE, answer: 'cursor-list' })],
    ['get', e('GET', `${base}/{id}`, `${resource}:read`, ref, `One ${what}.`, common)],
    ['create', e('POST', base, `${resource}:write`, ref, `Create a ${what}.`, common)],
    ['update', e('PUT', `${base}/{id}`, `${resource}:write`, ref, `Update a ${what}.`, common)],
    ['delete', e('DELETE', `${base}/{id}`, `${resource}:write`, ref, `Delete a ${what}.`, common)],
  ];
  return all.filter(([kind]) => !(options.skip ?? []).includes(kind)).map(([, entry]) => entry);
}

const TICKET_ORDER = ['created_datetime:asc', 'created_datetime:desc', 'updated_datetime:asc', 'updated_datetime:desc'] as const;

export const ENDPOINT_CATALOGUE: readonly EndpointInfo[] = [
  // Account: there is no PUT /api/account; settings live under /api/account/settings.
  e('GET', '/api/account', 'account:read', 'account', 'The account: domain, status, settings (a cheap identity check).', { source: 'official' }),
  e('GET', '/api/account/settings', 'account:read', 'account', "The account's settings (business hours, …).", { source: 'official', answer: 'plain-list' }),
  e('POST', '/api/account/settings', 'account:write', 'account', 'Create an account setting.', { source: 'official' }),
  e('PUT', '/api/account/settings/{id}', 'account:write', 'account', 'Update an account setting.', { source: 'official' }),

  // Users (0 = the user who authorised the token) and teams (users:* by inference).
  ...crud('users', 'users', 'users', 'user', { source: 'official', listParams: [...PAGE, orderBy(['name:asc', 'name:desc'], 'name:asc')] }).map((entry) =>
    entry.path === '/api/users/{id}' && entry.method === 'GET' ? { ...entry, description: 'One user; id 0 is the user who authorised the token.' } : entry,
  ),
  ...crud('teams', 'users', 'teams', 'team', { inferred: true }),

  // Tickets.
  ...crud('tickets', 'tickets', 'tickets', 'ticket', {
    source: 'official',
    listParams: [
      ...PAGE,
      orderBy(TICKET_ORDER, 'created_datetime:desc'),
      q('customer_id', 'integer', 'Only the tickets of this customer.'),
      q('view_id', 'integer', 'Only the tickets in this view.'),
      q('rule_id', 'integer', 'Only the tickets this rule applied to.'),
      q('external_id', 'string', 'Only the ticket with this external id.'),
      q('trashed', 'boolean', 'true: only trashed tickets.', { enum: ['true', 'false'] }),
      q('ticket_ids', 'integer-list', 'Only these tickets (comma-separated ids).'),
    ],
  }),
  e('GET', '/api/tickets/{id}/messages', 'tickets:read', 'ticket-messages-deprecated', "A ticket's messages.", {
    inferred: true,
    params: PAGE,
    answer: 'cursor-list',
    deprecated: { replacement: 'GET /api/messages?ticket_id={id}', note: "Deprecated in Gorgias's reference: list messages with GET /api/messages?ticket_id= instead." },
  }),
  e('POST', '/api/tickets/{id}/messages', 'tickets:write', 'ticket-messages', 'Add a message to a ticket (reply, internal note).', { inferred: true }),
  e('GET', '/api/tickets/{id}/messages/{message_id}', 'tickets:read', 'ticket-messages', 'One message of a ticket.', { inferred: true }),
  e('PUT', '/api/tickets/{id}/messages/{message_id}', 'tickets:write', 'ticket-messages', 'Update a message of a ticket.', { inferred: true }),
  e('DELETE', '/api/tickets/{id}/messages/{message_id}', 'tickets:write', 'ticket-messages', 'Delete a message of a ticket.', { inferred: true }),
  e('GET', '/api/messages', 'tickets:read', 'ticket-messages-deprecated', "List messages; ?ticket_id= for one ticket's.", {
    inferred: true,
    source: 'official',
    answer: 'cursor-list',
    params: [...PAGE, q('ticket_id', 'integer', "Only this ticket's messages."), orderBy(['created_datetime:asc', 'created_datetime:desc'])],
  }),
  e('GET', '/api/tickets/{id}/tags', 'tickets:read', 'ticket-tags', "A ticket's tags (a plain {data:[…]}, no cursors).", { inferred: true, answer: 'plain-list' }),
  e('POST', '/api/tickets/{id}/tags', 'tickets:write', 'ticket-tags', 'Add tags to a ticket (body {names:[…]} or {ids:[…]}).', { inferred: true }),
  e('PUT', '/api/tickets/{id}/tags', 'tickets:write', 'ticket-tags', "Replace a ticket's tags.", { inferred: true }),
  e('DELETE', '/api/tickets/{id}/tags', 'tickets:write', 'ticket-tags', 'Remove tags from a ticket.', { inferred: true }),
  e('GET', '/api/tickets/{id}/custom-fields', 'tickets:read', 'ticket-custom-fields', "A ticket's custom field values.", { inferred: true, answer: 'plain-list' }),
  e('PUT', '/api/tickets/{id}/custom-fields', 'tickets:write', 'ticket-custom-fields', "Set a ticket's custom field values.", { inferred: true }),
  e('GET', '/api/tickets/{id}/custom-fields/{field_id}', 'tickets:read', 'ticket-custom-fields', "One custom field value of a ticket.", { inferred: true }),
  e('PUT', '/api/tickets/{id}/custom-fields/{field_id}', 'tickets:write', 'ticket-custom-fields', 'Set one custom field value of a ticket.', { inferred: true }),

  // Customers.
  ...crud('customers', 'customers', 'customers', 'customer'),
  e('DELETE', '/api/customers', 'customers:write', 'customers', 'Delete several customers (body {ids:[…]}).'),
  e('PUT', '/api/customers/merge', 'customers:write', 'customers', 'Merge the source customer into the target.', {
    params: [
      { name: 'source_id', in: 'query', required: true, type: 'integer', description: 'The customer merged away.' },
      { name: 'target_id', in: 'query', required: true, type: 'integer', description: 'The customer kept.' },
    ],
  }),
  e('PUT', '/api/customers/{id}/data', 'customers:write', 'customers', "Set a customer's integration data."),
  e('GET', '/api/customers/{id}/custom-fields', 'customers:read', 'customers', "A customer's custom field values.", { inferred: true, answer: 'plain-list' }),
  e('PUT', '/api/customers/{id}/custom-fields', 'customers:write', 'customers', "Set a customer's custom field values.", { inferred: true }),

  // Tags.
  ...crud('tags', 'tags', 'tags', 'tag'),
  e('DELETE', '/api/tags', 'tags:write', 'tags', 'Delete several tags (body {ids:[…]}).'),
  e('PUT', '/api/tags/{id}/merge', 'tags:write', 'tags', 'Merge other tags into this one.'),

  // Views (tickets:* by inference). id 0 = an inline view defined in the request.
  ...crud('views', 'tickets', 'views', 'view', { inferred: true }),
  e('GET', '/api/views/{id}/items', 'tickets:read', 'views', 'The tickets in a view (id 0: an inline view).', {
    inferred: true,
    answer: 'cursor-list',
    params: [...PAGE, q('direction', 'string', 'Page direction.', { enum: ['prev', 'next'] }), q('ignored_item', 'integer', 'A ticket to leave out.'), orderBy(TICKET_ORDER)],
  }),
  e('PUT', '/api/views/{id}/items', 'tickets:read', 'views', 'The tickets of an inline view sent in the body (a read, although a PUT).', { inferred: true }),

  // Macros and rules.
  ...crud('macros', 'macros', 'macros-rules', 'macro'),
  e('PUT', '/api/macros/archive', 'macros:write', 'macros-rules', 'Archive macros (body {ids:[…]}).'),
  e('PUT', '/api/macros/unarchive', 'macros:write', 'macros-rules', 'Unarchive macros (body {ids:[…]}).'),
  ...crud('rules', 'rules', 'macros-rules', 'rule'),
  e('POST', '/api/rules/priorities', 'rules:write', 'macros-rules', 'Set the order rules run in.'),

  // Satisfaction surveys, integrations, widgets, jobs, events.
  ...crud('satisfaction-surveys', 'satisfaction_survey', 'other-resources', 'satisfaction survey', { skip: ['delete'] }),
  ...crud('integrations', 'integrations', 'other-resources', 'integration'),
  ...crud('widgets', 'integrations', 'other-resources', 'widget', { inferred: true }),
  ...crud('jobs', 'jobs', 'other-resources', 'job').map((entry) => (entry.method === 'DELETE' ? { ...entry, description: 'Cancel a job.' } : entry)),
  ...crud('events', 'events', 'other-resources', 'event', { skip: ['create', 'update', 'delete'] }),

  // Custom fields: object_type is required on the list.
  ...crud('custom-fields', 'custom_fields', 'custom-fields', 'custom field', {
    skip: ['delete'],
    listParams: [
      { name: 'object_type', in: 'query', required: true, type: 'string', enum: ['Ticket', 'Customer'], description: 'Required: Ticket or Customer.' },
      ...PAGE,
      orderBy(['priority:asc', 'priority:desc']),
    ],
  }),
  e('PUT', '/api/custom-fields', 'custom_fields:write', 'custom-fields', 'Update several custom fields at once.'),

  // Statistics: /api/stats/{name} answers 400 live; /api/reporting/stats replaces it.
  e('POST', '/api/reporting/stats', 'statistics:read', 'statistics', 'A statistic: JSON body {query:{scope, filters, timezone, …}} (a read, although a POST).', {
    params: [
      { name: 'query', in: 'body', required: true, description: 'JSON object {scope, filters, timezone, …}.' },
      { name: 'limit', in: 'body', required: false, type: 'integer', min: 1, max: 10_000, description: 'Rows, up to 10000.' },
    ],
  }),
  e('POST', '/api/stats/{name}', 'statistics:read', 'statistics', 'The old statistics endpoint.', {
    deprecated: { replacement: 'POST /api/reporting/stats', note: 'Gone: answers 400 "does not exist" live (2026). Use POST /api/reporting/stats.' },
  }),

  // Voice, search and upload: no documented scope.
  e('GET', '/api/phone/voice-calls', 'tickets:read', 'voice', 'List voice calls.', { inferred: true, params: PAGE, answer: 'cursor-list', source: 'official' }),
  e('GET', '/api/phone/voice-calls/{id}', 'tickets:read', 'voice', 'One voice call.', { inferred: true, source: 'official' }),
  e('GET', '/api/phone/voice-call-events', 'tickets:read', 'voice', 'List voice call events.', { inferred: true, params: PAGE, answer: 'cursor-list', source: 'official' }),
  e('GET', '/api/phone/voice-call-events/{id}', 'tickets:read', 'voice', 'One voice call event.', { inferred: true, source: 'official' }),
  e('GET', '/api/phone/voice-call-recordings', 'tickets:read', 'voice', 'List voice call recordings.', { inferred: true, params: PAGE, answer: 'cursor-list', source: 'official' }),
  e('GET', '/api/phone/voice-call-recordings/{id}', 'tickets:read', 'voice', 'One voice call recording.', { inferred: true, source: 'official' }),
  e('DELETE', '/api/phone/voice-call-recordings/{id}', 'tickets:write', 'voice', 'Delete a voice call recording.', { inferred: true, source: 'official' }),
  e('POST', '/api/search', 'tickets:read', 'search-upload', 'Search (JSON body {type, query}) (a read, although a POST).', { inferred: true, source: 'official' }),
  e('POST', '/api/upload', 'tickets:write', 'search-upload', 'Upload files (multipart/form-data) for attachments.', { inferred: true, source: 'official' }),
];
