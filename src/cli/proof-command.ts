import * as path from 'node:path';
import { CommandModule } from 'yargs';
import { buildPiece, layOutPamphlet } from '../build/build-pamphlet';
import { makeFolder } from '../build/output-folder';
import { withKeyLocations } from '../check/key-locations';
import { displayPath, humanReport, passedLanguages, summarize, uniqueFindings, findingCounts } from '../check/report';
import { runChecks } from '../check/run-checks';
import { Finding } from '../core/finding';
import { formatFacts } from '../facts/format-facts';
import { templateHeader } from '../format/template-header';
import { LanguageCode } from '../languages/language';
import { isBilingual, languagesOf } from '../languages/piece-languages';
import { pageLines, writeProof } from '../proof/write-proof';
import { stringUses } from '../translators/string-notes';
import { SelectionArgs, withOutOption, withSelectionOptions } from './command-options';
import { companionTemplates, contentPaths, selectPapers, selectPieces, selectTemplates } from './content-options';
import { withHelp } from './help-text';
import { printLine } from './safe-output';
import { PROJECT_ROOT } from '../core/project-root';

export interface ProofArgs extends SelectionArgs {
  out: string;
  keys: boolean;
  dpi: number;
}

/**
 * Proofs of languages: every gate, then each format the language passes in,
 * on each paper asked, as PNG pages with a contact sheet of string keys.
 * Returns the findings and how many languages failed, for watch mode too.
 */
export async function runProof(args: ProofArgs, log: (line: string) => void): Promise<{ findings: Finding[]; failed: number }> {
  const templates = selectTemplates(args.template === 'all' ? path.join(PROJECT_ROOT, 'templates', 'trifold.hbs') : args.template);
  const pieces = selectPieces(args.lang, contentPaths(args, templates[0]).translationsDir).filter((p) => !isBilingual(p));
  const codes = languagesOf(pieces);
  const all: Finding[] = [];
  const failed = new Set<LanguageCode>();
  const names = new Map<LanguageCode, string>();
  for (const template of templates) {
    const papers = selectPapers(args.paper, template, templates.length === 1);
    const paths = contentPaths(args, template, companionTemplates(template, templates), args.editionData);
    const result = runChecks(paths, codes, []);
    result.names.forEach((name, code) => names.set(code, name));
    all.push(...result.findings);
    const uses = stringUses([template]);
    const format = templateHeader(template).format;
    for (const code of codes) {
      const ready = result.prepared.get(code);
      if (!ready || !result.sources) {
        failed.add(code);
        continue;
      }
      const facts = formatFacts(result.sources.data.facts, ready.translation.meta);
      for (const paper of papers) {
        const built = await buildPiece(result.sources, [ready], paper);
        const lines = pageLines(layOutPamphlet(ready, paper, template).pages);
        const folder = path.join(args.out, 'proof', format, paper);
        makeFolder(folder, args.out);
        const proof = await writeProof(built.pdf, lines, ready.translation, uses, facts, folder, code, { dpi: args.dpi, numbered: args.keys });
        log(`proof ${proof.pages.map((p) => displayPath(p)).join(', ')}; keys in ${displayPath(proof.sheet)} (${proof.located} strings located${proof.missing.length ? `, ${proof.missing.length} not found` : ''})`);
      }
    }
  }
  const findings = withKeyLocations(uniqueFindings(all));
  const passed = passedLanguages(codes, findings, (code) => !failed.has(code));
  const mention = codes.filter((c) => !passed.has(c) || findings.some((f) => f.language === c));
  for (const line of humanReport(findings, mention, names, passed)) log(line);
  log(`${codes.length - passed.size === 0 ? 'proofs written' : `${codes.length - passed.size} failed`}; ${findingCounts(summarize(findings, codes, passed))}.`);
  return { findings, failed: codes.length - passed.size };
}

export const proofCommand: CommandModule<object, ProofArgs> = {
  command: 'proof',
  describe: 'Check a language and write its pages as PNG, with a contact sheet saying which key each numbered string is',
  builder: (yargs) => withHelp(withOutOption(withSelectionOptions(yargs, 'letter'))
    .option('keys', { type: 'boolean', default: false, describe: 'Print each string\'s number on the pages too (the contact sheet lists them either way)' })
    .option('dpi', { type: 'number', default: 100, describe: 'Resolution of the PNG pages' }), 'proof') as never,
  handler: async (args) => {
    const { failed } = await runProof(args, printLine);
    if (failed) process.exitCode = 1;
  },
};
