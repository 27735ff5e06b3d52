/** DOM test helpers for the hosted components (happy-dom + the emulator through msw), shared by the ui and component plugins' tests. */
import { createClerk, definePlugin, type ClerkPlugin } from '../../kernel/index.js';
import { navigationPlugin, type NavigationApi } from '../../plugins/navigation/index.js';
import { PROXY_URL } from './emulator.js';

/**
 * The real navigation plugin (its redirect rules and URL builders), except that navigations are recorded
 * and only same-origin ones applied, with history.pushState (what a SPA router does): a test page must
 * not leave for another origin.
 */
export function recordingNavigation() {
  const navigations: string[] = [];
  const real = navigationPlugin();
  const plugin = definePlugin({
    name: 'navigation',
    provides: ['navigate'],
    loadOptions: real.loadOptions,
    setup(ctx): NavigationApi {
      const api = real.setup(ctx as never) as NavigationApi;
      const record = async (to: string | undefined, options?: { replace?: boolean }) => {
        if (!to) return;
        const url = new URL(to, location.href);
        navigations.push(url.href);
        if (url.origin === location.origin) history[options?.replace ? 'replaceState' : 'pushState'](null, '', url.pathname + url.search + url.hash);
      };
      // Replaces the navigator the real plugin just provided.
      ctx.provide('navigate', record);
      return { ...api, navigate: record };
    },
  });
  return { plugin, navigations };
}

/** Records full page loads (OAuth providers) instead of leaving the test page. */
export function recordingPageLoads() {
  const pageLoads: string[] = [];
  const plugin = definePlugin({
    name: 'test-page-loads',
    provides: ['pageLoad'],
    setup: (ctx) => (ctx.provide('pageLoad', (url) => void pageLoads.push(url.href)), {}),
  });
  return { plugin, pageLoads };
}

export function startClerk<const P extends readonly ClerkPlugin[]>(publishableKey: string, plugins: P) {
  return createClerk({ publishableKey, proxyUrl: PROXY_URL, plugins });
}

export function clearCookies() {
  for (const part of document.cookie.split('; ')) {
    const name = part.split('=')[0];
    if (name) document.cookie = `${name}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
  }
}

/** Resolves once `check` returns a truthy value (or stops throwing); fails with the last problem. */
export async function waitFor<T>(check: () => T, timeout = 4000): Promise<NonNullable<T>> {
  const start = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const value = check();
      if (value) return value as NonNullable<T>;
      last = new Error('condition not met');
    } catch (err) {
      last = err;
    }
    if (Date.now() - start > timeout) throw last;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The control labelled `text` (exact label text) inside `root`. */
export function byLabel<T extends HTMLElement = HTMLInputElement>(root: ParentNode, text: string): T {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
  if (!label) throw new Error(`no label "${text}" in: ${(root as HTMLElement).textContent}`);
  const control = document.getElementById(label.htmlFor);
  if (!control) throw new Error(`label "${text}" points to nothing`);
  return control as T;
}

export function byText<T extends HTMLElement = HTMLElement>(root: ParentNode, text: string, selector = 'button,a'): T {
  const found = [...root.querySelectorAll<T>(selector)].find((el) => el.textContent?.trim() === text);
  if (!found) throw new Error(`no ${selector} "${text}" in: ${(root as HTMLElement).textContent}`);
  return found;
}

/** Types like a user: sets the value, fires `input`, and lets Preact re-render before returning. */
export async function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 0));
}

export function submit(inside: Element) {
  const form = inside.closest('form') ?? inside.querySelector('form');
  if (!form) throw new Error('no form');
  form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
}

export const title = (root: ParentNode) => root.querySelector('.cl-headerTitle')?.textContent ?? '';

/** A control's accessible name, roughly as browsers compute it: `aria-label`, else its text without `aria-hidden` parts, elements spaced. */
export function accessibleName(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label) return label;
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    else if (node.nodeType === Node.ELEMENT_NODE && (node as Element).getAttribute('aria-hidden') !== 'true') {
      parts.push(' ');
      node.childNodes.forEach(walk);
      parts.push(' ');
    }
  };
  element.childNodes.forEach(walk);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** The button in `root` whose accessible name is `name`, or begins with it followed by a space (a preview's second line). */
export function buttonNamed(root: ParentNode, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => {
    const own = accessibleName(b);
    return own === name || own.startsWith(`${name} `);
  });
  if (!found) throw new Error(`no button named "${name}" in: ${[...root.querySelectorAll('button')].map(accessibleName).join(' | ')}`);
  return found;
}
