// Which redirect_uri values a registered client may use: exact string match, plus RFC 8252 §7.3:
// a registered loopback IP redirect (http://127.0.0.1 or http://[::1]) matches on any port.

function loopbackParts(value: string): { host: string; rest: string } | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' || (url.hostname !== '127.0.0.1' && url.hostname !== '[::1]')) return null;
    return { host: url.hostname, rest: `${url.pathname}${url.search}` };
  } catch {
    return null;
  }
}

export function redirectUriAllowed(registered: readonly string[], sent: string): boolean {
  if (registered.includes(sent)) return true;
  const sentParts = loopbackParts(sent);
  if (!sentParts) return false;
  return registered.some((candidate) => {
    const parts = loopbackParts(candidate);
    return parts !== null && parts.host === sentParts.host && parts.rest === sentParts.rest;
  });
}
