// gorgias-workbench sandbox serve [--port N] [--accounts acme,beta] [--style 2026|2021] [--auto-approve]
// The built-in sandbox alone, as a local fake Gorgias for anyone's tests: no vault, no window. Prints
// where everything is on stdout (or one JSON object with --json) and stops cleanly on SIGINT/SIGTERM.
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { DEMO_CLIENT_ID, DEMO_SCOPES } from '../../backend/first-run-seed';
import type { SandboxQuirks } from '../../common/model';
import { CliError } from '../cli-error';
import { examples, type CliContext } from '../command-kit';
import { printJson } from '../io';

interface ServeOptions {
  port: string;
  accounts: string;
  style: string;
  autoApprove?: boolean;
  clientId: string;
  clientSecret?: string;
  redirectUri: string[];
  logRequests?: boolean;
  json?: boolean;
}

/** What the sandbox answers like: Gorgias's 2021 documentation, or what real Gorgias answers in 2026. */
export const SANDBOX_STYLES: Record<string, Partial<SandboxQuirks>> = {
  '2026': { expiresIn: 86400, numericSub: false, rotateRefreshTokens: false },
  '2021': { expiresIn: 0, numericSub: true, rotateRefreshTokens: false },
};

const DEFAULT_REDIRECTS = ['http://127.0.0.1/callback', 'http://[::1]/callback'];
const collect = (value: string, previous: string[]) => [...previous, value];

export function registerSandboxServe(sandbox: Command, context: CliContext): void {
  sandbox
    .command('serve')
    .description('Run the sandbox alone: an emulated Gorgias (OAuth, OpenID discovery, JWKS, REST API) on 127.0.0.1')
    .option('--port <n>', 'port to listen on (0 = any free port)', '0')
    .option('--accounts <list>', 'comma-separated account subdomains, each served under /<subdomain>', 'acme')
    .option('--style <year>', '2026 (what Gorgias answers today: expires_in 86400, string sub) or 2021 (its docs: expires_in 0, numeric sub)', '2026')
    .option('--auto-approve', 'approve every consent at once as the first user (for CI; off by default)')
    .option('--client-id <id>', 'the client id registered in the sandbox', DEMO_CLIENT_ID)
    .option('--client-secret <secret>', 'its client secret (default: a random one, printed)')
    .option('--redirect-uri <url>', 'a redirect URL to register (repeat for more; loopback ones match any port)', collect, [])
    .option('--log-requests', 'print "METHOD /path" of every request on stderr (never queries or bodies)')
    .option('--json', 'print the connection details as one JSON object')
    .addHelpText(
      'after',
      examples(
        'gorgias-workbench sandbox serve --port 8700 --accounts acme,beta',
        'gorgias-workbench sandbox serve --auto-approve --client-secret "$SECRET" --redirect-uri http://localhost:3000/oauth/callback --json',
      ),
    )
    .action(async (options: ServeOptions) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw CliError.usage('--port is 0–65535.');
      const quirks = SANDBOX_STYLES[options.style];
      if (!quirks) throw CliError.usage(`--style is 2026 or 2021, not "${options.style}".`);
      const accounts = options.accounts.split(',').map((name) => name.trim()).filter(Boolean);
      if (accounts.length === 0) throw CliError.usage('--accounts names at least one subdomain.');
      const clientSecret = options.clientSecret ?? randomBytes(24).toString('base64url');
      const redirectUris = options.redirectUri.length ? options.redirectUri : DEFAULT_REDIRECTS;

      // Ctrl+C is taken over before anything is printed: a script that stops us as soon as it reads
      // the details must get a clean stop, not Node's default death.
      const interrupted = context.interrupted;
      let server;
      try {
        // Loaded here: the sandbox (jose, its HTTP server) is for this command only.
        const { startSandbox } = await import('../../backend/sandbox/index');
        server = await startSandbox({
          port,
          quirks,
          autoApprove: Boolean(options.autoApprove),
          ...(options.logRequests ? { onRequest: (method: string, path: string) => context.io.err(`${method} ${path}`) } : {}),
          logger: { error: (message) => context.io.err(message) },
        });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new CliError('PORT_IN_USE', `Cannot listen on 127.0.0.1:${port} (${code ?? 'error'}).`);
      }
      try {
        for (const subdomain of accounts) server.addAccount(subdomain);
      } catch (error) {
        await server.close();
        throw CliError.usage(error instanceof Error ? error.message : 'Invalid account subdomain.');
      }
      server.registerClient({ clientId: options.clientId, clientSecret, redirectUris });

      const details = {
        origin: server.origin,
        accounts: accounts.map((subdomain) => ({
          subdomain,
          baseUrl: server.baseUrlFor(subdomain),
          issuer: `${server.baseUrlFor(subdomain)}/idp`,
          discoveryUrl: `${server.baseUrlFor(subdomain)}/idp/.well-known/openid-configuration`,
        })),
        client: { clientId: options.clientId, clientSecret, redirectUris, scopes: DEMO_SCOPES, tokenEndpointAuth: 'client_secret_basic' },
        autoApprove: Boolean(options.autoApprove),
        style: options.style,
      };
      if (options.json) printJson(context.io, details);
      else {
        context.io.out(
          [
            `Gorgias sandbox (${options.style} style) on ${server.origin}${options.autoApprove ? ' — consent is AUTO-APPROVED' : ''}`,
            '',
            ...details.accounts.flatMap((account) => [`Account "${account.subdomain}"`, `  base URL   ${account.baseUrl}   (in place of https://${account.subdomain}.gorgias.com)`, `  discovery  ${account.discoveryUrl}`]),
            '',
            'Demo client',
            `  client id      ${options.clientId}`,
            `  client secret  ${clientSecret}`,
            `  redirect URLs  ${redirectUris.join(', ')}   (loopback URLs match on any port, RFC 8252 §7.3)`,
            '',
            'Point a partner app at it: use the base URL above wherever your app builds https://{subdomain}.gorgias.com,',
            'or give an OpenID client the discovery URL. Add --client-secret/--redirect-uri to match your app\'s settings.',
            'Press Ctrl+C to stop.',
          ].join('\n'),
        );
      }
      await interrupted;
      await server.close();
      context.io.err('Sandbox stopped.');
    });
}
