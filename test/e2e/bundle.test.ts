import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { ROOT } from '../support/build';
import { readPdf } from '../support/pdf';

// dist/cli/pamphlet.bundle.js, which dist/cli/main.js runs (scripts/bundle.mjs, src/cli/code-cache.ts).
const bundle = fs.readFileSync(path.join(ROOT, 'dist', 'cli', 'pamphlet.bundle.js'), 'utf8');

describe('the CLI bundle', () => {
  it('is given a bundle with no import() of its own, which it does not support (Node 20 would need an experimental option)', () => {
    expect(bundle.length).toBeGreaterThan(100_000);
    expect(bundle.match(/[^\w$.]import\s*\(/g)).toBeNull();
    // The proofs' import() of MuPDF is in tsc's dist/proof/mupdf.js, required by the bundle.
    expect(bundle).toContain('require("../proof/mupdf.js")');
  });

  it('carries every shipped template precompiled, with the facts it prints', () => {
    const shipped = fs.readdirSync(path.join(ROOT, 'templates')).filter((name) => name.endsWith('.hbs'));
    expect(shipped.length).toBeGreaterThanOrEqual(3);
    const precompiled = bundle.slice(bundle.indexOf('PRECOMPILED=new Map('), bundle.indexOf('FACTS_USED=new Map('));
    expect(precompiled.match(/compiler:\[\d+,/g)).toHaveLength(shipped.length);
    expect(bundle).toMatch(/FACTS_USED=new Map\(\[.*\["iwgDepartments"\]/s);
  });

  it('compiles a template whose text is not a shipped one at run time: an edited copy prints its edit', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-edited-template-'));
    try {
      fs.cpSync(path.join(ROOT, 'templates'), folder, { recursive: true });
      const file = path.join(folder, 'trifold.hbs');
      const text = fs.readFileSync(file, 'utf8');
      expect(text).toContain('<p>{{t "check.intro"}}</p>');
      fs.writeFileSync(file, text.replace('<p>{{t "check.intro"}}</p>', '<p>Zebracrossing {{t "check.intro"}}</p>'));
      const out = path.join(folder, 'out');
      const run = runCli(['build', '-l', 'en', '--template', file, '-o', out]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const words = readPdf(path.join(out, 'trifold', 'letter', 'en.pdf')).pages.flatMap((page) => page.lines.map((line) => line.text)).join(' ');
      expect(words).toContain('Zebracrossing');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
