// Generic in-memory CRUD for the catalogue's plain resources (teams, macros, rules, integrations…):
// list (cursor pages, `order_by` when the catalogue allows it), get, create, update, delete.
// Records created here live until the sandbox stops, like tags always did.
import type { SandboxAccount } from './state';
import type { FakeRecord } from './fake-data';
import { type ApiAnswer, type Handler, byId, invalid, isoAt, jsonObject, listAnswer, noContent, notFound, ordered } from './api-answers';

const MAX_RECORDS = 1000;

/** Fields a create must carry, per collection (the rest is free). */
const REQUIRED_ON_CREATE: Record<string, readonly string[]> = {
  users: ['email', 'name'],
  teams: ['name'],
  tags: ['name'],
  macros: ['name'],
  rules: ['name'],
  views: ['name'],
  integrations: ['name', 'type'],
  'custom-fields': ['label', 'object_type'],
  'account/settings': ['type'],
  'satisfaction-surveys': ['ticket_id'],
  jobs: ['type'],
};

/** Fields a write may not set: the server owns them. */
const OWNED = new Set(['id', 'uri', 'created_datetime', 'updated_datetime']);

export function collection(account: SandboxAccount, key: string): FakeRecord[] {
  const data = account.data;
  switch (key) {
    case 'users':
      return data.users;
    case 'customers':
      return data.customers;
    case 'tickets':
      return data.tickets;
    case 'tags':
      return data.tags;
    case 'views':
      return data.views;
    default:
      data.simple[key] ??= [];
      return data.simple[key];
  }
}

function titleOf(key: string): string {
  const last = key.split('/').pop() ?? key;
  const single = last.endsWith('ies') ? `${last.slice(0, -3)}y` : last.replace(/s$/, '');
  return single.charAt(0).toUpperCase() + single.slice(1).replace(/-/g, ' ');
}

function writable(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([name]) => !OWNED.has(name)));
}

export function createRecord(account: SandboxAccount, key: string, input: Record<string, unknown>, now: number): ApiAnswer {
  const missing = (REQUIRED_ON_CREATE[key] ?? []).filter((name) => input[name] === undefined || input[name] === null || input[name] === '');
  if (missing.length > 0) return invalid(Object.fromEntries(missing.map((name) => [name, ['Missing data for required field.']])));
  const items = collection(account, key);
  if (key === 'tags' && items.some((t) => t.name === input.name)) return { status: 409, error: 'A tag with this name already exists.', data: { name: [String(input.name).slice(0, 100)] } };
  if (items.length >= MAX_RECORDS) return { status: 400, error: `The sandbox keeps at most ${MAX_RECORDS} records per resource and account.` };
  const id = account.nextId++;
  const record: FakeRecord = { ...writable(input), id, uri: `/api/${key}/${id}`, created_datetime: isoAt(now), updated_datetime: isoAt(now) };
  items.push(record);
  return { status: 201, body: record };
}

export function genericHandlers(key: string): Record<'list' | 'get' | 'create' | 'update' | 'delete', Handler> {
  const what = titleOf(key);
  return {
    list: (r) => listAnswer(r, ordered(collection(r.account, key), r.url.searchParams.get('order_by'))),
    get: (r, p) => {
      const item = byId(collection(r.account, key), p.id);
      return item ? { status: 200, body: item } : notFound(what);
    },
    create: (r, _p, caller, body) => {
      const input = jsonObject(body);
      return input.ok ? createRecord(r.account, key, input.value, caller.now) : input.answer;
    },
    update: (r, p, caller, body) => {
      const item = byId(collection(r.account, key), p.id);
      if (!item) return notFound(what);
      const input = jsonObject(body);
      if (!input.ok) return input.answer;
      Object.assign(item, writable(input.value), { updated_datetime: isoAt(caller.now) });
      return { status: 200, body: item };
    },
    delete: (r, p) => {
      const items = collection(r.account, key);
      const index = items.findIndex((item) => String(item.id) === p.id);
      if (index < 0) return notFound(what);
      items.splice(index, 1);
      return noContent;
    },
  };
}
