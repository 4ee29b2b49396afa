import { Argv } from 'yargs';
import { CONFIG_FILE } from './config-file';

/** What `--help` shows below the options: examples, the exit codes (as in the README) and where defaults come from. */
type CommandName = 'build' | 'check' | 'languages' | 'reviewed' | 'export' | 'import' | 'proof';

const EXAMPLES: Record<CommandName | 'pamphlet', [string, string][]> = {
  pamphlet: [
    ['$0 check', 'Check every language on both papers'],
    ['$0 build -p all --print all', 'Every language and paper, for an office printer and a print shop'],
    ['$0 languages', 'List the languages found'],
    ['$0 export -l vi', 'vi.xlf for a translator\'s CAT tool'],
    ['$0 proof -l vi --keys', 'PNG pages of Vietnamese, strings numbered'],
  ],
  build: [
    ['$0 build', 'Every language on Letter, into out/'],
    ['$0 build -l th -l ar -p a4', 'Thai and Arabic on A4'],
    ['$0 build -p all -o print', 'Every paper, into print/<format>/'],
    ['$0 build -p all --print shop', 'For a print shop: bleed, crop marks, CMYK, into out/shop/'],
    ['$0 build -l tl+en -p a3,a4', 'Tagalog and English: a poster (A3), a card (A4)'],
    ['$0 build -c site.json', 'Defaults from site.json'],
    ['$0 build -p all --print all --shard 2/4', 'The second of four parts of the batch, for CI'],
    ['$0 build --watch --proof -l vi', 'Rebuild and re-proof Vietnamese on each save'],
  ],
  check: [
    ['$0 check -l fr', 'French on both papers'],
    ['$0 check -l th,ar -p letter', 'Thai and Arabic on Letter'],
    ['$0 check --json > report.json', 'The findings as JSON, for CI'],
    ['$0 check --format github', 'The findings as GitHub Actions annotations'],
    ['$0 check -l en-XA,ar-XB', 'The pseudo-locales: longer text, right to left'],
    ['$0 check -t delivered/', 'A delivered file alone (en.json from the project)'],
  ],
  languages: [
    ['$0 languages', 'The shipped translations'],
    ['$0 languages -t ../translations', 'Those in another folder'],
  ],
  reviewed: [
    ['$0 reviewed -l vi -k law.penalty', 'The Vietnamese law.penalty is right for the English now'],
    ['$0 reviewed -l vi', 'Every Vietnamese string is'],
  ],
  export: [
    ['$0 export -l vi', 'vi.xlf (XLIFF 1.2) for a CAT tool'],
    ['$0 export -l vi --xliff-version 2.0 -o vi-2.xlf', 'XLIFF 2.0'],
    ['$0 export -l vi --format i18next -o weblate/', 'en.json, vi.json and vi.meta.json for a platform'],
  ],
  import: [
    ['$0 import vi.xlf', 'Check the delivered XLIFF, then write translations/vi.json'],
    ['$0 import vi.xlf -t ../translations', 'Into another translations folder'],
  ],
  proof: [
    ['$0 proof -l vi', 'PNG pages of the Vietnamese tri-fold, with a key sheet'],
    ['$0 proof -l vi --keys', 'The same, each string numbered on the page'],
  ],
};

/** Lines kept under 80 columns, so that yargs does not wrap them. */
const DEFAULTS = [
  `Options not given here come from ${CONFIG_FILE} in the current folder`,
  '(or the file --config names); relative paths in it are read from its folder,',
  'those given here from the current folder. See the README.',
].join('\n');

/** The exit codes of the README, with what 0 means for the command. */
function exitCodes(zero: string): string {
  return [
    'Exit codes:',
    `  0  ${zero}`,
    '  1  a content problem: a translation, the data, the template, text too long',
    '  2  a usage problem, in one line: an unknown option, language or paper, a',
    '     missing or broken input or config file, an output folder that cannot be',
    '     written; or an error pamphlet did not foresee',
  ].join('\n');
}

const EXIT_CODES: Record<CommandName | 'pamphlet', string> = {
  pamphlet: exitCodes('no error (warnings may have been printed)'),
  build: exitCodes('every PDF asked for was built (warnings may have been printed)'),
  check: exitCodes('everything was checked, no error (warnings may have been printed)'),
  reviewed: exitCodes('the strings were marked as reviewed'),
  export: exitCodes('the exchange file was written'),
  import: exitCodes('the file was checked and the translation written'),
  proof: exitCodes('every proof page was written'),
  languages: [
    'Exit codes:',
    '  0  the list was printed (a broken translation is a row that says so)',
    '  2  a usage problem, in one line: an unknown option, a missing translations',
    '     folder, a broken fonts.json or config file; or an error pamphlet did not',
    '     foresee',
  ].join('\n'),
};

/** Adds a command's examples and its epilogue (exit codes, where defaults come from) to its --help. */
export function withHelp<T>(yargs: Argv<T>, command: CommandName | 'pamphlet'): Argv<T> {
  for (const [example, meaning] of EXAMPLES[command]) yargs = yargs.example(example, meaning);
  return yargs.epilogue(`${EXIT_CODES[command]}\n\n${DEFAULTS}`);
}
