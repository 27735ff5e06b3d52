/**
 * Runs one of the bench's vitest scenario files (test/bench/*.scenario.ts) in a child process and reads
 * the JSON it writes to the file named by `outVar`. A scenario that does not run gives "failed" with
 * the first error lines — never a made-up number.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(command, args, options, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}

export async function runScenario(root, file, outVar, { timeoutMs = 300_000, env = {} } = {}) {
  if (!existsSync(join(root, file))) return { status: 'pending', reason: `pending (${file} not present)` };
  const dir = mkdtempSync(join(tmpdir(), 'microclerk-bench-'));
  const out = join(dir, 'out.json');
  try {
    const vitest = join(root, 'node_modules/vitest/vitest.mjs');
    const result = await run(
      process.execPath,
      [vitest, 'run', '--config', 'test/bench/vitest.config.mjs', file],
      {
        cwd: root,
        env: { ...process.env, ...env, [outVar]: out, FORCE_COLOR: '0' },
      },
      timeoutMs,
    );
    if (!existsSync(out)) {
      const tail = result.output
        .split('\n')
        .filter((l) => /error|fail|✗|×/i.test(l))
        .slice(0, 5)
        .join(' | ');
      return { status: 'failed', reason: `${file} did not run (exit ${result.code ?? result.signal}): ${tail || 'no output'}` };
    }
    return { status: 'measured', rows: JSON.parse(readFileSync(out, 'utf8')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
