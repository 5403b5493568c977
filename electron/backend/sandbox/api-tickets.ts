// Tickets and what hangs off them: the list's filters and order, messages (GET /api/messages is the
// current way; /api/tickets/{id}/messages is deprecated but still served), ticket tags (a plain
// {data:[…]}, no cursors), ticket custom fields, and view items evaluated from the view's filter.
import type { AccountRequest } from './context';
import type { FakeRecord } from './fake-data';
import {
  type ApiAnswer,
  type ApiBody,
  type Handler,
  byId,
  intList,
  invalid,
  isoAt,
  jsonObject,
  listAnswer,
  noContent,
  notFound,
  ordered,
} from './api-answers';
import { createRecord } from './api-generic';
import { matchesViewFilter, parseViewFilter } from './view-filter';

type TagRef = { id: number; name: string };

function ticketOf(r: AccountRequest, id: string | undefined): FakeRecord | undefined {
  return byId(r.account.data.tickets, id);
}

export const listTickets: Handler = (r) => {
  const q = r.url.searchParams;
  let items = r.account.data.tickets;
  const trashed = q.get('trashed') === 'true';
  items = items.filter((t) => (t.trashed_datetime !== null) === trashed);
  const customerId = q.get('customer_id');
  if (customerId !== null) items = items.filter((t) => String((t.customer as { id?: number } | null)?.id) === customerId);
  const externalId = q.get('external_id');
  if (externalId !== null) items = items.filter((t) => t.external_id === externalId);
  const ids = q.get('ticket_ids');
  if (ids !== null) {
    const wanted = new Set(ids.split(','));
    items = items.filter((t) => wanted.has(String(t.id)));
  }
  // No rule has applied to a fake ticket.
  if (q.get('rule_id') !== null) items = [];
  const viewId = q.get('view_id');
  if (viewId !== null) {
    const view = byId(r.account.data.views, viewId);
    if (!view) return notFound('View');
    const filter = parseViewFilter(String(view.filters ?? ''));
    items = items.filter((t) => matchesViewFilter(filter, t));
  }
  return listAnswer(r, ordered(items, q.get('order_by') ?? 'created_datetime:desc'));
};

export const getTicket: Handler = (r, p) => {
  const ticket = ticketOf(r, p.id);
  return ticket ? { status: 200, body: ticket } : notFound('Ticket');
};

export const createTicket: Handler = (r, _p, caller, body) => {
  const input = jsonObject(body);
  if (!input.ok) return input.answer;
  const messages = input.value.messages;
  if (!Array.isArray(messages) || messages.length === 0) return invalid({ messages: ['A ticket needs at least one message.'] });
  const answer = createRecord(r.account, 'tickets', { status: 'open', channel: 'api', via: 'api', tags: [], spam: false, is_unread: true, meta: {}, trashed_datetime: null, snooze_datetime: null, assignee_team: null, ...input.value, messages: undefined }, caller.now);
  if ('body' in answer && answer.body) {
    const ticket = answer.body as FakeRecord;
    // New tickets are listed first, as a helpdesk shows them.
    const list = r.account.data.tickets;
    list.splice(list.indexOf(ticket), 1);
    list.unshift(ticket);
    for (const message of messages) addMessage(r, ticket, typeof message === 'object' && message !== null ? (message as Record<string, unknown>) : {}, caller.userId, caller.now);
  }
  return answer;
};

export const updateTicket: Handler = (r, p, caller, body) => {
  const ticket = ticketOf(r, p.id);
  if (!ticket) return notFound('Ticket');
  const input = jsonObject(body);
  if (!input.ok) return input.answer;
  const status = input.value.status;
  if (status !== undefined && status !== 'open' && status !== 'closed') return invalid({ status: ['Must be one of: open, closed.'] });
  const { id: _id, uri: _uri, messages: _messages, ...rest } = input.value;
  Object.assign(ticket, rest, { updated_datetime: isoAt(caller.now) });
  return { status: 200, body: ticket };
};

export const deleteTicket: Handler = (r, p) => {
  const list = r.account.data.tickets;
  const index = list.findIndex((t) => String(t.id) === p.id);
  if (index < 0) return notFound('Ticket');
  list.splice(index, 1);
  return noContent;
};

// --- messages ---------------------------------------------------------------------------------

function addMessage(r: AccountRequest, ticket: FakeRecord, input: Record<string, unknown>, userId: number, now: number): FakeRecord {
  const user = r.account.data.users.find((u) => u.id === userId);
  const id = r.account.nextId++;
  const fromAgent = input.from_agent !== false;
  const message: FakeRecord = {
    id,
    uri: `/api/tickets/${ticket.id}/messages/${id}`,
    ticket_id: ticket.id,
    channel: typeof input.channel === 'string' ? input.channel : ticket.channel,
    via: 'api',
    from_agent: fromAgent,
    public: input.public !== false,
    sender: fromAgent && user ? { id: user.id, email: user.email } : (input.sender ?? null),
    subject: typeof input.subject === 'string' ? input.subject : null,
    body_text: typeof input.body_text === 'string' ? input.body_text : null,
    body_html: typeof input.body_html === 'string' ? input.body_html : null,
    created_datetime: isoAt(now),
  };
  r.account.data.messages.push(message);
  ticket.messages_count = Number(ticket.messages_count ?? 0) + 1;
  ticket.last_message_datetime = isoAt(now);
  ticket.updated_datetime = isoAt(now);
  return message;
}

export const listMessages: Handler = (r) => {
  const ticketId = r.url.searchParams.get('ticket_id');
  const all = r.account.data.messages;
  const items = ticketId === null ? all : all.filter((m) => String(m.ticket_id) === ticketId);
  return listAnswer(r, ordered(items, r.url.searchParams.get('order_by')));
};

/** Deprecated in Gorgias's reference, still served there: GET /api/messages?ticket_id= replaces it. */
export const listTicketMessages: Handler = (r, p) =>
  ticketOf(r, p.id) ? listAnswer(r, r.account.data.messages.filter((m) => String(m.ticket_id) === p.id)) : notFound('Ticket');

export const createTicketMessage: Handler = (r, p, caller, body) => {
  const ticket = ticketOf(r, p.id);
  if (!ticket) return notFound('Ticket');
  const input = jsonObject(body);
  if (!input.ok) return input.answer;
  if (typeof input.value.body_text !== 'string' && typeof input.value.body_html !== 'string') {
    return invalid({ body_text: ['body_text or body_html is required.'] });
  }
  return { status: 201, body: addMessage(r, ticket, input.value, caller.userId, caller.now) };
};

function messageOf(r: AccountRequest, ticketId: string | undefined, messageId: string | undefined): FakeRecord | undefined {
  return r.account.data.messages.find((m) => String(m.ticket_id) === ticketId && String(m.id) === messageId);
}

export const getTicketMessage: Handler = (r, p) => {
  const message = messageOf(r, p.id, p.message_id);
  return message ? { status: 200, body: message } : notFound('Message');
};

export const updateTicketMessage: Handler = (r, p, _caller, body) => {
  const message = messageOf(r, p.id, p.message_id);
  if (!message) return notFound('Message');
  const input = jsonObject(body);
  if (!input.ok) return input.answer;
  for (const field of ['body_text', 'body_html', 'subject'] as const) if (typeof input.value[field] === 'string') message[field] = input.value[field];
  return { status: 200, body: message };
};

export const deleteTicketMessage: Handler = (r, p) => {
  const list = r.account.data.messages;
  const index = list.findIndex((m) => String(m.ticket_id) === p.id && String(m.id) === p.message_id);
  if (index < 0) return notFound('Message');
  list.splice(index, 1);
  return noContent;
};

// --- ticket tags ------------------------------------------------------------------------------

/** `{ids:[…]}` and/or `{names:[…]}`; names that are not tags yet become tags (when `create`). */
function resolveTags(r: AccountRequest, body: ApiBody, now: number, create: boolean): { ok: true; tags: TagRef[] } | { ok: false; answer: ApiAnswer } {
  const input = jsonObject(body);
  if (!input.ok) return input;
  const ids = input.value.ids === undefined ? [] : intList(input.value.ids);
  const names = input.value.names === undefined ? [] : input.value.names;
  if (ids === null) return { ok: false, answer: invalid({ ids: ['A list of tag ids (at most 100).'] }) };
  if (!Array.isArray(names) || names.length > 100 || !names.every((n) => typeof n === 'string' && n.trim().length > 0 && n.length <= 100)) {
    return { ok: false, answer: invalid({ names: ['A list of tag names (1 to 100 characters, at most 100 names).'] }) };
  }
  if (ids.length === 0 && names.length === 0) return { ok: false, answer: invalid({ ids: ['Give ids or names.'] }) };
  const all = r.account.data.tags;
  const found: TagRef[] = [];
  for (const id of ids) {
    const tag = all.find((t) => t.id === id);
    if (!tag) return { ok: false, answer: notFound(`Tag ${id}`) };
    found.push({ id: tag.id, name: String(tag.name) });
  }
  for (const raw of names as string[]) {
    const name = raw.trim();
    let tag = all.find((t) => t.name === name);
    if (!tag && create) {
      const created = createRecord(r.account, 'tags', { name, description: null, usage: 0 }, now);
      if (!('body' in created)) return { ok: false, answer: created };
      tag = created.body as FakeRecord;
    }
    if (!tag) return { ok: false, answer: notFound(`Tag "${name.slice(0, 100)}"`) };
    found.push({ id: tag.id, name: String(tag.name) });
  }
  return { ok: true, tags: found };
}

const tagsOf = (ticket: FakeRecord): TagRef[] => (Array.isArray(ticket.tags) ? (ticket.tags as TagRef[]) : []);

/** The ticket's tags as full tag objects, in a plain `{data:[…]}` (observed: no cursors). */
function ticketTagsAnswer(r: AccountRequest, ticket: FakeRecord): ApiAnswer {
  const ids = new Set(tagsOf(ticket).map((t) => t.id));
  return { status: 200, body: { data: r.account.data.tags.filter((t) => ids.has(t.id)) } };
}

export const listTicketTags: Handler = (r, p) => {
  const ticket = ticketOf(r, p.id);
  return ticket ? ticketTagsAnswer(r, ticket) : notFound('Ticket');
};

function changeTicketTags(mode: 'add' | 'replace' | 'remove'): Handler {
  return (r, p, caller, body) => {
    const ticket = ticketOf(r, p.id);
    if (!ticket) return notFound('Ticket');
    const resolved = resolveTags(r, body, caller.now, mode !== 'remove');
    if (!resolved.ok) return resolved.answer;
    const current = tagsOf(ticket);
    const given = new Set(resolved.tags.map((t) => t.id));
    let next: TagRef[];
    if (mode === 'replace') next = resolved.tags;
    else if (mode === 'remove') next = current.filter((t) => !given.has(t.id));
    else next = [...current, ...resolved.tags.filter((t) => !current.some((c) => c.id === t.id))];
    ticket.tags = next.filter((t, i) => next.findIndex((x) => x.id === t.id) === i);
    ticket.updated_datetime = isoAt(caller.now);
    return mode === 'remove' ? noContent : ticketTagsAnswer(r, ticket);
  };
}

export const addTicketTags = changeTicketTags('add');
export const replaceTicketTags = changeTicketTags('replace');
export const removeTicketTags = changeTicketTags('remove');

// --- ticket custom fields ---------------------------------------------------------------------

function fieldValues(ticket: FakeRecord): Record<string, unknown> {
  if (typeof ticket.custom_fields !== 'object' || ticket.custom_fields === null) ticket.custom_fields = {};
  return ticket.custom_fields as Record<string, unknown>;
}

const ticketFields = (r: AccountRequest) => (r.account.data.simple['custom-fields'] ?? []).filter((f) => f.object_type === 'Ticket');

export const listTicketFields: Handler = (r, p) => {
  const ticket = ticketOf(r, p.id);
  if (!ticket) return notFound('Ticket');
  const values = fieldValues(ticket);
  return { status: 200, body: { data: ticketFields(r).filter((f) => String(f.id) in values).map((f) => ({ id: f.id, field: f, value: values[String(f.id)] })) } };
};

export const setTicketFields: Handler = (r, p, caller, body) => {
  const ticket = ticketOf(r, p.id);
  if (!ticket) return notFound('Ticket');
  const list = body.kind === 'json' && Array.isArray(body.value) ? (body.value as unknown[]) : null;
  if (!list || list.length > 100) return invalid({ _schema: ['Send a JSON list of {id, value}.'] });
  const known = new Set(ticketFields(r).map((f) => String(f.id)));
  const values = fieldValues(ticket);
  for (const item of list) {
    const entry = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    if (!known.has(String(entry.id))) return invalid({ id: [`${String(entry.id).slice(0, 20)} is not a ticket custom field.`] });
    values[String(entry.id)] = entry.value ?? null;
  }
  ticket.updated_datetime = isoAt(caller.now);
  return listTicketFields(r, p, caller, body);
};

export const getTicketField: Handler = (r, p) => {
  const ticket = ticketOf(r, p.id);
  if (!ticket) return notFound('Ticket');
  const field = ticketFields(r).find((f) => String(f.id) === p.field_id);
  const values = fieldValues(ticket);
  if (!field || !(String(field.id) in values)) return notFound('Custom field value');
  return { status: 200, body: { id: field.id, field, value: values[String(field.id)] } };
};

export const setTicketField: Handler = (r, p, caller, body) => {
  const ticket = ticketOf(r, p.id);
  if (!ticket) return notFound('Ticket');
  const field = ticketFields(r).find((f) => String(f.id) === p.field_id);
  if (!field) return notFound('Custom field');
  const input = jsonObject(body);
  if (!input.ok) return input.answer;
  fieldValues(ticket)[String(field.id)] = input.value.value ?? null;
  ticket.updated_datetime = isoAt(caller.now);
  return { status: 200, body: { id: field.id, field, value: input.value.value ?? null } };
};

// --- view items -------------------------------------------------------------------------------

function viewItemsOf(r: AccountRequest, filters: string, orderBy: string | null, ignored: string | null): ApiAnswer {
  const filter = parseViewFilter(filters);
  const items = r.account.data.tickets.filter((t) => t.trashed_datetime === null && String(t.id) !== ignored && matchesViewFilter(filter, t));
  return listAnswer(r, ordered(items, orderBy));
}

export const viewItems: Handler = (r, p) => {
  const q = r.url.searchParams;
  if (p.id === '0') return invalid({ id: ['View 0 is an inline view: send it with PUT /api/views/0/items.'] });
  const view = byId(r.account.data.views, p.id);
  if (!view) return notFound('View');
  const orderBy = q.get('order_by') ?? `${String(view.order_by ?? 'updated_datetime')}:${String(view.order_dir ?? 'desc')}`;
  return viewItemsOf(r, String(view.filters ?? ''), orderBy, q.get('ignored_item'));
};

/** PUT /api/views/{id}/items: the view sent in the body (id 0 = an inline view), read only. */
export const inlineViewItems: Handler = (r, p, _caller, body) => {
  const input = jsonObject(body);
  if (!input.ok) return input.answer;
  const sent = (typeof input.value.view === 'object' && input.value.view !== null ? input.value.view : input.value) as Record<string, unknown>;
  const stored = p.id === '0' ? undefined : byId(r.account.data.views, p.id);
  if (p.id !== '0' && !stored) return notFound('View');
  const filters = typeof sent.filters === 'string' ? sent.filters : String(stored?.filters ?? '');
  const orderBy = r.url.searchParams.get('order_by') ?? `${String(sent.order_by ?? stored?.order_by ?? 'updated_datetime')}:${String(sent.order_dir ?? stored?.order_dir ?? 'desc')}`;
  return viewItemsOf(r, filters, orderBy, r.url.searchParams.get('ignored_item'));
};
