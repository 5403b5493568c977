// One line per account for the side-by-side view of a run: how many items, or what went wrong.
// Parses once and never pretty-prints: a run only needs the shape of the answer.

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export function summariseAnswer(status: number, text: string, contentType: string | null, parsed?: unknown): string {
  const json = parsed !== undefined ? { ok: true as const, value: parsed } : parseJson(text);
  if (!json.ok) {
    if ((contentType ?? '').includes('html') || /^\s*<(!doctype|html)/i.test(text)) return `HTTP ${status}: a web page, not JSON (is the subdomain right?)`;
    return text.trim().length === 0 ? `HTTP ${status} with an empty body` : `HTTP ${status}: ${text.length} characters of text`;
  }
  const value = json.value;
  if (Array.isArray(value)) return `${value.length} items`;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const error = record.error as { msg?: unknown } | string | undefined;
    if (typeof error === 'string') return error;
    if (error && typeof error === 'object' && typeof error.msg === 'string') return error.msg;
    if (Array.isArray(record.data)) {
      const meta = record.meta as { next_cursor?: unknown } | undefined;
      const more = typeof meta?.next_cursor === 'string' && meta.next_cursor.length > 0;
      return `${record.data.length} item${record.data.length === 1 ? '' : 's'}${more ? ', more pages' : ''}`;
    }
    const kind = typeof record.object === 'string' ? record.object : 'object';
    const name = ['name', 'domain', 'email', 'subject'].map((key) => record[key]).find((v) => typeof v === 'string');
    if (record.id !== undefined) return `${kind} #${String(record.id)}${name ? ` (${String(name)})` : ''}`;
    return `${kind} with ${Object.keys(record).length} fields`;
  }
  return `HTTP ${status}: ${JSON.stringify(value).slice(0, 80)}`;
}
