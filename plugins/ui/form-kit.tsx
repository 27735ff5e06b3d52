/**
 * The form kit every component shares: form state with FAPI errors mapped to fields, card, form, field
 * (with password-rule feedback, and the phone field's lazily loaded country picker), checkbox, buttons,
 * alert, one-time-code form. Handed to component modules through the kit, so component plugins never
 * import this file.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ClerkAPIError } from '../../kernel/index.js';
import { isClerkAPIResponseError, isClerkRuntimeError } from '../../kernel/lazy-kit.js';
import { useHost, type HostContextValue } from './context.js';
import type { PhoneField } from './phone.js';
import { stylesheet } from './styles.js';
import { AlertIcon, ArrowRightIcon, CheckIcon, EyeIcon, EyeOffIcon, Spinner } from './icons.js';
import { isSafeUrl } from './routing.js';

export interface FormState {
  busy: boolean;
  /** Field name (FAPI `param_name`, e.g. `password`) → localized message. */
  errors: Record<string, string>;
  /** A message not tied to a field of this form. */
  formError: string | undefined;
  setErrors(errors: Record<string, string>): void;
  /**
   * Runs `action`, showing FAPI errors next to their fields (by `meta.paramName`) or above the form;
   * resolves `true` when it succeeded. Afterwards focus goes to the first field in error, or back
   * where it was when the card's controls were disabled meanwhile.
   */
  run(action: () => Promise<unknown>): Promise<boolean>;
}

/** Per render root (`uid`): how many locking actions run, and the cards that grey out meanwhile. */
const busyRoots: Record<string, { count: number; cards: Set<() => void> }> = {};
const busyOf = (uid: string) => (busyRoots[uid] ??= { count: 0, cards: new Set() });
function changeBusy(uid: string, delta: number) {
  const root = busyOf(uid);
  root.count += delta;
  root.cards.forEach((rerender) => rerender());
}

/** Moves focus to the field `name` of this root (its first box for a code), when it exists and can take it. */
export function focusField(uid: string, name: string | undefined) {
  const field = name && (document.getElementById(`${uid}-${name}`) as HTMLInputElement | null);
  if (field && !field.disabled) field.focus();
  return !!field;
}

/**
 * Form state. `lock` (default): while an action runs, the card's fields and buttons are disabled
 * (steps that send something on their own, such as a code when they appear, pass `false`).
 */
export function useForm(fields: string[], lock = true): FormState {
  const { errorText, t, uid } = useHost();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  return {
    busy,
    errors,
    formError,
    setErrors(next) {
      setErrors(next);
      setTimeout(() => focusField(uid, Object.keys(next)[0]));
    },
    async run(action) {
      const before = document.activeElement as HTMLElement | null;
      setBusy(true);
      if (lock) changeBusy(uid, 1);
      setErrors({});
      setFormError(undefined);
      const next: Record<string, string> = {};
      let general: string | undefined;
      let failed = false;
      try {
        await action();
      } catch (err) {
        failed = true;
        if (isClerkAPIResponseError(err)) {
          for (const error of err.errors) {
            const field = error.meta?.paramName;
            if (field && fields.includes(field)) next[field] ??= errorText(error);
            else general ??= errorText(error);
          }
        } else if (isClerkRuntimeError(err)) {
          // A coded SDK error (e.g. no wallet installed): its localized text when the dictionary has one.
          general = errorText({ code: err.code, message: '', longMessage: '' } as ClerkAPIError);
        } else {
          console.error('[microclerk]', err);
          general = t('unstable__errors.unknown');
        }
        setErrors(next);
        setFormError(general ?? (Object.keys(next).length ? undefined : t('unstable__errors.unknown')));
      } finally {
        setBusy(false);
        if (lock) changeBusy(uid, -1);
        // After the re-render has enabled the card again; a step that moved on has focused its own field.
        setTimeout(() => {
          if (focusField(uid, Object.keys(next)[0])) return;
          // The control that had focus was disabled meanwhile (a step that replaced it: see Card).
          if (nothingFocused() && before?.isConnected) before.focus();
        });
      }
      return !failed;
    },
  };
}

const nothingFocused = () => !document.activeElement || document.activeElement === document.body;

/** Whether a locking action of this render root is running (re-renders when that changes). */
function useRootBusy(uid: string) {
  const [, rerender] = useState(0);
  const busy = busyOf(uid).count > 0;
  useEffect(() => {
    const cards = busyOf(uid).cards;
    const update = () => rerender((n) => n + 1);
    cards.add(update);
    // A card the running action brought in (the next step) may have missed the end of it.
    if (busyOf(uid).count > 0 !== busy) update();
    return () => void cards.delete(update);
  }, [uid]);
  return busy;
}

/**
 * A flow's card: the logo (`layout.logoImageUrl`, else the instance's, http(s) only), title, subtitle,
 * content and footer band. While a request of this component runs its controls are disabled.
 */
export function Card({
  title,
  subtitle,
  preview,
  children,
  footer,
}: {
  title: string;
  subtitle?: string;
  /** Under the subtitle: the identifier the step is about (an `IdentityPreview`). */
  preview?: ComponentChildren;
  children?: ComponentChildren;
  footer?: ComponentChildren;
}) {
  const { el, uid, layout, environment } = useHost();
  const busy = useRootBusy(uid);
  const box = useRef<HTMLDivElement>(null);
  const wasBusy = useRef(busy);
  // A step that appeared while the request that led to it ran could not focus its field then: once enabled, it does.
  useEffect(() => {
    if (wasBusy.current && !busy && nothingFocused()) box.current?.querySelector<HTMLElement>('input:not([type=hidden])')?.focus();
    wasBusy.current = busy;
  }, [busy]);
  const logo = layout.logoImageUrl || environment.displayConfig.logoImageUrl;
  return (
    <div ref={box} {...el('cardBox')}>
      <div {...el('card')} aria-busy={busy ? 'true' : undefined}>
        <div {...el('header')}>
          {isSafeUrl(logo) && (
            <div {...el('logoBox')}>
              <img src={logo} alt={environment.displayConfig.applicationName} {...el('logoImage')} />
            </div>
          )}
          <h1 id={`${uid}-title`} {...el('headerTitle')}>
            {title}
          </h1>
          {subtitle && <p {...el('headerSubtitle')}>{subtitle}</p>}
          {preview}
        </div>
        <fieldset {...el('main')} disabled={busy}>
          {children}
        </fieldset>
      </div>
      {footer && <div {...el('footer')}>{footer}</div>}
    </div>
  );
}

// A pragmatic address check (what browsers accept for type=email, roughly): something@domain.tld.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/**
 * The first problems of the form's own fields, checked before anything is sent: required fields left
 * empty (unchecked, for boxes), malformed email addresses and new passwords that break the instance's
 * rules (a Field with `rules`); by field name.
 */
function invalidFields(form: HTMLFormElement, host: HostContextValue) {
  const { t } = host;
  const errors: Record<string, string> = {};
  for (const input of form.querySelectorAll('input')) {
    const value = input.type === 'checkbox' ? (input.checked ? 'on' : '') : input.value.trim();
    if (!input.name || input.disabled || errors[input.name]) continue;
    const problem = value && input.hasAttribute('data-rules') && passwordProblem(host, input.value);
    if (input.required && !value) errors[input.name] = t('unstable__errors.form_param_missing');
    else if (input.type === 'email' && value && !EMAIL.test(value)) errors[input.name] = t('formFieldInput__emailAddress_format');
    else if (problem) errors[input.name] = problem;
  }
  return errors;
}

/** A form; with `form`, its required, email and new-password fields are checked first, and nothing is submitted while one fails. */
export function Form({ onSubmit, children, form }: { onSubmit: () => void; children: ComponentChildren; form?: FormState }) {
  const host = useHost();
  return (
    <form
      {...host.el('form')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const errors = form ? invalidFields(e.currentTarget, host) : {};
        if (Object.keys(errors).length) form!.setErrors(errors);
        else onSubmit();
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
  /** Shown under the input; give it the id `${uid}-${name}-hint`. */
  hint?: ComponentChildren;
  /**
   * A new password: the instance's password rules as feedback while typing (ClerkJS's wording), and the
   * form refuses to submit until they pass (see {@link Form}).
   */
  rules?: boolean;
}

/** The phone field's country picker (phone.tsx), once its chunk has arrived. */
let PhoneInput: PhoneField | undefined;

export function Field({ name, label, value, onValue, error, optional, action, hint, autoFocus, rules, type = 'text', ...input }: FieldProps) {
  const host = useHost();
  const { el, t, uid } = host;
  const id = `${uid}-${name}`;
  const ref = useRef<HTMLInputElement>(null);
  const [shown, setShown] = useState(false);
  const [, setPhoneLoaded] = useState(false);
  const password = type === 'password';
  const phone = type === 'tel';
  // Browsers honour the autofocus attribute once per document, so later steps focus their field here.
  useLayoutEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);
  // The first phone field fetches the country picker; meanwhile (or offline) it is a plain `+…` input.
  useEffect(() => {
    if (phone && !PhoneInput)
      import('./phone.js').then(
        (m) => setPhoneLoaded(!!(PhoneInput ??= m.createPhoneField(useHost, stylesheet))),
        () => {},
      );
  }, [phone]);
  // The value an error came for (the last one seen without an error).
  const errorFor = useRef(value);
  if (!error) errorFor.current = value;
  let message = error;
  let kind = 'Error';
  // A new password's live feedback, unless an error came for this very value (a refused submit, a breached
  // password): grey while rules fail, green once all pass.
  if (rules && value && errorFor.current !== (error && value)) {
    const problem = passwordProblem(host, value);
    message = problem || t('unstable__errors.zxcvbn.goodPassword');
    kind = problem ? 'Info' : 'Success';
  }
  const described = [message && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ');
  const attributes = {
    ref,
    id,
    name,
    type: password && shown ? 'text' : type,
    ...input,
    ...el('formFieldInput', name),
    'data-rules': rules || undefined,
    value,
    onInput: (e: { currentTarget: HTMLInputElement }) => onValue(e.currentTarget.value),
    'aria-invalid': message && kind === 'Error' ? 'true' : undefined,
    'aria-describedby': described || undefined,
  } as const;
  // A new password's info and success lines are a status (they change with every keystroke); an error is an
  // alert. One id for every kind: the one the input's aria-describedby names.
  const feedback = message && (
    <p id={`${id}-error`} role={kind === 'Error' ? 'alert' : 'status'} {...el(`formField${kind}Text`, name)}>
      {kind === 'Success' ? <CheckIcon name="formFieldSuccessIcon" /> : kind === 'Error' && <AlertIcon name="formFieldErrorIcon" />}
      {message}
    </p>
  );
  return (
    <div {...el('formField', name)}>
      <div {...el('formFieldRow')}>
        <label for={id} {...el('formFieldLabel', name)}>
          {label}
        </label>
        {optional && <span {...el('formFieldHintText')}>{t('formFieldHintText__optional')}</span>}
        {action}
      </div>
      <div {...el('formFieldInputGroup')}>
        {phone && PhoneInput ? <PhoneInput input={attributes} value={value} onValue={onValue} /> : <input {...attributes} />}
        {password && (
          <button
            type="button"
            {...el('formFieldInputShowPasswordButton')}
            aria-label={t(shown ? 'formFieldInputHidePassword' : 'formFieldInputShowPassword')}
            aria-controls={id}
            onClick={() => setShown(!shown)}
          >
            {shown ? <EyeOffIcon name="formFieldInputShowPasswordIcon" /> : <EyeIcon name="formFieldInputShowPasswordIcon" />}
          </button>
        )}
      </div>
      {hint && <div id={`${id}-hint`}>{hint}</div>}
      {feedback}
    </div>
  );
}

export function Checkbox({
  name,
  label,
  checked,
  onChecked,
  error,
  required,
}: {
  name: string;
  label: ComponentChildren;
  checked: boolean;
  onChecked(v: boolean): void;
  error?: string;
  required?: boolean;
}) {
  const { el, uid } = useHost();
  const id = `${uid}-${name}`;
  return (
    <div {...el('formField', name)}>
      <div {...el('formFieldCheckbox')}>
        <input
          id={id}
          name={name}
          type="checkbox"
          required={required}
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
          <AlertIcon name="formFieldErrorIcon" />
          {error}
        </p>
      )}
    </div>
  );
}

/** The primary button; while `busy`, a spinner stands in for its label (still its accessible name). */
export function Button({ busy, children, variant }: { busy?: boolean; children?: ComponentChildren; variant?: string }) {
  const { el, t } = useHost();
  const label = children ?? t('formButtonPrimary');
  return (
    <button type="submit" {...el('formButtonPrimary', variant)} disabled={busy} aria-busy={busy ? 'true' : undefined}>
      {busy ? (
        <>
          <Spinner />
          <span {...el('srOnly')}>{label}</span>
        </>
      ) : (
        <>
          {label}
          {!children && <ArrowRightIcon />}
        </>
      )}
    </button>
  );
}

export function Alert({ children }: { children?: ComponentChildren }) {
  const { el } = useHost();
  if (!children) return null;
  return (
    <div role="alert" {...el('alert')}>
      <AlertIcon name="alertIcon" />
      <span {...el('alertText')}>{children}</span>
    </div>
  );
}

const CODE_LENGTH = 6;
/** Seconds before a code can be sent again (as ClerkJS waits). */
export const RESEND_SECONDS = 30;

/**
 * Six digit boxes for a one-time code: typing moves to the next box, Backspace on an empty box goes
 * back (arrows move), a paste or an autofill (`autocomplete="one-time-code"` on the first box) fills
 * them all, and the sixth digit calls `onComplete`. The first box is `name="code"` and carries the
 * field's id, so the label, `focusField` and scripts that fill `input[name=code]` find it.
 */
export function CodeInput({
  label,
  error,
  onValue,
  reset,
}: {
  label: string;
  error?: string;
  /** The digits so far, after each change (six: the code is complete). */
  onValue(code: string): void;
  /** A new value clears the boxes and focuses the first (after a wrong code). */
  reset?: unknown;
}) {
  const { el, t, uid } = useHost();
  const id = `${uid}-code`;
  const [digits, setDigits] = useState<string[]>(() => Array(CODE_LENGTH).fill(''));
  const boxes = useRef<HTMLInputElement[]>([]);
  const focusBox = (i: number) => boxes.current[Math.max(0, Math.min(CODE_LENGTH - 1, i))]?.focus();
  useLayoutEffect(() => focusBox(0), []);
  useEffect(() => {
    if (reset === undefined) return;
    setDigits(Array(CODE_LENGTH).fill(''));
    focusBox(0);
  }, [reset]);
  /** Puts the digits of `text` into the boxes from `from` on; the code is complete once all are filled. */
  const fill = (from: number, text: string) => {
    const chars = text
      .replace(/\D/g, '')
      .slice(0, CODE_LENGTH - from)
      .split('');
    const next = [...digits];
    if (!chars.length) next[from] = '';
    chars.forEach((c, k) => (next[from + k] = c));
    setDigits(next);
    if (chars.length) focusBox(from + chars.length);
    onValue(next.join(''));
    return next;
  };
  const described = error ? `${id}-error` : undefined;
  return (
    <div {...el('formField', 'code')}>
      <div {...el('formFieldRow')}>
        <label id={`${id}-label`} for={id} {...el('formFieldLabel', 'code')}>
          {label}
        </label>
      </div>
      <div role="group" aria-labelledby={`${id}-label`} {...el('otpCodeFieldInputs')}>
        {digits.map((digit, i) => (
          <input
            key={i}
            ref={(node) => void (boxes.current[i] = node!)}
            id={i ? `${id}-${i + 1}` : id}
            name={i ? undefined : 'code'}
            {...el('otpCodeFieldInput')}
            value={digit}
            inputMode="numeric"
            autoComplete={i ? 'off' : 'one-time-code'}
            aria-label={t('formFieldInputLabel__codeDigit', { index: i + 1, length: CODE_LENGTH })}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={described}
            onFocus={(e) => e.currentTarget.select()}
            onInput={(e) => {
              const box = e.currentTarget;
              let typed = box.value.replace(/\D/g, '');
              // A digit typed into a filled box (caret before or after the old one): the new digit.
              if (typed.length === 2 && digit) typed = typed[0] === digit ? typed[1]! : typed[0]!;
              box.value = fill(i, typed)[i]!;
            }}
            onPaste={(e) => {
              const text = e.clipboardData?.getData('text') ?? '';
              e.preventDefault();
              // A whole code pasted anywhere fills from the first box.
              fill(text.replace(/\D/g, '').length >= CODE_LENGTH ? 0 : i, text);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Backspace' && !digit && i) {
                e.preventDefault();
                const next = digits.map((d, k) => (k === i - 1 ? '' : d));
                setDigits(next);
                onValue(next.join(''));
                focusBox(i - 1);
              } else if (e.key === 'ArrowLeft') focusBox(i - 1);
              else if (e.key === 'ArrowRight') focusBox(i + 1);
            }}
          />
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" {...el('formFieldErrorText', 'code')}>
          <AlertIcon name="formFieldErrorIcon" />
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * "Didn't receive a code? Resend": disabled while its countdown runs (from when the code was sent),
 * then sends again, says so, and counts down anew.
 */
export function ResendButton({ onResend, text, form }: { onResend(): Promise<unknown>; text?: string; form: FormState }) {
  const { el, t } = useHost();
  const [left, setLeft] = useState(RESEND_SECONDS);
  const [sent, setSent] = useState(false);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft(left - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return (
    <>
      <button
        type="button"
        {...el('formResendCodeLink')}
        disabled={left > 0 || form.busy}
        onClick={() =>
          void form.run(onResend).then((ok) => {
            setSent(ok);
            if (ok) setLeft(RESEND_SECONDS);
          })
        }
      >
        {text ?? t('resendButton')}
        {left > 0 && ` (${left})`}
      </button>
      <p aria-live="polite" {...el('formResendCodeStatus')}>
        {sent && (
          <>
            <CheckIcon name="formResendCodeStatusIcon" />
            {t('resendButton__sent')}
          </>
        )}
      </p>
    </>
  );
}

/** A one-time-code form: six boxes that submit by themselves (a text field for backup codes); `label` defaults to "Verification code". */
export function CodeForm({
  onCode,
  onResend,
  label,
  resendText,
  numeric = true,
}: {
  onCode(code: string): Promise<unknown>;
  onResend?: () => Promise<unknown>;
  label?: string;
  /** The resend button's text, e.g. `signIn.emailCode.resendButton`. */
  resendText?: string;
  numeric?: boolean;
}) {
  const { t } = useHost();
  const form = useForm(['code']);
  const resendForm = useForm([]);
  const [code, setCode] = useState('');
  const [attempt, setAttempt] = useState<number>();
  const submit = async (value = code) => {
    // An incomplete code is not worth a request.
    if (numeric && value.length < CODE_LENGTH) return form.setErrors({ code: t('unstable__errors.form_param_missing') });
    if (!(await form.run(() => onCode(value.trim())))) setAttempt((attempt ?? 0) + 1);
  };
  return (
    <Form form={form} onSubmit={() => void submit()}>
      {numeric ? (
        <CodeInput
          label={label ?? t('formFieldLabel__code')}
          error={form.errors.code}
          reset={attempt}
          onValue={(value) => {
            setCode(value);
            if (value.length === CODE_LENGTH && !form.busy) void submit(value);
          }}
        />
      ) : (
        <Field
          name="code"
          label={label ?? t('formFieldLabel__code')}
          value={code}
          onValue={setCode}
          error={form.errors.code}
          autoComplete="one-time-code"
          required
          autoFocus
        />
      )}
      <Alert>{form.formError ?? resendForm.formError}</Alert>
      <Button busy={form.busy} />
      {onResend && <ResendButton form={resendForm} onResend={onResend} text={resendText} />}
    </Form>
  );
}

export function LinkButton({
  children,
  onClick,
  name = 'footerActionLink',
  variant,
}: {
  children: ComponentChildren;
  onClick(): void;
  name?: string;
  variant?: string;
}) {
  const { el } = useHost();
  return (
    <button type="button" {...el(name, variant)} onClick={onClick}>
      {children}
    </button>
  );
}

/** The character classes `passwordSettings` may require, by their `passwordComplexity` key, in ClerkJS's order. */
const CHARACTER_RULES: Array<[string, RegExp]> = [
  ['requireNumbers', /\d/],
  ['requireLowercase', /[a-z]/],
  ['requireUppercase', /[A-Z]/],
  ['requireSpecialCharacter', /[^A-Za-z0-9]/],
];

/**
 * What `password` lacks under `userSettings.passwordSettings`, worded as ClerkJS does ("Your password
 * must contain 8 or more characters."): a short password hears only about its length; otherwise every
 * unmet character rule, joined as a list in the localization's language. Empty when it meets them all.
 * (The maximum length, 72 by default, is left to FAPI, whose error shows at the field.)
 */
export function passwordProblem({ environment, t, locale }: HostContextValue, password: string) {
  const s = environment.userSettings.passwordSettings ?? {};
  const say = (key: string, length?: number) => t(`unstable__errors.passwordComplexity.${key}`, { length });
  const unmet =
    password.length < s.minLength
      ? [say('minimumLength', s.minLength)]
      : // The setting of `requireSpecialCharacter` is `requireSpecialChar`.
        CHARACTER_RULES.filter(([key, pattern]) => s[key.replace('acter', '')] && !pattern.test(password)).map(([key]) => say(key));
  return unmet.length ? `${say('sentencePrefix')} ${new Intl.ListFormat(locale, { type: 'conjunction' }).format(unmet)}.` : '';
}

/**
 * A node the app renders into (a custom menu icon, a custom page): `mount` once it exists, `unmount` on
 * cleanup or when `key` changes.
 */
export function useAppNode<T extends HTMLElement>(mount: ((node: T) => void) | undefined, unmount: ((node: T) => void) | undefined, key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const node = ref.current!;
    mount?.(node);
    return () => unmount?.(node);
  }, [key]);
  return ref;
}

/** A `customPages` entry of a profile component, as ClerkJS's `CustomPage` types it. */
export interface CustomPageEntry {
  label: string;
  url?: string;
  mount?: (el: HTMLDivElement) => void;
  unmount?: (el: HTMLDivElement) => void;
}

/**
 * A profile component's navbar pages from its default pages and the app's `customPages`, as ClerkJS
 * orders them: an entry with a `url` is a custom page (or link); one without `url` or `mount` whose label
 * is a default page's id (`{ label: 'security' }`) places that page there; the defaults not placed come
 * first. Any other entry is dropped.
 */
export function profilePages<D extends { id: string }, P extends CustomPageEntry>(defaults: D[], given: P[] | undefined, custom: (page: P) => D) {
  const placed = (given ?? []).flatMap((page) =>
    !page || typeof page.label !== 'string' ? [] : typeof page.url === 'string' ? [custom(page)] : defaults.filter((d) => !page.mount && d.id === page.label),
  );
  return [...new Set([...defaults.filter((d) => !placed.includes(d)), ...placed])];
}

/** A page the app adds to a profile component (`customPages`): an element its `mount` renders into. */
export function CustomPage({ page }: { page: { mount?: (el: HTMLDivElement) => void; unmount?: (el: HTMLDivElement) => void } }) {
  const { el } = useHost();
  const node = useAppNode<HTMLDivElement>(page.mount, page.unmount, page);
  return <div ref={node} {...el('customPage')} />;
}

/** "Don't have an account? Sign up": a real link (`href`) that swaps modals or navigates through the kernel. */
export function FooterAction({ text, link, href, onClick }: { text: string; link: string; href: string; onClick(): void }) {
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
