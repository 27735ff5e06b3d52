/** The relying party of a request: the page's origin (the `Origin` header), else the emulator's own. */
import { fapiError } from '../domain/errors.js';
import { relyingParty, type RelyingParty } from '../domain/passkeys.js';
import type { RequestContext } from '../http/request-context.js';

export function requestRelyingParty(ctx: RequestContext): RelyingParty {
  return relyingParty(ctx.view.origin ?? new URL(ctx.baseUrl).origin, ctx.core.settings.applicationName);
}

export function assertPasskeysEnabled(ctx: RequestContext): void {
  if (!ctx.core.settings.passkeys.enabled) {
    throw fapiError(400, 'strategy_for_user_invalid', 'Passkeys are not enabled', 'Passkeys are not enabled for this instance.', { param_name: 'strategy' });
  }
}
