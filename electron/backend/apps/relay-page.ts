// The relay page handed to the user for ONE app: its loopback port and path are baked in, so the
// page works as saved (no constant to edit, no fragment override). Gorgias's partner portal may
// refuse a loopback redirect URL; the partner hosts this file on an https domain they own and
// registers that URL. The page only ever forwards its query to 127.0.0.1 on this computer.
import { WorkbenchError } from '../../common/errors';
import type { RedirectSettings } from '../../common/model';

const PATH_PATTERN = /^\/[A-Za-z0-9._~\-/]*$/;

export interface RelayPage {
  html: string;
  /** A file name to save it under, from the relay URL's last segment when it has one. */
  fileName: string;
  /** Where it forwards: http://127.0.0.1:{port}{path}. */
  forwardsTo: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function fileNameOf(relayUrl: string): string {
  try {
    const last = new URL(relayUrl).pathname.split('/').pop() ?? '';
    if (/^[A-Za-z0-9._-]+\.html?$/.test(last)) return last;
  } catch {
    // Falls through to the default name.
  }
  return 'gorgias-relay.html';
}

export function relayPageFor(appName: string, redirect: RedirectSettings): RelayPage {
  if (redirect.mode !== 'relay') {
    throw new WorkbenchError('INVALID_ARGUMENT', 'This app does not use a relay page: set its redirect mode to "Relay page (https)" and Save first.', { field: 'redirect.mode' });
  }
  const { port, path } = redirect;
  if (!Number.isInteger(port) || port < 1024 || port > 65535) {
    throw new WorkbenchError('INVALID_ARGUMENT', 'A relay page forwards to a fixed loopback port: pick one from 1024 to 65535 and Save.', { field: 'redirect.port' });
  }
  if (!PATH_PATTERN.test(path)) {
    throw new WorkbenchError('INVALID_ARGUMENT', 'The path starts with / and uses URL-safe characters, e.g. /callback.', { field: 'redirect.path' });
  }
  const forwardsTo = `http://127.0.0.1:${port}${path}`;
  // Port and path are checked above, so they are safe inside a JS string and in HTML.
  const html = `<!doctype html>
<!--
  Gorgias OAuth Workbench: relay page for the app "${escapeHtml(appName).replace(/--/g, '- -')}".

  Made for this app: it forwards to ${forwardsTo} (the app's loopback port and path in the
  workbench). Host this file as is over https on a domain you own, at the Relay URL set on the app
  (${escapeHtml(redirect.relayUrl || 'e.g. https://example.com/gorgias-relay.html')}), and register that https URL as a Redirect URL of
  your Gorgias app. Gorgias sends the browser here with ?code=…&state=…; this page forwards that
  query, unchanged, to the workbench on the same computer. If you change the app's port or path,
  save the page again from the app form.

  It only ever forwards to 127.0.0.1 (never to another host), loads nothing, stores nothing and
  sends nothing anywhere else.
-->
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
<meta name="referrer" content="no-referrer">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<title>Forwarding to the Gorgias OAuth Workbench</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#222}code{background:#f3f3f3;padding:0 .2em}</style>
</head>
<body>
<h1>Forwarding to the Gorgias OAuth Workbench…</h1>
<p id="status">This page passes the Gorgias sign-in on to the workbench running on your computer (<code>${forwardsTo}</code>).</p>
<noscript>
  <p><strong>JavaScript is off, so nothing was forwarded.</strong> Copy the full address of this page
  from the address bar and paste it into the workbench (the flow's "Paste the URL" box): the sign-in
  then completes from there.</p>
</noscript>
<script>
(function () {
  var target = 'http://127.0.0.1:${port}${path}';
  var status = document.getElementById('status');
  if (window.location.search.length < 2) {
    status.textContent = 'Nothing to forward: this page expects Gorgias to send the browser here with ?code=…&state=…. ' +
      'It forwards to ' + target + ' on this computer.';
    return;
  }
  status.textContent = 'Forwarding to the workbench on this computer (' + target + ')… If nothing happens, ' +
    'is the workbench running and waiting for this sign-in? You can also copy this page\\'s address and paste it into the workbench.';
  // replace(): the page with the code in its URL does not stay in the history.
  window.location.replace(target + window.location.search);
})();
</script>
</body>
</html>
`;
  return { html, fileName: fileNameOf(redirect.relayUrl), forwardsTo };
}
