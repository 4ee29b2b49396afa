import * as fs from 'node:fs';
import * as path from 'node:path';
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
    // The profile is the project's own file, not input: missing, it is a broken install.
    shopCondition = { ...named, profile: fs.readFileSync(file) };
  }
  return shopCondition;
}
