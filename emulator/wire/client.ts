/** Client JSON: the signed-in sessions and the sign-in/sign-up in progress, piggybacked on most responses. */
import type { ClientRecord } from '../domain/records.js';
import { sessionJson } from './session.js';
import { signInJson } from './sign-in.js';
import { signUpJson } from './sign-up.js';
import type { Json, JsonView } from './view.js';

export function clientJson(view: JsonView, client: ClientRecord): Json {
  const { core } = view;
  const signIn = client.signInId ? core.store.signIns.get(client.signInId) : undefined;
  const signUp = client.signUpId ? core.store.signUps.get(client.signUpId) : undefined;
  return {
    object: 'client',
    id: client.id,
    sessions: core.activeSessions(client).map((s) => sessionJson(view, s)),
    sign_in: signIn ? signInJson(view, signIn.id) : null,
    sign_up: signUp ? signUpJson(view, signUp.id) : null,
    last_active_session_id: client.lastActiveSessionId,
    last_authentication_strategy: client.lastAuthenticationStrategy,
    cookie_expires_at: core.now() + 365 * 24 * 60 * 60 * 1000,
    captcha_bypass: false,
    created_at: client.createdAt,
    updated_at: client.updatedAt,
  };
}
