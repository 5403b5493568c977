// Gorgias's cursor pagination: `limit` (default 30, max 100) and `cursor`; answers
// `{"object":"list","uri":…,"data":[…],"meta":{"prev_cursor":…,"next_cursor":…}}`.
// Cursors are opaque here too (base64url of an offset) so clients cannot lean on their shape.

export type PageResult = { ok: true; body: Record<string, unknown> } | { ok: false; msg: string; data: Record<string, unknown> };

const encodeCursor = (offset: number): string => Buffer.from(`o:${offset}`).toString('base64url');

function decodeCursor(cursor: string): number | null {
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : null;
}

export function paginate<T>(items: readonly T[], query: URLSearchParams, uri: string): PageResult {
  const rawLimit = query.get('limit');
  let limit = 30;
  if (rawLimit !== null) {
    if (!/^\d{1,6}$/.test(rawLimit) || Number(rawLimit) < 1) return { ok: false, msg: 'Invalid limit.', data: { limit: ['Must be an integer between 1 and 100.'] } };
    limit = Number(rawLimit);
    if (limit > 100) return { ok: false, msg: 'Invalid limit.', data: { limit: ['Must be less than or equal to 100.'] } };
  }
  const cursor = query.get('cursor');
  let offset = 0;
  if (cursor) {
    const decoded = decodeCursor(cursor);
    if (decoded === null || decoded > items.length) return { ok: false, msg: 'Invalid cursor.', data: { cursor: ['Unknown or expired cursor.'] } };
    offset = decoded;
  }
  const data = items.slice(offset, offset + limit);
  const next = offset + limit < items.length ? encodeCursor(offset + limit) : null;
  const prev = offset > 0 ? encodeCursor(Math.max(0, offset - limit)) : null;
  return { ok: true, body: { object: 'list', uri, data, meta: { prev_cursor: prev, next_cursor: next } } };
}
