// One config, several outputs, built by Vite 8's multi-environment builder (`vite build` builds every
// environment because `builder` is set):
//   client  -> dist/renderer/       the React UI (renderer/index.html), relative asset paths for file://
//   main    -> dist/main/main.js    ESM for Electron's main process; electron and every dependency stay
//                                   external (electron-builder ships node_modules with the app);
//              dist/main/response-worker.js  the API console's worker thread (its own entry)
//   preload -> dist/preload/preload.cjs  ONE CommonJS file whose only require is `electron`, because a
//                                   sandboxed preload cannot load other files or ESM
//   bridge  -> dist/serve/workbench-bridge.js  window.workbench over HTTP for the browser door
//   cli     -> dist/cli/cli-main.mjs  the full CLI: ESM for plain Node, dependencies bundled and
//                                   minified, commands' heavy parts in lazily loaded chunks beside it
//                                   (.mjs), never `electron`
//   cliEntry -> dist/cli/cli.js     the `gorgias-workbench` binary (package.json "bin"): ONE CommonJS
//                                   file with a shebang (dist/cli/package.json says "commonjs"): the
//                                   lean `token`, then import() of cli-main.mjs for everything else
import { chmod, readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const dependencies = Object.keys(pkg.dependencies ?? {});
const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/** Main keeps Electron, Node's builtins and every runtime dependency (and their subpaths) external. */
function isMainExternal(id: string): boolean {
  if (builtins.has(id) || id.startsWith('node:')) return true;
  return ['electron', 'electron-store', ...dependencies].some((name) => id === name || id.startsWith(`${name}/`));
}

/**
 * The CLI bundles its dependencies (commander, conf, zod, jose…) and keeps only Node's builtins out.
 * `electron` is never imported by the CLI; listing it here makes an accidental import fail loudly at run
 * time instead of bundling Electron's npm stub.
 */
function isCliExternal(id: string): boolean {
  return builtins.has(id) || id.startsWith('node:') || id === 'electron';
}

/** conf's schema validation and migrations, never used by the workbench, stay out of the CLI's bundle. */
const CONF_UNUSED = new Set(['ajv/dist/2020.js', 'ajv-formats', 'semver']);
const confUnusedParts = (): Plugin => ({
  name: 'workbench-cli-conf-unused-parts',
  enforce: 'pre',
  applyToEnvironment: (environment) => environment.name === 'cli',
  resolveId(id, importer) {
    if (CONF_UNUSED.has(id) && importer?.includes('/node_modules/conf/')) return here('electron/cli/bundle/conf-unused-parts.ts');
    return null;
  },
});

/** The binary reaches the full CLI as the built ESM file beside it, never bundled into itself. */
const fullCliExternal = (): Plugin => ({
  name: 'workbench-cli-full-external',
  enforce: 'pre',
  applyToEnvironment: (environment) => environment.name === 'cliEntry',
  resolveId(id, importer) {
    if (id === './cli-main' && importer?.endsWith('/electron/cli/cli.ts')) return { id: './cli-main.mjs', external: true };
    return null;
  },
});

/** dist/cli/package.json: cli.js is CommonJS (the project's package.json says "module"). */
const commonJsPackage = (): Plugin => ({
  name: 'workbench-cli-commonjs-package',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'package.json', source: `${JSON.stringify({ type: 'commonjs' })}\n` });
  },
});

/** npm links "bin" files as they are: the CLI must be executable by itself. */
const executable = (): Plugin => ({
  name: 'workbench-cli-executable',
  async writeBundle(options, bundle) {
    for (const file of Object.keys(bundle)) if (file === 'cli.js') await chmod(join(options.dir ?? '', file), 0o755);
  },
});

/**
 * The renderer's entry (main.tsx) is a small chunk that asks the backend its first questions, then
 * imports start-app.tsx (React and the app). Modulepreload links for that chunk and the chunks it
 * imports start their fetch and compile while the HTML is still being parsed, instead of when the
 * entry runs (and then when start-app's imports are found).
 */
const preloadStartApp = (): Plugin => ({
  name: 'workbench-preload-start-app',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(html, context) {
      const chunk = Object.values(context.bundle ?? {}).find((output) => output.type === 'chunk' && output.facadeModuleId?.endsWith('/renderer/src/start-app.tsx'));
      if (!chunk || chunk.type !== 'chunk') throw new Error('vite.config.ts: no start-app chunk to preload (renderer/src/main.tsx must import("./start-app"))');
      const files = [chunk.fileName, ...chunk.imports].filter((file) => !html.includes(`/${file}"`));
      return files.map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: '', href: `./${file}` }, injectTo: 'head' as const }));
    },
  },
});

/**
 * renderer/early-questions.js, the page's first script: a classic script (it runs when the parser
 * reaches it, not after the stylesheet and the module graph like the entry), emitted under a content
 * hash next to the bundle and put before the entry's module script.
 */
const earlyQuestions = (): Plugin => {
  let emitted = false;
  return {
    name: 'workbench-early-questions',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'client',
    async buildStart() {
      const source = await readFile(here('renderer/early-questions.js'), 'utf8');
      // Hashed like every asset (serve lets the browser keep /assets/ for good); its final name is
      // read from the bundle below.
      this.emitFile({ type: 'asset', name: 'early-questions.js', source });
      emitted = true;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const asset = Object.values(context.bundle ?? {}).find((output) => output.type === 'asset' && output.names.includes('early-questions.js'));
        if (!asset || !emitted) throw new Error('vite.config.ts: early-questions.js was not emitted');
        if (!html.includes('<script type="module"')) throw new Error('vite.config.ts: no module script in index.html to put the early questions before');
        return html.replace('<script type="module"', `<script src="./${asset.fileName}"></script>\n    <script type="module"`);
      },
    },
  };
};

export default defineConfig({
  root: here('renderer'),
  base: './',
  // No public/ folder: everything the renderer needs is imported, so Vite fingerprints it.
  publicDir: false,
  plugins: [react(), confUnusedParts(), fullCliExternal(), earlyQuestions(), preloadStartApp()],
  define: { __WORKBENCH_VERSION__: JSON.stringify(pkg.version) },
  build: {
    // The three outputs share dist/; each environment cleans only its own folder.
    emptyOutDir: true,
    reportCompressedSize: false,
  },
  environments: {
    client: {
      build: {
        outDir: here('dist/renderer'),
        // Electron 45 ships Chromium 140; the e2e harness uses Debian's newer Chromium.
        target: 'chrome140',
        rolldownOptions: { input: here('renderer/index.html') },
      },
    },
    main: {
      consumer: 'server',
      build: {
        outDir: here('dist/main'),
        target: 'node20',
        ssr: true,
        minify: false,
        sourcemap: true,
        rolldownOptions: {
          // The API console's response worker is a thread of main, loaded from its own file
          // (dist/main/response-worker.js, see response-worker-client.ts).
          input: { main: here('electron/main/main.ts'), 'response-worker': here('electron/backend/tools/api-console/response-worker.ts') },
          external: isMainExternal,
          output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
        },
      },
    },
    preload: {
      consumer: 'server',
      build: {
        outDir: here('dist/preload'),
        target: 'chrome140',
        ssr: true,
        minify: false,
        rolldownOptions: {
          input: { preload: here('electron/preload/preload.ts') },
          external: (id) => id === 'electron',
          output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
        },
      },
    },
    // The browser door's window.workbench (gorgias-workbench serve): one classic script, no imports.
    bridge: {
      consumer: 'server',
      build: {
        outDir: here('dist/serve'),
        target: 'chrome140',
        ssr: true,
        minify: false,
        rolldownOptions: {
          input: { 'workbench-bridge': here('electron/cli/serve/browser-bridge.ts') },
          output: { format: 'iife', entryFileNames: '[name].js', codeSplitting: false },
        },
      },
    },
    cli: {
      consumer: 'server',
      // A server environment leaves node_modules external by default; the CLI takes them in.
      resolve: { noExternal: true },
      build: {
        outDir: here('dist/cli'),
        target: 'node20',
        ssr: true,
        // A script calls `token` once per request: start-up is the cost. Dependencies are bundled in and
        // minified (no package resolution, less to parse); each command's heavy parts are chunks loaded
        // on first use. Chunks sit next to cli.js so `serve` still finds dist/ one folder up.
        minify: true,
        sourcemap: true,
        rolldownOptions: {
          input: { 'cli-main': here('electron/cli/cli-main.ts') },
          external: isCliExternal,
          // .mjs: ESM whatever dist/cli/package.json says (it makes cli.js CommonJS, below).
          output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs', banner: '#!/usr/bin/env node' },
        },
      },
    },
    // The binary itself, dist/cli/cli.js: the lean `token` and the step to the full CLI above, as ONE
    // CommonJS file (Node reads a CommonJS entry with no ESM loader, and require() of a built-in builds
    // no ESM facade, which would read every export and so load fs/promises, the streams, webcrypto:
    // ~5 ms in CPU profiles of a `token` that costs ~15 ms over `node -e 0`). dist/cli/package.json
    // says `"type": "commonjs"` for it; everything else there is .mjs. Built after `cli`, into the same
    // folder, without emptying it.
    cliEntry: {
      consumer: 'server',
      resolve: { noExternal: true },
      build: {
        outDir: here('dist/cli'),
        emptyOutDir: false,
        target: 'node20',
        ssr: true,
        minify: true,
        sourcemap: true,
        rolldownOptions: {
          input: { cli: here('electron/cli/cli.ts') },
          external: isCliExternal,
          plugins: [commonJsPackage(), executable()],
          output: { format: 'cjs', entryFileNames: '[name].js', codeSplitting: false, banner: '#!/usr/bin/env node' },
        },
      },
    },
  },
  builder: {
    // Sequential and explicit: the order is the order of the report and failures name their environment.
    async buildApp(builder) {
      for (const name of ['client', 'main', 'preload', 'bridge', 'cli', 'cliEntry']) {
        const environment = builder.environments[name];
        if (!environment) throw new Error(`vite.config.ts: missing environment "${name}"`);
        await builder.build(environment);
      }
    },
  },
});
