// Every test runs with the network shut: only loopback (127.0.0.0/8, ::1, localhost) and local
// sockets (Unix paths, pipes) can be reached, whatever the client: fetch, node:http/https, net,
// tls or dns. Anything else fails at once, before a DNS query or a packet leaves, so a test that
// forgot a fake cannot quietly reach the internet (or hang on a firewall). test/unit/setup proves it.
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

const OFFLINE = 'tests are offline';

export function isLoopbackHost(host: string | undefined | null): boolean {
  if (host === undefined || host === null || host === '') return true; // Node's default: localhost
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1' || bare.endsWith('.localhost')) return true;
  const v4 = bare.startsWith('::ffff:') ? bare.slice(7) : bare;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

function offlineError(host: string, code: string, syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${syscall} ${code} ${host} (${OFFLINE})`), { code, syscall, hostname: host });
}

// fetch: fail the way undici fails on a name that does not resolve, which the app's error mapping
// and the tests' expectations know.
const realFetch = globalThis.fetch.bind(globalThis);
globalThis.fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!isLoopbackHost(url.hostname)) {
    throw new TypeError('fetch failed', { cause: offlineError(url.hostname, 'ENOTFOUND', 'getaddrinfo') });
  }
  return realFetch(input, init);
};

// Every TCP and TLS client (http, https, net, tls, undici) ends in Socket.prototype.connect.
type Connect = (this: net.Socket, ...args: unknown[]) => net.Socket;
const realConnect = net.Socket.prototype.connect as unknown as Connect;
function targetHost(args: unknown[]): { host: string | undefined; local: boolean } {
  let first = args[0];
  // net's internal form: connect([options, callback]).
  if (Array.isArray(first)) first = first[0];
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: string; path?: string };
    return { host: options.host, local: typeof options.path === 'string' };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { host: undefined, local: true }; // a Unix socket path
  return { host: typeof args[1] === 'string' ? args[1] : undefined, local: false };
}
(net.Socket.prototype as unknown as { connect: Connect }).connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const { host, local } = targetHost(args);
  if (!local && !isLoopbackHost(host)) {
    process.nextTick(() => this.destroy(offlineError(String(host), 'ECONNREFUSED', 'connect')));
    return this;
  }
  return realConnect.apply(this, args);
};

// DNS: no query for a name outside loopback.
type Callback = (error: NodeJS.ErrnoException | null, ...rest: unknown[]) => void;
const realLookup = dns.lookup;
(dns as { lookup: unknown }).lookup = function guardedLookup(hostname: string, ...rest: unknown[]) {
  const callback = rest.at(-1) as Callback;
  if (!isLoopbackHost(hostname)) {
    process.nextTick(() => callback(offlineError(hostname, 'ENOTFOUND', 'getaddrinfo')));
    return {};
  }
  return (realLookup as unknown as (...args: unknown[]) => unknown)(hostname, ...rest);
};
const realPromiseLookup = dns.promises.lookup;
(dns.promises as { lookup: unknown }).lookup = async (hostname: string, ...rest: unknown[]) => {
  if (!isLoopbackHost(hostname)) throw offlineError(hostname, 'ENOTFOUND', 'getaddrinfo');
  return (realPromiseLookup as unknown as (...args: unknown[]) => Promise<unknown>)(hostname, ...rest);
};
for (const name of ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv'] as const) {
  (dns as unknown as Record<string, unknown>)[name] = (hostname: string, ...rest: unknown[]) => {
    const callback = rest.at(-1) as Callback;
    process.nextTick(() => callback(offlineError(hostname, 'ENOTFOUND', `query${name.slice(7)}`)));
  };
  (dns.promises as unknown as Record<string, unknown>)[name] = async (hostname: string) => {
    throw offlineError(hostname, 'ENOTFOUND', `query${name.slice(7)}`);
  };
}
// `import { lookup } from 'node:dns'` sees the guarded functions too.
syncBuiltinESMExports();
