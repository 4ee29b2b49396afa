// Times whole processes in turn (A B C, A B C, …) so that a machine whose speed drifts (a shared
// one) slows every tool alike; the warm-up round is not counted. Each run goes through GNU time
// (/usr/bin/time) for CPU (user + system, children included) and peak memory (the largest single
// process's resident set, as the kernel reports it); wall time is measured around the process.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const GNU_TIME = '/usr/bin/time';

export const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** One run of `cmd` (argv) in `cwd`: { wall, cpu, peak (MiB), code, stderr }. */
function once({ argv, cwd, env }, statsFile, timeoutMs) {
  const started = process.hrtime.bigint();
  const r = spawnSync(GNU_TIME, ['-o', statsFile, '-f', '%U %S %M', ...argv], {
    cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 << 20,
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  // GNU time writes "Command exited with non-zero status N" before its line when the command fails.
  const [user, sys, kib] = fs.readFileSync(statsFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: user + sys, peak: kib / 1024, code: r.status ?? (r.error ? r.error.message : r.signal), stderr: r.stderr ?? '' };
}

/**
 * Runs every tool `warmup` rounds, then `runs` rounds, in turn within each round.
 * tools: [{ name, argv, cwd?, env?, check?(): string|null }]. check runs after each counted run and
 * names what is missing from the output (a run that wrote no PDF is a failure, not a fast run).
 * Returns { [name]: [{ wall, cpu, peak }] } or throws with the failing tool's stderr.
 */
export function interleave(tools, { runs, warmup = 1, timeoutMs = 10 * 60_000, onRun } = {}) {
  const statsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-bench-time-')), 'time.txt');
  const results = Object.fromEntries(tools.map((t) => [t.name, []]));
  try {
    for (let round = -warmup; round < runs; round++) {
      for (const tool of tools) {
        tool.before?.();
        const r = once(tool, statsFile, timeoutMs);
        const missing = r.code === 0 ? tool.check?.() : null;
        if (r.code !== 0 || missing) {
          throw new Error(`${tool.name} failed (${r.code !== 0 ? `exit ${r.code}` : missing}): ${tool.argv.join(' ')}\n${r.stderr.trim().split('\n').slice(-15).join('\n')}`);
        }
        if (round >= 0) results[tool.name].push(r);
        onRun?.(tool.name, round, r);
      }
    }
  } finally {
    fs.rmSync(path.dirname(statsFile), { recursive: true, force: true });
  }
  return results;
}
