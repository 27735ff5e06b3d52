/**
 * Background requests per hour: runs the polling plugin's multi-tab scenario (its own
 * `runBrowserScenario`, via test/bench/polling.scenario.ts under vitest with fake timers and the
 * emulator through msw) and reads the figures it writes. If the plugin or its scenario helper is not
 * there, the row is "pending" — never a made-up number.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIMEOUT_MS = 120_000;

/** ClerkJS's documented behaviour (fapi-protocol.md §5 "Polling and refresh"; labelled, not measured). */
export const CLERKJS_POLLING_FACTS = [
  'Poller under the cross-tab lock `clerk.lock.refreshSessionToken`: every 1.5 s when the document has focus, else 5 s, it calls session.getToken(), served from the cache (network only near expiry).',
  'Net: "about one POST …/tokens per token lifetime per browser (~43 s after iat for 60 s tokens)".',
  'Background refresh fires exp − now − 17 s, only when the tab is focused (or focus unknown).',
  'The `polling` option (documented as "poll every 5 minutes") is not read anywhere in ClerkJS 6.x.',
];

/** The documented ClerkJS rate turned into requests per hour for a token lifetime (arithmetic on §5). */
export const clerkJsDocumentedPerHour = (tokenLifetimeSeconds) => Math.round(3600 / (tokenLifetimeSeconds - 17));

function run(command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGTERM'), TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}

export async function measurePolling(root) {
  const helper = join(root, 'test/helpers/tabs.ts');
  if (!existsSync(join(root, 'plugins/polling/index.ts'))) return { status: 'pending', reason: 'pending (polling plugin not present)' };
  if (!existsSync(helper)) return { status: 'pending', reason: 'pending (test/helpers has no tabs.ts to run)' };

  const dir = mkdtempSync(join(tmpdir(), 'microclerk-bench-polling-'));
  const out = join(dir, 'polling.json');
  try {
    const vitest = join(root, 'node_modules/vitest/vitest.mjs');
    const result = await run(process.execPath, [vitest, 'run', '--config', 'test/bench/vitest.config.mjs', 'test/bench/polling.scenario.ts'], {
      cwd: root,
      env: { ...process.env, BENCH_POLLING_OUT: out, FORCE_COLOR: '0' },
    });
    if (!existsSync(out)) {
      const tail = result.output
        .split('\n')
        .filter((l) => /error|fail|✗|×/i.test(l))
        .slice(0, 5)
        .join(' | ');
      return { status: 'failed', reason: `the polling scenario did not run (exit ${result.code ?? result.signal}): ${tail || 'no output'}` };
    }
    const rows = JSON.parse(readFileSync(out, 'utf8'));
    return { status: 'measured', rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
