import * as path from 'node:path';
import { CommandModule } from 'yargs';
import { buildPamphlet } from '../build/build-pamphlet';
import { writeFileAtomic } from '../build/write-atomic';
import { PamphletError } from '../core/errors';
import { paperByName, PAPERS, PaperName } from '../imposition/paper';
import { assertLanguageCode, listLanguages } from '../languages/load-translations';
import { ContentArgs, loadContent, withContentOptions } from './content-options';

interface BuildArgs extends ContentArgs {
  lang: string;
  paper: string;
  out: string;
}

export function outputPath(out: string, paper: PaperName, code: string): string {
  return path.join(out, 'trifold', paper, `${code}.pdf`);
}

export const buildCommand: CommandModule<object, BuildArgs> = {
  command: 'build',
  describe: 'Build the tri-fold pamphlet as PDF, one file per language',
  builder: (yargs) => withContentOptions(yargs)
    .option('lang', { type: 'string', default: 'all', describe: 'Language codes separated by commas, or "all"' })
    .option('paper', { type: 'string', default: 'letter', describe: `Paper size: ${Object.keys(PAPERS).join(', ')}, or "all"` })
    .option('out', { type: 'string', default: 'out', describe: 'Output folder; files go to OUT/trifold/<paper>/<lang>.pdf' }) as never,
  handler: async (args) => {
    const content = loadContent(args);
    const known = listLanguages(args.translations);
    const codes = args.lang === 'all' ? known : args.lang.split(',').map((c) => assertLanguageCode(c.trim()));
    for (const code of codes) {
      if (!known.includes(code)) throw new PamphletError(`there is no translation for "${code}". Known languages: ${known.join(', ')}.`, { language: code }, 'usage');
    }
    const papers = args.paper === 'all' ? (Object.keys(PAPERS) as PaperName[]) : args.paper.split(',').map((p) => paperByName(p.trim()));
    const failures: string[] = [];
    const started = Date.now();
    let built = 0;
    for (const paper of papers) {
      for (const code of codes) {
        try {
          const result = await buildPamphlet(content, code, paper);
          const file = outputPath(args.out, paper, code);
          writeFileAtomic(file, result.pdf);
          built++;
          const tightened = result.minScale < 1 ? `, type at ${Math.round(result.minScale * 100)}% to fit` : '';
          console.log(`built ${file} (${result.pages} pages, ${Math.round(result.pdf.length / 1024)} KB${tightened})`);
        } catch (error) {
          if (!(error instanceof PamphletError)) throw error;
          failures.push(error.message);
          console.error(`failed ${code} on ${paper}: ${error.message}`);
        }
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`${built} built, ${failures.length} failed, in ${seconds} s`);
    if (failures.length) process.exitCode = 1;
  },
};
