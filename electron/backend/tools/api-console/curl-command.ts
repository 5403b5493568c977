// "Copy as curl": the request as a shell command. The token is a shell variable unless the user asks
// for it, so a pasted command does not leak it by default.
import { isSecretName } from '../../activity/redact';
import type { PreparedRequest } from './prepare-request';

const TOKEN_VARIABLE = 'GORGIAS_ACCESS_TOKEN';

/** POSIX single quotes: everything literal; a quote becomes '\''. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `X-Api-Key` → `X_API_KEY`: a name the shell accepts. */
export function headerVariable(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '_').replace(/^(\d)/, '_$1');
}

export function buildCurl(prepared: Pick<PreparedRequest, 'method' | 'url' | 'headers' | 'body'>, token: string | null): string {
  const parts: string[] = ['curl', '-sS'];
  if (prepared.method !== 'GET') parts.push('-X', prepared.method);
  parts.push(shellQuote(prepared.url));
  // Double quotes here so the shell expands the variable; nothing else is inside them.
  parts.push('-H', token === null ? `"Authorization: Bearer $${TOKEN_VARIABLE}"` : shellQuote(`Authorization: Bearer ${token}`));
  parts.push('-H', shellQuote('Accept: application/json'));
  for (const [name, value] of Object.entries(prepared.headers)) {
    if (name === 'accept') continue;
    // A secret-named header (X-Api-Key…) is a shell variable too, unless the user asked for secrets.
    // The name stays single-quoted (it may hold shell characters); only the variable is expanded.
    if (token === null && isSecretName(name)) parts.push('-H', `${shellQuote(`${name}: `)}"$${headerVariable(name)}"`);
    else parts.push('-H', shellQuote(`${name}: ${value}`));
  }
  if (prepared.body !== null) {
    if (!('content-type' in prepared.headers)) parts.push('-H', shellQuote('Content-Type: application/json'));
    parts.push('--data-raw', shellQuote(prepared.body));
  }
  return parts.join(' ');
}
