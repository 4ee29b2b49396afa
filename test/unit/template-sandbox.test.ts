import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PamphletError } from '../../src/core/errors';
import { createTranslator } from '../../src/i18n/translator';
import { loadTranslation } from '../../src/languages/load-translations';
import { renderMarkup } from '../../src/template/render-markup';
import { factsUsedByTemplate } from '../../src/check/template-facts';
import { content, ROOT } from '../support/build';

/**
 * A template is data: it reads the view and calls pamphlet's helpers,
 * nothing more. No prototype, no file, no stdout.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-template-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const translation = loadTranslation(path.join(ROOT, 'translations'), 'en');
const { data } = content();
const t = createTranslator(translation, data);
let count = 0;

function render(source: string): string {
  const file = path.join(dir, `t${count++}.hbs`);
  fs.writeFileSync(file, source);
  return renderMarkup(file, { translation, data, t });
}

function problem(source: string, step: 'check' | 'render'): string {
  const file = path.join(dir, `t${count++}.hbs`);
  fs.writeFileSync(file, source);
  try {
    if (step === 'check') factsUsedByTemplate(file);
    else renderMarkup(file, { translation, data, t });
  } catch (error) {
    expect(error).toBeInstanceOf(PamphletError);
    return (error as PamphletError).detail;
  }
  throw new Error(`no error for ${source}`);
}

describe('the template sandbox', () => {
  it('keeps prototype properties out of reach (Handlebars >= 4.6 denies them; strict mode names them)', () => {
    // Were prototype access allowed, these would reach Object and Object.prototype.toString; lookup names them instead of printing nothing.
    expect(problem('[{{#with (lookup facts "constructor")}}{{name}}{{/with}}]', 'render')).toContain('asks for "constructor", which is not a field there');
    expect(problem('[{{#with (lookup facts "toString")}}{{name}}{{/with}}]', 'render')).toContain('asks for "toString"');
    expect(problem('[{{lookup language "__proto__"}}]', 'render')).toContain('asks for "__proto__"');
    expect(render('[{{lookup facts "irpaSection"}}]')).toBe(`[${data.facts.irpaSection.value}]`);
    expect(problem('{{constructor.constructor}}', 'render')).toContain('"constructor" not defined');
    expect(problem('{{facts.constructor.name}}', 'render')).toContain('"name" not defined');
  });

  it('has no partials: a partial naming a file is refused before anything runs', () => {
    expect(problem('{{> ../../../../etc/passwd}}', 'check')).toContain('the template includes a partial, {{> ../../../../etc/passwd}} (line 1)');
    // And at run time there is none to find, even one the template defines itself.
    expect(problem('{{#*inline "p"}}x{{/inline}}{{> p}}', 'check')).toContain('decorator');
    expect(() => render('{{> p}}')).toThrow(/could not be found/);
  });

  it('calls only pamphlet\'s helpers, each with its arguments checked', () => {
    expect(problem('{{foo "x"}}', 'check')).toBe('the template calls "foo" (line 1), which is not a helper of pamphlet. Known helpers: t, concat, isolate, bareUrl, tel, log, if, unless, each, with, lookup.');
    expect(problem('{{#foo "x"}}{{/foo}}', 'check')).toContain('"foo"');
    expect(problem('{{t (helperMissing "x")}}', 'check')).toContain('"helperMissing"');
    expect(problem('{{bareUrl}}', 'render')).toBe('{{bareUrl}} (line 1) takes 1 argument, not 0. Write it as {{bareUrl moreInformation.url}}.');
    expect(problem('{{isolate contacts}}', 'render')).toContain('takes text or numbers, not a list');
    expect(problem('{{lookup}}', 'render')).toContain('{{lookup}} (line 1) takes 2 arguments, not 0');
    expect(render('{{bareUrl moreInformation.url}}')).not.toContain('[object Object]');
  });

  it('sends {{log}} to stderr, never to stdout', () => {
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(render('{{log "hello" 42}}')).toBe('');
      expect(stdout).not.toHaveBeenCalled();
      expect(stderr.mock.calls.map(([text]) => String(text)).join('')).toContain('{{log}} hello 42');
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  });
});

describe('a template cannot expand without bound', () => {
  const nested = (depth: number, body: string) => '{{#each @root.contacts}}'.repeat(depth) + body + '{{/each}}'.repeat(depth);

  it('renders loops inside loops within the limits, as Handlebars does', () => {
    // The shared contacts, two levels: each contact's id once per pass of the outer loop.
    const ids = data.contacts.map((c) => c.id);
    expect(render(nested(2, '{{id}} ')).trim().split(' ')).toEqual(ids.flatMap(() => ids));
  });

  it('stops a loop that repeats its block too often in all', () => {
    // Two contacts: 2^14 = 16,384 passes of the innermost block alone.
    expect(data.contacts).toHaveLength(2);
    expect(problem(nested(14, 'x'), 'render')).toMatch(/repeats its block more than 10,000 times in all/);
  });

  it('stops a loop that makes too much markup, whatever its number of passes', () => {
    // Six passes in all, but the four inner ones make 2.8 million characters.
    expect(problem(nested(2, 'x'.repeat(700_000)), 'render')).toMatch(/makes more than 2,000,000 characters of markup/);
  });
});
