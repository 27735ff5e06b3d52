/**
 * The browser's WebAuthn API, as ClerkJS drives it: FAPI's options JSON (base64url strings) → the
 * ArrayBuffers `navigator.credentials` takes, the credential back → JSON, and DOMExceptions → coded
 * errors (`passkey_registration_cancelled`, `passkey_retrieval_cancelled`, …). Loaded with the method
 * bodies, on first use.
 */
import { ClerkRuntimeError } from '../../kernel/lazy-kit.js';
import type { PasskeyAssertion } from './methods.js';

export const bufferToBase64Url = (buffer: ArrayBuffer | ArrayBufferView): string => {
  const bytes = buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

export const base64UrlToBuffer = (text: string): ArrayBuffer => {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
};

const fail = (message: string, code: string) => new ClerkRuntimeError(message, { code });

export function isWebAuthnSupported(): boolean {
  return typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function' && typeof navigator.credentials?.get === 'function';
}

/** Whether the browser can offer passkeys in an input's autofill (`mediation: 'conditional'`). */
export async function isWebAuthnAutofillSupported(): Promise<boolean> {
  try {
    return isWebAuthnSupported() && (await PublicKeyCredential.isConditionalMediationAvailable?.()) === true;
  } catch {
    return false;
  }
}

function assertSupported(): void {
  if (!isWebAuthnSupported()) throw fail('Passkeys are not supported on this device.', 'passkey_not_supported');
}

/** The options JSON a verification's `nonce` carries; missing options are FAPI's fault, said plainly. */
function parseOptions(nonce: string | null | undefined, what: 'create' | 'get'): any {
  try {
    const options = nonce ? JSON.parse(nonce) : null;
    if (options && typeof options.challenge === 'string') return options;
  } catch {
    // reported below
  }
  throw fail(`Missing public key options from the Frontend API for navigator.credentials.${what}().`, 'missing_webauthn_public_key_options');
}

function mapError(error: unknown, creating: boolean): unknown {
  const name = (error as { name?: string } | null)?.name;
  const message = (error as Error)?.message || 'The passkey operation failed.';
  if (creating && name === 'InvalidStateError') return fail(message, 'passkey_already_exists');
  if (name === 'NotAllowedError') return fail(message, creating ? 'passkey_registration_cancelled' : 'passkey_retrieval_cancelled');
  if (name === 'AbortError') return fail(message, 'passkey_operation_aborted');
  if (name === 'SecurityError') return fail(message, 'passkey_invalid_rpID_or_domain');
  return error;
}

/** Only one WebAuthn request runs at a time: a new one (e.g. the button after autofill started) aborts the previous. */
let pending: AbortController | undefined;

export function abortPendingPasskeyRequest(): void {
  pending?.abort(Object.assign(new Error('A newer passkey request replaced this one.'), { name: 'AbortError' }));
  pending = undefined;
}

/** navigator.credentials.create() with FAPI's creation options; resolves to the attestation as FAPI's JSON string. */
export async function createCredentialJson(nonce: string | null | undefined): Promise<string> {
  assertSupported();
  const options = parseOptions(nonce, 'create');
  const publicKey: PublicKeyCredentialCreationOptions = {
    ...options,
    challenge: base64UrlToBuffer(options.challenge),
    user: { ...options.user, id: base64UrlToBuffer(options.user.id) },
    excludeCredentials: (options.excludeCredentials ?? []).map((c: { id: string }) => ({ ...c, id: base64UrlToBuffer(c.id) })),
  };
  let credential: PublicKeyCredential | null;
  try {
    credential = (await navigator.credentials.create({ publicKey })) as PublicKeyCredential | null;
  } catch (error) {
    throw mapError(error, true);
  }
  if (!credential) throw fail('The browser did not create a credential.', 'passkey_registration_failed');
  const response = credential.response as AuthenticatorAttestationResponse;
  return JSON.stringify({
    type: credential.type,
    id: credential.id,
    rawId: bufferToBase64Url(credential.rawId),
    authenticatorAttachment: credential.authenticatorAttachment,
    response: {
      clientDataJSON: bufferToBase64Url(response.clientDataJSON),
      attestationObject: bufferToBase64Url(response.attestationObject),
      transports: response.getTransports?.() ?? [],
    },
  });
}

/** navigator.credentials.get() with FAPI's request options; `conditional` = autofill (conditional UI). */
export async function getCredentialJson(nonce: string | null | undefined, conditional = false): Promise<string> {
  assertSupported();
  const options = parseOptions(nonce, 'get');
  const publicKey: PublicKeyCredentialRequestOptions = {
    ...options,
    challenge: base64UrlToBuffer(options.challenge),
    allowCredentials: (options.allowCredentials ?? []).map((c: { id: string }) => ({ ...c, id: base64UrlToBuffer(c.id) })),
  };
  abortPendingPasskeyRequest();
  const controller = (pending = new AbortController());
  let credential: PasskeyAssertion | null;
  try {
    credential = (await navigator.credentials.get({
      publicKey,
      mediation: conditional ? 'conditional' : 'optional',
      signal: controller.signal,
    })) as PasskeyAssertion | null;
  } catch (error) {
    throw mapError(error, false);
  } finally {
    if (pending === controller) pending = undefined;
  }
  if (!credential) throw fail('The browser did not return a credential.', 'passkey_retrieval_failed');
  return serializeAssertion(credential);
}

/** An assertion (`navigator.credentials.get()` result) as the JSON string FAPI's `public_key_credential` takes. */
export function serializeAssertion(credential: PasskeyAssertion): string {
  const response = credential.response as AuthenticatorAssertionResponse;
  return JSON.stringify({
    type: credential.type,
    id: credential.id,
    rawId: bufferToBase64Url(credential.rawId),
    authenticatorAttachment: credential.authenticatorAttachment,
    response: {
      clientDataJSON: bufferToBase64Url(response.clientDataJSON),
      authenticatorData: bufferToBase64Url(response.authenticatorData),
      signature: bufferToBase64Url(response.signature),
      userHandle: response.userHandle ? bufferToBase64Url(response.userHandle) : null,
    },
  });
}
