import { ClerkAPIResponseError, ClerkRuntimeError, invalidArgument } from './errors.js';
import type { SignedInSession } from './resources/client.js';
import type { Session } from './resources/session.js';
import { signedIn, type KernelState } from './state.js';
import type { Navigate, SetActiveParams } from './types.js';

interface TouchAware {
  isEligibleForTouch?(): boolean;
  buildTouchUrl(params: { redirectUrl: URL }): string;
}

/**
 * `setActive`: touches the chosen session (and organization), fetches its token, and only then
 * emits it; with `beforeEmit` or `redirectUrl`, listeners read `undefined` in between, as ClerkJS documents.
 */
export function createSetActive({ state, setSession, emitResources, emitToken }: KernelState, navigate: Navigate) {
  function findSession(ref: { id: string } | string): Session {
    const id = typeof ref === 'string' ? ref : typeof ref === 'object' ? ref.id : undefined;
    if (typeof id !== 'string') throw invalidArgument('setActive()', 'session must be a session id, a Session or null', ref);
    const found = state.client?.sessions.find((s) => s.id === id);
    if (!found) throw new ClerkRuntimeError(`setActive(): no session with id "${id}" on this client.`, { code: 'session_not_found' });
    return found;
  }

  function findOrganizationId(target: Session | null, ref: { id: string } | string | null | undefined): string | null | undefined {
    if (ref === undefined || ref === null || typeof ref !== 'string') return ref === undefined ? undefined : (ref?.id ?? null);
    if (ref.startsWith('org_')) return ref;
    const membership = target?.user?.organizationMemberships.find((m) => m.organization.slug === ref);
    if (!membership)
      throw new ClerkRuntimeError(`setActive(): the user is not a member of an organization with slug "${ref}".`, { code: 'organization_not_found' });
    return membership.organization.id;
  }

  /** ClerkJS's ITP workaround: through `/client/touch` when the client cookie is due (the resource-members plugin adds those members). */
  function decorateUrl(url: string): string {
    const client = state.client as unknown as TouchAware | undefined;
    return client?.isEligibleForTouch?.() ? client.buildTouchUrl({ redirectUrl: new URL(url, location.href) }) : url;
  }

  return async function setActive(params: SetActiveParams = {}): Promise<void> {
    const { client } = state;
    if (!client) throw new ClerkRuntimeError('setActive() needs a loaded client: await clerk.load() first.', { code: 'not_loaded' });
    if (typeof params !== 'object' || params === null) {
      throw new ClerkRuntimeError('setActive() expects an object: { session?, organization?, redirectUrl?, beforeEmit? }.', { code: 'invalid_arguments' });
    }
    const { beforeEmit, redirectUrl, navigate: go } = params;
    const target = params.session === undefined ? (state.session ?? null) : params.session === null ? null : findSession(params.session);
    const orgId = findOrganizationId(target, params.organization);
    const previousId = state.session?.id;
    let next: SignedInSession | null = null;
    state.switching = true;
    try {
      if (target) {
        if (orgId !== undefined) target.lastActiveOrganizationId = orgId;
        await target.touch({ organizationId: target.lastActiveOrganizationId, intent: orgId !== undefined ? 'select_org' : 'select_session' }).catch((err) => {
          if (err instanceof ClerkAPIResponseError && err.status === 401) return;
          throw err;
        });
        // The touch's piggy-backed client rebuilt the sessions: continue with the fresh object.
        const id = target.id;
        next = state.client?.sessions.find((s): s is SignedInSession => s.id === id && signedIn(s)) ?? null;
        await next?.getToken().catch(() => null);
      }
      if (beforeEmit || redirectUrl || (go && next)) {
        setSession(undefined);
        emitResources();
        if (go && next) await go({ session: next, decorateUrl });
        else if (beforeEmit) await beforeEmit(next);
        else await navigate(redirectUrl!);
      }
      setSession(next);
      state.sessionChosen = true;
    } catch (err) {
      // A failed switch must not leave listeners on `undefined`: keep what the client still has.
      if (state.session === undefined) {
        setSession(state.client?.sessions.find((s): s is SignedInSession => s.id === previousId && signedIn(s)) ?? null);
        emitResources();
        emitToken();
      }
      throw err;
    } finally {
      state.switching = false;
    }
    emitResources();
    emitToken();
  };
}
