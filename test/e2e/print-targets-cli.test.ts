import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/build';
import { runCli } from '../support/cli';
import { temporaryFolders } from '../support/temp';

/** --print through the real CLI, from the command line, the config file and an edition; where each target's PDFs go. */
const tempDir = temporaryFolders('pamphlet-print-cli-');
const TRIFOLD = path.join(ROOT, 'templates', 'trifold.hbs');
const CARD = path.join(ROOT, 'templates', 'wallet-card.hbs');
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

/** The PDFs under a folder, as paths relative to it. */
function pdfsIn(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.pdf')).sort();
}

describe('--print, run as a user runs it', () => {
  it('builds both targets with --print all: the office\'s where they always were, the shop\'s under shop/', () => {
    const out = tempDir();
    const run = runCli(['build', '-l', 'en', '--template', TRIFOLD, '-p', 'letter', '--print', 'all', '-o', out]);
    expect(run.code).toBe(0);
    expect(pdfsIn(out)).toEqual([path.join('shop', 'trifold', 'letter', 'en.pdf'), path.join('trifold', 'letter', 'en.pdf')]);
  });

  it('prints the wallet card\'s sheets for the office and the card alone for the shop, with --paper all', () => {
    const out = tempDir();
    const run = runCli(['build', '-l', 'en', '--template', CARD, '-p', 'all', '--print', 'office,shop', '-o', out]);
    expect(run.code).toBe(0);
    expect(pdfsIn(out)).toEqual([path.join('shop', 'wallet-card', 'piece', 'en.pdf'), path.join('wallet-card', 'a4', 'en.pdf'), path.join('wallet-card', 'letter', 'en.pdf')]);
  });

  it('takes print from pamphlet.config.json, and the command line wins over it', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'pamphlet.config.json'), JSON.stringify({ print: 'shop', lang: 'en', template: TRIFOLD, out: 'pdf' }));
    expect(runCli(['build'], dir).code).toBe(0);
    expect(pdfsIn(path.join(dir, 'pdf'))).toEqual([path.join('shop', 'trifold', 'letter', 'en.pdf')]);
    expect(runCli(['build', '--print', 'office', '-o', 'office'], dir).code).toBe(0);
    expect(pdfsIn(path.join(dir, 'office'))).toEqual([path.join('trifold', 'letter', 'en.pdf')]);
  });

  it('takes print from an edition', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'mission.json'), JSON.stringify({ name: 'Test mission', languages: ['en'], papers: ['a4'], formats: ['trifold'], print: 'shop' }));
    const run = runCli(['build', '-e', path.join(dir, 'mission.json'), '-o', path.join(dir, 'out')]);
    expect(run.code).toBe(0);
    expect(pdfsIn(path.join(dir, 'out'))).toEqual([path.join('shop', 'trifold', 'a4', 'en.pdf')]);
  });

  it.each([
    [['--print', 'press'], null, /^pamphlet: unknown print target "press". Use office, shop, both separated by a comma, or all\.$/],
    [[], { print: 'press' }, /^pamphlet: pamphlet\.config\.json, key print: names an unknown print target "press". Use office, shop or all\.$/],
    [[], { print: 3 }, /^pamphlet: pamphlet\.config\.json, key print: must be a string such as "office,shop"/],
    [['--template', CARD, '-p', 'piece'], null, /^pamphlet: .*wallet-card\.hbs: the format "wallet-card" is printed on piece only by a print shop\. Add --print shop, or --print all\.$/],
  ])('refuses %j (config %j) in one line, exit code 2', (args, config, message) => {
    const dir = tempDir();
    if (config) fs.writeFileSync(path.join(dir, 'pamphlet.config.json'), JSON.stringify(config));
    const run = runCli(['build', '-l', 'en', '-o', path.join(dir, 'out'), ...args], dir);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(fs.existsSync(path.join(dir, 'out', 'shop'))).toBe(false);
  });

  it('refuses a PNG logo for the print shop in one line that says to give an SVG, and prints it for the office', () => {
    const dir = tempDir();
    fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'logo', 'placeholder-logo.png'), path.join(dir, 'logo.png'));
    fs.writeFileSync(path.join(dir, 'mission.json'), JSON.stringify({ name: 'Test mission', languages: ['en'], formats: ['trifold'], logo: 'logo.png' }));
    // Both targets asked for: refused before the office's PDFs are written.
    const shop = runCli(['build', '-e', path.join(dir, 'mission.json'), '--print', 'all', '-o', path.join(dir, 'out')]);
    expect(shop.code).toBe(2);
    expect(shop.stderr.trim()).toMatch(/^pamphlet: .*logo\.png: the logo is a PNG, which is RGB: .*Give the logo as an SVG/);
    expect(shop.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, 'out')) ? pdfsIn(path.join(dir, 'out')) : []).toEqual([]);
    expect(runCli(['build', '-e', path.join(dir, 'mission.json'), '-o', path.join(dir, 'office')]).code).toBe(0);
  });
});
