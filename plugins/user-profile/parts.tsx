/** The building blocks every `<UserProfile/>` section uses: section, item, action button, badge, success note, strings. */
import type { ComponentChildren } from 'preact';
import { isClerkAPIResponseError, ClerkRuntimeError } from '../../kernel/errors.js';
import type { UiKit } from '../ui/index.js';
import type { ReverificationApi } from '../reverification/index.js';

/** Plugins the view uses when the instance has them. */
export interface ProfileServices {
  /** The passkeys plugin is composed (passkey methods on User and Passkey). */
  passkeys?: boolean;
  /** The reverification modal, for actions FAPI answers with `session_reverification_required`. */
  reverification?: ReverificationApi;
}

export const isHttpUrl = (url: unknown): url is string => typeof url === 'string' && /^https?:\/\//i.test(url);

export function createProfileParts(kit: UiKit, services: ProfileServices = {}) {
  const { useHost } = kit;

  /**
   * Runs a sensitive action (password, email removal, account deletion, passkey creation); when FAPI
   * asks for a recent verification, the reverification modal opens and the action runs once more after it.
   */
  async function withReverification<T>(action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      const modal = services.reverification;
      if (!modal || !isClerkAPIResponseError(error) || !error.errors.some((e) => e.code === 'session_reverification_required')) throw error;
      await new Promise<void>((resolve, reject) =>
        modal.__internal_openReverification({
          afterVerification: resolve,
          afterVerificationCancelled: () => reject(new ClerkRuntimeError('User cancelled attempted verification', { code: 'reverification_cancelled' })),
        }),
      );
      return action();
    }
  }

  /** Localized text of this component: `userProfile.<key>`. */
  function useSay() {
    const { t } = useHost();
    return (key: string, vars?: Record<string, unknown>) => t(`userProfile.${key}`, vars);
  }

  function Section({ name, title, children }: { name: string; title: string; children: ComponentChildren }) {
    const { el, uid } = useHost();
    return (
      <section {...el('profileSection', name)} aria-labelledby={`${uid}-${name}-title`}>
        <h2 id={`${uid}-${name}-title`} {...el('profileSectionTitle', name)}>
          {title}
        </h2>
        {children}
      </section>
    );
  }

  function Action({
    name,
    onClick,
    children,
    danger,
    disabled,
  }: {
    name: string;
    onClick(): void;
    children: ComponentChildren;
    danger?: boolean;
    disabled?: boolean;
  }) {
    const { el } = useHost();
    const style = el('profileSectionPrimaryButton', danger ? 'danger' : name);
    return (
      <button type="button" {...style} class={`${style.class} cl-action__${name}`} disabled={disabled} onClick={onClick}>
        {children}
      </button>
    );
  }

  function Item({ children, actions, name }: { children: ComponentChildren; actions?: ComponentChildren; name?: string }) {
    const { el } = useHost();
    return (
      <div {...el('profileSectionItem', name)}>
        <span {...el('profileSectionItemText')}>{children}</span>
        {actions}
      </div>
    );
  }

  function Badge({ children }: { children: string }) {
    const { el } = useHost();
    return <span {...el('badge')}>{children}</span>;
  }

  function Success({ children }: { children?: string }) {
    const { el } = useHost();
    return children ? (
      <p role="status" {...el('formFieldSuccessText')}>
        {children}
      </p>
    ) : null;
  }

  return { kit, services, withReverification, useSay, Section, Action, Item, Badge, Success };
}

export type ProfileParts = ReturnType<typeof createProfileParts>;
