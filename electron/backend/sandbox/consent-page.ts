// The consent page: what the app asks for, as whom, and Approve / Deny. No JavaScript: a plain form
// that posts a server-side transaction id (never the raw authorize parameters) back to the sandbox.
import { scopeInfo, scopeWarnings } from '../../common/gorgias/scopes';
import { escapeHtml, page } from './html';
import type { FakeUser } from './fake-data';
import type { SandboxQuirks } from './types';

/** Each active 2021 quirk, said where the tester sees it: strict OIDC libraries refuse them. */
export function quirkNotes(quirks: SandboxQuirks): string[] {
  const notes: string[] = [];
  if (quirks.numericSub) notes.push('id_token "sub" is a number (Gorgias\'s 2021 docs); today it is a string like "202827-347532179". Strict OIDC libraries refuse a numeric sub.');
  if (quirks.expiresIn === 0) notes.push('expires_in is 0 (Gorgias\'s 2021 docs); today it is 86400. Read the expiry from the access token\'s exp.');
  if (quirks.issuerWithoutIdp) notes.push('iss is the account URL without /idp (Gorgias\'s 2021 docs); today it ends in /idp.');
  if (quirks.rotateRefreshTokens) notes.push('Refresh tokens rotate (Gorgias does not): each refresh returns a new one and kills the old.');
  return notes;
}

export interface ConsentPageInput {
  accountName: string;
  subdomain: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  users: FakeUser[];
  transactionId: string;
  action: string;
  quirks: SandboxQuirks;
}

function styleNote(quirks: SandboxQuirks): string {
  const notes = quirkNotes(quirks);
  if (notes.length === 0) return '<p class="style">Sandbox style: today\'s Gorgias (string sub, expires_in 86400, iss ending in /idp).</p>';
  return `<p class="style warn">Sandbox style: quirks switched on —</p><ul class="style">${notes.map((n) => `<li class="warn">${escapeHtml(n)}</li>`).join('')}</ul>`;
}

export function consentPage(input: ConsentPageInput): string {
  const scopeItems = input.scopes
    .map((scope) => {
      const info = scopeInfo(scope);
      const note = info?.deprecated ? ' <span class="warn">(deprecated)</span>' : '';
      return `<li><code>${escapeHtml(scope)}</code>${note} — ${escapeHtml(info?.description ?? 'Unknown scope')}</li>`;
    })
    .join('\n');
  const warnings = scopeWarnings(input.scopes)
    .map((w) => `<li class="warn">${escapeHtml(w.message)}</li>`)
    .join('\n');
  const options = input.users
    .map((u, i) => `<option value="${u.id}"${i === 0 ? ' selected' : ''}>${escapeHtml(`${u.name} — ${u.role.name} (id ${u.id})`)}</option>`)
    .join('\n');
  return page(
    `Authorize ${input.clientId} — sandbox`,
    `<h1>Authorize an app on ${escapeHtml(input.accountName)}</h1>
<p>Account <code>${escapeHtml(input.subdomain)}</code> (emulated). The app <code>${escapeHtml(input.clientId)}</code> asks for:</p>
<ul>
${scopeItems}
</ul>
${warnings ? `<ul>\n${warnings}\n</ul>` : ''}
${styleNote(input.quirks)}
<p>After your decision the browser goes to <code>${escapeHtml(input.redirectUri)}</code>.</p>
<form method="post" action="${escapeHtml(input.action)}">
<input type="hidden" name="transaction_id" value="${escapeHtml(input.transactionId)}">
<p><label for="user_id">User</label>
<select id="user_id" name="user_id">
${options}
</select></p>
<p><button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button></p>
</form>`,
  );
}
