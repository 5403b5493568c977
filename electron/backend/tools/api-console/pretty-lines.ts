// What `JSON.stringify(value, null, 2)` of a parsed JSON value will look like, without printing it
// all: its line count (a walk of the value) and its first lines (printing a cut-down copy). api.send
// answers with these, and the full 64 MB print of a 50 MB answer is made after the answer is out.
// Only for values from JSON.parse: plain objects, arrays, strings, numbers, booleans and null.
import { indexLines, sliceLines } from './line-index';

/** Lines of JSON.stringify(value, null, 2): a non-empty array or object takes its own opening and closing lines. */
export function countPrettyLines(value: unknown): number {
  if (value === null || typeof value !== 'object') return 1;
  let lines = 2;
  if (Array.isArray(value)) {
    if (value.length === 0) return 1;
    for (const item of value as unknown[]) lines += countPrettyLines(item);
    return lines;
  }
  let empty = true;
  const record = value as Record<string, unknown>;
  for (const key in record) {
    // for…in over a JSON.parse object sees exactly its own keys (its prototype is Object.prototype).
    empty = false;
    lines += countPrettyLines(record[key]);
  }
  return empty ? 1 : lines;
}

/**
 * A copy of `value` whose print starts with the same `budget` lines: each container keeps its items
 * until the budget is spent, then one placeholder, so a kept item still prints its trailing comma
 * (firstPrettyLines also asks one line more than it hands out, for the same reason).
 */
function cutDown(value: unknown, budget: { left: number }): unknown {
  if (value === null || typeof value !== 'object') {
    budget.left -= 1;
    return value;
  }
  budget.left -= 1;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value as unknown[]) {
      if (budget.left <= 0) {
        out.push(null);
        break;
      }
      out.push(cutDown(item, budget));
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (budget.left <= 0) {
      defineKey(out, key, null);
      break;
    }
    defineKey(out, key, cutDown(record[key], budget));
  }
  return out;
}

/** A plain assignment of "__proto__" would set the prototype; JSON.parse makes it an own key. */
function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The first `count` lines as sliceLines would hand them out from the full print (long lines cut alike). */
export function firstPrettyLines(value: unknown, count: number): string[] {
  const text = JSON.stringify(cutDown(value, { left: count + 1 }), null, 2);
  return sliceLines(indexLines(text), 0, count);
}
