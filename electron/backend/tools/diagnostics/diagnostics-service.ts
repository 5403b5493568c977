// "What is wrong with this install?": runs every check in order and explains each with its fix.
// Opening it changes nothing: the read-only checks run (the stored tokens, two GETs to the API).
// A real refresh, which gives the install a new access token, runs only when asked (`refresh`).
// A revoked install says so once instead of "refresh token present" next to "refresh fails".
import type { DiagnosticCheck, DiagnosticsResult } from '../../../common/tools/tool-results';
import type { HttpClient } from '../../http/http-client';
import type { KeyResolver } from '../../oauth/checks/key-resolver';
import type { DomainService } from '../../service';
import type { ToolsDeps } from '../deps';
import { HAR_CREATOR_NAME } from '../har/har-service';
import { findInstall } from '../../installs/refresher';
import { loadInstallContext } from '../context/install-context';
import { createScrubber } from '../context/known-secrets';
import { apiProbe, clockSkewCheck, rateLimitCheck, refreshCheck, refreshNotTried } from './live-checks';
import { diagnosticsMarkdown } from './report-markdown';
import { scopeCoverageCheck } from './scope-coverage';
import { causeOf } from './cause';
import { expiryCheck, presenceChecks, revokedCheck, signatureAndClaimChecks } from './token-checks';

const RANK: Record<DiagnosticCheck['outcome'], number> = { pass: 0, unchecked: 0, warn: 1, fail: 2 };

function overallOf(checks: readonly DiagnosticCheck[]): DiagnosticsResult['overall'] {
  const worst = Math.max(0, ...checks.map((c) => RANK[c.outcome]));
  return worst === 2 ? 'fail' : worst === 1 ? 'warn' : 'pass';
}

export function createDiagnosticsService(deps: ToolsDeps, http: HttpClient, keys: KeyResolver): DomainService<'diagnostics'> {
  const lastRuns = new Map<string, DiagnosticsResult>();

  async function run(installId: string, tryRefresh: boolean): Promise<DiagnosticsResult> {
    const context = await loadInstallContext(deps, installId);
    const revoked = revokedCheck(context, deps.clock.now());
    const presence = presenceChecks(context).filter((c) => !(revoked && c.id === 'token.refresh-present'));
    const checks: DiagnosticCheck[] = [...presence, ...(revoked ? [revoked] : []), expiryCheck(context, deps.clock.now())];
    const [signature, claims] = await signatureAndClaimChecks(context, keys);
    checks.push(signature!, claims!);
    // Revoked here: unless asked, the refresh is neither tried nor reported (the revoked row says
    // it all). Asked, it tells whether the server honours the revoke.
    const refreshed = tryRefresh;
    if (refreshed) checks.push(await refreshCheck(deps, context));
    else if (!revoked) checks.push(refreshNotTried(context));
    const sentAt = deps.clock.now();
    const account = await apiProbe(deps, http, context, 'api.account', '/api/account', 'account:read');
    const receivedAt = deps.clock.now();
    const user = await apiProbe(deps, http, context, 'api.user', '/api/users/0', 'users:read');
    checks.push(clockSkewCheck(account.response ?? user.response, sentAt, receivedAt), account.check, user.check);
    const install = findInstall(deps, installId);
    const entries = deps.vault.activity.list({ accountId: install.accountId, kind: 'api', limit: 10_000 }).entries.filter((entry) => entry.installId === installId);
    checks.push(scopeCoverageCheck(entries, context.baseUrl, install.grantedScopes));
    checks.push(rateLimitCheck(user.response ?? account.response));
    const result: DiagnosticsResult = {
      installId,
      at: new Date(deps.clock.now()).toISOString(),
      app: context.app?.name ?? 'Deleted app',
      account: context.account.label || context.account.subdomain,
      baseUrl: context.baseUrl,
      checks,
      overall: overallOf(checks),
      cause: causeOf(checks),
      refreshed,
    };
    lastRuns.set(installId, result);
    return result;
  }

  return {
    'diagnostics.run': ({ installId, refresh }) => run(installId, refresh === true),

    async 'diagnostics.report'({ installId, copy }) {
      // The report describes what the user just saw; run only when nothing was run yet.
      const result = lastRuns.get(installId) ?? (await run(installId, false));
      const markdown = createScrubber(deps.vault)(diagnosticsMarkdown(result, { name: HAR_CREATOR_NAME, version: deps.appVersion ?? '0.0.0' }));
      if (copy) {
        deps.clipboard.writeText(markdown);
        deps.events.emit('notice', { level: 'info', message: 'The diagnostics report is on the clipboard (no secrets in it).' });
      }
      return { markdown, copied: Boolean(copy) };
    },
  };
}
