// @vitest-environment happy-dom
/**
 * Injection over every rendered field of every component: every string FAPI sends that a component may
 * show (names, username, email, phone, identifiers, external accounts, organization name and slug,
 * membership, invitation and suggestion data, the application name, role names) is replaced in the
 * emulator's answers with a hostile string that names its field, and every image or logo URL with a
 * `javascript:` URL. Each component (and each page of the profiles, and the popovers) is mounted and the
 * document scanned: no element or attribute may come from the data, no `javascript:` URL may be in an
 * attribute, no script may run; and the data must show as text (so the scan sees what it should).
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEmulator, isDroppedConnection } from '../../emulator/index.js';
import { Clerk } from '../../presets/full.js';
import { APP_ORIGIN, PROXY_URL } from '../helpers/emulator.js';
import { clearCookies, waitFor } from '../helpers/ui.js';

const PASSWORD = 'correct horse battery';
const emulator = createEmulator({
  allowedOrigins: [APP_ORIGIN],
  settings: { username: { enabled: true } },
  seed: {
    users: [
      { emailAddress: 'ada@example.com', password: PASSWORD, firstName: 'Ada', lastName: 'Lovelace', username: 'ada', phoneNumber: '+15555550100' },
      { emailAddress: 'grace@example.com', password: PASSWORD, firstName: 'Grace' },
    ],
  },
});

/** Every payload runs `window.__pwned = '<field>'` if it is ever parsed as HTML or followed as a URL. */
const textPayload = (field: string) => `"><img src=x onerror="window.__pwned='${field}'"><script>window.__pwned='${field}'</script>${field}`;
const urlPayload = (field: string) => `javascript:window.__pwned='${field}'`;

/** Keys whose string values components render as text. */
const TEXT_KEYS = new Set([
  'first_name',
  'last_name',
  'username',
  'email_address',
  'phone_number',
  'identifier',
  'name',
  'slug',
  'application_name',
  'role_name',
  'provider_user_id',
  'web3_wallet',
  'label',
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background']);
/** Keys whose values are URLs the components put in `src`/`href`. */
const URL_KEYS = new Set(['image_url', 'logo_url', 'avatar_url', 'favicon_url', 'logo_image_url', 'home_url', 'terms_url', 'privacy_policy_url']);

const poisoned = new Set<string>();
/** The answer with every renderable string replaced; ids, statuses, codes and everything else left as they are. */
function poison(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => poison(item, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)]));
  if (typeof value !== 'string' || !value) return value;
  if (TEXT_KEYS.has(key)) return (poisoned.add(key), textPayload(key));
  if (URL_KEYS.has(key)) return (poisoned.add(key), urlPayload(key));
  return value;
}

let poisoning = false;
const server = setupServer(
  http.all(`${PROXY_URL}/*`, async ({ request }): Promise<Response> => {
    try {
      const response = await emulator.handle(request);
      if (!poisoning || !response.headers.get('content-type')?.includes('json')) return response;
      const headers = new Headers(response.headers);
      headers.delete('content-length');
      return new Response(JSON.stringify(poison(await response.json())), { status: response.status, headers });
    } catch (err) {
      if (isDroppedConnection(err)) return HttpResponse.error();
      throw err;
    }
  }),
);

type AnyClerk = Record<string, any>;
let clerk: AnyClerk;
const scans: Array<{ view: string; elements: number; shown: string[] }> = [];

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  clearCookies();
  // The data the components will show: a user with everything, an organization with a member, an invitation and a request.
  // Grace's organization invites Ada: an invitation Ada's components list.
  const grace = new Clerk(emulator.publishableKey, { proxyUrl: PROXY_URL }) as unknown as AnyClerk;
  await grace.load();
  const graceAttempt = await grace.client.signIn.create({ identifier: 'grace@example.com', password: PASSWORD });
  await grace.setActive({ session: graceAttempt.createdSessionId });
  const beta = await grace.createOrganization({ name: 'Beta', slug: 'beta' });
  await grace.setActive({ organization: beta.id });
  await beta.inviteMember({ emailAddress: 'ada@example.com', role: 'org:member' });
  await grace.signOut(() => {});
  grace.destroy();
  const setup = new Clerk(emulator.publishableKey, { proxyUrl: PROXY_URL }) as unknown as AnyClerk;
  await setup.load();
  const attempt = await setup.client.signIn.create({ identifier: 'ada@example.com', password: PASSWORD });
  await setup.setActive({ session: attempt.createdSessionId });
  const org = await setup.createOrganization({ name: 'Acme', slug: 'acme' });
  await setup.setActive({ organization: org.id });
  await org.inviteMember({ emailAddress: 'grace+clerk_test@example.com', role: 'org:member' }).catch(() => undefined);
  setup.destroy();
  // From here on every answer is hostile.
  poisoning = true;
  clerk = new Clerk(emulator.publishableKey, { proxyUrl: PROXY_URL }) as unknown as AnyClerk;
  await clerk.load();
  delete (window as { __pwned?: unknown }).__pwned;
});
afterAll(() => {
  clerk?.destroy();
  server.close();
  const fieldsShown = new Set(scans.flatMap((s) => s.shown));
  console.log(
    `injection scan: ${scans.length} views scanned, ${scans.reduce((n, s) => n + s.elements, 0)} elements, ` +
      `${poisoned.size} fields poisoned (${[...poisoned].sort().join(', ')}), ${fieldsShown.size} shown (${[...fieldsShown].sort().join(', ')}), 0 injected`,
  );
});
afterEach(() => {
  document.body.innerHTML = '';
});

/** No element or attribute came from the data, no script URL is in an attribute, nothing ran; returns the poisoned fields shown as text. */
function scan(view: string, root: ParentNode = document.body): string[] {
  const elements = [...root.querySelectorAll('*')];
  for (const element of elements) {
    expect(['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'], `${view}: a <${element.tagName.toLowerCase()}> element`).not.toContain(element.tagName);
    for (const attribute of [...element.attributes]) {
      expect(attribute.name.startsWith('on'), `${view}: ${attribute.name}= on <${element.tagName.toLowerCase()}>`).toBe(false);
      // Text attributes (aria-label, title, alt, value) may hold the data; URL attributes may not hold a script URL.
      if (URL_ATTRIBUTES.has(attribute.name))
        expect(/^\s*(javascript|data|vbscript):/i.test(attribute.value), `${view}: ${attribute.name}="${attribute.value}"`).toBe(false);
    }
    if (element.tagName === 'IMG') expect(element.getAttribute('src') ?? '').not.toMatch(/^x$/);
  }
  expect((window as { __pwned?: unknown }).__pwned, `${view}: a payload ran`).toBeUndefined();
  // Where data may show: text, form values, text attributes.
  const text = [
    (root as Element).textContent ?? '',
    ...[...root.querySelectorAll<HTMLInputElement>('input, textarea')].map((input) => input.value),
    ...elements.flatMap((element) => [...element.attributes].map((attribute) => attribute.value)),
  ].join('\n');
  const shown = [...TEXT_KEYS].filter((field) => text.includes(textPayload(field)));
  scans.push({ view, elements: elements.length, shown });
  return shown;
}

function mountInto(component: string, props: Record<string, unknown> = {}) {
  const root = document.createElement('div');
  document.body.appendChild(root);
  clerk[`mount${component}`](root, props);
  return root;
}

const rendered = (root: Element) => waitFor(() => root.querySelector('[class*="cl-"]') && !root.querySelector('.cl-spinner'), 6000);
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('hostile data in every rendered field', () => {
  it('the scan catches markup made from data (it can fail)', () => {
    const root = document.createElement('div');
    root.innerHTML = `<span>${textPayload('first_name')}</span>`;
    expect(() => scan('self-test', root)).toThrow();
    const link = document.createElement('div');
    link.innerHTML = `<a href="${urlPayload('image_url')}">x</a>`;
    expect(() => scan('self-test', link)).toThrow(/href=/);
    delete (window as { __pwned?: unknown }).__pwned;
  });

  it('the answers are hostile (the test sees what it should)', () => {
    expect(clerk.user.firstName).toBe(textPayload('first_name'));
    expect(clerk.organization.name).toBe(textPayload('name'));
    expect(clerk.user.imageUrl).toBe(urlPayload('image_url'));
  });

  it('<UserButton/> and its popover', async () => {
    const root = mountInto('UserButton', { showName: true });
    await rendered(root);
    scan('UserButton');
    (root.querySelector('.cl-userButtonTrigger') as HTMLButtonElement).click();
    await waitFor(() => root.querySelector('.cl-userButtonPopoverCard'));
    await settle();
    expect(scan('UserButton popover')).toEqual(expect.arrayContaining(['first_name', 'email_address']));
  });

  it('<UserProfile/>, every page', async () => {
    const root = mountInto('UserProfile', { routing: 'virtual' });
    await rendered(root);
    await settle();
    const account = scan('UserProfile account');
    expect(account).toEqual(expect.arrayContaining(['first_name', 'email_address', 'phone_number']));
    // The username shows in the profile form (the row shows the name).
    [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.includes('Update profile'))!.click();
    await settle();
    expect(scan('UserProfile profile form')).toEqual(expect.arrayContaining(['username']));
    const pages = [...root.querySelectorAll<HTMLButtonElement>('.cl-navbarButton')];
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      page.click();
      await settle();
      scan(`UserProfile ${page.textContent}`);
    }
  });

  it('<OrganizationSwitcher/> and its popover, <OrganizationList/>, <CreateOrganization/>', async () => {
    const switcher = mountInto('OrganizationSwitcher');
    await rendered(switcher);
    expect(scan('OrganizationSwitcher')).toContain('name');
    (switcher.querySelector('.cl-organizationSwitcherTrigger') as HTMLButtonElement).click();
    await settle();
    scan('OrganizationSwitcher popover');
    const list = mountInto('OrganizationList');
    await rendered(list);
    // Beta's invitation to Ada shows with its (hostile) organization name, beside Acme.
    await waitFor(() => list.querySelectorAll('.cl-organizationPreviewMainIdentifier').length >= 2);
    expect(scan('OrganizationList', list)).toContain('name');
    const create = mountInto('CreateOrganization');
    await rendered(create);
    scan('CreateOrganization', create);
  });

  it('<OrganizationProfile/>, every page', async () => {
    const root = mountInto('OrganizationProfile', { routing: 'virtual' });
    await rendered(root);
    await settle();
    expect(scan('OrganizationProfile general')).toContain('name');
    for (const page of [...root.querySelectorAll<HTMLButtonElement>('.cl-navbarButton')]) {
      page.click();
      await settle();
      scan(`OrganizationProfile ${page.textContent}`);
    }
  });

  it('<SignIn/> (application name, the account chooser), <SignUp/>, <Waitlist/> when signed out', async () => {
    await clerk.setActive({ session: null });
    for (const component of ['SignIn', 'SignUp', 'Waitlist']) {
      const root = mountInto(component, { routing: 'virtual' });
      await rendered(root);
      scan(component, root);
    }
    history.replaceState(null, '', '/#/choose');
    const chooser = mountInto('SignIn', { routing: 'hash' });
    await rendered(chooser);
    await settle();
    scan('SignIn account chooser', chooser);
    history.replaceState(null, '', '/');
    expect(vi.isMockFunction(window.location.assign)).toBe(false);
  });
});
