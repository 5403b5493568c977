// The "system browser" for Node tests: opens the sandbox's authorize URL, submits its consent form
// the way a browser would (no JavaScript involved), and follows the redirect to the app's loopback
// callback when it points at 127.0.0.1. Real HTTP throughout, with `redirect: 'manual'`.

export interface ConsentOutcome {
  /** Where the sandbox sent the browser (the app's redirect_uri with code/state or error). */
  redirectedTo: string;
  /** What the loopback callback answered; 0 when the redirect did not point at 127.0.0.1. */
  callbackStatus: number;
  callbackBody: string;
}

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return match ? decodeEntities(match[1] ?? '') : undefined;
}

async function followToLoopback(location: string, beforeCallback?: (location: string) => Promise<void>, follow = true): Promise<ConsentOutcome> {
  if (!follow || !location.startsWith('http://127.0.0.1')) return { redirectedTo: location, callbackStatus: 0, callbackBody: '' };
  await beforeCallback?.(location);
  const callback = await fetch(location, { redirect: 'manual' });
  return { redirectedTo: location, callbackStatus: callback.status, callbackBody: await callback.text() };
}

export async function consentInSandbox(
  authorizeUrl: string,
  options: { approve?: boolean; userId?: number; /** Runs between the sandbox's redirect and the callback (e.g. to take the sandbox down). */ beforeCallback?: (location: string) => Promise<void>; /** false: stop at the redirect, as a browser does when nothing listens there (paste mode). */ followCallback?: boolean } = {},
): Promise<ConsentOutcome> {
  const consent = await fetch(authorizeUrl, { redirect: 'manual' });
  if (consent.status === 302 || consent.status === 303) {
    await consent.body?.cancel();
    return followToLoopback(new URL(consent.headers.get('location') ?? '', authorizeUrl).toString(), options.beforeCallback, options.followCallback);
  }
  const html = await consent.text();
  if (consent.status !== 200) throw new Error(`The authorize page answered ${consent.status}: ${html.slice(0, 300)}`);
  const formTag = /<form\b[^>]*>/i.exec(html)?.[0];
  if (!formTag) throw new Error('The authorize page has no form.');
  const action = new URL(attribute(formTag, 'action') ?? authorizeUrl, authorizeUrl).toString();
  const fields = new URLSearchParams();
  for (const input of html.match(/<input\b[^>]*>/gi) ?? []) {
    if (attribute(input, 'type') !== 'hidden') continue;
    const name = attribute(input, 'name');
    if (name) fields.set(name, attribute(input, 'value') ?? '');
  }
  const selectName = /<select\b[^>]*\bname="([^"]*)"/i.exec(html)?.[1];
  if (selectName) {
    const selected = /<option\b[^>]*value="([^"]*)"[^>]*\bselected\b/i.exec(html)?.[1];
    fields.set(selectName, options.userId !== undefined ? String(options.userId) : decodeEntities(selected ?? ''));
  }
  // Press the button a person would: the one labelled Approve or Deny.
  const label = options.approve === false ? 'Deny' : 'Approve';
  const button = new RegExp(`<button\\b([^>]*)>\\s*${label}\\s*</button>`, 'i').exec(html)?.[1];
  if (!button) throw new Error(`The consent form has no ${label} button.`);
  const buttonName = attribute(button, 'name');
  if (buttonName) fields.set(buttonName, attribute(button, 'value') ?? '');
  const decision = await fetch(action, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: fields.toString(),
  });
  const location = decision.headers.get('location');
  if (!location) throw new Error(`The consent form answered ${decision.status} without a redirect: ${(await decision.text()).slice(0, 300)}`);
  await decision.body?.cancel();
  return followToLoopback(new URL(location, action).toString(), options.beforeCallback, options.followCallback);
}
