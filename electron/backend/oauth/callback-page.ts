// The small page the browser gets from the loopback server: what happened, in words, and nothing
// else — no script, no external resource, no secret. Strict headers keep the code in the URL from
// leaking through a Referer and the page from being framed or cached.
export interface PageResult {
  status: number;
  title: string;
  message: string;
  ok: boolean;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);

export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
  connection: 'close',
};

export function renderPage(page: PageResult): string {
  const colour = page.ok ? '#1a7f37' : '#b42318';
  // Messages may quote the server's error_description: cut long ones, escape everything.
  const message = page.message.length > 600 ? `${page.message.slice(0, 600)}…` : page.message;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(page.title)} — Gorgias OAuth Workbench</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#222}h1{font-size:1.3rem;color:${colour}}p{white-space:pre-wrap}</style>
</head><body><h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(message)}</p>
<p>You can close this tab and go back to the Gorgias OAuth Workbench.</p></body></html>
`;
}
