// Where a console request may go: only under /api/ of the install's own account. The console holds a
// live token, so a path that escapes (another host, `..`, an encoded slash trick) would hand that
// token to someone else: refused before anything is sent.
import { WorkbenchError } from '../../../common/errors';

interface RequestTarget {
  /** Full URL to call. */
  url: string;
  /** Path relative to the account, starting with /api/ (no query): what the scope catalogue reads. */
  apiPath: string;
}

const PATH_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/;

function refuse(message: string, details: Record<string, string> = {}): never {
  throw new WorkbenchError('PATH_NOT_ALLOWED', message, details);
}

function decodeSafely(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    refuse('The path has a broken %-escape. Write it plainly, e.g. /api/tickets/12.');
  }
}

/** `path` as typed; an absolute URL is accepted only when it is this account's own /api/ URL. */
function relativePart(baseUrl: string, path: string): string {
  const trimmed = path.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//') || trimmed.startsWith('\\\\')) {
    const base = new URL(baseUrl);
    let given: URL;
    try {
      given = new URL(trimmed);
    } catch {
      refuse('That is not a path under /api/. Give a path such as /api/tickets.');
    }
    const basePath = base.pathname.replace(/\/+$/, '');
    if (given.origin !== base.origin || !given.pathname.startsWith(`${basePath}/api/`) || given.username || given.password) {
      refuse(`The console only talks to this install's account (${base.host}${basePath}). Give a path such as /api/tickets, not another host.`, { host: given.host || 'unknown' });
    }
    return `${given.pathname.slice(basePath.length)}${given.search}`;
  }
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

export function buildRequestTarget(baseUrl: string, path: string, query: readonly (readonly [string, string])[]): RequestTarget {
  const relative = relativePart(baseUrl, path);
  if (relative.includes('#')) refuse('A fragment (#…) is never sent to a server; remove it from the path.');
  const questionMark = relative.indexOf('?');
  const rawPath = questionMark >= 0 ? relative.slice(0, questionMark) : relative;
  const rawQuery = questionMark >= 0 ? relative.slice(questionMark + 1) : '';
  if (!PATH_CHARS.test(rawPath)) refuse('The path has characters that must be escaped (spaces, quotes, backslashes…). Put parameters in the query list instead.');
  const segments = rawPath.split('/');
  if (segments[1] !== 'api' || segments.length < 3 || segments[2] === '') {
    refuse('The console only calls the REST API: the path must start with /api/ (e.g. /api/account).');
  }
  for (const segment of segments.slice(1)) {
    const decoded = decodeSafely(segment);
    if (decoded === '.' || decoded === '..' || decoded.includes('/') || decoded.includes('\\')) {
      refuse('The path may not contain "." or ".." segments or encoded slashes: it must stay under /api/.');
    }
  }
  const base = baseUrl.replace(/\/+$/, '');
  const params = new URLSearchParams(rawQuery);
  for (const [name, value] of query) {
    if (name.length === 0) continue;
    params.append(name, value);
  }
  const search = params.toString();
  const url = `${base}${rawPath}${search ? `?${search}` : ''}`;
  // Belt and braces: what URL() makes of it must still be under the account's /api/.
  const parsed = new URL(url);
  const baseParsed = new URL(base);
  if (parsed.origin !== baseParsed.origin || !parsed.pathname.startsWith(`${baseParsed.pathname.replace(/\/+$/, '')}/api/`)) {
    refuse("The path does not stay under this account's /api/.");
  }
  return { url, apiPath: rawPath };
}
