// The fake REST resources under /{sub}/api/. Each handler gets an authenticated caller; scope checks
// happen before (api.ts), from the shared endpoint catalogue.
import type { AccountRequest } from './context';
import type { FakeRecord } from './fake-data';
import { paginate } from './pagination';

export interface ApiCaller {
  userId: number;
  scopes: string[];
  /** The sandbox clock's now, for timestamps on created records. */
  now: number;
}

export type ApiAnswer = { status: number; body: unknown } | { status: number; error: string; data?: Record<string, unknown> };

export interface ApiRoute {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handle(r: AccountRequest, match: RegExpExecArray, caller: ApiCaller, body: unknown): ApiAnswer;
  /** POST routes read a JSON body. */
  json?: boolean;
}

const notFound = (what: string): ApiAnswer => ({ status: 404, error: `${what} not found.` });

function listAnswer(r: AccountRequest, items: readonly unknown[]): ApiAnswer {
  const uri = `/${r.segments.join('/')}${r.url.search}`;
  const page = paginate(items, r.url.searchParams, uri);
  return page.ok ? { status: 200, body: page.body } : { status: 400, error: page.msg, data: page.data };
}

const byId = (items: readonly FakeRecord[], id: string | undefined): FakeRecord | undefined => items.find((item) => String(item.id) === id);

function viewItems(r: AccountRequest, viewId: string | undefined): ApiAnswer {
  const tickets = r.account.data.tickets;
  const filters: Record<string, (t: FakeRecord) => boolean> = {
    '1': (t) => t.status === 'open',
    '2': (t) => t.status === 'closed',
    '3': (t) => t.priority === 'high',
  };
  const filter = viewId ? filters[viewId] : undefined;
  return filter ? listAnswer(r, tickets.filter(filter)) : notFound('View');
}

function createTag(r: AccountRequest, body: unknown, now: number): ApiAnswer {
  const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const name = input.name;
  if (typeof name !== 'string' || name.trim().length === 0 || name.length > 100) {
    return { status: 400, error: 'Invalid data.', data: { name: ['A tag name of 1 to 100 characters is required.'] } };
  }
  const tags = r.account.data.tags;
  if (tags.some((t) => t.name === name.trim())) return { status: 409, error: 'A tag with this name already exists.', data: { name: [name.trim()] } };
  if (tags.length >= 1000) return { status: 400, error: 'The sandbox keeps at most 1000 tags per account.' };
  const id = r.account.nextTagId++;
  const tag: FakeRecord = {
    id,
    uri: `/api/tags/${id}`,
    name: name.trim(),
    description: typeof input.description === 'string' ? input.description.slice(0, 500) : null,
    usage: 0,
    created_datetime: new Date(now).toISOString(),
  };
  tags.push(tag);
  return { status: 201, body: tag };
}

const SIMPLE = ['teams', 'events', 'integrations', 'widgets', 'macros', 'rules', 'satisfaction-surveys', 'custom-fields', 'jobs'];

export const API_ROUTES: ApiRoute[] = [
  { method: 'GET', pattern: /^\/api\/account$/, handle: (r) => ({ status: 200, body: r.account.data.account }) },
  { method: 'GET', pattern: /^\/api\/users$/, handle: (r) => listAnswer(r, r.account.data.users) },
  {
    method: 'GET',
    pattern: /^\/api\/users\/(\d{1,12})$/,
    handle: (r, m, caller) => {
      const id = m[1] === '0' ? String(caller.userId) : m[1];
      const user = byId(r.account.data.users, id);
      return user ? { status: 200, body: user } : notFound('User');
    },
  },
  { method: 'GET', pattern: /^\/api\/tickets$/, handle: (r) => listAnswer(r, r.account.data.tickets) },
  {
    method: 'GET',
    pattern: /^\/api\/tickets\/(\d{1,12})$/,
    handle: (r, m) => {
      const ticket = byId(r.account.data.tickets, m[1]);
      return ticket ? { status: 200, body: ticket } : notFound('Ticket');
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/tickets\/(\d{1,12})\/messages$/,
    handle: (r, m) =>
      byId(r.account.data.tickets, m[1]) ? listAnswer(r, r.account.data.messages.filter((x) => String(x.ticket_id) === m[1])) : notFound('Ticket'),
  },
  {
    method: 'GET',
    pattern: /^\/api\/messages$/,
    handle: (r) => {
      const ticketId = r.url.searchParams.get('ticket_id');
      if (ticketId === null) return listAnswer(r, r.account.data.messages);
      if (!/^\d{1,12}$/.test(ticketId)) return { status: 400, error: 'Invalid ticket_id.', data: { ticket_id: ['Must be an integer.'] } };
      return listAnswer(r, r.account.data.messages.filter((x) => String(x.ticket_id) === ticketId));
    },
  },
  { method: 'GET', pattern: /^\/api\/customers$/, handle: (r) => listAnswer(r, r.account.data.customers) },
  {
    method: 'GET',
    pattern: /^\/api\/customers\/(\d{1,12})$/,
    handle: (r, m) => {
      const customer = byId(r.account.data.customers, m[1]);
      return customer ? { status: 200, body: customer } : notFound('Customer');
    },
  },
  { method: 'GET', pattern: /^\/api\/tags$/, handle: (r) => listAnswer(r, r.account.data.tags) },
  { method: 'POST', pattern: /^\/api\/tags$/, json: true, handle: (r, _m, caller, body) => createTag(r, body, caller.now) },
  { method: 'GET', pattern: /^\/api\/views$/, handle: (r) => listAnswer(r, r.account.data.views) },
  {
    method: 'GET',
    pattern: /^\/api\/views\/(\d{1,12})$/,
    handle: (r, m) => {
      const view = byId(r.account.data.views, m[1]);
      return view ? { status: 200, body: view } : notFound('View');
    },
  },
  { method: 'GET', pattern: /^\/api\/views\/(\d{1,12})\/items$/, handle: (r, m) => viewItems(r, m[1]) },
  ...SIMPLE.map(
    (segment): ApiRoute => ({
      method: 'GET',
      pattern: new RegExp(`^/api/${segment}$`),
      handle: (r) => listAnswer(r, r.account.data.simple[segment] ?? []),
    }),
  ),
];
