import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TemplateJob } from '../../src/cli/build-template';
import { PamphletError } from '../../src/core/errors';
import { Finding } from '../../src/core/finding';
import { parsePiece } from '../../src/languages/piece-languages';
import { BuildPool, mergeChecks, runsOf } from '../../src/parallel/build-pool';
import { jobsFor, LARGE_BATCH, parseJobs } from '../../src/parallel/jobs';
import { PartResult } from '../../src/parallel/pdf-task';
import { temporaryFolders } from '../support/temp';

const tempDir = temporaryFolders('pamphlet-pool-');

describe('--jobs', () => {
  it('takes a whole number of workers from 1 to 256', () => {
    expect(parseJobs('1')).toBe(1);
    expect(parseJobs(' 8 ')).toBe(8);
    expect(parseJobs(256)).toBe(256);
  });

  it.each(['0', '', 'x', '2x', '1.5', '-1', '257', '1e3', 'Infinity'])('refuses %j in one usage error', (value) => {
    let error: unknown;
    try {
      parseJobs(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PamphletError);
    expect((error as PamphletError).kind).toBe('usage');
    expect((error as PamphletError).message).toMatch(/^--jobs ".*" is not a number of workers: give a whole number from 1 \(build in one thread\) to 256/);
    expect((error as PamphletError).message).not.toContain('\n');
  });

  it('defaults to one thread per core; on 2 cores to one for a batch of fewer than 100 PDFs; never more than the tasks', () => {
    expect(jobsFor(undefined, 42, 210, 1)).toBe(1);
    expect(jobsFor(undefined, 42, 14, 2)).toBe(1);
    expect(jobsFor(undefined, 42, LARGE_BATCH - 1, 2)).toBe(1);
    expect(jobsFor(undefined, 42, LARGE_BATCH, 2)).toBe(2);
    expect(jobsFor(undefined, 42, 210, 2)).toBe(2);
    expect(jobsFor(undefined, 42, 14, 8)).toBe(8);
    expect(jobsFor(undefined, 3, 210, 8)).toBe(3);
    expect(jobsFor(4, 42, 14, 2)).toBe(4);
    expect(jobsFor(1, 42, 210, 2)).toBe(1);
    expect(jobsFor(4, 2, 210, 2)).toBe(2);
    expect(jobsFor(4, 0, 0, 8)).toBe(1);
  });
});

const finding = (message: string, language?: string): Finding => ({ check: language ? 'translation' : 'data', severity: 'warning', language, message });

describe('runsOf', () => {
  it('cuts in order into runs whose sizes differ by at most one, never an empty one', () => {
    expect(runsOf([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([[1, 2], [3, 4], [5, 6, 7]]);
    expect(runsOf([1, 2], 4)).toEqual([[1], [2]]);
    expect(runsOf(Array.from({ length: 14 }, (_, i) => i), 4).map((run) => run.length)).toEqual([3, 4, 3, 4]);
  });
});

describe('mergeChecks', () => {
  // The tasks of one template: ar, en and th+en, each checking its own languages.
  const pieces = ['ar', 'en', 'th+en'].map(parsePiece);
  const shared = finding('a fact no template prints');
  const source = finding('the source text has a problem', 'en');
  const results: PartResult[] = [
    // A task without English says the source text's problem for all languages.
    { findings: [shared, source, finding('ar 1', 'ar')], names: [['ar', 'العربية']], outcomes: [] },
    { findings: [shared, finding('en 1', 'en'), source], names: [['en', 'English']], outcomes: [], edition: '2026-01-01' },
    // The pair's task checks English again: its findings are the English task's to say.
    { findings: [shared, finding('th 1', 'th'), source, finding('en 1', 'en'), finding('th+en fits', 'th')], names: [['th', 'ไทย'], ['en', 'English']], outcomes: [] },
  ];

  it('keeps each language\'s findings from the first piece it is in, in the order one thread would have said them', () => {
    const merged = mergeChecks(pieces.map((piece) => [piece]), results);
    expect(merged.findings.map((f) => f.message)).toEqual([
      'a fact no template prints', 'ar 1',
      'a fact no template prints', 'en 1', 'the source text has a problem',
      'a fact no template prints', 'th 1', 'th+en fits',
    ]);
    expect([...merged.names]).toEqual([['ar', 'العربية'], ['en', 'English'], ['th', 'ไทย']]);
    expect(merged.edition).toBe('2026-01-01');
  });

  it('takes runs of several pieces as one thread took them', () => {
    const [ar, en, pair] = results;
    const merged = mergeChecks([[pieces[0], pieces[1]], [pieces[2]]], [{ ...ar, findings: [shared, finding('ar 1', 'ar'), finding('en 1', 'en')], names: [...ar.names, ...en.names] }, pair]);
    expect(merged.findings.map((f) => f.message)).toEqual(['a fact no template prints', 'ar 1', 'en 1', 'a fact no template prints', 'th 1', 'th+en fits']);
    expect([...merged.names.keys()]).toEqual(['ar', 'en', 'th']);
  });

  it('keeps a finding about a language the template does not build', () => {
    const alone = mergeChecks([[parsePiece('ar')]], [results[0]]);
    expect(alone.findings.map((f) => f.message)).toEqual(['a fact no template prints', 'the source text has a problem', 'ar 1']);
  });
});

describe('BuildPool', () => {
  const job = {
    paths: { templateFile: 'poster.hbs', translationsDir: 'translations', dataDir: 'data', fonts: { configFile: 'fonts.json' } },
    format: 'poster',
    papers: ['a4'],
    prints: ['office'],
    pieces: [parsePiece('ar')],
  } as unknown as TemplateJob;
  const pdf = { format: 'poster', piece: 'ar', paper: 'a4' as const, print: 'office' as const };

  /** A pool whose worker is `source`: how the pool takes a worker that dies or stops on a usage error. */
  async function withWorker(source: string, use: (pool: BuildPool) => Promise<void>): Promise<void> {
    const file = path.join(tempDir(), 'worker.js');
    fs.writeFileSync(file, source);
    const pool = new BuildPool(2, file);
    try {
      await use(pool);
    } finally {
      await pool.close();
    }
  }

  it('says a worker that died in one line naming what it was building, and ends without hanging', async () => {
    await withWorker('module.exports = async () => { process.exit(7); };', async (pool) => {
      const work = pool.queue([job], [pdf], 'out').get(job)!;
      const error = await work.pdf(pdf, job.pieces[0]).then(() => null, (e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error!.message).toMatch(/^a build worker stopped while building poster in ar: .+/);
      expect(error!.message).not.toContain('\n');
      await expect(work.checked()).rejects.toThrow(/^a build worker stopped/);
    });
  });

  it('says a usage error met in a worker as the same one line, after the PDFs built before it', async () => {
    const outcome = { findings: [], line: 'built out/poster/a4/ar.pdf' };
    const result = { parts: [{ findings: [], names: [], outcomes: [outcome] }], usage: { detail: 'cannot write here. Fix it.', place: { file: 'out' }, part: 0 } };
    await withWorker(`module.exports = async () => (${JSON.stringify(result)});`, async (pool) => {
      const letter = { ...pdf, paper: 'letter' as const };
      const both = { ...job, papers: ['a4', 'letter'] } as TemplateJob;
      const work = pool.queue([both], [pdf, letter], 'out').get(both)!;
      await expect(work.pdf(pdf, job.pieces[0])).resolves.toEqual(outcome);
      const error = await work.pdf(letter, job.pieces[0]).then(() => null, (e: PamphletError) => e);
      expect(error).toBeInstanceOf(PamphletError);
      expect(error!.kind).toBe('usage');
      expect(error!.message).toBe('out: cannot write here. Fix it.');
    });
  });
});
