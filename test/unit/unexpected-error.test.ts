import * as path from 'node:path';
import { runChecks } from '../../src/check/run-checks';
import { FontRegistry, FontWeight } from '../../src/fonts/font-registry';
import { ScriptCode } from '../../src/languages/language';
import { loadTranslation } from '../../src/languages/load-translations';
import { ROOT } from '../support/build';

/**
 * An error pamphlet did not foresee, in one language's step, becomes a
 * finding for that language; the other languages are checked as usual.
 * The error comes in through the font registry, which the checks are
 * given (ContentPaths.fonts) so that an organisation can bring its own fonts.
 */
const translationsDir = path.join(ROOT, 'translations');
const broken = loadTranslation(translationsDir, 'th').meta.script;

/** A registry whose font stack for one script throws what a library bug would: a plain TypeError. */
class BrokenStack extends FontRegistry {
  stack(script: ScriptCode, weight: FontWeight) {
    if (script === broken) throw new TypeError("Cannot read properties of undefined (reading 'unitsPerEm')");
    return super.stack(script, weight);
  }
}

describe('an unexpected error in one language', () => {
  const paths = {
    translationsDir,
    templateFile: path.join(ROOT, 'templates', 'trifold.hbs'),
    dataDir: path.join(ROOT, 'data'),
    fonts: new BrokenStack(path.join(ROOT, 'fonts', 'fonts.json')),
  };

  it('is a one-line finding for that language, and the others go on', () => {
    const { findings, prepared } = runChecks(paths, ['en', 'th', 'ar'], ['letter']);
    expect([...prepared.keys()].sort()).toEqual(['ar', 'en']);
    const own = findings.filter((f) => f.language === 'th');
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ severity: 'error', file: path.join(translationsDir, 'th.json') });
    expect(own[0].message).toBe("unexpected error while preparing the language for typesetting: Cannot read properties of undefined (reading 'unitsPerEm'). This is a bug in pamphlet or an input it does not guard against; report it with this file.");
    expect(findings.filter((f) => f.severity === 'error' && f.language !== 'th')).toEqual([]);
  });
});
