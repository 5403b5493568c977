// The consent page: what the app asks for, as whom, and Approve / Deny. No JavaScript: a plain form
// that posts a server-side transaction id (never the raw authorize parameters) back to the sandbox.
import { scopeInfo, scopeWarnings } from '../../common/gorgias/scopes';
import { escapeHtml, page } from './html';
import type { FakeUser } from './fake-data';

export interface ConsentPageInput {
  accountName: string;
  subdomain: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  users: FakeUser[];
  transactionId: string;
  action: string;
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
