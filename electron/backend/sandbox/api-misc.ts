// The endpoints that are not plain CRUD: the account and its settings, users/0, custom fields (whose
// list requires object_type), statistics (/api/reporting/stats answers small fake numbers; the old
// /api/stats/{name} answers 400 as it does live), search, upload, merges, archive, rule priorities.
import type { FakeRecord } from './fake-data';
import { type Handler, byId, intList, invalid, isoAt, jsonObject, listAnswer, noContent, notFound, ordered } from './api-answers';
import { collection } from './api-generic';

export const getAccount: Handler = (r) => ({ status: 200, body: r.account.data.account });

/** A plain `{data:[…]}`. */
export const listAccountSettings: Handler = (r) => ({ status: 200, body: { data: collection(r.account, 'account/settings') } });

export const getUser: Handler = (r, p, caller) => {
  const id = p.id === '0' ? String(caller.userId) : p.id;
  const user = byId(r.account.data.users, id);
  return user ? { status: 200, body: user } : notFound('User');
};

export const listUsers: Handler = (r) => listAnswer(r, ordered(r.account.data.users, r.url.searchParams.get('order_by') ?? 'name:asc'));

export const listCustomFields: Handler = (r) => {
  const type = r.url.searchParams.get('object_type');
  const fields = collection(r.account, 'custom-fields').filter((f) => f.object_type === type);
  return listAnswer(r, ordered(fields, r.url.searchParams.get('order_by')));
};

export const updateCustomFields: Handler = (r, _p, caller, body) => {
  const list = body.kind === 'json' && Array.isArray(body.value) ? (body.value as unknown[]) : null;
  if (!list || list.length > 100) return invalid({ _schema: ['Send a JSON list of custom fields, each with its id.'] });
  const fields = collection(r.account, 'custom-fields');
  const changed: FakeRecord[] = [];
  for (const item of list) {
    const input = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const field = fields.find((f) => f.id === input.id);
    if (!field) return notFound(`Custom field ${String(input.id).slice(0, 20)}`);
    const { id: _id, uri: _uri, ...rest } = input;
    Object.assign(field, rest, { updated_datetime: isoAt(caller.now) });
    changed.push(field);
  }
  return { status: 200, body: { data: changed } };
};

/** Small deterministic numbers; the shape is the sandbox's own (the real one is richer). */
export const reportingStats: Handler = (r, _p, _caller, body) => {
  const input = jsonObject(body);
  if (!input.ok) return input.answer;
  const query = input.value.query;
  if (typeof query !== 'object' || query === null || Array.isArray(query)) return invalid({ query: ['Missing data for required field.'] });
  const scope = (query as Record<string, unknown>).scope;
  if (typeof scope !== 'string' || scope.length === 0 || scope.length > 100) return invalid({ query: ['query.scope is required (a statistic name).'] });
  const limit = input.value.limit;
  if (limit !== undefined && (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > 10_000)) {
    return invalid({ limit: ['Must be an integer between 1 and 10000.'] });
  }
  const tickets = r.account.data.tickets;
  const open = tickets.filter((t) => t.status === 'open').length;
  return {
    status: 200,
    body: {
      data: [
        { dimension: 'status', value: 'open', measure: open },
        { dimension: 'status', value: 'closed', measure: tickets.length - open },
      ],
      meta: { scope, timezone: (query as Record<string, unknown>).timezone ?? 'UTC', note: 'Fake numbers from the local sandbox.' },
    },
  };
};

/** Observed live in 2026: the old statistics endpoint answers 400 "does not exist". */
export const oldStats: Handler = (_r, p) => ({ status: 400, error: `Statistic ${JSON.stringify(String(p.name).slice(0, 100))} does not exist. Use POST /api/reporting/stats.` });

const SEARCHABLE: Record<string, { key: 'customers' | 'tickets' | 'users'; field: string }> = {
  customer: { key: 'customers', field: 'name' },
  ticket: { key: 'tickets', field: 'subject' },
  user: { key: 'users', field: 'name' },
};

export const search: Handler = (r, _p, _caller, body) => {
  const input = jsonObject(body);
  if (!input.ok) return input.answer;
  const { type, query } = input.value;
  const target = typeof type === 'string' ? SEARCHABLE[type] : undefined;
  if (!target) return invalid({ type: [`Must be one of: ${Object.keys(SEARCHABLE).join(', ')}.`] });
  if (typeof query !== 'string' || query.length > 200) return invalid({ query: ['A search text of at most 200 characters.'] });
  const needle = query.toLowerCase();
  const items = collection(r.account, target.key).filter((item) => String(item[target.field] ?? '').toLowerCase().includes(needle));
  return { status: 200, body: { data: items.slice(0, 100) } };
};

export const upload: Handler = (_r, _p, caller, body) => {
  if (body.kind !== 'raw' || !body.contentType.startsWith('multipart/form-data')) {
    return invalid({ _schema: ['Send the files as multipart/form-data.'] });
  }
  const name = `upload-${caller.now}.bin`;
  return { status: 201, body: [{ url: `https://uploads.sandbox.example/${name}`, name, size: body.bytes, content_type: 'application/octet-stream' }] };
};

export const mergeCustomers: Handler = (r, _p, caller, body) => {
  const q = r.url.searchParams;
  const customers = r.account.data.customers;
  const source = byId(customers, q.get('source_id') ?? undefined);
  const target = byId(customers, q.get('target_id') ?? undefined);
  if (!source || !target) return notFound('Customer');
  if (source === target) return invalid({ source_id: ['Source and target are the same customer.'] });
  const input = body.kind === 'json' ? jsonObject(body) : null;
  if (input && !input.ok) return input.answer;
  if (input?.ok) {
    const { id: _id, uri: _uri, ...rest } = input.value;
    Object.assign(target, rest);
  }
  customers.splice(customers.indexOf(source), 1);
  for (const ticket of r.account.data.tickets) {
    const customer = ticket.customer as { id?: number } | null;
    if (customer?.id === source.id) ticket.customer = { id: target.id, email: target.email, name: target.name };
  }
  target.updated_datetime = isoAt(caller.now);
  return { status: 200, body: target };
};

export const mergeTags: Handler = (r, p, _caller, body) => {
  const tags = r.account.data.tags;
  const target = byId(tags, p.id);
  if (!target) return notFound('Tag');
  const input = jsonObject(body);
  if (!input.ok) return input.answer;
  const sources = intList(input.value.source_tags_ids);
  if (!sources || sources.length === 0) return invalid({ source_tags_ids: ['A list of tag ids to merge into this one.'] });
  for (const id of sources) {
    if (id === target.id || !tags.some((t) => t.id === id)) return notFound(`Tag ${id}`);
  }
  r.account.data.tags = tags.filter((t) => !sources.includes(t.id));
  for (const ticket of r.account.data.tickets) {
    const own = (ticket.tags as Array<{ id: number; name: string }>) ?? [];
    if (!own.some((t) => sources.includes(t.id))) continue;
    const kept = own.filter((t) => !sources.includes(t.id));
    ticket.tags = kept.some((t) => t.id === target.id) ? kept : [...kept, { id: target.id, name: String(target.name) }];
  }
  return { status: 200, body: target };
};

/** Bulk delete by `{ids:[…]}` (customers, tags). */
export function bulkDelete(key: 'customers' | 'tags'): Handler {
  return (r, _p, _caller, body) => {
    const input = jsonObject(body);
    if (!input.ok) return input.answer;
    const ids = intList(input.value.ids);
    if (!ids || ids.length === 0) return invalid({ ids: ['A list of ids (1 to 100).'] });
    const items = collection(r.account, key);
    for (const id of ids) {
      const index = items.findIndex((item) => item.id === id);
      if (index >= 0) items.splice(index, 1);
    }
    return noContent;
  };
}

export function archiveMacros(archived: boolean): Handler {
  return (r, _p, caller, body) => {
    const input = jsonObject(body);
    if (!input.ok) return input.answer;
    const ids = intList(input.value.ids);
    if (!ids || ids.length === 0) return invalid({ ids: ['A list of macro ids (1 to 100).'] });
    const macros = collection(r.account, 'macros');
    const found = ids.map((id) => macros.find((m) => m.id === id));
    if (found.some((m) => !m)) return notFound('Macro');
    for (const macro of found as FakeRecord[]) macro.archived_datetime = archived ? isoAt(caller.now) : null;
    return { status: 200, body: { data: found } };
  };
}

export const rulePriorities: Handler = (r, _p, _caller, body) => {
  const input = jsonObject(body);
  if (!input.ok) return input.answer;
  const list = input.value.priorities;
  if (!Array.isArray(list) || list.length === 0 || list.length > 100) return invalid({ priorities: ['A list of {id, priority}.'] });
  const rules = collection(r.account, 'rules');
  for (const item of list) {
    const entry = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const rule = rules.find((x) => x.id === entry.id);
    if (!rule) return notFound(`Rule ${String(entry.id).slice(0, 20)}`);
    if (!Number.isInteger(entry.priority)) return invalid({ priority: ['Must be an integer.'] });
    rule.priority = entry.priority;
  }
  return { status: 200, body: { data: ordered(rules, 'priority:asc') } };
};

export const cancelJob: Handler = (r, p, caller) => {
  const job = byId(collection(r.account, 'jobs'), p.id);
  if (!job) return notFound('Job');
  job.status = 'canceled';
  job.updated_datetime = isoAt(caller.now);
  return { status: 200, body: job };
};
