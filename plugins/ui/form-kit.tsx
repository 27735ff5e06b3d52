/**
 * The form kit every component shares: form state with FAPI errors mapped to fields, card, form, field,
 * checkbox, buttons, alert, one-time-code form, password rules. Handed to component modules through
 * the kit, so component plugins never import this file.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ClerkAPIError, Environment } from '../../kernel/index.js';
import { isClerkAPIResponseError, isClerkRuntimeError } from '../../kernel/errors.js';
import { useHost } from './context.js';

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

export function useForm(fields: string[]): FormState {
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
      }
    },
  };
}

export function Card({ title, subtitle, children, footer }: { title: string; subtitle?: string; children?: ComponentChildren; footer?: ComponentChildren }) {
  const { el, uid } = useHost();
  return (
    <div {...el('cardBox')}>
      <div {...el('card')}>
        <div {...el('header')}>
          <h1 id={`${uid}-title`} {...el('headerTitle')}>
            {title}
          </h1>
          {subtitle && <p {...el('headerSubtitle')}>{subtitle}</p>}
        </div>
        <div {...el('main')}>{children}</div>
      </div>
      {footer && <div {...el('footer')}>{footer}</div>}
    </div>
  );
}

export function Form({ onSubmit, children }: { onSubmit: () => void; children: ComponentChildren }) {
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

export function Field({ name, label, value, onValue, error, optional, action, hint, autoFocus, ...input }: FieldProps) {
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

export function Checkbox({
  name,
  label,
  checked,
  onChecked,
  error,
}: {
  name: string;
  label: ComponentChildren;
  checked: boolean;
  onChecked(v: boolean): void;
  error?: string;
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

export function Button({ busy, children, variant }: { busy?: boolean; children?: ComponentChildren; variant?: string }) {
  const { el, t } = useHost();
  return (
    <button type="submit" {...el('formButtonPrimary', variant)} disabled={busy} aria-busy={busy ? 'true' : undefined}>
      {children ?? t('formButtonPrimary')}
    </button>
  );
}

export function Alert({ children }: { children?: ComponentChildren }) {
  const { el } = useHost();
  if (!children) return null;
  return (
    <div role="alert" {...el('alert')}>
      {children}
    </div>
  );
}

/** A one-time-code form: submits by itself at 6 digits; `label` defaults to "Verification code". */
export function CodeForm({
  onCode,
  onResend,
  label,
  numeric = true,
}: {
  onCode(code: string): Promise<unknown>;
  onResend?: () => Promise<unknown>;
  label?: string;
  numeric?: boolean;
}) {
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

/** The rules from `userSettings.passwordSettings` that `password` does not meet yet. */
export function passwordRules(environment: Environment, password: string) {
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
export function PasswordRules({ password }: { password: string }) {
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
export function useAppNode<T extends HTMLElement>(mount: ((node: T) => void) | undefined, unmount: ((node: T) => void) | undefined, key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const node = ref.current!;
    mount?.(node);
    return () => unmount?.(node);
  }, [key]);
  return ref;
}

/** A page the app adds to a profile component (`customPages`): an element its `mount` renders into. */
export function CustomPage({ page }: { page: { mount?: (el: HTMLDivElement) => void; unmount?: (el: HTMLDivElement) => void } }) {
  const { el } = useHost();
  const node = useAppNode<HTMLDivElement>(page.mount, page.unmount, page);
  return <div ref={node} {...el('customPage')} />;
}
