// The demo server: bundles playground/app.ts with esbuild, then serves it and the FAPI emulator on one
// origin (127.0.0.1), so the page talks to the emulator through `proxyUrl: '/__clerk'` (no CORS).
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { startEmulator } from '../dist/emulator/index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.svg': 'image/svg+xml' };

export const DEMO_USER = { emailAddress: 'demo@example.com', password: 'microclerk-demo-1', firstName: 'Demo', lastName: 'User' };

export async function buildPlayground() {
  await build({
    entryPoints: [join(here, 'app.ts')],
    outdir: join(here, 'dist'),
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    sourcemap: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
  });
}

/** Starts emulator + playground; resolves with the URL and the running emulator. */
export async function startPlayground({ port = 4000, settings, quiet = false } = {}) {
  await buildPlayground();
  let publishableKey = '';
  const running = await startEmulator({
    port,
    host: '127.0.0.1',
    settings,
    seed: { users: [DEMO_USER] },
    fallback: (req, res) => void serveStatic(req, res, () => publishableKey),
  });
  publishableKey = running.publishableKey;
  if (!quiet) {
    console.log(`microclerk playground: ${running.url}/`);
    console.log(`  emulator (proxyUrl): ${running.proxyUrl}   publishable key: ${publishableKey}`);
    console.log(`  demo user: ${DEMO_USER.emailAddress} / ${DEMO_USER.password}; emails with +clerk_test accept code 424242`);
  }
  return running;
}

async function serveStatic(req, res, getKey) {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const file = normalize(join(here, path === '/' || !extname(path) ? 'index.html' : path));
  if (!file.startsWith(resolve(here))) return void res.writeHead(403).end();
  try {
    let body = await readFile(file);
    if (file.endsWith('index.html')) body = Buffer.from(body.toString('utf8').replace('%PUBLISHABLE_KEY%', getKey()));
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  }
}
