import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { displayPath } from '../core/display-path';
import { LanguageCode, SOURCE_LANGUAGE } from '../languages/language';
import { printLine } from './safe-output';

export interface WatchPlan {
  /** Folders and files whose changes rebuild: the translations, the data, each template's folder (formats, themes), the edition. */
  watched: string[];
  translationsDir: string;
  /** The languages the build was asked for. */
  codes: LanguageCode[];
  /** The command line without --watch, --proof and --lang, to run again for the languages to rebuild. */
  argv: string[];
  proof: boolean;
}

/** The command line as given, less the options watch mode sets itself. */
export function argvForRebuild(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--watch' || arg === '--proof' || arg === '--no-watch' || arg === '--no-proof') continue;
    if (arg === '--lang' || arg === '-l') {
      i++;
      continue;
    }
    if (arg.startsWith('--lang=') || /^-l./.test(arg)) continue;
    out.push(arg);
  }
  return out;
}

/** The languages a changed file concerns: its own for a translation, every one for the source, the template, the theme or the data. */
export function languagesToRebuild(changed: string, plan: WatchPlan): LanguageCode[] {
  const inTranslations = path.relative(path.resolve(plan.translationsDir), path.resolve(changed));
  if (!inTranslations.startsWith('..') && !inTranslations.includes(path.sep) && inTranslations.endsWith('.json')) {
    const code = inTranslations.slice(0, -'.json'.length);
    if (code !== SOURCE_LANGUAGE) return plan.codes.includes(code) ? [code] : [];
  }
  return plan.codes;
}

/** Time of day, for the log. */
const now = () => new Date().toTimeString().slice(0, 8);

/**
 * Watches the content and rebuilds the languages a change concerns, each
 * rebuild a fresh `pamphlet build` (and `pamphlet proof`) child process, so
 * nothing read before (a template, a theme) is kept stale. Changes within
 * 150 ms are one rebuild; a change during a rebuild queues the next. Ctrl-C
 * (SIGINT) or SIGTERM stops the child and the watchers, and exits 0.
 */
export function watchAndRebuild(plan: WatchPlan): Promise<void> {
  const cli = path.join(__dirname, 'main.js');
  const pending = new Set<LanguageCode>();
  const reasons = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let child: ChildProcess | null = null;
  let stopping = false;

  const run = (command: string, codes: LanguageCode[]) => new Promise<void>((resolve) => {
    // Required here: only a watch starts a process, and node:child_process costs every run 5 ms to load.
    const { spawn } = require('node:child_process') as typeof import('node:child_process');
    child = spawn(process.execPath, [cli, command, ...plan.argv.filter((a, i) => !(i === 0 && a === 'build')), '--lang', codes.join(',')], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', () => {
      child = null;
      resolve();
    });
  });

  const rebuild = async () => {
    timer = null;
    if (child || stopping || pending.size === 0) return;
    const codes = [...pending];
    pending.clear();
    printLine(`[${now()}] ${[...reasons].join(', ')} changed: rebuilding ${codes.join(', ')}`);
    reasons.clear();
    await run('build', codes);
    if (plan.proof && !stopping) await run('proof', codes);
    if (stopping) return;
    printLine(`[${now()}] watching for changes (Ctrl-C to stop)`);
    if (pending.size) timer = setTimeout(rebuild, 0);
  };

  const watchers = plan.watched.filter((p) => fs.existsSync(p)).map((target) => {
    const folder = fs.statSync(target).isDirectory();
    return fs.watch(target, { recursive: folder }, (_event, name) => {
      const changed = folder && name ? path.join(target, name.toString()) : target;
      // Editors' temporary and backup files are not content.
      if (/(^|[\\/])(\.|#)|~$|\.(swp|tmp)$/.test(path.basename(changed))) return;
      const codes = languagesToRebuild(changed, plan);
      if (!codes.length) return;
      codes.forEach((c) => pending.add(c));
      reasons.add(displayPath(changed));
      if (timer) clearTimeout(timer);
      timer = setTimeout(rebuild, 150);
    });
  });
  printLine(`[${now()}] watching ${plan.watched.filter((p) => fs.existsSync(p)).map((p) => displayPath(p)).join(', ')} (Ctrl-C to stop)`);

  return new Promise((resolve) => {
    const stop = () => {
      stopping = true;
      if (timer) clearTimeout(timer);
      watchers.forEach((w) => w.close());
      const running = child as ChildProcess | null;
      if (running?.pid) running.kill('SIGTERM');
      printLine(`[${now()}] stopped watching`);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
