#!/usr/bin/env node
// Bundles the CLI (src/cli/cli.ts and the packages it loads) into one file,
// dist/cli/pamphlet.bundle.js, which dist/cli/main.js runs with V8's code cache
// (src/cli/code-cache.ts): a cold start then reads and compiles one file instead
// of resolving, reading and compiling some 400 (issue 12). So is the pool's
// worker (src/parallel/pdf-worker.ts), into dist/parallel/pdf-worker.bundle.js,
// which each worker thread of --jobs runs (src/parallel/pdf-worker-entry.ts).
// Run by `npm run build` after tsc; the rest of dist/ stays as tsc wrote it
// (the scripts and the tests load it).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Packages left to Node's require at run time: those that find their own files
 * beside them (piscina's worker file), those loaded by a specifier built at run
 * time (the hyphenation patterns), WebAssembly ones, and the large ones only a
 * few runs need (YAML editions, logos, XLIFF): in the bundle they would be read
 * and held in memory by every run (a build of the 14 languages: some 5 MiB more
 * at its peak than with them outside).
 */
const EXTERNAL = ['yaml', '@xmldom/xmldom', 'svg-to-pdfkit', 'pngjs', 'xliff', 'xliff/*', 'piscina', 'harfbuzzjs', 'harfbuzzjs/*', 'hyphen', 'hyphen/*'];

/**
 * A package's folder `sub` as the bundle finds it at run time (`entry` is the file require.resolve gives): in the project's
 * node_modules beside dist/ (one stat), else wherever require.resolve finds the package, which
 * reads package.json files on the way (some 4 ms a package on a cold start).
 */
const packageFolder = (name, entry, sub) => `(function () {
  var path = require('path'), near = path.join(__dirname, '..', '..', 'node_modules', ${JSON.stringify(name)});
  if (require('fs').existsSync(path.join(near, ${JSON.stringify(entry)}))) return path.join(near, ${JSON.stringify(sub)});
  return path.join(path.dirname(require.resolve(${JSON.stringify(name)})), ${JSON.stringify(path.posix.relative(path.posix.dirname(entry), sub) || '.')});
})()`;

/** PDFKit reads its standard fonts' metrics and its ICC profile from __dirname + '/data': point it at its own folder, not the bundle's. */
const pdfkitDataFolder = {
  name: 'pdfkit-data-folder',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit\.js$/ }, async (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      if (!source.includes('__dirname')) throw new Error(`${args.path} no longer uses __dirname: check scripts/bundle.mjs`);
      // require.resolve('pdfkit') is js/pdfkit.js: its folder is js/.
      const folder = packageFolder('pdfkit', 'js/pdfkit.js', 'js');
      return { contents: `var __pdfkitDir = ${folder};\n${source.replaceAll('__dirname', '__pdfkitDir')}`, loader: 'js' };
    });
  },
};

/**
 * yargs from its CommonJS build (an import of it would take its ES build, which
 * finds its locales through import.meta.url), with its locales found beside the
 * package, not the bundle: its messages stay in the user's language.
 */
const yargsCommonJs = {
  name: 'yargs-commonjs',
  setup(b) {
    const requireHere = createRequire(path.join(ROOT, 'package.json'));
    b.onResolve({ filter: /^yargs(\/helpers)?$/ }, (args) => ({ path: requireHere.resolve(args.path) }));
    b.onLoad({ filter: /[\\/]node_modules[\\/]yargs[\\/]build[\\/]index\.cjs$/ }, async (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      if (!source.includes('re(__dirname,"../locales")')) throw new Error(`${args.path} no longer finds its locales as scripts/bundle.mjs expects`);
      // require.resolve('yargs') is index.cjs, at the package's top.
      const folder = packageFolder('yargs', 'index.cjs', 'build');
      // yargs checks two invariants of its own with node:assert, which takes some 5 ms of every start to load: the
      // same two checks, failing as assert's do (an AssertionError's message; yargs reads no more of it).
      if (source.split('require("assert")').length !== 2) throw new Error(`${args.path} no longer requires assert once as scripts/bundle.mjs expects`);
      const assert = '{strictEqual(a,b,m){if(a!==b)throw new Error(m||`Expected values to be strictly equal: ${a} !== ${b}`)},'
        + 'notStrictEqual(a,b,m){if(a===b)throw new Error(m||`Expected "actual" to be strictly unequal to: ${b}`)}}';
      return { contents: `var __yargsDir = ${folder};\n${source.replaceAll('__dirname', '__yargsDir').replace('require("assert")', assert)}`, loader: 'js' };
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

/**
 * PDFKit requires crypto-js (some 30 modules) at its start, and on a build
 * without encryption uses it for one thing: the MD5 of the document's Info
 * (its file ID). That is taken from Node's own MD5, as crypto-js's word
 * array; crypto-js itself is required only for anything else (encryption),
 * or for a string crypto-js would encode otherwise (one with a lone
 * surrogate, which its UTF-8 encoder refuses).
 */
const lazyCryptoJs = {
  name: 'lazy-crypto-js',
  setup(b) {
    b.onResolve({ filter: /^crypto-js$/ }, (args) =>
      args.namespace === 'lazy-crypto' ? { path: args.path, external: true } : { path: args.path, namespace: 'lazy-crypto' });
    b.onLoad({ filter: /.*/, namespace: 'lazy-crypto' }, () => ({
      contents: `
        const { createHash } = require('node:crypto');
        let real;
        const load = () => (real ??= require('crypto-js'));
        function MD5(message) {
          if (typeof message !== 'string' || !message.isWellFormed()) return load().MD5(message);
          const digest = createHash('md5').update(message, 'utf8').digest();
          return { words: [0, 4, 8, 12].map((at) => digest.readInt32BE(at)), sigBytes: 16 };
        }
        module.exports = new Proxy({ MD5 }, { get: (own, key) => (key in own ? own[key] : load()[key]) });`,
      loader: 'js',
      resolveDir: ROOT,
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

/**
 * The shipped templates (templates/*.hbs), precompiled with the options of src/template/render-markup.ts,
 * and the facts each prints (src/check/template-facts.ts), by their exact text, in place of
 * src/template/precompiled-templates.ts's empty maps.
 */
const precompiledTemplates = {
  name: 'precompiled-templates',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]template[\\/]precompiled-templates\.ts$/ }, async () => {
      const requireHere = createRequire(path.join(ROOT, 'package.json'));
      const Handlebars = requireHere('handlebars');
      const { compileOptions } = requireHere('./dist/template/render-markup.js');
      const folder = path.join(ROOT, 'templates');
      const { factsUsedByTemplate } = requireHere('./dist/check/template-facts.js');
      const specs = [];
      const facts = [];
      for (const name of fs.readdirSync(folder).filter((file) => file.endsWith('.hbs')).sort()) {
        const file = path.join(folder, name);
        const source = fs.readFileSync(file, 'utf8');
        let used;
        try {
          used = [...factsUsedByTemplate(file)];
        } catch {
          continue; // A template with problems is checked, and they are reported, at run time.
        }
        specs.push(`  [${JSON.stringify(source)}, (${Handlebars.precompile(source, compileOptions())})],`);
        facts.push(`  [${JSON.stringify(source)}, ${JSON.stringify(used)}],`);
      }
      return {
        contents: [
          '// templates/*.hbs, precompiled by scripts/bundle.mjs',
          `export const PRECOMPILED = new Map([\n${specs.join('\n')}\n]);`,
          `export const FACTS_USED = new Map([\n${facts.join('\n')}\n]);`,
        ].join('\n'),
        loader: 'js',
      };
    });
  },
};

/** The CLI, and the pool's worker (src/parallel/pdf-worker-entry.ts runs it): each is one file to read and compile. */
const BUNDLES = [
  { entry: path.join(ROOT, 'src', 'cli', 'cli.ts'), outfile: path.join(ROOT, 'dist', 'cli', 'pamphlet.bundle.js') },
  { entry: path.join(ROOT, 'src', 'parallel', 'pdf-worker.ts'), outfile: path.join(ROOT, 'dist', 'parallel', 'pdf-worker.bundle.js') },
];

/**
 * `import * as fs from 'node:fs'` is bundled as `__toESM(require("node:fs"))`: a copy of the module with a getter
 * per export, made again in each module that imports it (some 50 copies of fs, path, os… in the CLI: 6 ms of
 * every start) and a getter called on every use. Node's own modules are taken as they are: the code reads
 * their exports by name, never a `default`.
 */
const plainBuiltins = (code) => code.replace(/__toESM\((require\("node:[a-z_/]+"\))\)/g, '$1');

for (const { entry, outfile } of BUNDLES) {
  const { outputFiles } = await build({
    write: false,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: EXTERNAL,
    // jsonc-parser's main file is a UMD wrapper whose require() calls esbuild cannot follow: its ES build is the same code.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    plugins: [precompiledTemplates, yargsCommonJs, pdfkitDataFolder, lazyBrotli, lazyCryptoJs, nativeInflate, mupdfLoaderOutside],
    logLevel: 'warning',
    logOverride: { 'require-resolve-not-external': 'silent' },
    legalComments: 'none',
    // Less to read, hash and hold in memory at each start; names are kept, so messages and stacks read the same.
    minifyWhitespace: true,
    minifySyntax: true,
  });
  for (const file of outputFiles) {
    await fs.promises.mkdir(path.dirname(file.path), { recursive: true });
    await fs.promises.writeFile(file.path, file.path.endsWith('.js') ? plainBuiltins(file.text) : file.contents);
  }
}
