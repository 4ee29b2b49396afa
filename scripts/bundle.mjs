#!/usr/bin/env node
// Bundles the CLI (src/cli/cli.ts and the packages it loads) into one file,
// dist/cli/pamphlet.bundle.js, which dist/cli/main.js runs with V8's code cache
// (src/cli/code-cache.ts): a cold start then reads and compiles one file instead
// of resolving, reading and compiling some 400 (issue 12). Run by `npm run build`
// after tsc; the rest of dist/ stays as tsc wrote it (the worker threads of
// --jobs, the scripts and the tests load it).
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Packages left to Node's require at run time: those that find their own files
 * beside them through __dirname or import.meta (yargs' locales, piscina's worker
 * file), those loaded lazily by a specifier built at run time (mupdf, the
 * hyphenation patterns), and native or WebAssembly ones.
 */
const EXTERNAL = ['yargs', 'yargs/*', 'piscina', 'harfbuzzjs', 'harfbuzzjs/*', 'hyphen', 'hyphen/*'];

/** PDFKit reads its standard fonts' metrics and its ICC profile from __dirname + '/data': point it at its own folder, not the bundle's. */
const pdfkitDataFolder = {
  name: 'pdfkit-data-folder',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit\.js$/ }, async (args) => {
      const fs = await import('node:fs');
      const source = fs.readFileSync(args.path, 'utf8');
      if (!source.includes('__dirname')) throw new Error(`${args.path} no longer uses __dirname: check scripts/bundle.mjs`);
      const folder = "require('path').dirname(require.resolve('pdfkit'))";
      return { contents: `var __pdfkitDir = ${folder};\n${source.replaceAll('__dirname', '__pdfkitDir')}`, loader: 'js' };
    });
  },
};

/**
 * fontkit loads Brotli (1.3 MB of code and dictionary) at its start for WOFF2
 * fonts, which the shipped fonts are not: it is required when a WOFF2 font is
 * first decoded instead.
 */
const lazyBrotli = {
  name: 'lazy-brotli',
  setup(b) {
    b.onResolve({ filter: /^brotli\/decompress\.js$/ }, (args) =>
      args.namespace === 'lazy' ? { path: args.path, external: true } : { path: args.path, namespace: 'lazy' });
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      contents: `module.exports = function () { return require(${JSON.stringify(args.path)}).apply(this, arguments); };`,
      loader: 'js',
    }));
  },
};

/** tiny-inflate's place is taken by src/core/inflate-raw.ts (zlib), which falls back on tiny-inflate itself. */
const nativeInflate = {
  name: 'native-inflate',
  setup(b) {
    const shim = path.join(ROOT, 'src', 'core', 'inflate-raw.ts');
    b.onResolve({ filter: /^tiny-inflate$/ }, (args) => (args.importer === shim ? undefined : { path: shim }));
  },
};

/**
 * src/proof/mupdf.ts import()s MuPDF, an ES module; the bundle runs in a vm.Script, where import()
 * would need an experimental option: that module is left to require(), from tsc's output.
 */
const mupdfLoaderOutside = {
  name: 'mupdf-loader-outside',
  setup(b) {
    b.onResolve({ filter: /^\.\/mupdf$/ }, (args) =>
      args.importer === path.join(ROOT, 'src', 'proof', 'write-proof.ts') ? { path: '../proof/mupdf.js', external: true } : undefined);
  },
};

await build({
  entryPoints: [path.join(ROOT, 'src', 'cli', 'cli.ts')],
  outfile: path.join(ROOT, 'dist', 'cli', 'pamphlet.bundle.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: EXTERNAL,
  // jsonc-parser's main file is a UMD wrapper whose require() calls esbuild cannot follow: its ES build is the same code.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  plugins: [pdfkitDataFolder, lazyBrotli, nativeInflate, mupdfLoaderOutside],
  logLevel: 'warning',
  logOverride: { 'require-resolve-not-external': 'silent' },
  legalComments: 'none',
  // Less to read, hash and hold in memory at each start; names are kept, so messages and stacks read the same.
  minifyWhitespace: true,
  minifySyntax: true,
});
