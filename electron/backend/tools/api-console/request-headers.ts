// Headers the user adds to a console request. The install's token is the only credential: no
// Authorization override (it would be sent and logged as the user typed it), no hop-by-hop headers.
import { WorkbenchError } from '../../../common/errors';

const MAX_HEADER_VALUE = 10_000;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const FORBIDDEN = new Set(['authorization', 'proxy-authorization', 'host', 'content-length', 'connection', 'transfer-encoding', 'cookie', 'keep-alive', 'upgrade', 'te', 'trailer', 'expect']);

export function checkHeaders(headers: readonly (readonly [string, string])[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [rawName, value] of headers) {
    const name = rawName.trim();
    if (name.length === 0 && value.length === 0) continue;
    if (!TOKEN.test(name)) throw new WorkbenchError('INVALID_ARGUMENT', `"${name.slice(0, 60)}" is not a valid header name (letters, digits and - only).`, { field: 'headers' });
    const lower = name.toLowerCase();
    if (lower === 'authorization' || lower === 'proxy-authorization') {
      throw new WorkbenchError('INVALID_ARGUMENT', "The console sends the install's own token; an Authorization header cannot be set by hand.", { field: 'headers', header: name });
    }
    if (FORBIDDEN.has(lower)) throw new WorkbenchError('INVALID_ARGUMENT', `The ${name} header is set by the HTTP client, not by hand.`, { field: 'headers', header: name });
    if (value.length > MAX_HEADER_VALUE) {
      throw new WorkbenchError(
        'INVALID_ARGUMENT',
        `The ${name} header value is ${value.length.toLocaleString('en-US')} characters; at most ${MAX_HEADER_VALUE.toLocaleString('en-US')} are sent.`,
        { field: 'headers', header: name, length: value.length },
      );
    }
    if (/[\r\n\0]/.test(value)) throw new WorkbenchError('INVALID_ARGUMENT', `The ${name} header value has a line break or NUL character.`, { field: 'headers', header: name });
    out[lower] = value;
  }
  return out;
}
