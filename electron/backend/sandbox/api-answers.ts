// What every sandbox API handler gets and gives back, plus the small helpers they share: lists in
// Gorgias's cursor shape, ordering by `field:asc|desc`, JSON body checks, generic records.
import type { AccountRequest } from './context';
import type { FakeRecord } from './fake-data';
import { paginate } from './pagination';

export interface ApiCaller {
  userId: number;
  /** The approving user's role name (docs/gorgias.md, "User roles"). */
  role: string;
  scopes: string[];
  /** The sandbox clock's now, for timestamps on created records. */
  now: number;
}

/** A body of `undefined` answers without one (204). */
export type ApiAnswer = { status: number; body?: unknown } | { status: number; error: string; data?: Record<string, unknown> };

/** A request body: parsed JSON, raw bytes for multipart uploads, or nothing. */
export type ApiBody = { kind: 'json'; value: unknown } | { kind: 'raw'; contentType: string; bytes: number } | { kind: 'none' };

/** Path parameters by name, from the catalogue template (`{id}`, `{message_id}`…). */
export type PathParams = Record<string, string>;

export type Handler = (r: AccountRequest, params: PathParams, caller: ApiCaller, body: ApiBody) => ApiAnswer;

export const notFound = (what: string): ApiAnswer => ({ status: 404, error: `${what} not found.` });
export const invalid = (data: Record<string, string[]>, msg = 'Invalid data.'): ApiAnswer => ({ status: 400, error: msg, data });
export const noContent: ApiAnswer = { status: 204 };

export function listAnswer(r: AccountRequest, items: readonly unknown[]): ApiAnswer {
  const uri = `/${r.segments.join('/')}${r.url.search}`;
  const page = paginate(items, r.url.searchParams, uri);
  return page.ok ? { status: 200, body: page.body } : { status: 400, error: page.msg, data: page.data };
}

/** `field:asc` / `field:desc` (already checked against the catalogue's enum). */
export function ordered<T extends Record<string, unknown>>(items: readonly T[], orderBy: string | null): T[] {
  if (!orderBy) return [...items];
  const [field = '', dir = 'asc'] = orderBy.split(':');
  const sign = dir === 'desc' ? -1 : 1;
  return [...items].sort((a, b) => {
    const x = a[field];
    const y = b[field];
    if (x === y) return 0;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    return (x < y ? -1 : 1) * sign;
  });
}

export const byId = <T extends FakeRecord>(items: readonly T[], id: string | undefined): T | undefined => items.find((item) => String(item.id) === id);

/** The JSON object of a write, or a 400 in Gorgias's shape. */
export function jsonObject(body: ApiBody): { ok: true; value: Record<string, unknown> } | { ok: false; answer: ApiAnswer } {
  if (body.kind === 'json' && typeof body.value === 'object' && body.value !== null && !Array.isArray(body.value)) {
    return { ok: true, value: body.value as Record<string, unknown> };
  }
  return { ok: false, answer: invalid({ _schema: ['Send a JSON object (Content-Type: application/json).'] }) };
}

export function intList(value: unknown): number[] | null {
  if (!Array.isArray(value) || value.length > 100) return null;
  return value.every((v) => Number.isInteger(v)) ? (value as number[]) : null;
}

export const isoAt = (now: number): string => new Date(now).toISOString();
