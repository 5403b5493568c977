// The token endpoint, discovery and JWKS must answer JSON. A wrong subdomain on gorgias.com answers
// a 404 *web page*, so an HTML body gets its own error and a hint, not a JSON parse error.
import { WorkbenchError } from '../../common/errors';
import type { HttpResponse } from './http-client';

export function looksLikeHtml(response: Pick<HttpResponse, 'headers' | 'text'>): boolean {
  const type = response.headers['content-type'] ?? '';
  if (type.includes('text/html') || type.includes('application/xhtml')) return true;
  return /^\s*<(!doctype|html|head|body|\?xml|[a-z])/i.test(response.text);
}

/** Parses the body as JSON or throws HTML_RESPONSE / BAD_RESPONSE naming what was expected. */
export function expectJson(response: HttpResponse, what: string): unknown {
  if (looksLikeHtml(response)) {
    throw new WorkbenchError(
      'HTML_RESPONSE',
      `The server answered a web page, not JSON — is the subdomain right? (${what}, HTTP ${response.status})`,
      { status: response.status, host: response.host },
    );
  }
  if (response.text.trim().length === 0) {
    throw new WorkbenchError('BAD_RESPONSE', `The server answered an empty body where ${what} was expected (HTTP ${response.status}).`, { status: response.status, host: response.host });
  }
  if (response.json !== undefined) return response.json;
  try {
    return JSON.parse(response.text) as unknown;
  } catch {
    throw new WorkbenchError('BAD_RESPONSE', `The server's answer is not JSON where ${what} was expected (HTTP ${response.status}).`, { status: response.status, host: response.host });
  }
}

/** As expectJson, and the value must be a JSON object. */
export function expectJsonObject(response: HttpResponse, what: string): Record<string, unknown> {
  const value = expectJson(response, what);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new WorkbenchError('BAD_RESPONSE', `The server answered JSON that is not an object where ${what} was expected (HTTP ${response.status}).`, { status: response.status, host: response.host });
  }
  return value as Record<string, unknown>;
}
