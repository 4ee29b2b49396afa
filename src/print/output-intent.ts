import * as fs from 'node:fs';
import * as path from 'node:path';
import { displayPath } from '../core/display-path';
import { PamphletError } from '../core/errors';
import { PROJECT_ROOT } from '../core/project-root';

/**
 * The printing condition a print shop's PDF is made for: PDF/X-4's output
 * intent. The shop's CMYK values (print/cmyk.ts) are device values; the
 * intent tells the shop's RIP which press and paper they mean, by the
 * condition's registered name and by its profile, embedded.
 */
export interface OutputCondition {
  /** The name in the ICC's characterization data registry. */
  identifier: string;
  /** The condition in words, for people. */
  info: string;
  registry: string;
  /** The ICC output profile of the condition: CMYK to Lab. */
  profile: Buffer;
}

/** Offset on coated paper, ISO 12647-2 (profiles/README.md says where the profile comes from). */
const SHOP_CONDITION = {
  identifier: 'FOGRA39',
  info: 'Coated FOGRA39 (ISO 12647-2:2004)',
  registry: 'http://www.color.org',
  file: path.join(PROJECT_ROOT, 'profiles', 'coated-fogra39.icc'),
};

let shopCondition: OutputCondition | undefined;

/** The shop's condition, its profile read once per process: every shop PDF embeds it. */
export function shopOutputCondition(): OutputCondition {
  if (!shopCondition) {
    const { file, ...named } = SHOP_CONDITION;
    // The profile is the project's own file, not input: missing, it is a broken install, said once for the run.
    let profile: Buffer;
    try {
      profile = fs.readFileSync(file);
    } catch (error) {
      throw new PamphletError(`the print shop's colour profile ${displayPath(file)} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}). Reinstall with \`git checkout profiles\` or a fresh clone.`, { file }, 'usage');
    }
    shopCondition = { ...named, profile };
  }
  return shopCondition;
}
