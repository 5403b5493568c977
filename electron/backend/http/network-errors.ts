// Turns what `fetch` throws into errors a person can act on. Node's fetch (undici) throws a bare
// `TypeError: fetch failed` and hides the reason in `cause` (sometimes two levels down).
import { WorkbenchError } from '../../common/errors';

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);

function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== null && current !== undefined && chain.length < 8) {
    chain.push(current);
    current = typeof current === 'object' ? (current as { cause?: unknown }).cause : undefined;
  }
  return chain;
}

function codesIn(error: unknown): string[] {
  const codes: string[] = [];
  for (const link of causeChain(error)) {
    if (link && typeof link === 'object') {
      const code = (link as { code?: unknown }).code;
      if (typeof code === 'string') codes.push(code);
      // AggregateError (happy eyeballs over several addresses) keeps the reasons in `errors`.
      const inner = (link as { errors?: unknown }).errors;
      if (Array.isArray(inner)) for (const item of inner) codes.push(...codesIn(item));
    }
  }
  return codes;
}

function isTimeout(error: unknown): boolean {
  return causeChain(error).some((link) => {
    const name = (link as { name?: unknown } | null)?.name;
    const code = (link as { code?: unknown } | null)?.code;
    return name === 'TimeoutError' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT';
  });
}

/** `host` is shown to the user; it never carries a query string (which may hold a code). */
export function mapNetworkError(error: unknown, host: string, timeoutMs: number): WorkbenchError {
  if (error instanceof WorkbenchError) return error;
  if (isTimeout(error)) {
    return new WorkbenchError('NETWORK_TIMEOUT', `${host} did not answer within ${Math.round(timeoutMs / 1000)} s.`, { host, timeoutMs }, { cause: error });
  }
  const codes = codesIn(error);
  const dns = codes.find((code) => DNS_CODES.has(code));
  if (dns) {
    return new WorkbenchError('NETWORK_DNS', `The name ${host} could not be resolved (${dns}): check the subdomain and your connection.`, { host, cause: dns }, { cause: error });
  }
  const socket = codes.find((code) => code.startsWith('E') || code.startsWith('UND_ERR'));
  if (socket === 'ECONNREFUSED') {
    return new WorkbenchError('NETWORK_CONNECTION', `${host} refused the connection (ECONNREFUSED): nothing is listening there.`, { host, cause: socket }, { cause: error });
  }
  return new WorkbenchError(
    'NETWORK_CONNECTION',
    `The connection to ${host} failed${socket ? ` (${socket})` : ''}: check your connection, proxy or VPN.`,
    { host, cause: socket ?? null },
    { cause: error },
  );
}
