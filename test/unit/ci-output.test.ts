import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'yaml';
import { escapeData, escapeProperty, githubAnnotation } from '../../src/ci/github-annotations';
import { makeManifest } from '../../src/ci/manifest';
import { createProgress } from '../../src/ci/progress';
import { parseShard, shardOf } from '../../src/ci/shard';
import { BatchPdf, batchPdfKey, batchPdfs } from '../../src/cli/batch-pdfs';
import { PaperName } from '../../src/imposition/paper';
import { PrintTarget } from '../../src/print/print-target';
import { ROOT } from '../support/build';
import { pamphletErrorOf as errorOf } from '../support/errors';

/** A batch as the build command makes it: 14 languages and a pair × 3 formats × papers × targets. */
function batch(): BatchPdf[] {
  const pieces = ['ar', 'en', 'es', 'fa', 'fr', 'hi', 'ko', 'pa', 'ru', 'th', 'tl', 'uk', 'vi', 'zh', 'tl+en'];
  const runs: [string, PaperName, PrintTarget][] = [
    ['trifold', 'letter', 'office'], ['trifold', 'a4', 'office'], ['trifold', 'letter', 'shop'],
    ['poster', 'a3', 'office'], ['poster', 'tabloid', 'shop'], ['wallet-card', 'piece', 'shop'], ['wallet-card', 'a4', 'office'],
  ];
  return runs.flatMap(([format, paper, print]) => pieces.map((piece) => ({ format, piece, paper, print })));
}

describe('--shard I/N', () => {
  it.each([[1], [2], [3], [4], [7], [16], [105], [200]])('puts every PDF of the batch in exactly one of %i shards, the shards differing by at most one', (count) => {
    const pdfs = batch();
    const shards = Array.from({ length: count }, (_, i) => shardOf(pdfs, batchPdfKey, { index: i + 1, count }));
    const keys = shards.flat().map(batchPdfKey);
    expect(keys).toHaveLength(pdfs.length);
    expect(new Set(keys)).toEqual(new Set(pdfs.map(batchPdfKey)));
    const sizes = shards.map((s) => s.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('cuts the same shards whatever order the PDFs were found in', () => {
    const pdfs = batch();
    const shuffled = [...pdfs].reverse().sort((a, b) => a.paper.localeCompare(b.paper));
    for (let index = 1; index <= 4; index += 1) {
      expect(shardOf(shuffled, batchPdfKey, { index, count: 4 }).map(batchPdfKey)).toEqual(shardOf(pdfs, batchPdfKey, { index, count: 4 }).map(batchPdfKey));
    }
  });

  it('gives a shard few languages, so that each machine checks few', () => {
    const pdfs = batch();
    const languages = (index: number) => new Set(shardOf(pdfs, batchPdfKey, { index, count: 3 }).map((pdf) => pdf.piece)).size;
    // 105 PDFs, 7 of each of 15 pieces: a run of 35 holds 5 pieces, each in every format, not a format in all 15.
    for (let index = 1; index <= 3; index += 1) expect(languages(index)).toBe(5);
  });

  it('lists the PDFs of the shipped formats as the build writes them: bilingual pieces only on the papers their format takes', () => {
    const template = (name: string) => path.join(ROOT, 'templates', `${name}.hbs`);
    const job = (name: string) => ({ paths: { templateFile: template(name) } as never, format: name, papers: ['a3', 'letter'] as PaperName[], prints: ['office', 'shop'] as PrintTarget[], pieces: [{ name: 'en', codes: ['en'] }, { name: 'tl+en', codes: ['tl', 'en'] }] });
    const keys = batchPdfs([job('poster')]).map((p) => `${p.format} ${p.piece} ${p.paper} ${p.print}`);
    // The poster takes a pair on A3 and Tabloid only; the shop prints it on every paper (it is no smaller than a sheet).
    expect(keys.sort()).toEqual(['poster en a3 office', 'poster en a3 shop', 'poster en letter office', 'poster en letter shop', 'poster tl+en a3 office', 'poster tl+en a3 shop']);
  });

  it.each(['0/4', '5/4', 'x/y', '2', '1/0', '-1/4', '2/4/6', ''])('refuses %j in one line', (value) => {
    const error = errorOf(() => parseShard(value));
    expect(error.kind).toBe('usage');
    expect(error.message).toMatch(/is not a shard: give I\/N/);
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it('reads 2/4', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
  });
});

describe('GitHub Actions annotations', () => {
  it('escapes %, CR and LF in the message, and : and , too in a property, as GitHub reads them', () => {
    expect(escapeData('100% sure\r\nnext: a, b')).toBe('100%25 sure%0D%0Anext: a, b');
    expect(escapeProperty('100% sure\r\nnext: a, b')).toBe('100%25 sure%0D%0Anext%3A a%2C b');
    // % first: an escape is never escaped twice, and a literal %3A stays itself.
    expect(escapeProperty('%3A')).toBe('%253A');
  });

  it('names the file, line and column of the finding, and its check, language and key in the title', () => {
    const cwd = path.join(ROOT);
    const line = githubAnnotation({ check: 'translation', severity: 'error', file: path.join(ROOT, 'translations', 'ar.json'), language: 'ar', key: 'law.penalty', line: 59, column: 7, message: 'the placeholder {{maxFine}} is missing,\nput it back: 100%' }, cwd);
    expect(line).toBe('::error file=translations/ar.json,line=59,col=7,title=pamphlet translation (ar)%3A key law.penalty::the placeholder {{maxFine}} is missing,%0Aput it back: 100%25');
  });

  it('prints a warning as ::warning, and leaves out what the finding does not know', () => {
    expect(githubAnnotation({ check: 'data', severity: 'warning', message: 'a, b: c' })).toBe('::warning title=pamphlet data::a, b: c');
    // A file, but no line: a finding about a whole file.
    expect(githubAnnotation({ check: 'template', severity: 'error', file: '/x/t,1.hbs', message: 'm' }, '/y')).toBe('::error file=/x/t%2C1.hbs,title=pamphlet template::m');
  });
});

describe('the manifest', () => {
  it('lists the PDFs relative to OUT with /, sorted by file, the failures where they would have been', () => {
    const out = path.join('/tmp', 'o');
    const manifest = makeManifest(out, [
      { format: 'trifold', language: 'th', paper: 'letter', print: 'office', pages: 2, bytes: 10, sha256: 'b' },
      { format: 'trifold', language: 'ar', paper: 'a4', print: 'shop', pages: 2, bytes: 11, sha256: 'a' },
    ], [{ format: 'poster', language: 'tl+en', paper: 'a3', print: 'office' }], { date: '2026-01-31' }, '2/4');
    expect(manifest.pdfs.map((p) => p.file)).toEqual(['shop/trifold/a4/ar.pdf', 'trifold/letter/th.pdf']);
    expect(manifest.failed).toEqual([{ file: 'poster/a3/tl+en.pdf', language: 'tl+en', format: 'poster', paper: 'a3', print: 'office' }]);
    expect(manifest).toMatchObject({ shard: '2/4', complete: false, edition: { date: '2026-01-31' } });
    expect(makeManifest(out, [], [], {})).not.toHaveProperty('shard');
  });
});

describe('progress', () => {
  function terminal(): { stream: NodeJS.WriteStream; text: () => string } {
    const stream = new PassThrough() as unknown as NodeJS.WriteStream;
    let text = '';
    (stream as unknown as PassThrough).on('data', (chunk) => { text += chunk; });
    (stream as { columns?: number }).columns = 30;
    return { stream, text: () => text };
  }

  it('at a terminal, updates one line in place, cut to its width, and clears it when done', async () => {
    const { stream, text } = terminal();
    const progress = createProgress(126, true, stream);
    progress.step('ar trifold letter');
    progress.step('zh a very long label that the terminal cannot hold');
    progress.done();
    await new Promise((resolve) => setImmediate(resolve));
    expect(text()).toBe('\r\x1b[K[1/126] ar trifold letter\r\x1b[K[2/126] zh a very long label…\r\x1b[K');
    expect(text().split('\r\x1b[K').every((line) => line.length <= 29)).toBe(true);
  });

  it('elsewhere, writes no updating line at all', async () => {
    const { stream, text } = terminal();
    const progress = createProgress(3, false, stream);
    progress.step('ar trifold letter');
    progress.note('checking trifold');
    progress.done();
    await new Promise((resolve) => setImmediate(resolve));
    expect(text()).toBe('');
  });
});

describe('the example workflow', () => {
  const file = path.join(ROOT, '.github', 'workflows', 'pamphlet.yml');
  const text = fs.readFileSync(file, 'utf8');
  const workflow = parse(text);

  it('is the one the README shows', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`\`\`\`yaml\n${text}\`\`\``);
  });

  it('checks with --format github, builds as many shards as its matrix has machines, and uploads out/ with its manifest', () => {
    const runs = (job: string): string[] => workflow.jobs[job].steps.map((step: { run?: string }) => step.run).filter(Boolean);
    expect(runs('check')).toContain('npx pamphlet check --format github');
    const shards: number[] = workflow.jobs.build.strategy.matrix.shard;
    const build = runs('build').find((run) => run.includes('pamphlet build'))!;
    expect(build).toContain(`--shard \${{ matrix.shard }}/${shards.length}`);
    expect(shards).toEqual(Array.from({ length: shards.length }, (_, i) => i + 1));
    expect(build).toMatch(/--out out(\s|$)/);
    const upload = workflow.jobs.build.steps.find((step: { uses?: string }) => step.uses?.startsWith('actions/upload-artifact'));
    expect(upload.with.path).toBe('out/');
    // One artifact per shard: two with the same name would fail the upload.
    expect(upload.with.name).toContain('${{ matrix.shard }}');
    expect(workflow.jobs.build.needs).toBe('check');
  });
});
