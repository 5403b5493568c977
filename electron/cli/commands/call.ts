// gorgias-workbench call METHOD PATH [--query k=v]… [--header 'K: V']… [--data JSON|@file|-] [--all-pages] [--json]
// Calls the Gorgias API as the install, through the same API console the app uses (the body is sent
// as given, byte for byte). Body on stdout; status and the rate-limit readout on stderr. A 429 is
// retried after its Retry-after; --all-pages follows meta.next_cursor.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { API_METHODS } from '../../common/tools/api-methods';
import type { ApiResponseLines, ApiSendResult } from '../../common/tools/tool-results';
import { CliError } from '../cli-error';
import { examples, installOptions, resolveInstall, withSession, type CliContext } from '../command-kit';
import { EXIT } from '../exit-codes';
import { printJson } from '../io';
import type { Session } from '../session';
import { readStdin } from '../stdin';

interface CallOptions {
  app: string;
  account: string;
  user?: string;
  query: string[];
  header: string[];
  data?: string;
  allPages?: boolean;
  json?: boolean;
  yes?: boolean;
  maxRetries: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];
const MAX_PAGES = 1000;

function parseQuery(items: string[]): [string, string][] {
  return items.map((item) => {
    const at = item.indexOf('=');
    if (at <= 0) throw CliError.usage(`--query "${item.slice(0, 60)}" is not key=value.`);
    return [item.slice(0, at), item.slice(at + 1)];
  });
}

function parseHeaders(items: string[]): [string, string][] {
  return items.map((item) => {
    const at = item.indexOf(':');
    if (at <= 0) throw CliError.usage(`--header "${item.slice(0, 60)}" is not "Name: value".`);
    return [item.slice(0, at).trim(), item.slice(at + 1).trim()];
  });
}

async function readBody(data: string | undefined): Promise<string | null> {
  if (data === undefined) return null;
  if (data === '-') return readStdin();
  if (data.startsWith('@')) {
    try {
      return await readFile(data.slice(1), 'utf8');
    } catch (error) {
      throw new CliError('NOT_FOUND', `Cannot read ${data.slice(1)} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, EXIT.NOT_FOUND);
    }
  }
  return data;
}

async function fullBody(session: Session, sent: ApiSendResult): Promise<string> {
  const lines: string[] = [];
  while (lines.length < sent.totalLines) {
    const page = await session.call<ApiResponseLines>('api.responseLines', { responseId: sent.responseId, start: lines.length, count: 10_000 });
    if (page.lines.length === 0) break;
    lines.push(...page.lines);
  }
  return lines.join('\n');
}

function sleepUnlessInterrupted(ms: number, interrupted: Promise<void>): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(true), ms);
    void interrupted.then(() => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

export function registerCall(program: Command, context: CliContext): void {
  installOptions(program.command('call'))
    .argument('<method>', `HTTP method: ${API_METHODS.join(', ')}`)
    .argument('<path>', 'API path, e.g. /api/tickets')
    .description('Call the Gorgias API as the install (token refreshed as needed); the body goes to stdout')
    .option('--query <k=v>', 'a query parameter (repeat for more)', collect, [])
    .option('--header <"K: V">', 'a request header (repeat for more)', collect, [])
    .option('--data <body>', 'the request body: JSON text, @file, or - for stdin (sent byte for byte)')
    .option('--all-pages', 'follow meta.next_cursor and print every page\'s data as one JSON array')
    .option('--json', 'print {status, headers, rateLimit, body} as JSON')
    .option('--yes', 'confirm a write on a production account')
    .option('--max-retries <n>', 'how many times a 429 is retried after its Retry-after', '3')
    .addHelpText(
      'after',
      examples(
        'gorgias-workbench call GET /api/tickets --app "My app" --account acme --query limit=30',
        'gorgias-workbench call POST /api/tags --app "My app" --account acme --data \'{"name":"vip"}\'',
        'gorgias-workbench call GET /api/customers --app "My app" --account acme --all-pages > customers.json',
      ),
    )
    .action(async (methodArg: string, path: string, options: CallOptions, command: Command) => {
      const method = methodArg.toUpperCase();
      if (!(API_METHODS as readonly string[]).includes(method)) throw CliError.usage(`Unknown HTTP method "${methodArg}": use one of ${API_METHODS.join(', ')}.`);
      const maxRetries = Number(options.maxRetries);
      if (!Number.isInteger(maxRetries) || maxRetries < 0) throw CliError.usage('--max-retries is a whole number.');
      const query = parseQuery(options.query);
      const headers = parseHeaders(options.header);
      const body = await readBody(options.data);

      await withSession(command, context, async (session) => {
        const { install } = await resolveInstall(session, options);
        const send = async (extraQuery: [string, string][]): Promise<ApiSendResult> => {
          for (let attempt = 0; ; attempt += 1) {
            const sent = await session.call<ApiSendResult>('api.send', {
              installId: install.id,
              method,
              path,
              query: [...query, ...extraQuery],
              headers,
              body,
              ...(options.yes ? { confirmWrite: true } : {}),
            });
            context.io.err(`${sent.status} ${sent.method} ${sent.url} (${sent.durationMs} ms)${sent.rateLimit ? ` · rate limit ${sent.rateLimit.used}/${sent.rateLimit.limit}` : ''}`);
            if (sent.status !== 429 || attempt >= maxRetries) return sent;
            const waitSeconds = sent.retryAfterSeconds ?? 2 ** attempt;
            context.io.err(`Rate limited: retrying in ${waitSeconds}s as Retry-after asks (attempt ${attempt + 1} of ${maxRetries})…`);
            if (!(await sleepUnlessInterrupted(waitSeconds * 1000, context.interrupted))) throw new CliError('RATE_LIMITED', 'Interrupted while waiting out the rate limit.', EXIT.INTERRUPTED);
          }
        };

        if (options.allPages) {
          const all: unknown[] = [];
          let cursor: string | null = null;
          for (let page = 0; page < MAX_PAGES; page += 1) {
            const sent = await send(cursor ? [['cursor', cursor]] : []);
            if (sent.status >= 400) return finish(sent, await fullBody(session, sent));
            const parsed = JSON.parse(await fullBody(session, sent)) as { data?: unknown[] };
            if (!Array.isArray(parsed.data)) throw new CliError('BAD_RESPONSE', 'This answer has no "data" list to page through; call it without --all-pages.', EXIT.USAGE);
            all.push(...parsed.data);
            cursor = sent.nextCursor;
            if (!cursor) break;
          }
          context.io.err(`${all.length} item(s).`);
          return printJson(context.io, all);
        }
        const sent = await send([]);
        return finish(sent, await fullBody(session, sent));
      });

      function finish(sent: ApiSendResult, text: string): void {
        if (options.json) {
          let parsed: unknown = text;
          if (sent.isJson) {
            try {
              parsed = JSON.parse(text);
            } catch {
              parsed = text;
            }
          }
          printJson(context.io, { status: sent.status, url: sent.url, headers: sent.headers, rateLimit: sent.rateLimit, retryAfterSeconds: sent.retryAfterSeconds, body: parsed });
        } else if (text.length > 0) context.io.out(text);
        if (sent.status >= 400) {
          process.exitCode = sent.status === 401 || sent.status === 403 ? EXIT.AUTH : EXIT.API;
          context.io.err(`error [${sent.status === 429 ? 'RATE_LIMITED' : sent.status === 401 ? 'API_UNAUTHORIZED' : sent.status === 403 ? 'API_FORBIDDEN' : 'API_ERROR'}]: ${sent.errorMessage ?? `the API answered ${sent.status}`}`);
        }
      }
    });
}
