// Which page is ours: the built renderer's index.html, loaded from a file:// URL. IPC senders and
// navigations are judged against it. Query strings and fragments are ignored (the UI may route with
// the hash); scheme, host and path must match exactly.

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function isOwnRendererUrl(candidate: string, rendererUrl: string): boolean {
  const actual = parse(candidate);
  const expected = parse(rendererUrl);
  if (!actual || !expected) return false;
  return (
    actual.protocol === expected.protocol &&
    actual.host === expected.host &&
    actual.username === '' &&
    actual.password === '' &&
    actual.pathname === expected.pathname
  );
}

/** A navigation is harmless only when it stays in the same document (e.g. a hash change). */
export function isAllowedNavigation(details: { isSameDocument: boolean; url: string }, rendererUrl: string): boolean {
  return details.isSameDocument && isOwnRendererUrl(details.url, rendererUrl);
}
