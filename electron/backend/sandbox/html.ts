// HTML for the sandbox's pages: escaped, script-free, readable. Every page says it is a local sandbox.

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const style = `
body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1d2330}
.banner{background:#fff3cd;border:1px solid #e0c36a;padding:.5rem .75rem;border-radius:6px;font-weight:600}
code{background:#f1f3f5;padding:0 .25rem;border-radius:3px}
li{margin:.25rem 0} .warn{color:#8a4b00} .error{color:#a01919}
button{font-size:1rem;padding:.4rem 1.2rem;margin-right:.5rem}
`;

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${style}</style></head>
<body><p class="banner">Local sandbox — fake data</p>
${body}
</body></html>`;
}

/** A plain error page: used wherever redirecting would send the browser to an unverified address. */
export function errorPage(title: string, message: string): string {
  return page(title, `<h1 class="error">${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
}
