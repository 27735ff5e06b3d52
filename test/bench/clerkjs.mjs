/**
 * ClerkJS, measured in the same run from the installed npm package (node_modules/@clerk/clerk-js).
 *
 * Files are measured as shipped (already minified): bytes, gzip -9, brotli q11. Which file is "core",
 * whether a headless build exists and whether the UI package is installed are read from the package's
 * package.json and dist/ listing at run time, never assumed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureClerkUi } from './clerk-ui.mjs';
import { bundleConsumer, compressedSizes } from './sizes.mjs';

/**
 * What each lazily loaded chunk of clerk.browser.js is for, read from the call sites of the bundle's
 * chunk loader in 6.40.0 (documentation, not a measurement). Unknown names print as such.
 */
const CHUNK_PURPOSE = {
  vendors: 'shared vendor code of the web3 wallet SDKs and of the crypto-js fallback for the cookie suffix',
  cookieSuffix: 'crypto-js fallback when SubtleCrypto cannot hash the cookie suffix',
  'query-core-vendors': 'TanStack QueryClient (`__internal_queryClient`, used by UI hooks)',
  'zxcvbn-ts-core': 'password strength (zxcvbn), loaded by UI forms',
  'zxcvbn-common': 'password strength dictionary (zxcvbn)',
  'base-account-sdk': 'Base account wallet (web3 sign-in)',
  'coinbase-wallet-sdk': 'Coinbase wallet (web3 sign-in)',
  'stripe-vendors': 'Stripe.js loader (billing)',
  10: 'QueryClient re-export (with query-core-vendors)',
  321: 'debug logger (only when debug logging is on)',
  494: 'wallet-standard wallet discovery (web3 sign-in)',
};

/** `root` is the repository; ClerkJS and @clerk/ui are read from its compare/ package (`npm run compare:install`). */
export async function measureClerkJs(root) {
  const compareRoot = join(root, 'compare');
  const dir = join(compareRoot, 'node_modules/@clerk/clerk-js');
  if (!existsSync(join(dir, 'package.json'))) return { ok: false, error: '@clerk/clerk-js is not installed in compare/ (npm run compare:install)' };
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const dist = join(dir, 'dist');
  const listing = readdirSync(dist).filter((f) => f.endsWith('.js') || f.endsWith('.mjs'));
  const measureFile = (name) => ({ name, ...compressedSizes(readFileSync(join(dist, name))) });

  // The script-tag / CDN build (`jsdelivr` field): ClerkJS core, no UI.
  const browserName = pkg.jsdelivr?.replace(/^(\.\/)?dist\//, '') ?? 'clerk.browser.js';
  const core = existsSync(join(dist, browserName)) ? measureFile(browserName) : null;

  // Its lazily loaded chunks: the rspack runtime maps chunk ids to `<name>_clerk.browser_<hash>_<version>.js`.
  const browserSource = core ? readFileSync(join(dist, browserName), 'utf8') : '';
  const variant = browserName.replace(/\.js$/, '');
  const chunkNames = Object.fromEntries(
    [...(/\(\{([0-9]+:"[^"]+"(?:,[0-9]+:"[^"]+")*)\}\)\[e\]\|\|e\)\+"_clerk\.browser_"/.exec(browserSource)?.[1] ?? '').matchAll(/([0-9]+):"([^"]+)"/g)].map(
      (m) => [m[1], m[2]],
    ),
  );
  const chunkPattern = new RegExp(`^(.+)_${variant.replace('.', '\\.')}_[0-9a-f]+_${pkg.version.replace(/\./g, '\\.')}\\.js$`);
  const lazyChunks = listing
    .map((name) => ({ name, match: chunkPattern.exec(name) }))
    .filter((c) => c.match)
    .map(({ name, match }) => {
      const id = match[1];
      const label = chunkNames[id] ?? id;
      return { ...measureFile(name), chunk: label, purpose: CHUNK_PURPOSE[label] ?? (/^[0-9]+$/.test(label) ? 'unnamed chunk' : 'unknown') };
    });

  // A headless build: an export condition or file named headless.
  const exportKeys = Object.keys(pkg.exports ?? {});
  const headlessExport = exportKeys.find((k) => k.includes('headless')) ?? null;
  const headlessFiles = listing.filter((f) => /headless/.test(f));
  const headless = headlessFiles.length ? headlessFiles.map(measureFile) : null;

  // The UI: ClerkJS 6.x takes a `ui.ClerkUI` constructor from the separate @clerk/ui package (clerk-ui.mjs).
  const ui = measureClerkUi(compareRoot, root);
  const takesUiCtor = browserSource.includes('ClerkUI');

  // What an app bundling the npm package ships (its `import` condition), bundled like microclerk's rows.
  let npmBundle;
  try {
    const bundle = await bundleConsumer(compareRoot, `import { Clerk } from '@clerk/clerk-js';\nglobalThis.__bench = Clerk;`);
    const inputs = Object.keys(Object.values(bundle.metafile.outputs)[0]?.inputs ?? {}).filter((i) => !i.startsWith('bench-consumer'));
    npmBundle = { ok: true, ...bundle.files[0].sizes, inputs };
  } catch (error) {
    npmBundle = { ok: false, error: String(error?.message ?? error).split('\n')[0] };
  }

  return {
    ok: true,
    version: pkg.version,
    exports: exportKeys,
    core,
    lazyChunks,
    headless: { exportCondition: headlessExport, files: headless },
    ui: { ...ui, clerkJsTakesClerkUICtor: takesUiCtor },
    npmBundle,
  };
}
