// Every test runs with the network shut: fetch reaches 127.0.0.1 / localhost only. Any other
// host fails the way undici fails on a name that does not resolve, before any DNS query is sent,
// so a test that forgot a fake cannot quietly reach the internet (or hang on a firewall).
const realFetch = globalThis.fetch.bind(globalThis);
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

globalThis.fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!LOOPBACK_HOSTS.has(url.hostname)) {
    throw new TypeError('fetch failed', {
      cause: Object.assign(new Error(`getaddrinfo ENOTFOUND ${url.hostname} (tests are offline)`), { code: 'ENOTFOUND', hostname: url.hostname }),
    });
  }
  return realFetch(input, init);
};
