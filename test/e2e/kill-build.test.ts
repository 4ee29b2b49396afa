import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/build';
import { readPdf } from '../support/pdf';

/**
 * A build killed at any moment (SIGKILL: no handler runs) never leaves a
 * half-written PDF under its real name, and the next build removes the
 * temporary files it left. The builds are deterministic, so a complete PDF
 * is byte for byte the PDF of an uninterrupted build, which MuPDF opens.
 */
const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
const ARGS = ['build', '--paper', 'all', '--lang', 'en'];

/** Runs the CLI in `jobs` threads; `killAfter` ms: SIGKILL then. Resolves with when the first PDF was reported built and when it ended. */
function run(jobs: number, out: string, killAfter?: number): Promise<{ code: number | null; signal: string | null; firstBuilt: number; ended: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let firstBuilt = -1;
    const child = spawn(process.execPath, [CLI, ...ARGS, '--jobs', String(jobs), '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => {
      if (firstBuilt < 0 && chunk.toString().includes('built ')) firstBuilt = Date.now() - started;
    });
    child.stderr.resume();
    const timer = killAfter === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfter);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, firstBuilt, ended: Date.now() - started });
    });
  });
}

/** Every file under `dir`, relative to it. */
function files(dir: string): string[] {
  return fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()) : [];
}

// In one thread, and in a pool of workers writing PDFs at the same time (fewer kills: the same writer).
describe.each([[1, 20], [2, 8]])('a build in %i thread(s) killed at random moments', (jobs, KILLS) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-kill-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('leaves only complete PDFs, and the next build leaves no temporary file', async () => {
    // An uninterrupted build: the reference PDFs, and how long a build takes here.
    const reference = path.join(dir, 'reference');
    const calibration = await run(jobs, reference);
    expect(calibration.code).toBe(0);
    const expected = new Map(files(reference).map((f) => [f, fs.readFileSync(path.join(reference, f))]));
    // The office's papers (the single card with bleed is the print shop's), and the manifest of what was written.
    expect([...expected.keys()].sort()).toEqual([
      'manifest.json', 'poster/a3/en.pdf', 'poster/a4/en.pdf', 'poster/letter/en.pdf', 'poster/tabloid/en.pdf', 'trifold/a4/en.pdf', 'trifold/letter/en.pdf',
      'wallet-card/a4/en.pdf', 'wallet-card/letter/en.pdf',
    ]);
    // Every format's pages: the poster one, the tri-fold and the card two.
    for (const [f, pdf] of expected) if (f.endsWith('.pdf')) expect(readPdf(pdf).pages).toHaveLength(f.startsWith('poster/') ? 1 : 2);

    const out = path.join(dir, 'out');
    const writing = Math.max(0, calibration.firstBuilt - 500);
    const moments: number[] = [];
    let leftovers = 0;
    for (let i = 0; i < KILLS; i++) {
      // Half the kills anywhere in the run, half while PDFs are being written.
      const from = i % 2 ? writing : 0;
      const moment = Math.round(from + Math.random() * (calibration.ended - from));
      moments.push(moment);
      // The PDFs of the round before go; the temporary files stay, for the last build to clean up.
      for (const f of files(out)) if (f.endsWith('.pdf')) fs.rmSync(path.join(out, f));
      await run(jobs, out, moment);
      // A round that wrote some PDFs but not all was killed mid-build: the manifest of the round before must be gone with it.
      const pdfs = files(out).filter((f) => f.endsWith('.pdf'));
      const allPdfs = [...expected.keys()].filter((f) => f.endsWith('.pdf'));
      if (pdfs.length > 0 && pdfs.length < allPdfs.length && fs.existsSync(path.join(out, 'manifest.json'))) {
        throw new Error(`after a kill at ${moment} ms, ${pdfs.length} of ${allPdfs.length} PDFs were written, but a manifest.json is there: the manifest of an earlier build says the folder is complete`);
      }
      for (const f of files(out)) {
        if (f.endsWith('.tmp')) {
          leftovers++;
          continue;
        }
        // Anything else under its real name is one of the PDFs, complete, or the manifest of a complete build (the same each time).
        const data = fs.readFileSync(path.join(out, f));
        const same = expected.has(f) && data.equals(expected.get(f)!);
        if (!same) throw new Error(`after a kill at ${moment} ms, ${f} (${data.length} bytes) is not the complete PDF; kills at ${moments.join(', ')} ms`);
      }
    }
    // Which kills fell between the creation of a temporary file and its rename is chance; say how many did.
    process.stdout.write(`kill-build (--jobs ${jobs}): ${KILLS} kills at ${moments.join(', ')} ms; ${leftovers} temporary files left behind\n`);

    const last = await run(jobs, out);
    expect(last.code).toBe(0);
    expect(files(out).filter((f) => !f.endsWith('.pdf'))).toEqual(['manifest.json']);
    for (const [f, pdf] of expected) expect(fs.readFileSync(path.join(out, f)).equals(pdf)).toBe(true);
    // Twenty builds cut short and two whole ones: minutes on a busy two-core machine.
  }, 300_000);
});
