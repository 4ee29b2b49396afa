import * as fs from 'node:fs';
import { PamphletError } from '../core/errors';
import { packageFile } from '../core/package-file';

/**
 * Pictograms from Tabler's outline set (@tabler/icons, MIT): drawn as
 * vector paths in a 24-unit square, stroked 2 units wide with round caps and
 * joins, so they stay sharp at any size and print as line art in black and
 * white. A template names one by its plain name; it is looked up in the
 * package, never read as a path.
 */
export interface Pictogram {
  name: string;
  /** SVG path data, in the icon's 24 × 24 units. */
  paths: string[];
}

/** The square every icon is drawn in, and the width of its strokes, in icon units. */
export const ICON_UNITS = 24;
export const ICON_STROKE = 2;

const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const known = new Map<string, Pictogram>();

/** The pictogram `name` (such as cash-banknote), or an error naming it. Each is read once. */
export function pictogram(name: string): Pictogram {
  const cached = known.get(name);
  if (cached) return cached;
  if (!NAME.test(name) || name.length > 60) throw new PamphletError(`"${name.slice(0, 60)}" is not a pictogram name: use a name of Tabler's outline icons, such as cash-banknote (lowercase letters, digits and hyphens).`);
  let svg: string;
  try {
    svg = fs.readFileSync(packageFile('@tabler/icons', `icons/outline/${name}.svg`, `@tabler/icons/outline/${name}.svg`), 'utf8');
  } catch {
    throw new PamphletError(`there is no pictogram "${name}" in Tabler's outline icons. Pick one at tabler.io/icons (an outline icon) and use its name.`);
  }
  // Every drawn element of the set is a <path>; the one with stroke="none" is the empty frame that sizes the icon.
  const paths = [...svg.matchAll(/<path\b([^>]*)\/?>/g)]
    .filter(([, attributes]) => !/stroke="none"/.test(attributes))
    .map(([, attributes]) => /\bd="([^"]+)"/.exec(attributes)?.[1])
    .filter((d): d is string => Boolean(d));
  if (paths.length === 0) throw new PamphletError(`the pictogram "${name}" has no path to draw.`);
  const icon = { name, paths };
  known.set(name, icon);
  return icon;
}
