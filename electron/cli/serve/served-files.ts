// The files the browser door serves: the built renderer (dist/renderer), its index.html rewritten
// for this door (the bridge script before the app's module, connect-src 'self' in the meta CSP), and
// the browser bridge (dist/serve/workbench-bridge.js), at an address named by its content so the
// browser may keep it like the bundle's hashed files (it runs before anything else on every load).
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { RENDERER_CSP } from '../../common/content-security-policy';

/** The renderer's CSP with the one change this door needs: the page may call its own server. */
export const SERVE_CSP = RENDERER_CSP.replace("connect-src 'none'", "connect-src 'self'");

/** `/workbench-bridge-<first 12 hex of its SHA-256>.js`: a new build, a new address. */
export function bridgePathOf(bridge: Buffer): string {
  return `/workbench-bridge-${createHash('sha256').update(bridge).digest('hex').slice(0, 12)}.js`;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface ServedFile {
  body: Buffer;
  contentType: string;
}

/**
 * The bridge goes before the page's first script (the early questions, then the app's module), as a
 * plain script: those use `window.workbench` as soon as they run.
 */
export function rewriteIndex(html: string, bridgePath: string): string {
  if (!html.includes("connect-src 'none'") || !html.includes('<script type="module"')) {
    throw new Error('dist/renderer/index.html is not the expected build: run `npm run build` again.');
  }
  return html.replace("connect-src 'none'", "connect-src 'self'").replace('<script ', `<script src=".${bridgePath}"></script>\n    <script `);
}

export async function loadServedFiles(distDir: string): Promise<{ index: ServedFile; bridge: ServedFile & { path: string }; asset(path: string): Promise<ServedFile | null> }> {
  const rendererDir = resolve(distDir, 'renderer');
  const bridge = await readFile(join(distDir, 'serve', 'workbench-bridge.js'));
  const bridgePath = bridgePathOf(bridge);
  const index = rewriteIndex(await readFile(join(rendererDir, 'index.html'), 'utf8'), bridgePath);
  return {
    index: { body: Buffer.from(index), contentType: CONTENT_TYPES['.html']! },
    bridge: { body: bridge, contentType: CONTENT_TYPES['.js']!, path: bridgePath },
    async asset(path) {
      let pathname: string;
      try {
        pathname = decodeURIComponent(path);
      } catch {
        return null;
      }
      if (!pathname.startsWith('/assets/') || pathname.includes('\0')) return null;
      const file = resolve(rendererDir, `.${pathname}`);
      if (!file.startsWith(rendererDir + sep)) return null;
      try {
        if (!(await stat(file)).isFile()) return null;
        return { body: await readFile(file), contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' };
      } catch {
        return null;
      }
    },
  };
}
