/** Generated avatars, so users, organizations and fake provider accounts always have an image. */

/** An SVG avatar with initials, so users without an image still get a usable `image_url`. */
export function initialsAvatar(first: string | null, last: string | null, fallback: string): string {
  const initials = ((first?.[0] ?? '') + (last?.[0] ?? '') || fallback[0] || '?').toUpperCase();
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="#6c47ff"/><text x="32" y="41" font-family="sans-serif" font-size="26" fill="#fff" text-anchor="middle">${initials.replace(/[<&>]/g, '')}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
