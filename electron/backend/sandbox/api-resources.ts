// Every endpoint of the shared catalogue gets a handler here: the special ones by name, the plain
// resources through generic in-memory CRUD. A test checks that no catalogue entry is left without
// one, so the sandbox never lists an endpoint it does not serve.
import type { EndpointInfo } from '../../common/gorgias/endpoints';
import type { Handler } from './api-answers';
import { genericHandlers } from './api-generic';
import {
  archiveMacros,
  bulkDelete,
  cancelJob,
  getAccount,
  getUser,
  listAccountSettings,
  listCustomFields,
  listUsers,
  mergeCustomers,
  mergeTags,
  oldStats,
  reportingStats,
  rulePriorities,
  search,
  updateCustomFields,
  upload,
} from './api-misc';
import * as tickets from './api-tickets';

export type { ApiAnswer, ApiBody, ApiCaller, Handler, PathParams } from './api-answers';

const SPECIFIC: Record<string, Handler> = {
  'GET /api/account': getAccount,
  'GET /api/account/settings': listAccountSettings,
  'GET /api/users': listUsers,
  'GET /api/users/{id}': getUser,
  'GET /api/tickets': tickets.listTickets,
  'GET /api/tickets/{id}': tickets.getTicket,
  'POST /api/tickets': tickets.createTicket,
  'PUT /api/tickets/{id}': tickets.updateTicket,
  'DELETE /api/tickets/{id}': tickets.deleteTicket,
  'GET /api/messages': tickets.listMessages,
  'GET /api/tickets/{id}/messages': tickets.listTicketMessages,
  'POST /api/tickets/{id}/messages': tickets.createTicketMessage,
  'GET /api/tickets/{id}/messages/{message_id}': tickets.getTicketMessage,
  'PUT /api/tickets/{id}/messages/{message_id}': tickets.updateTicketMessage,
  'DELETE /api/tickets/{id}/messages/{message_id}': tickets.deleteTicketMessage,
  'GET /api/tickets/{id}/tags': tickets.listTicketTags,
  'POST /api/tickets/{id}/tags': tickets.addTicketTags,
  'PUT /api/tickets/{id}/tags': tickets.replaceTicketTags,
  'DELETE /api/tickets/{id}/tags': tickets.removeTicketTags,
  'GET /api/tickets/{id}/custom-fields': tickets.listTicketFields,
  'PUT /api/tickets/{id}/custom-fields': tickets.setTicketFields,
  'GET /api/tickets/{id}/custom-fields/{field_id}': tickets.getTicketField,
  'PUT /api/tickets/{id}/custom-fields/{field_id}': tickets.setTicketField,
  'GET /api/views/{id}/items': tickets.viewItems,
  'PUT /api/views/{id}/items': tickets.inlineViewItems,
  'DELETE /api/customers': bulkDelete('customers'),
  'PUT /api/customers/merge': mergeCustomers,
  'DELETE /api/tags': bulkDelete('tags'),
  'PUT /api/tags/{id}/merge': mergeTags,
  'PUT /api/macros/archive': archiveMacros(true),
  'PUT /api/macros/unarchive': archiveMacros(false),
  'POST /api/rules/priorities': rulePriorities,
  'DELETE /api/jobs/{id}': cancelJob,
  'GET /api/custom-fields': listCustomFields,
  'PUT /api/custom-fields': updateCustomFields,
  'POST /api/reporting/stats': reportingStats,
  'POST /api/stats/{name}': oldStats,
  'POST /api/search': search,
  'POST /api/upload': upload,
};

/** `PUT /api/customers/{id}/data` and customer custom fields: kept on the customer record. */
const customerData: Record<string, Handler> = {
  'PUT /api/customers/{id}/data': (r, p, _caller, body) => {
    const customer = r.account.data.customers.find((c) => String(c.id) === p.id);
    if (!customer) return { status: 404, error: 'Customer not found.' };
    if (body.kind !== 'json' || typeof body.value !== 'object' || body.value === null) return { status: 400, error: 'Invalid data.', data: { _schema: ['Send a JSON object.'] } };
    customer.data = body.value;
    return { status: 200, body: customer };
  },
  'GET /api/customers/{id}/custom-fields': (r, p) => {
    const customer = r.account.data.customers.find((c) => String(c.id) === p.id);
    if (!customer) return { status: 404, error: 'Customer not found.' };
    const values = (customer.custom_fields ?? {}) as Record<string, unknown>;
    return { status: 200, body: { data: Object.entries(values).map(([id, value]) => ({ id: Number(id), value })) } };
  },
  'PUT /api/customers/{id}/custom-fields': (r, p, _caller, body) => {
    const customer = r.account.data.customers.find((c) => String(c.id) === p.id);
    if (!customer) return { status: 404, error: 'Customer not found.' };
    const list = body.kind === 'json' && Array.isArray(body.value) ? (body.value as Array<Record<string, unknown>>) : null;
    if (!list || list.length > 100) return { status: 400, error: 'Invalid data.', data: { _schema: ['Send a JSON list of {id, value}.'] } };
    const values = (customer.custom_fields ?? {}) as Record<string, unknown>;
    for (const item of list) values[String(item?.id)] = item?.value ?? null;
    customer.custom_fields = values;
    return { status: 200, body: { data: Object.entries(values).map(([id, value]) => ({ id: Number(id), value })) } };
  },
};

const GENERIC = /^\/api\/([a-z]+(?:[/-][a-z]+)*?)(\/\{id\})?$/;

export function handlerFor(entry: EndpointInfo): Handler | null {
  const key = `${entry.method} ${entry.path}`;
  const specific = SPECIFIC[key] ?? customerData[key];
  if (specific) return specific;
  const match = GENERIC.exec(entry.path);
  if (!match) return null;
  const handlers = genericHandlers(match[1] ?? '');
  const withId = match[2] !== undefined;
  if (entry.method === 'GET') return withId ? handlers.get : handlers.list;
  if (entry.method === 'POST' && !withId) return handlers.create;
  if (entry.method === 'PUT' && withId) return handlers.update;
  if (entry.method === 'DELETE' && withId) return handlers.delete;
  return null;
}
