// The demo server: bundles the two pages (app.ts: the UI components on the full preset; headless.ts:
// hand-written forms on the headless preset) with esbuild, then serves them and the FAPI emulator on
// one origin (127.0.0.1), so the pages talk to the emulator through `proxyUrl: '/__clerk'` (no CORS).
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { startEmulator } from '../dist/emulator/index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here);
// Only these file types are served: the server's own source and anything else in the folder stay private.
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.svg': 'image/svg+xml' };

export const DEMO_USER = { emailAddress: 'demo@example.com', password: 'microclerk-demo-1', firstName: 'Demo', lastName: 'User' };
/** Any email @acme.test signs in (or up) through the emulator's fake SAML identity provider. */
export const DEMO_SSO_CONNECTION = { domain: 'acme.test', protocol: 'saml', name: 'Acme Corp' };
/** Two connections on initech.test: <SignIn/> lets the user choose one. */
export const DEMO_SSO_CHOICE = [
  { domain: 'initech.test', protocol: 'saml', name: 'Initech SAML' },
  { domain: 'initech.test', protocol: 'oidc', name: 'Initech Okta' },
];

export async function buildPlayground() {
  await build({
    entryPoints: [join(here, 'app.ts'), join(here, 'headless.ts')],
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
export async function startPlayground({ port = 4000, settings, quiet = false, allowedOrigins = [], dataDir, now } = {}) {
  await buildPlayground();
  let publishableKey = '';
  const running = await startEmulator({
    port,
    host: '127.0.0.1',
    settings: { enterpriseConnections: [DEMO_SSO_CONNECTION, ...DEMO_SSO_CHOICE], ...settings },
    // The pages are served from the emulator's own origin, which is always allowed; more app origins can be added.
    allowedOrigins,
    seed: { users: [DEMO_USER] },
    // With a data directory the saved state is used instead of the seed (the demo user is in it from the first run).
    dataDir,
    // A fixed clock (`now`) gives tests the same timestamps on every run (test/visual).
    now,
    fallback: (req, res) => void serveStatic(req, res, () => publishableKey),
  });
  publishableKey = running.publishableKey;
  if (!quiet) {
    console.log(`
  microclerk playground   ${running.url}/
  emulator dashboard      ${running.url}/__emulator/
  publishable key         ${publishableKey}   (proxyUrl ${running.proxyUrl})
  demo user               ${DEMO_USER.emailAddress} / ${DEMO_USER.password}
  test emails             name+clerk_test@example.com accept the code 424242
  enterprise SSO          any email @${DEMO_SSO_CONNECTION.domain} goes to the fake SAML identity provider;
                          @${DEMO_SSO_CHOICE[0].domain} has two connections (a chooser first)
  emulator state          ${running.dataFile ?? 'in memory (npm start -- --data DIR keeps it)'}
`);
  }
  return running;
}

async function serveStatic(req, res, getKey) {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  // Extensionless paths (`/`, `/sign-in`) are the main page, which routes by itself.
  const file = normalize(join(root, path === '/' || !extname(path) ? 'index.html' : path));
  const type = TYPES[extname(file)];
  // `root + sep`: a sibling folder such as `playground-old/` must not pass as inside; no dotfiles either.
  if (!file.startsWith(root + sep) || !type || /[\\/]\./.test(file.slice(root.length)))
    return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  try {
    let body = await readFile(file);
    if (file.endsWith('.html')) body = Buffer.from(body.toString('utf8').replaceAll('%PUBLISHABLE_KEY%', getKey()));
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  }
}
