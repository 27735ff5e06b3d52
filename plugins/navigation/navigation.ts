import { definePlugin, type ClerkPlugin } from '../../kernel/index.js';
import { ClerkRuntimeError } from '../../kernel/errors.js';
import { camelToSnake } from '../../kernel/case.js';
import { originOf, pageUrl, safeUrl } from '../../kernel/safe-url.js';
import { expectObject, invalidArgument } from '../../kernel/errors.js';
import { navigationLoadOptionsSchema, type NavigationLoadOptions, type RouterFn, type RouterMetadata } from './options.js';
import { DEFAULT_PROTOCOLS, checkRedirect, defaultAllowedOrigins, isAllowedOrigin, pageParams, withHashRoute, type RedirectPolicy } from './redirects.js';

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    navigation: NavigationApi;
  }
}

declare module '../../kernel/events.js' {
  interface KernelEvents {
    /** A navigation is about to happen (already validated); UI closes its modals on it. */
    'navigation:navigate': { url: string; replace: boolean };
  }
}

export interface NavigateOptions {
  /** Replace the current history entry (uses `routerReplace` when given). */
  replace?: boolean;
  /** Passed to the router as `__internal_metadata`. */
  metadata?: Record<string, string>;
}

/** Where to go after signing in or up, as `buildSignInUrl`/`redirectToSignIn` accept it. */
export interface RedirectOptions {
  /** Back here after the flow (`redirect_url`); default: the current page. */
  redirectUrl?: string | null;
  signInForceRedirectUrl?: string | null;
  signInFallbackRedirectUrl?: string | null;
  signUpForceRedirectUrl?: string | null;
  signUpFallbackRedirectUrl?: string | null;
  /** Prefills the form (`email_address`, … in the hash route). */
  initialValues?: { emailAddress?: string; phoneNumber?: string; username?: string; firstName?: string; lastName?: string };
}

/**
 * The contract of the plugin named `navigation`. Other plugins (sign-out, UI) and the kernel's
 * `setActive({ redirectUrl })` navigate through it; a replacement plugin must provide all of it, list
 * `provides: ['navigate']` and install its navigator with `ctx.provide('navigate', fn)`.
 */
export interface NavigationApi {
  /** Goes to a URL or path: same-origin through `routerPush`/`routerReplace`, else a page load. Unsafe targets and origins outside `allowedRedirectOrigins` go to `/`. */
  navigate(to: string | undefined, options?: NavigateOptions): Promise<unknown>;
  /** `signInUrl` option or `display_config.sign_in_url`, with redirect parameters in the hash. '' before load. */
  buildSignInUrl(options?: RedirectOptions): string;
  buildSignUpUrl(options?: RedirectOptions): string;
  buildUserProfileUrl(): string;
  buildHomeUrl(): string;
  buildCreateOrganizationUrl(): string;
  buildOrganizationProfileUrl(): string;
  /** Force URL › `redirect_url` of the page › fallback URL › `/`; each candidate validated. */
  buildAfterSignInUrl(options?: { params?: URLSearchParams }): string;
  buildAfterSignUpUrl(options?: { params?: URLSearchParams }): string;
  /** `afterSignOutUrl` or `/`. */
  buildAfterSignOutUrl(): string;
  /** `afterMultiSessionSingleSignOutUrl`, else `<signInUrl>#/choose`, else `display_config.after_sign_out_one_url`. */
  buildAfterMultiSessionSingleSignOutUrl(): string;
  buildWaitlistUrl(options?: { initialValues?: Record<string, string> }): string;
  /** True when `to` is a redirect this instance follows: an allowed protocol, no tricks, an allowed origin (`allowedRedirectOrigins`). */
  isAllowedRedirect(to: string): boolean;
  /** Development, other origin: adds the dev-browser token as `__clerk_db_jwt`; otherwise unchanged. */
  buildUrlWithAuth(to: string): string;
  redirectWithAuth(to: string): Promise<unknown>;
  redirectToSignIn(options?: RedirectOptions): Promise<unknown>;
  redirectToSignUp(options?: RedirectOptions): Promise<unknown>;
  redirectToUserProfile(): Promise<unknown>;
  redirectToCreateOrganization(): Promise<unknown>;
  redirectToOrganizationProfile(): Promise<unknown>;
  redirectToAfterSignIn(): Promise<unknown>;
  redirectToAfterSignUp(): Promise<unknown>;
  redirectToAfterSignOut(): Promise<unknown>;
  redirectToHome(): Promise<unknown>;
  redirectToWaitlist(): Promise<unknown>;
}

/** How a navigation is carried out: the page URL it starts from, and the final move. */
interface Navigator {
  page(): URL | undefined;
  go(url: URL, page: URL, replace: boolean, router: RouterFn | undefined, metadata: RouterMetadata): unknown;
}

export type NavigationPlugin = ClerkPlugin<'navigation', NavigationApi, NavigationLoadOptions>;

const NO_PAGE = new URL('http://localhost/');

function createNavigationPlugin(navigator: Navigator): NavigationPlugin {
  return definePlugin({
    name: 'navigation',
    provides: ['navigate'],
    loadOptions: navigationLoadOptionsSchema,
    setup(ctx): NavigationApi {
      const { kernel } = ctx;
      const options = () => ctx.loadOptions;
      const option = (key: string) => kernel.loadOptions[key] as string | undefined;
      const development = kernel.instanceType === 'development';
      const protocols = () => DEFAULT_PROTOCOLS.concat(options().allowedRedirectProtocols ?? []);
      const refused = (to: string, then = '') => console.warn(`[microclerk] Ignored "${to}": unsafe or not in allowedRedirectOrigins${then}.`);
      /** The page to resolve against; outside a browser, a neutral one. */
      const pageOrDefault = () => navigator.page() ?? NO_PAGE;
      /** Builders need the environment (display config) and a page to resolve against. */
      const ready = () => (kernel.environment ? navigator.page() : undefined);
      /** A configured page, or '/' (with a warning) when it is not a safe URL: builders' results end up in hrefs and navigations. */
      const usable = (key: string, value: string | null | undefined) =>
        value && !safeUrl(value, pageOrDefault(), protocols()) ? (refused(value, ` (${key})`), '/') : value || '';
      const configured = (key: string) => usable(key, option(key) || (kernel.environment?.displayConfig[key] as string | undefined));

      /** `allowedRedirectOrigins`, else ClerkJS's defaults for this page. */
      const policy = (page: URL): RedirectPolicy => {
        const allowed = options().allowedRedirectOrigins;
        return { page, protocols: protocols(), allowedOrigins: allowed?.length ? allowed : defaultAllowedOrigins(page, kernel.frontendApi, development) };
      };
      /** `candidate` as an absolute URL when it is a safe redirect to an allowed origin. */
      const allowedUrl = (page: URL, candidate: string) => checkRedirect(candidate, policy(page))?.href;

      /** The first candidate that is a safe redirect to an allowed origin (absolute); rejected ones are reported. */
      const pick = (page: URL, ...candidates: Array<string | null | undefined>) => {
        for (const candidate of candidates) {
          if (!candidate) continue;
          const url = allowedUrl(page, candidate);
          if (url) return url;
          refused(candidate);
        }
      };

      const buildUrlWithAuth = (to: string) => {
        const page = navigator.page();
        const token = kernel.devBrowserToken;
        if (!to || !development || !page) return to;
        const url = safeUrl(to, page, protocols());
        // An unsafe target stays as given, so that navigate's check still sees the trick (resolving could hide it).
        if (!url) return to;
        // The token only goes where this browser's dev session belongs: FAPI, the primary's sign-in (a satellite), allowed origins.
        const own = [
          originOf(new URL(kernel.fapi.baseUrl, page)),
          ...(kernel.clerk.isSatellite && options().signInUrl ? [originOf(new URL(options().signInUrl!, page))] : []),
        ];
        if (
          token &&
          originOf(url) !== originOf(page) &&
          /^https?:$/.test(url.protocol) &&
          isAllowedOrigin(url, page, [...own, ...policy(page).allowedOrigins])
        ) {
          url.searchParams.set('__clerk_db_jwt', token);
        }
        return url.href;
      };

      /**
       * Moves to `to`. `trusted` targets come from the app's configuration or this plugin's own flows
       * (configured pages, satellite sync) and need only be safe URLs; anything else must also be on
       * an allowed origin. Refused targets go to `/`, with a warning.
       */
      const go = async (to: string | undefined, opts: NavigateOptions = {}, trusted = false): Promise<unknown> => {
        if (!to) return;
        const { routerPush, routerReplace } = options();
        const router = (opts.replace && routerReplace) || routerPush;
        const page = navigator.page();
        let url = trusted ? safeUrl(to, page ?? NO_PAGE, protocols()) : checkRedirect(to, policy(page ?? NO_PAGE));
        const approved = url?.href;
        // Re-checked: the app's router may call this with anything; what this navigation approved passes.
        const windowNavigate = (target: URL | string) => {
          const next = String(target) === approved ? url : checkRedirect(String(target), policy(pageOrDefault()));
          if (next) window.location.assign(next.href);
        };
        const metadata: RouterMetadata = { windowNavigate, __internal_metadata: opts.metadata };
        // No page (server, native): only a router can move, and only to a target that would be safe anywhere.
        if (!page) return url ? router?.(to, metadata) : undefined;
        if (!url) {
          refused(to, '; going to "/"');
          url = new URL('/', page);
        }
        ctx.events.emit('navigation:navigate', { url: url.href, replace: !!opts.replace });
        return navigator.go(url, page, !!opts.replace, router, metadata);
      };
      const navigate = async (to: string | undefined, opts?: NavigateOptions) => {
        if (to !== undefined && to !== null && typeof to !== 'string' && !((to as unknown) instanceof URL))
          throw invalidArgument('navigate()', 'to must be a URL string', to);
        return go(to, opts);
      };
      ctx.provide('navigate', navigate);

      const authUrl = (key: 'signInUrl' | 'signUpUrl', props: RedirectOptions = {}) => {
        expectObject(props, key === 'signInUrl' ? 'buildSignInUrl()' : 'buildSignUpUrl()', 'options');
        const page = ready();
        if (!page) return '';
        const opts = options();
        // ClerkJS's combined flow: a relative signInUrl without signUpUrl hosts sign-up at `<signInUrl>#/create`.
        const signInOption = usable('signInUrl', opts.signInUrl);
        const combined = !opts.signUpUrl && signInOption && !/^[a-z][a-z\d+.-]*:/i.test(signInOption);
        // A satellite's redirect targets carry `__clerk_synced=false` so that coming back triggers a sync.
        const mark = (href?: string) => {
          if (!href || !kernel.clerk.isSatellite) return href;
          const url = new URL(href);
          url.searchParams.set('__clerk_synced', 'false');
          return url.href;
        };
        const params: Record<string, string | undefined> = { ...props.initialValues };
        for (const kind of ['Up', 'In']) {
          const force = `sign${kind}ForceRedirectUrl`;
          const fallback = `sign${kind}FallbackRedirectUrl`;
          const forced = pick(page, props[force as keyof RedirectOptions] as string, option(force));
          params[force] = mark(forced);
          // A fallback is pointless next to a force URL; legacy afterSignInUrl/afterSignUpUrl count as fallbacks.
          params[fallback] = forced
            ? undefined
            : mark(pick(page, props[fallback as keyof RedirectOptions] as string, option(fallback), option(`afterSign${kind}Url`)));
        }
        params.redirectUrl = mark(pick(page, props.redirectUrl) ?? page.href);
        const base = new URL(combined ? signInOption : configured(key), page);
        return buildUrlWithAuth(withHashRoute(base, combined && key === 'signUpUrl' ? 'create' : '', params).href);
      };

      const afterAuth = (kind: 'In' | 'Up', params?: URLSearchParams) => {
        const page = pageOrDefault();
        const query = params ?? pageParams(page);
        const force = `sign${kind}ForceRedirectUrl`;
        const fallback = `sign${kind}FallbackRedirectUrl`;
        const url = pick(
          page,
          query.get(camelToSnake(force)),
          option(force),
          query.get('redirect_url'),
          query.get(camelToSnake(fallback)),
          option(fallback),
          option(`afterSign${kind}Url`),
        );
        return buildUrlWithAuth(url ?? '/');
      };

      const api = {
        navigate,
        buildSignInUrl: (opts?: RedirectOptions) => authUrl('signInUrl', opts),
        buildSignUpUrl: (opts?: RedirectOptions) => authUrl('signUpUrl', opts),
        buildAfterSignInUrl: (opts?: { params?: URLSearchParams }) => afterAuth('In', opts?.params),
        buildAfterSignUpUrl: (opts?: { params?: URLSearchParams }) => afterAuth('Up', opts?.params),
        buildAfterSignOutUrl() {
          const after = usable('afterSignOutUrl', options().afterSignOutUrl);
          return after ? buildUrlWithAuth(after) : '/';
        },
        buildAfterMultiSessionSingleSignOutUrl() {
          const page = ready();
          const after = usable('afterMultiSessionSingleSignOutUrl', options().afterMultiSessionSingleSignOutUrl);
          const signInUrl = usable('signInUrl', options().signInUrl);
          if (!page) return '';
          return buildUrlWithAuth(after || (signInUrl ? withHashRoute(new URL(signInUrl, page), 'choose', {}).href : configured('afterSignOutOneUrl')));
        },
        buildWaitlistUrl(opts?: { initialValues?: Record<string, string> }) {
          const page = ready();
          return page ? withHashRoute(new URL(configured('waitlistUrl'), page), '', opts?.initialValues ?? {}).href : '';
        },
        buildUrlWithAuth,
        isAllowedRedirect: (to: string) => !!to && !!allowedUrl(pageOrDefault(), to),
        redirectWithAuth: (to: string) => navigate(buildUrlWithAuth(to)),
      } as NavigationApi & Record<string, (...args: never[]) => unknown>;
      // The plain "configured URL" builders, and one redirectTo* per builder: generated to stay small.
      const configuredPages = ['UserProfile', 'Home', 'CreateOrganization', 'OrganizationProfile'];
      for (const name of configuredPages) {
        api[`build${name}Url`] = () => (ready() ? buildUrlWithAuth(configured(`${name[0].toLowerCase()}${name.slice(1)}Url`)) : '');
      }
      for (const name of ['SignIn', 'SignUp', 'AfterSignIn', 'AfterSignUp', 'AfterSignOut', 'Waitlist', ...configuredPages]) {
        // Trusted: configured pages, and redirect parameters the builders already checked.
        api[`redirectTo${name}`] = (opts?: RedirectOptions) => go((api[`build${name}Url`] as (o?: RedirectOptions) => string)(opts), {}, true);
      }

      ctx.onLoad(async () => {
        const page = navigator.page();
        if (!page) return;
        const opts = options();
        const clerk = kernel.clerk;
        const synced = page.searchParams.get('__clerk_synced');
        if (clerk.isSatellite) {
          if ((!clerk.proxyUrl && !clerk.domain) || (development && (!opts.signInUrl || new URL(opts.signInUrl, page).origin === page.origin))) {
            throw new ClerkRuntimeError('Satellite: set "domain" or "proxyUrl" (and in development a "signInUrl" on the primary).', {
              code: 'invalid_satellite',
            });
          }
          // ClerkJS 6: sync when the primary sent us back unsynced, or on any signed-out load with satelliteAutoSync.
          if (synced !== 'true' && (synced === 'false' || (opts.satelliteAutoSync && !kernel.session))) {
            const target = new URL(development ? opts.signInUrl! : `${kernel.fapi.baseUrl}/v1/client/sync`, page);
            target.searchParams.set(development ? '__clerk_satellite_url' : 'redirect_url', page.href);
            await go(target.href, {}, true);
          }
        } else if (development) {
          // The primary, asked by a satellite to share its dev browser: send it back, if it is an allowed origin.
          const satellite = pick(page, page.searchParams.get('__clerk_satellite_url'));
          if (satellite) {
            const back = new URL(satellite);
            back.searchParams.set('__clerk_synced', 'true');
            await go(buildUrlWithAuth(back.href), {}, true);
          }
        }
      });

      return api as NavigationApi;
    },
  });
}

/**
 * The default navigation: same-origin targets through the app's `routerPush`/`routerReplace`
 * (load options) when given, anything else as a full page load (`window.location.assign`).
 */
export function navigationPlugin(): NavigationPlugin {
  return createNavigationPlugin({
    page: pageUrl,
    go(url, page, _replace, router, metadata) {
      // originOf: custom-scheme pages (`wails://wails`) route in-app too.
      if (router && originOf(url) === originOf(page)) return router(url.pathname + url.search + url.hash, metadata);
      metadata.windowNavigate(url);
    },
  });
}

/** The history `memoryNavigation()` keeps: every visited URL, and where it stands now. */
export interface MemoryHistory {
  readonly entries: readonly string[];
  readonly index: number;
  /** The current URL. */
  readonly location: string;
}

/**
 * Navigation without a browser (tests, native hosts, extensions' background pages): redirects move
 * through an in-memory history that starts at `initialUrl` and is read from `plugin.history`.
 * `routerPush`/`routerReplace` are not used — this is the router.
 */
export function memoryNavigation(initialUrl = 'http://localhost/'): NavigationPlugin & { readonly history: MemoryHistory } {
  const entries = [new URL(initialUrl).href];
  let index = 0;
  const history: MemoryHistory = {
    entries,
    get index() {
      return index;
    },
    get location() {
      return entries[index];
    },
  };
  const plugin = createNavigationPlugin({
    page: () => new URL(entries[index]),
    go(url, _page, replace) {
      if (replace) entries[index] = url.href;
      else entries.splice(++index, Infinity, url.href);
    },
  });
  return Object.freeze({ ...plugin, history });
}
