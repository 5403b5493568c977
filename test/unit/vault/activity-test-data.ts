// What the activity log's unit tests share: a silent logger, a fixed clock, and entries of the real
// id shape (time base36, counter, random), older than that clock.
import type { ActivityEntry } from '../../../electron/common/model';

export const quiet = { info: () => {}, warn: () => {}, error: () => {} };
export const clock = { now: () => Date.UTC(2026, 10, 1) };

/**
 * `count` entries from `from` (ms after 2026-10-01). `awkward`: every third one carries a body with
 * what JSON escapes or encodes in several bytes (newlines, quotes, non-ASCII, emoji, U+2028).
 */
export function entries(count: number, from = 0, options: { awkward?: boolean } = {}): ActivityEntry[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `${(Date.UTC(2026, 9, 1) + from + index).toString(36).padStart(10, '0')}-0000-00000000`,
    kind: 'api',
    at: new Date(Date.UTC(2026, 9, 1) + from + index).toISOString(),
    method: 'GET',
    url: `https://example.test/${from + index}`,
    status: 200,
    ...(options.awkward ? { responseBody: index % 3 === 0 ? `{"line":"one\\ntwo","name":"Zoë 🚀 ${'x'.repeat(index % 500)}"}\n\u2028` : null } : {}),
  }) as unknown as ActivityEntry);
}
