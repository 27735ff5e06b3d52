/** `<UserAvatar/>`, loaded on the first mount: the user's image, or initials; follows the user as it changes. */
import { useEffect, useState } from 'preact/hooks';
import type { UiKit } from '../ui/index.js';
import type { UserAvatarProps } from './index.js';

export const styles =
  '.cl-userAvatarBox{display:inline-flex;align-items:center;justify-content:center;flex:none;width:1.75rem;height:1.75rem;border-radius:50%;overflow:hidden;background:var(--cl-primary);color:var(--cl-on-primary);font-weight:600;font-size:.75rem;line-height:1}' +
  '.cl-userAvatarBox__square{border-radius:calc(var(--cl-radius)*.75)}.cl-userAvatarImage{width:100%;height:100%;object-fit:cover}';

/** An image URL an <img> may load: http(s), or a data: image (the emulator's and uploaded ones; an <img> runs no script). */
const isImageUrl = (url: unknown): url is string => typeof url === 'string' && /^(https?:\/\/|data:image\/)/i.test(url);

export default function createUserAvatar({ useHost }: UiKit) {
  return function UserAvatar({ rounded = true }: UserAvatarProps) {
    const { clerk, el } = useHost();
    const [, rerender] = useState(0);
    useEffect(() => clerk.addListener(() => rerender((n) => n + 1)), []);
    const user = clerk.user;
    const imageUrl = user?.imageUrl;
    // An image that does not load falls back to the initials, as ClerkJS's avatar does.
    const [failed, setFailed] = useState<string>();
    if (!user) return null;
    const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
    const identifier = user.primaryEmailAddress?.emailAddress ?? user.username ?? '';
    const initials = (name ? [user.firstName, user.lastName].filter(Boolean).map((s) => s!.trim()[0]) : [identifier[0] ?? '']).join('').toUpperCase();
    return (
      <span {...el('userAvatarBox', rounded ? undefined : 'square')} title={name || identifier || undefined}>
        {isImageUrl(imageUrl) && failed !== imageUrl ? (
          <img src={imageUrl} alt={name || identifier} {...el('userAvatarImage')} onError={() => setFailed(imageUrl)} />
        ) : (
          <span aria-label={name || identifier}>{initials}</span>
        )}
      </span>
    );
  };
}
