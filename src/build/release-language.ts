import { FontRegistry } from '../fonts/font-registry';
import { ScriptCode } from '../languages/language';
import { forgetLevels } from '../text/bidi';
import { releaseHbFont } from '../text/harfbuzz';
import { forgetShapes } from '../text/shape';

/**
 * What a batch lets go of once a language's last PDF is written, so that it
 * holds the fonts and text of the languages it is at rather than of all of
 * them (issue 12: Noto Sans SC and KR are 10 and 6 MB a weight, parsed).
 */

/**
 * Forgets the font families of the script `done` that none of the scripts
 * still to build uses: their parsed faces and file bytes (the registry's)
 * and their tables in HarfBuzz. A family shared with a script still to
 * build (Noto Sans, in every stack) stays.
 */
export function releaseFonts(fonts: FontRegistry, done: ScriptCode, pending: Iterable<ScriptCode>): void {
  const needed = new Set<string>();
  for (const script of pending) fonts.familiesFor(script).forEach((family) => needed.add(family));
  for (const family of fonts.familiesFor(done)) {
    if (needed.has(family)) continue;
    fonts.release(family).forEach(releaseHbFont);
  }
}

/** Forgets the shaped texts and bidi levels: called when no prepared language is left to lay out, they are not asked for again. */
export function forgetTextCaches(): void {
  forgetShapes();
  forgetLevels();
}
