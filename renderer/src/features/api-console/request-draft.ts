// The request as the console edits it: text fields the user types into, checked while typing, and
// turned into the contract's input only when sent. Query and headers are one pair per line, so a
// pasted block of `name=value` lines just works.
import type { ApiMethod } from '../../../../electron/common/tools/tool-results';
import type { ApiRequestInput } from '../../../../electron/common/contract';

export interface RequestDraft {
  method: ApiMethod;
  path: string;
  /** One `name=value` per line. */
  query: string;
  /** One `Name: value` per line. */
  headers: string;
  body: string;
}

export const EMPTY_DRAFT: RequestDraft = { method: 'GET', path: '/api/account', query: '', headers: '', body: '' };

export interface DraftProblems {
  path: string | null;
  query: string | null;
  headers: string | null;
  body: string | null;
}

function parsePairs(text: string, separator: string): { pairs: [string, string][]; problem: string | null } {
  const pairs: [string, string][] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (!line) continue;
    const at = line.indexOf(separator);
    if (at <= 0) return { pairs, problem: `Line ${index + 1} has no "${separator}": write one name${separator}value per line.` };
    pairs.push([line.slice(0, at).trim(), line.slice(at + separator.length).trim()]);
  }
  return { pairs, problem: null };
}

/** Line and column of a JSON.parse failure, from the position V8 reports. */
function jsonProblem(body: string): string | null {
  try {
    JSON.parse(body);
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : 'invalid JSON';
    const position = /position (\d+)/.exec(message);
    if (!position) return `The body is not valid JSON: ${message}`;
    const before = body.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return `The body is not valid JSON (line ${line}, column ${column}): ${message.replace(/^[^:]*: /, '').split(', "')[0]}`;
  }
}

function pathProblem(path: string): string | null {
  const trimmed = path.trim();
  if (!trimmed) return 'Enter a path such as /api/tickets.';
  // Absolute URLs are judged by main, which knows the account's own address.
  if (/^https?:\/\//i.test(trimmed)) return null;
  if (trimmed.startsWith('//')) return 'A path starting with // names another host: the console only talks to this account.';
  if (!trimmed.startsWith('/api/')) return 'The console only calls this account\'s API: the path must start with /api/.';
  if (trimmed.includes('?')) return 'Put query parameters in the Query box, one name=value per line.';
  return null;
}

export function draftProblems(draft: RequestDraft): DraftProblems {
  const body = draft.method !== 'GET' && draft.body.trim() ? jsonProblem(draft.body) : null;
  return {
    path: pathProblem(draft.path),
    query: parsePairs(draft.query, '=').problem,
    headers: parsePairs(draft.headers, ':').problem,
    body,
  };
}

export function firstProblem(problems: DraftProblems): string | null {
  return problems.path ?? problems.query ?? problems.headers ?? problems.body;
}

export function toRequest(draft: RequestDraft): ApiRequestInput {
  return {
    method: draft.method,
    path: draft.path.trim(),
    query: parsePairs(draft.query, '=').pairs,
    headers: parsePairs(draft.headers, ':').pairs,
    // A GET carries no body; what was typed stays in the editor.
    body: draft.method !== 'GET' && draft.body.trim() ? draft.body : null,
  };
}

export function pairsToText(pairs: readonly [string, string][], separator: string): string {
  return pairs.map(([name, value]) => `${name}${separator}${value}`).join('\n');
}

/** The same query with `cursor` set, for "Next page". */
export function withCursor(query: string, cursor: string): string {
  const kept = query.split('\n').filter((line) => line.trim() && !/^\s*cursor\s*=/.test(line));
  return [...kept, `cursor=${cursor}`].join('\n');
}
