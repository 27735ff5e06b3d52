import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
// @ts-expect-error plain ESM module without types
import { startPlayground } from '../../playground/server.mjs';

export const ARTIFACTS = 'test-artifacts/e2e';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface PlaygroundHandle {
  url: string;
  publishableKey: string;
  emulator: { outbox: { latest(to?: string): { code?: string; link?: string } | undefined }; addUser(user: Record<string, unknown>): string };
  close(): Promise<void>;
}

/** Starts the playground (emulator included) and one Chromium for the test file; `options` go to `startPlayground` (e.g. a fixed clock `now`). */
export function usePlaygroundBrowser(settings?: Record<string, unknown>, options: { now?: () => number } = {}) {
  const ctx = {} as { browser: Browser; playground: PlaygroundHandle; newPage(): Promise<Page> };
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ctx.playground = await startPlayground({ port: 0, settings, quiet: true, ...options });
    ctx.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    ctx.newPage = async () => {
      const page = await (await ctx.browser.newContext()).newPage();
      page.on('pageerror', (err) => console.error('[page error]', err));
      return page;
    };
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.playground?.close();
  });
  return ctx;
}
