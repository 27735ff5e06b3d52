/** The building blocks every `<UserProfile/>` section uses: section, item, action button, badge, success note, strings. */
import type { ComponentChildren } from 'preact';
import type { UiKit } from '../ui/index.js';

export const isHttpUrl = (url: unknown): url is string => typeof url === 'string' && /^https?:\/\//i.test(url);

export function createProfileParts(kit: UiKit) {
  const { useHost } = kit;

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

  return { kit, useSay, Section, Action, Item, Badge, Success };
}

export type ProfileParts = ReturnType<typeof createProfileParts>;
