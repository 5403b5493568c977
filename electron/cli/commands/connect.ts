// gorgias-workbench connect --app A --account B [--mode loopback|paste] [--no-open] [--json]
// Prints the authorize URL and the flow's steps on stderr, opens the browser (WORKBENCH_BROWSER or the
// OS's opener) unless --no-open, waits for the flow's end (its own timeout), Ctrl+C cancels it.
// Paste mode reads the URL the browser landed on from stdin.
import type { Command } from 'commander';
import type { FlowError, FlowView, InstallDetail } from '../../common/model';
import { CliError } from '../cli-error';
import { examples, resolveTarget, withSession, type CliContext } from '../command-kit';
import { EXIT } from '../exit-codes';
import { printJson } from '../io';
import type { Session } from '../session';
import { readLine } from '../stdin';

interface ConnectOptions {
  app: string;
  account: string;
  mode?: 'loopback' | 'paste';
  open: boolean;
  json?: boolean;
}

const STEP_TEXT: Record<string, string> = {
  started: 'started',
  'browser-opened': 'waiting for the browser to come back (approve the app there)…',
  'waiting-for-paste': 'waiting for the URL the browser landed on (paste it here and press Enter)…',
  'callback-received': 'callback received',
  exchanging: 'exchanging the code for tokens',
  verifying: 'verifying the tokens',
  stored: 'stored',
};

const ENDED = new Set(['stored', 'failed', 'cancelled']);

/** Listens from before the flow starts (it may end before flows.start has even answered). */
function flowWatcher(session: Session, onStep: (flow: FlowView) => void): { ended(flowId: string): Promise<FlowView>; stop(): void } {
  const seen: FlowView[] = [];
  let waiter: { flowId: string; resolve(flow: FlowView): void } | null = null;
  const settle = () => {
    if (!waiter) return;
    const mine = seen.filter((flow) => flow.id === waiter!.flowId);
    mine.forEach(onStep);
    seen.length = 0;
    const end = mine.find((flow) => ENDED.has(flow.step));
    if (end) waiter.resolve(end);
  };
  const stop = session.backend.subscribe((event, payload) => {
    if (event !== 'flow.progress') return;
    seen.push(payload as FlowView);
    settle();
  });
  return {
    ended: (flowId) =>
      new Promise<FlowView>((resolve) => {
        waiter = { flowId, resolve };
        settle();
      }),
    stop,
  };
}

export function registerConnect(program: Command, context: CliContext): void {
  program
    .command('connect')
    .description('Install an app on an account through the OAuth flow (opens the browser)')
    .requiredOption('--app <app>', 'the app, by name, id or client id')
    .requiredOption('--account <account>', 'the account, by label, id or subdomain')
    .option('--mode <mode>', 'paste: for this flow only, paste back the address the browser lands on (any app); loopback: the app\'s own listener')
    .option('--no-open', 'do not open the browser: open the printed URL yourself')
    .option('--json', 'print the new install (tokens masked) as JSON')
    .addHelpText(
      'after',
      examples(
        'gorgias-workbench connect --app "Demo app" --account sandbox',
        'gorgias-workbench connect --app "My app" --account acme --no-open',
        'gorgias-workbench connect --app "My app" --account acme --mode paste --no-open   # remote machine: paste the landed URL',
        'WORKBENCH_BROWSER="my-approver --headless" gorgias-workbench connect --app "My app" --account acme',
      ),
    )
    .action(async (options: ConnectOptions, command: Command) => {
      if (options.mode && options.mode !== 'loopback' && options.mode !== 'paste') throw CliError.usage('--mode is loopback or paste.');
      const detail = await withSession(
        command,
        context,
        async (session) => {
          // From here on Ctrl+C cancels the flow instead of killing the process mid-write (taken over
          // only now that the vault's modules are loaded: see CliContext.interrupted).
          const interrupted = context.interrupted;
          const { app, account } = await resolveTarget(session, options);
          // --mode paste works for any app, for this flow only (flows.start's one-off override; the app
          // keeps its mode). --mode loopback needs the app's own listener settings: a paste-mode app's
          // registered redirect is not a loopback URL.
          const flowMode = options.mode === 'paste' || app.redirect.mode === 'paste' ? 'paste' : 'loopback';
          if (options.mode === 'loopback' && app.redirect.mode === 'paste') {
            throw CliError.usage(`"${app.name}" is set up for paste redirects; change its redirect mode in the app, or use --mode paste.`);
          }
          let last = '';
          const report = (flow: FlowView) => {
            if (flow.step === last) return;
            last = flow.step;
            const text = STEP_TEXT[flow.step];
            if (text) context.io.err(`· ${text}`);
          };
          const watcher = flowWatcher(session, report);
          try {
            const started = await session.call<FlowView>('flows.start', { appId: app.id, accountId: account.id, ...(options.mode === 'paste' ? { mode: 'paste' } : {}) });
            context.io.err(`Sign-in URL (open it in a browser if none opened):\n  ${started.authorizeUrl}`);
            const ended = watcher.ended(started.id);
            if (flowMode === 'paste') {
              const line = await Promise.race([readLine(), interrupted.then(() => null)]);
              if (line) await session.call<FlowView>('flows.paste', { flowId: started.id, url: line });
            }
            const outcome = await Promise.race([ended, interrupted.then(() => null)]);
            if (outcome === null) {
              await session.call<FlowView>('flows.cancel', { flowId: started.id }).catch(() => undefined);
              throw new CliError('FLOW_CANCELLED', 'Cancelled: nothing was stored.', EXIT.INTERRUPTED);
            }
            if (outcome.error || !outcome.installId) {
              const error: FlowError = outcome.error ?? { code: 'OAUTH_ERROR', message: `The flow ended as ${outcome.step}.`, failedChecks: [] };
              // The failed checks come as data (claim, expected, actual): one line each.
              const checks = error.failedChecks.map((check) => `\n  ${check.label}: expected ${check.expected ?? '—'}, got ${check.actual ?? '—'}`).join('');
              throw CliError.from({ code: error.code as never, message: `${error.message}${checks}${error.hint ? `\n${error.hint}` : ''}` });
            }
            return session.call<InstallDetail>('installs.get', { id: outcome.installId });
          } finally {
            watcher.stop();
          }
        },
        { openBrowser: options.open },
      );
      if (options.json) printJson(context.io, detail);
      else context.io.out(detail.id);
      context.io.err(`Connected: install ${detail.id}, access token valid until ${detail.expiresAt ?? 'an unknown time'}.`);
    });
}
