import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { runChecks } from '../../src/check/run-checks';
import { flattenStrings } from '../../src/languages/load-translations';
import { fonts, ROOT } from '../support/build';

/**
 * Whatever a translator or an editor types into a translation file, the
 * checks answer with findings: they never throw, whatever the value.
 */
const CODES = ['en', 'ar', 'th', 'zh', 'hi', 'ko'];
const shipped = new Map(CODES.map((code) => [code, fs.readFileSync(path.join(ROOT, 'translations', `${code}.json`), 'utf8')]));

/** Text a translator might produce, from plausible to hostile. */
const value = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('{', '}', '{{', '}}', 'count', 'maxFine', '<b>', '</b>', '<br>', '<', '>', '&', '\u202E', '\u2067', '\uD800', '\u0301', ' ', 'x', 'ب', 'ก'), maxLength: 30 }),
  fc.jsonValue({ maxDepth: 2 }),
);

describe('the checks on random edits of a translation', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-fuzz-'));
  fs.cpSync(path.join(ROOT, 'translations'), path.join(dir, 'translations'), { recursive: true });
  const paths = {
    translationsDir: path.join(dir, 'translations'),
    templateFile: path.join(ROOT, 'templates', 'trifold.hbs'),
    dataDir: path.join(ROOT, 'data'),
    fonts,
  };

  it('report findings, and never throw', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CODES), fc.nat(), value, (code, pick, replacement) => {
        const json = JSON.parse(shipped.get(code)!);
        const keys = [...flattenStrings(json.strings).keys()].map((k) => `strings.${k}`).concat(['meta.name', 'meta.locale', 'meta.hyphenation', 'meta.lineBreak']);
        const parts = keys[pick % keys.length].split('.');
        const last = parts.pop()!;
        parts.reduce((node, part) => node[part], json)[last] = replacement;
        fs.writeFileSync(path.join(paths.translationsDir, `${code}.json`), JSON.stringify(json));
        const { findings } = runChecks(paths, [code], ['letter']);
        for (const finding of findings) expect(typeof finding.message).toBe('string');
      }),
      { numRuns: 100 },
    );
  });
});
