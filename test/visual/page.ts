// What the visual checks share: the harness page (bundled in memory, served on the playground's origin through
// Playwright routing), deterministic rendering, the reference comparison and the axe-core run.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const REFERENCES = join(here, '__screenshots__');
export const VISUAL_ARTIFACTS = 'test-artifacts/visual';
/** `npm run test:visual:update` sets it: references are rewritten instead of compared. */
export const UPDATING = process.env.UPDATE_SCREENSHOTS === '1';

/**
 * Tolerance: pixelmatch's per-pixel colour threshold 0.02 (its default 0.1 lets a primary colour change from
 * #2f3037 to #36303f pass unseen), anti-aliased pixels not counted, and at most 0.02 % of the pixels may differ
 * (about 40 on a sign-in card). On one machine the rendering is byte for byte the same; the slack absorbs stray
 * anti-aliasing between Chromium builds, not a changed layout or colour.
 */
export const PIXEL_THRESHOLD = 0.02;
export const MAX_DIFF_RATIO = 0.0002;

/** 2026-01-15 10:30 UTC: the emulator's clock and the page's `Date`, so every timestamp shown is the same each run. */
export const FIXED_TIME = Date.UTC(2026, 0, 15, 10, 30);
/** The page's user agent, so the profile's device list does not change with Chromium's version. */
export const FIXED_USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';

// Deterministic rendering: no motion, no caret, no smooth scrolling; a neutral page behind the component.
const STABLE_CSS = `*,*::before,*::after{animation:none!important;transition:none!important;caret-color:transparent!important;scroll-behavior:auto!important}
html{background:#f4f4f5}html[data-theme=dark]{background:#131316}
body{margin:0;padding:16px;font-family:system-ui,sans-serif}
#slot[data-align=end]{display:flex;justify-content:flex-end}
#page-start{position:absolute;left:-9999px}`;

async function bundleHarness(): Promise<Map<string, string>> {
  const result = await build({
    entryPoints: [join(here, 'harness.ts')],
    outdir: '/__visual',
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
    jsx: 'automatic',
    jsxImportSource: 'preact',
  });
  return new Map(result.outputFiles.map((file) => [file.path.slice('/__visual/'.length), file.text]));
}

const axeSource: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

export interface VisualPage {
  page: Page;
  /** Waits until the page is still: fonts loaded, images decoded, two frames painted, the mouse out of the way. */
  settle(): Promise<void>;
}

/** Opens the harness in a fresh context: fixed viewport, scale 1, fixed clock and user agent, reduced motion. */
export async function openHarness(browser: Browser, origin: string, publishableKey: string, width = 1280): Promise<VisualPage> {
  const files = await bundleHarness();
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    deviceScaleFactor: 1,
    userAgent: FIXED_USER_AGENT,
    reducedMotion: 'reduce',
    colorScheme: 'light',
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  await context.clock.setFixedTime(FIXED_TIME);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[page error]', err));
  const html = `<!doctype html><html lang="en" data-theme="light"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>microclerk visual checks</title><link rel="icon" href="data:,"><style>${STABLE_CSS}</style></head>
<body data-publishable-key="${publishableKey}"><a id="page-start" href="#stage">Skip to the component</a><main id="stage"></main><script type="module" src="/__visual/harness.js"></script></body></html>`;
  await page.route(`${origin}/__visual/**`, (route) => {
    const name = new URL(route.request().url()).pathname.slice('/__visual/'.length);
    if (name === 'index.html') return route.fulfill({ contentType: 'text/html', body: html });
    const body = files.get(name);
    return body === undefined ? route.fulfill({ status: 404, body: 'not found' }) : route.fulfill({ contentType: 'text/javascript', body });
  });
  await page.goto(`${origin}/__visual/index.html`);
  await page.waitForFunction(() => 'visual' in window);
  await page.evaluate(() => (window as unknown as { visual: { loaded: Promise<unknown> } }).visual.loaded);
  const settle = async () => {
    await page.mouse.move(0, 0);
    await page.evaluate(async () => {
      await document.fonts.ready;
      await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    });
  };
  return { page, settle };
}

/**
 * The part of the page the component covers: every element inside its root box (popovers included), plus a margin
 * for shadows. The slot and the root box themselves are left out: they are blocks as wide as the page.
 */
export async function componentClip(page: Page) {
  return page.evaluate(() => {
    const slot = document.getElementById('slot');
    if (!slot) throw new Error('nothing mounted');
    // Only what paints counts: text, controls and images, and boxes with a background, border or shadow. Wrappers
    // as wide as the page and visually hidden helpers (1 px file inputs, screen-reader text) do not.
    const paints = (el: Element) => {
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
      if (/^(IMG|SVG|INPUT|BUTTON|SELECT|TEXTAREA)$/i.test(el.tagName)) return true;
      if ([...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())) return true;
      const style = getComputedStyle(el);
      const transparent = (color: string) => color === 'transparent' || /rgba\(.*,\s*0\)$/.test(color);
      return (
        !transparent(style.backgroundColor) ||
        style.boxShadow !== 'none' ||
        ['Top', 'Right', 'Bottom', 'Left'].some(
          (side) =>
            parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0 &&
            style.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none',
        )
      );
    };
    const rects = [...slot.querySelectorAll('.cl-rootBox *')]
      .filter(paints)
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 1 && r.height > 1);
    const left = Math.min(...rects.map((r) => r.left));
    const top = Math.min(...rects.map((r) => r.top));
    const right = Math.max(...rects.map((r) => r.right));
    const bottom = Math.max(...rects.map((r) => r.bottom));
    const margin = 12;
    const x = Math.max(0, Math.floor(left + scrollX - margin));
    const y = Math.max(0, Math.floor(top + scrollY - margin));
    const width = Math.min(document.documentElement.scrollWidth, Math.ceil(right + scrollX + margin)) - x;
    const height = Math.ceil(bottom + scrollY + margin) - y;
    return { x, y, width, height };
  });
}

export interface Comparison {
  name: string;
  /** Why it does not match, or undefined when it does (or the reference was just written). */
  problem?: string;
}

/** Compares a screenshot with its reference (or writes the reference when updating); mismatches leave actual and diff PNGs. */
export function compareWithReference(name: string, actualPng: Buffer): Comparison {
  const reference = join(REFERENCES, `${name}.png`);
  if (UPDATING) {
    mkdirSync(REFERENCES, { recursive: true });
    writeFileSync(reference, actualPng);
    return { name };
  }
  mkdirSync(VISUAL_ARTIFACTS, { recursive: true });
  const actualPath = join(VISUAL_ARTIFACTS, `${name}.actual.png`);
  if (!existsSync(reference)) {
    writeFileSync(actualPath, actualPng);
    return { name, problem: `no reference ${reference} (npm run test:visual:update writes it; actual in ${actualPath})` };
  }
  const referencePng = readFileSync(reference);
  // Chromium encodes the same pixels to the same bytes: the usual case needs no decoding.
  if (referencePng.equals(actualPng)) return { name };
  const expected = PNG.sync.read(referencePng);
  const actual = PNG.sync.read(actualPng);
  if (expected.width !== actual.width || expected.height !== actual.height) {
    writeFileSync(actualPath, actualPng);
    return { name, problem: `size ${actual.width}×${actual.height}, reference ${expected.width}×${expected.height} (actual in ${actualPath})` };
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differing = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: PIXEL_THRESHOLD });
  // A floor of 10 pixels, so the small screenshots (a 158 × 56 button) get the same slack as the cards.
  const allowed = Math.max(10, Math.floor(actual.width * actual.height * MAX_DIFF_RATIO));
  if (differing <= allowed) return { name };
  const diffPath = join(VISUAL_ARTIFACTS, `${name}.diff.png`);
  writeFileSync(actualPath, actualPng);
  writeFileSync(diffPath, PNG.sync.write(diff));
  return { name, problem: `${differing} pixels differ (at most ${allowed} may); actual ${actualPath}, diff ${diffPath}` };
}

/** When updating: deletes references no state wrote (a renamed or removed state); returns their names. */
export function removeStaleReferences(written: readonly string[]): string[] {
  if (!UPDATING || !existsSync(REFERENCES)) return [];
  const keep = new Set(written.map((name) => `${name}.png`));
  const stale = readdirSync(REFERENCES).filter((file) => file.endsWith('.png') && !keep.has(file));
  for (const file of stale) rmSync(join(REFERENCES, file));
  return stale;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core on the mounted component; returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<Record<string, any>> }> } }).axe;
    const result = await axe.run(
      { include: ['#slot'] },
      { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } },
    );
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes
          .slice(0, 5)
          .map((n: { target: string[]; any: Array<{ message: string }> }) => `${n.target.join(' ')} (${n.any[0]?.message ?? 'see axe'})`),
      }));
  });
}
