// "What is wrong with this install?": runs every check in order and explains each with its fix.
// The refresh check is a real refresh (the install gets a new access token), which is what a person
// fixing an install would do first anyway.
import type { DiagnosticCheck, DiagnosticsResult } from '../../../common/tools/tools-contract';
import type { HttpClient } from '../../http/http-client';
import type { KeyResolver } from '../../oauth/checks/key-resolver';
import type { DomainService } from '../../service';
import type { ToolsDeps } from '../deps';
import { HAR_CREATOR_NAME } from '../har/har-service';
import { findInstall } from '../../installs/refresher';
import { loadInstallContext } from '../shared/install-context';
import { createScrubber } from '../shared/known-secrets';
import { apiProbe, clockSkewCheck, rateLimitCheck, refreshCheck } from './live-checks';
import { diagnosticsMarkdown } from './report-markdown';
import { scopeCoverageCheck } from './scope-coverage';
import { expiryCheck, presenceChecks, signatureAndClaimChecks } from './token-checks';

const RANK: Record<DiagnosticCheck['outcome'], number> = { pass: 0, unchecked: 0, warn: 1, fail: 2 };

function overallOf(checks: readonly DiagnosticCheck[]): DiagnosticsResult['overall'] {
  const worst = Math.max(0, ...checks.map((c) => RANK[c.outcome]));
  return worst === 2 ? 'fail' : worst === 1 ? 'warn' : 'pass';
}

export function createDiagnosticsService(deps: ToolsDeps, http: HttpClient, keys: KeyResolver): DomainService<'diagnostics'> {
  const lastRuns = new Map<string, DiagnosticsResult>();

  async function run(installId: string): Promise<DiagnosticsResult> {
    const context = await loadInstallContext(deps, installId);
    const checks: DiagnosticCheck[] = [...presenceChecks(context), expiryCheck(context, deps.clock.now())];
    const [signature, claims] = await signatureAndClaimChecks(context, keys);
    checks.push(signature!, claims!);
    checks.push(await refreshCheck(deps, context));
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
    };
    lastRuns.set(installId, result);
    deps.events.emit('installs.changed', { installId });
    return result;
  }

  return {
    'diagnostics.run': ({ installId }) => run(installId),

    async 'diagnostics.report'({ installId, copy }) {
      // The report describes what the user just saw; run only when nothing was run yet.
      const result = lastRuns.get(installId) ?? (await run(installId));
      const markdown = createScrubber(deps.vault)(diagnosticsMarkdown(result, { name: HAR_CREATOR_NAME, version: deps.appVersion ?? '0.0.0' }));
      if (copy) {
        deps.clipboard.writeText(markdown);
        deps.events.emit('notice', { level: 'info', message: 'The diagnostics report is on the clipboard (no secrets in it).' });
      }
      return { markdown, copied: Boolean(copy) };
    },
  };
}
