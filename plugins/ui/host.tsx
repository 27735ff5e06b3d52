/**
 * The Preact host, loaded on the first mount/open: render roots and modals, appearance, localization,
 * routing inside components, and the small kit of form parts every component shares (handed to a
 * component module's factory, so component plugins never import this file).
 */
import { createContext, render, type ComponentChildren, type ComponentType } from 'preact';
import { useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { isClerkAPIResponseError, type ClerkAPIError, type ClerkKernel, type Environment, type KernelInternals } from '../../kernel/index.js';
import type { Appearance, AppearanceVariables, ElementAppearance, HostedProps, Routing, Theme, UiLoadOptions } from './index.js';
import { en } from './localization.js';
import { css } from './styles.js';

type Style = Record<string, string | number>;
export type ElementProps = { class: string; style?: Style };
type Dict = { [key: string]: string | Dict };
type AuthKind = 'signIn' | 'signUp';

/** What every hosted component reads through `kit.useHost()`. */
export interface HostContextValue {
  /** The public Clerk object (kernel and every plugin's members). */
  clerk: ClerkKernel & Record<string, any>;
  kernel: KernelInternals;
  environment: Environment;
  /** The component's props (as given to mount/open). */
  props: Record<string, any> & HostedProps;
  /** Localized string for `key` (dot path), `{{name}}` replaced from `vars`. */
  t(key: string, vars?: Record<string, unknown>): string;
  /** A FAPI error as localized text: `unstable__errors.<code>`, else its long message. */
  errorText(error: ClerkAPIError): string;
  /** Class (`cl-<name>`, `cl-<name>__<variant>`, appearance classes) and style for an element. */
  el(name: string, variant?: string): ElementProps;
  layout: NonNullable<Appearance['layout']>;
  routing: Routing;
  /** The current step ('' = start), e.g. 'factor-one'. */
  route: string;
  navigate(step: string): Promise<void>;
  /** Absolute URL of one of this component's steps (email links and OAuth come back there). */
  stepUrl(step: string): string;
  /** Page query (search and hash query); empty in modals. */
  query: URLSearchParams;
  /** Unique per render root, for element ids. */
  uid: string;
  modal: boolean;
  /** Closes the modal (no-op when mounted). */
  close(): void;
  /** Where to go after sign-in/up: force > `redirect_url` > fallback > legacy > instance default. */
  afterAuthUrl(kind: AuthKind): string;
  /** The sign-in or sign-up page URL (props, load options, then the instance's display config). */
  authUrl(kind: AuthKind): string;
  /** To another component: swaps the modal, or navigates to `url`. */
  switchTo(name: string, url: string): void;
  /** Leaves for a FAPI-provided URL (OAuth), only over http(s). */
  redirectExternal(url: URL | string | null | undefined): Promise<void>;
  /** Activates the created session and leaves for `redirectUrl`. */
  finish(sessionId: string | null, redirectUrl: string): Promise<void>;
}

const HostContext = createContext<HostContextValue>(null as unknown as HostContextValue);
const useHost = () => useContext(HostContext);

const VARIABLES: Record<keyof AppearanceVariables, string> = {
  colorPrimary: '--cl-primary',
  colorTextOnPrimaryBackground: '--cl-on-primary',
  colorText: '--cl-text',
  colorTextSecondary: '--cl-text2',
  colorBackground: '--cl-bg',
  colorInputBackground: '--cl-input-bg',
  colorInputText: '--cl-input-text',
  colorDanger: '--cl-danger',
  colorSuccess: '--cl-success',
  fontFamily: '--cl-font',
  fontSize: '--cl-size',
  borderRadius: '--cl-radius',
  spacingUnit: '--cl-space',
};

const isObject = (v: unknown): v is Record<string, any> => !!v && typeof v === 'object' && !Array.isArray(v);

function deepMerge<T extends Dict>(base: T, override: unknown): T {
  if (!isObject(override)) return base;
  const out: Dict = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (typeof value === 'string') out[key] = value;
    else if (isObject(value)) out[key] = deepMerge((isObject(out[key]) ? out[key] : {}) as Dict, value);
  }
  return out as T;
}

/** Theme layers in order of increasing priority: global theme, global, component theme, component. */
function layers(global: Appearance | undefined, local: Appearance | undefined): Theme[] {
  const themes = (a?: Appearance) => [a?.baseTheme, a?.theme].flat().filter(isObject) as Theme[];
  return [...themes(global), global ?? {}, ...themes(local), local ?? {}];
}

/** http(s) only; query-provided URLs must also stay on this origin (no open redirects). */
function isSafeUrl(url: unknown, sameOriginOnly = false): url is string {
  if (typeof url !== 'string' || !url) return false;
  try {
    const parsed = new URL(url, location.href);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && (!sameOriginOnly || parsed.origin === location.origin);
  } catch {
    return false;
  }
}

function readQuery(): URLSearchParams {
  const query = new URLSearchParams(location.search);
  const hashQuery = location.hash.split('?')[1];
  if (hashQuery) new URLSearchParams(hashQuery).forEach((value, key) => query.set(key, value));
  return query;
}

const trimSlashes = (s: string) => s.replace(/^\/+|\/+$/g, '');

function readRoute(routing: Routing, base: string): string {
  if (routing === 'hash') return trimSlashes(location.hash.slice(1).split('?')[0]);
  if (routing === 'path') {
    const path = location.pathname;
    return path.startsWith(base) ? trimSlashes(path.slice(base.length)) : '';
  }
  return '';
}

let styleInjected: HTMLStyleElement | undefined;
function injectStyles(nonce: string | undefined) {
  if (styleInjected?.isConnected) return;
  styleInjected = document.createElement('style');
  styleInjected.setAttribute('data-microclerk', '');
  if (nonce) styleInjected.nonce = nonce;
  styleInjected.textContent = css;
  // First in <head>: app stylesheets that come later override us at equal specificity (`elements` classes).
  document.head.insertBefore(styleInjected, document.head.firstChild);
}

let uidCounter = 0;

interface RootProps {
  Component: ComponentType<any>;
  props: Record<string, any>;
  modal?: () => void;
  env: HostEnv;
}

function Root({ Component, props, modal, env }: RootProps) {
  const { kernel } = env;
  const options = kernel.loadOptions as UiLoadOptions & Record<string, unknown>;
  const routing: Routing = modal ? 'virtual' : props.routing ?? (props.path ? 'path' : 'hash');
  const base = '/' + trimSlashes(props.path ?? '');
  const [route, setRoute] = useState(() => readRoute(routing, base));
  const uid = useMemo(() => `cl${++uidCounter}`, []);

  useEffect(() => {
    if (routing === 'virtual') return;
    const sync = () => setRoute(readRoute(routing, base));
    addEventListener('popstate', sync);
    addEventListener('hashchange', sync);
    return () => {
      removeEventListener('popstate', sync);
      removeEventListener('hashchange', sync);
    };
  }, [routing, base]);

  const value = useMemo<HostContextValue>(() => {
    const themeLayers = layers(options.appearance, props.appearance);
    const dict = deepMerge(en as unknown as Dict, options.localization);
    const lookup = (key: string): unknown => key.split('.').reduce<any>((node, part) => node?.[part], dict);
    const t = (key: string, vars?: Record<string, unknown>) => {
      const text = lookup(key);
      return typeof text === 'string' ? text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => String(vars?.[name] ?? '')) : key;
    };
    const environment = kernel.environment!;
    const display = environment.displayConfig as Record<string, any>;
    const query = modal ? new URLSearchParams() : readQuery();
    const capital = (kind: AuthKind) => (kind === 'signIn' ? 'SignIn' : 'SignUp');

    const host: HostContextValue = {
      clerk: kernel.clerk as HostContextValue['clerk'],
      kernel,
      environment,
      props,
      t,
      errorText(error) {
        const param = error.meta?.paramName;
        for (const key of [param && `unstable__errors.${error.code}__${param}`, `unstable__errors.${error.code}`]) {
          if (key && typeof lookup(key) === 'string') return t(key);
        }
        return error.longMessage || error.message || t('unstable__errors.unknown');
      },
      el(name, variant) {
        const keys = variant ? [name, `${name}__${variant}`] : [name];
        let cls = keys.map((k) => `cl-${k}`).join(' ');
        let style: Style | undefined;
        for (const layer of themeLayers) {
          for (const key of keys) {
            const extra = layer.elements?.[key] as ElementAppearance | undefined;
            if (typeof extra === 'string') cls += ` ${extra}`;
            else if (isObject(extra)) style = { ...style, ...extra };
          }
        }
        if (name === 'rootBox') {
          for (const layer of themeLayers) {
            for (const [variable, cssName] of Object.entries(VARIABLES)) {
              const v = layer.variables?.[variable as keyof AppearanceVariables];
              if (v) style = { ...style, [cssName]: v };
            }
          }
        }
        return style ? { class: cls, style } : { class: cls };
      },
      layout: Object.assign({}, ...themeLayers.map((l) => (l as Appearance).layout)),
      routing,
      route,
      async navigate(step) {
        if (routing === 'virtual') return setRoute(step);
        if (routing === 'hash') {
          const hashQuery = location.hash.split('?')[1];
          location.hash = `/${step}${hashQuery ? `?${hashQuery}` : ''}`;
          return setRoute(step);
        }
        await kernel.navigate(`${base === '/' ? '' : base}${step ? `/${step}` : ''}${location.search}`);
        setRoute(readRoute(routing, base) || step);
      },
      stepUrl(step) {
        if (routing === 'path') return `${location.origin}${base === '/' ? '' : base}/${step}`;
        return `${location.href.split('#')[0]}#/${step}`;
      },
      query,
      uid,
      modal: !!modal,
      close: () => modal?.(),
      afterAuthUrl(kind) {
        const Kind = capital(kind);
        const snake = kind === 'signIn' ? 'sign_in' : 'sign_up';
        const candidates: Array<[unknown, boolean?]> = [
          [query.get(`${snake}_force_redirect_url`), true],
          [props.forceRedirectUrl],
          [options[`${kind}ForceRedirectUrl`]],
          [query.get('redirect_url'), true],
          [query.get(`${snake}_fallback_redirect_url`), true],
          [props.fallbackRedirectUrl],
          [options[`${kind}FallbackRedirectUrl`]],
          [props[`after${Kind}Url`]],
          [props[`after${Kind}`]],
          [props.redirectUrl],
          [options[`after${Kind}Url`]],
          [modal ? location.href : display[`after${Kind}Url`]],
        ];
        for (const [url, fromQuery] of candidates) if (isSafeUrl(url, fromQuery)) return url;
        return '/';
      },
      authUrl(kind) {
        const candidates = [props[`${kind}Url`], props[`${kind}URL`], options[`${kind}Url`], display[`${kind}Url`]];
        return (candidates.find((url) => isSafeUrl(url)) as string | undefined) ?? '/';
      },
      switchTo(name, url) {
        if (modal) {
          modal();
          env.open(name, { ...props, routing: undefined, path: undefined });
        } else void kernel.navigate(url);
      },
      async redirectExternal(url) {
        const href = url ? String(url) : '';
        if (!isSafeUrl(href)) throw new Error(`Refusing to redirect to "${href}".`);
        await kernel.navigate(href);
      },
      async finish(sessionId, redirectUrl) {
        await kernel.clerk.setActive({ session: sessionId, redirectUrl });
        modal?.();
      },
    };
    return host;
  }, [route, props, routing]);

  const body = <Component {...props} />;
  return (
    <HostContext.Provider value={value}>
      <div {...value.el('rootBox')}>{modal ? <ModalShell onClose={modal}>{body}</ModalShell> : body}</div>
    </HostContext.Provider>
  );
}

const FOCUSABLE = 'a[href],button:not([disabled]),input:not([disabled]),select:not([disabled]),textarea:not([disabled]),[tabindex]:not([tabindex="-1"])';

/** Backdrop + dialog: focus moves in, Tab stays in, Escape and the backdrop close. */
function ModalShell({ onClose, children }: { onClose: () => void; children: ComponentChildren }) {
  const { el, t, uid } = useHost();
  const dialog = useRef<HTMLDivElement>(null);
  // Layout effect: focus moves into the dialog in the same task it appears (no focus flash, no race with typing).
  useLayoutEffect(() => {
    const node = dialog.current!;
    (node.querySelector<HTMLElement>('input:not([type=hidden]),select,textarea') ?? node.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onClose();
      } else if (event.key === 'Tab') {
        const items = [...node.querySelectorAll<HTMLElement>(FOCUSABLE)];
        const first = items[0];
        const last = items[items.length - 1];
        const active = document.activeElement;
        const outside = !node.contains(active);
        if (event.shiftKey && (active === first || outside)) {
          event.preventDefault();
          last?.focus();
        } else if (!event.shiftKey && (active === last || outside)) {
          event.preventDefault();
          first?.focus();
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div {...el('modalBackdrop')} onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={dialog} role="dialog" aria-modal="true" aria-labelledby={`${uid}-title`} {...el('modalContent')}>
        {children}
        <button type="button" {...el('modalCloseButton')} aria-label={t('modalCloseButton')} onClick={onClose}>
          ×
        </button>
      </div>
    </div>
  );
}

// ---- the kit: form parts shared by every component ----

export interface FormState {
  busy: boolean;
  /** Field name (FAPI `param_name`, e.g. `password`) → localized message. */
  errors: Record<string, string>;
  /** A message not tied to a field of this form. */
  formError: string | undefined;
  setErrors(errors: Record<string, string>): void;
  /** Runs `action`, showing FAPI errors next to their fields (by `meta.paramName`) or above the form. */
  run(action: () => Promise<unknown>): Promise<void>;
}

function useForm(fields: string[]): FormState {
  const { errorText, t } = useHost();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  return {
    busy,
    errors,
    formError,
    setErrors,
    async run(action) {
      setBusy(true);
      setErrors({});
      setFormError(undefined);
      try {
        await action();
      } catch (err) {
        const next: Record<string, string> = {};
        let general: string | undefined;
        if (isClerkAPIResponseError(err)) {
          for (const error of err.errors) {
            const field = error.meta?.paramName;
            if (field && fields.includes(field)) next[field] ??= errorText(error);
            else general ??= errorText(error);
          }
        } else {
          console.error('[microclerk]', err);
          general = t('unstable__errors.unknown');
        }
        setErrors(next);
        setFormError(general ?? (Object.keys(next).length ? undefined : t('unstable__errors.unknown')));
      } finally {
        setBusy(false);
      }
    },
  };
}

function Card({ title, subtitle, children, footer }: { title: string; subtitle?: string; children?: ComponentChildren; footer?: ComponentChildren }) {
  const { el, uid } = useHost();
  return (
    <div {...el('card')}>
      <div {...el('header')}>
        <h1 id={`${uid}-title`} {...el('headerTitle')}>
          {title}
        </h1>
        {subtitle && <p {...el('headerSubtitle')}>{subtitle}</p>}
      </div>
      <div {...el('main')}>{children}</div>
      {footer && <div {...el('footer')}>{footer}</div>}
    </div>
  );
}

function Form({ onSubmit, children }: { onSubmit: () => void; children: ComponentChildren }) {
  const { el } = useHost();
  return (
    <form
      {...el('form')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

interface InputAttributes {
  type?: string;
  autoComplete?: string;
  inputMode?: string;
  autoFocus?: boolean;
  maxLength?: number;
  placeholder?: string;
  required?: boolean;
  disabled?: boolean;
}

interface FieldProps extends InputAttributes {
  name: string;
  label: string;
  value: string;
  onValue(value: string): void;
  error?: string;
  optional?: boolean;
  /** Shown beside the label, e.g. a "Forgot password?" button. */
  action?: ComponentChildren;
  /** Shown under the input, e.g. password rules; give it the id `${uid}-${name}-hint`. */
  hint?: ComponentChildren;
}

function Field({ name, label, value, onValue, error, optional, action, hint, autoFocus, ...input }: FieldProps) {
  const { el, t, uid } = useHost();
  const id = `${uid}-${name}`;
  const ref = useRef<HTMLInputElement>(null);
  // Browsers honour the autofocus attribute once per document, so later steps focus their field here.
  useLayoutEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);
  const described = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ');
  return (
    <div {...el('formField', name)}>
      <div {...el('formFieldRow')}>
        <label for={id} {...el('formFieldLabel', name)}>
          {label}
        </label>
        {optional && <span {...el('formFieldHintText')}>{t('formFieldHintText__optional')}</span>}
        {action}
      </div>
      <input
        ref={ref}
        id={id}
        name={name}
        type="text"
        {...input}
        {...el('formFieldInput', name)}
        value={value}
        onInput={(e) => onValue(e.currentTarget.value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
      {hint && <div id={`${id}-hint`}>{hint}</div>}
      {error && (
        <p id={`${id}-error`} role="alert" {...el('formFieldErrorText', name)}>
          {error}
        </p>
      )}
    </div>
  );
}

function Checkbox({ name, label, checked, onChecked, error }: { name: string; label: ComponentChildren; checked: boolean; onChecked(v: boolean): void; error?: string }) {
  const { el, uid } = useHost();
  const id = `${uid}-${name}`;
  return (
    <div {...el('formField', name)}>
      <div {...el('formFieldCheckbox')}>
        <input
          id={id}
          name={name}
          type="checkbox"
          {...el('formFieldCheckboxInput', name)}
          checked={checked}
          onChange={(e) => onChecked(e.currentTarget.checked)}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <label for={id} {...el('formFieldCheckboxLabel', name)}>
          {label}
        </label>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" {...el('formFieldErrorText', name)}>
          {error}
        </p>
      )}
    </div>
  );
}

function Button({ busy, children, variant }: { busy?: boolean; children?: ComponentChildren; variant?: string }) {
  const { el, t } = useHost();
  return (
    <button type="submit" {...el('formButtonPrimary', variant)} disabled={busy} aria-busy={busy ? 'true' : undefined}>
      {children ?? t('formButtonPrimary')}
    </button>
  );
}

function Alert({ children }: { children?: ComponentChildren }) {
  const { el } = useHost();
  if (!children) return null;
  return (
    <div role="alert" {...el('alert')}>
      {children}
    </div>
  );
}

/** A one-time-code form: submits by itself at 6 digits; `label` defaults to "Verification code". */
function CodeForm({ onCode, onResend, label, numeric = true }: { onCode(code: string): Promise<unknown>; onResend?: () => Promise<unknown>; label?: string; numeric?: boolean }) {
  const { t, el } = useHost();
  const form = useForm(['code']);
  const [code, setCode] = useState('');
  const submit = (value = code) => form.run(() => onCode(value.trim()));
  return (
    <Form onSubmit={() => void submit()}>
      <Field
        name="code"
        label={label ?? t('formFieldLabel__code')}
        value={code}
        onValue={(value) => {
          setCode(value);
          if (numeric && /^\d{6}$/.test(value) && !form.busy) void submit(value);
        }}
        error={form.errors.code}
        autoComplete="one-time-code"
        inputMode={numeric ? 'numeric' : 'text'}
        autoFocus
      />
      <Alert>{form.formError}</Alert>
      <Button busy={form.busy} />
      {onResend && (
        <button type="button" {...el('formResendCodeLink')} onClick={() => void form.run(onResend)}>
          {t('resendButton')}
        </button>
      )}
    </Form>
  );
}

/** One button per enabled provider; `appearance.layout.socialButtonsPlacement: 'bottom'` moves them under the form. */
function SocialButtons({ onSelect }: { onSelect(strategy: string): Promise<unknown> }) {
  const { environment, el, t, layout } = useHost();
  const form = useForm([]);
  const providers = Object.values(environment.userSettings.social ?? {}).filter((s) => s?.enabled && s.authenticatable !== false);
  if (!providers.length) return null;
  const bottom = layout.socialButtonsPlacement === 'bottom';
  const box = el('socialButtons');
  return (
    <div class={box.class} style={bottom ? { order: 1, ...box.style } : box.style}>
      {bottom && <Divider />}
      {providers.map((p) => (
        <button key={p.strategy} type="button" {...el('socialButtonsBlockButton', p.strategy)} disabled={form.busy} onClick={() => void form.run(() => onSelect(p.strategy))}>
          {t('socialButtonsBlockButton', { provider: p.name || p.strategy.replace(/^oauth_/, '') })}
        </button>
      ))}
      <Alert>{form.formError}</Alert>
      {!bottom && <Divider />}
    </div>
  );
}

function Divider() {
  const { el, t } = useHost();
  return (
    <div {...el('dividerRow')}>
      <span {...el('dividerLine')} />
      <p {...el('dividerText')}>{t('dividerText')}</p>
      <span {...el('dividerLine')} />
    </div>
  );
}

/** "Don't have an account? Sign up": a real link (`href`) that swaps modals or navigates through the kernel. */
function FooterAction({ text, link, href, onClick }: { text: string; link: string; href: string; onClick(): void }) {
  const { el } = useHost();
  return (
    <div {...el('footerAction')}>
      <span {...el('footerActionText')}>{text}</span>{' '}
      <a
        href={href}
        {...el('footerActionLink')}
        onClick={(e) => {
          e.preventDefault();
          onClick();
        }}
      >
        {link}
      </a>
    </div>
  );
}

function LinkButton({ children, onClick, name = 'footerActionLink', variant }: { children: ComponentChildren; onClick(): void; name?: string; variant?: string }) {
  const { el } = useHost();
  return (
    <button type="button" {...el(name, variant)} onClick={onClick}>
      {children}
    </button>
  );
}

function IdentityPreview({ identifier, onEdit }: { identifier: string; onEdit(): void }) {
  const { el, t } = useHost();
  return (
    <div {...el('identityPreview')}>
      <span {...el('identityPreviewText')}>{identifier}</span>
      <button type="button" {...el('identityPreviewEditButton')} onClick={onEdit}>
        {t('identityPreviewEditButton')}
      </button>
    </div>
  );
}

function Alternatives({ items }: { items: Array<{ key: string; label: string; onClick(): void }> }) {
  const { el } = useHost();
  return (
    <div {...el('alternativeMethods')}>
      {items.map((item) => (
        <button key={item.key} type="button" {...el('alternativeMethodsBlockButton', item.key)} onClick={item.onClick}>
          {item.label}
        </button>
      ))}
    </div>
  );
}

/** The rules from `userSettings.passwordSettings` that `password` does not meet yet. */
function passwordRules(environment: Environment, password: string) {
  const s = environment.userSettings.passwordSettings ?? ({} as Environment['userSettings']['passwordSettings']);
  const rules: Array<{ key: string; met: boolean; length?: number }> = [];
  if (s.minLength) rules.push({ key: 'minLength', met: password.length >= s.minLength, length: s.minLength });
  if (s.requireNumbers) rules.push({ key: 'requireNumbers', met: /\d/.test(password) });
  if (s.requireSpecialChar) rules.push({ key: 'requireSpecialChar', met: /[^A-Za-z0-9]/.test(password) });
  if (s.requireUppercase) rules.push({ key: 'requireUppercase', met: /[A-Z]/.test(password) });
  if (s.requireLowercase) rules.push({ key: 'requireLowercase', met: /[a-z]/.test(password) });
  return rules;
}

/** Live feedback on the password rules; pass it as a Field's `hint`. */
function PasswordRules({ password }: { password: string }) {
  const { el, t, environment } = useHost();
  const rules = passwordRules(environment, password);
  if (!rules.length) return null;
  return (
    <div aria-live="polite">
      <p {...el('formFieldHintText')}>{t('passwordRules.title')}</p>
      <ul {...el('passwordRules')}>
        {rules.map((rule) => (
          <li key={rule.key} {...el('passwordRule', rule.met ? 'met' : 'unmet')} data-met={rule.met ? 'true' : 'false'}>
            <span aria-hidden="true">{rule.met ? '✓ ' : '• '}</span>
            {t(`passwordRules.${rule.key}`, rule)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A node the app renders into (a custom menu icon, a custom page): `mount` once it exists, `unmount` on
 * cleanup or when `key` changes.
 */
function useAppNode<T extends HTMLElement>(mount: ((node: T) => void) | undefined, unmount: ((node: T) => void) | undefined, key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const node = ref.current!;
    mount?.(node);
    return () => unmount?.(node);
  }, [key]);
  return ref;
}

export const kit = {
  useHost,
  useForm,
  useAppNode,
  Card,
  Form,
  Field,
  Checkbox,
  Button,
  Alert,
  CodeForm,
  SocialButtons,
  Divider,
  FooterAction,
  LinkButton,
  IdentityPreview,
  Alternatives,
  PasswordRules,
  passwordRules,
  isSafeUrl,
};

/** Everything a component module's factory receives. */
export type UiKit = typeof kit;

interface HostEnv {
  kernel: KernelInternals;
  open(name: string, props: object): void;
}

export function createHost(env: HostEnv) {
  const components = new Map<string, ComponentType<any>>();
  const mounted = new Set<HTMLElement>();
  const modals = new Map<string, { container: HTMLElement; opener: Element | null }>();
  let savedOverflow = '';

  const draw = (node: HTMLElement, Component: ComponentType<any>, props: object, modal?: () => void) => {
    injectStyles((env.kernel.loadOptions as UiLoadOptions).nonce);
    render(<Root Component={Component} props={props} modal={modal} env={env} />, node);
  };

  function close(name: string) {
    const entry = modals.get(name);
    if (!entry) return;
    modals.delete(name);
    render(null, entry.container);
    entry.container.remove();
    if (!modals.size) document.body.style.overflow = savedOverflow;
    if (entry.opener instanceof HTMLElement && entry.opener.isConnected) entry.opener.focus();
  }

  return {
    /** The component of a loaded module, built once with the kit. */
    component(name: string, factory: (k: UiKit) => ComponentType<any>) {
      let found = components.get(name);
      if (!found) components.set(name, (found = factory(kit)));
      return found;
    },
    mount(node: HTMLElement, Component: ComponentType<any>, _name: string, props: object) {
      mounted.add(node);
      draw(node, Component, props);
    },
    unmount(node: HTMLElement) {
      if (!mounted.delete(node)) return;
      render(null, node);
    },
    open(Component: ComponentType<any>, name: string, props: object) {
      const previous = modals.get(name);
      if (previous) close(name);
      if (!modals.size) savedOverflow = document.body.style.overflow;
      const container = document.createElement('div');
      document.body.appendChild(container);
      modals.set(name, { container, opener: previous?.opener ?? document.activeElement });
      document.body.style.overflow = 'hidden';
      draw(container, Component, props, () => close(name));
    },
    close,
    dispose() {
      for (const name of [...modals.keys()]) close(name);
      for (const node of mounted) render(null, node);
      mounted.clear();
    },
  };
}
