/**
 * The emulator dashboard at `<prefix>/__emulator/`: a static page and its Preact script. The script is
 * dist/emulator/dashboard.js next to the built emulator (scripts/build-dashboard.mjs); run from source
 * (tests), it is bundled from emulator/dashboard/ with esbuild on the first request.
 */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>microclerk emulator</title>
<script type="module" src="dashboard.js"></script>
</head>
<body><div id="dashboard">Loading the emulator dashboard…</div></body>
</html>
`;

// The page runs only its own script and talks only to this origin.
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

export function dashboardPage(): Response {
  return new Response(PAGE, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8', ...SECURITY_HEADERS } });
}

let script: Promise<string> | undefined;

async function loadScript(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const { existsSync } = await import('node:fs');
  const { fileURLToPath } = await import('node:url');
  const built = fileURLToPath(new URL('./dashboard.js', import.meta.url));
  if (existsSync(built)) return readFile(built, 'utf8');
  const source = fileURLToPath(new URL('../dashboard/app.tsx', import.meta.url));
  if (!existsSync(source)) throw new Error('the dashboard script is not built (run `npm run build` or `node scripts/build-dashboard.mjs`)');
  // A variable specifier keeps bundlers from pulling esbuild (a dev tool) into the emulator build.
  const esbuildName = 'esbuild';
  const esbuild = (await import(/* @vite-ignore */ esbuildName)) as typeof import('esbuild');
  const result = await esbuild.build({
    entryPoints: [source],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export async function dashboardScript(): Promise<Response> {
  script ??= loadScript();
  try {
    return new Response(await script, { status: 200, headers: { 'Content-Type': 'text/javascript; charset=utf-8', ...SECURITY_HEADERS } });
  } catch (error) {
    script = undefined;
    return new Response(`microclerk emulator: ${error instanceof Error ? error.message : String(error)}`, {
      status: 500,
      headers: { 'Content-Type': 'text/plain' },
    });
  }
}
