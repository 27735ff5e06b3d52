/**
 * The kernel values that lazily loaded code (plugin bodies, UI views) uses, handed over at run time.
 * A module imported both by the app's entry and by a lazy chunk ends up in a shared chunk of its own,
 * and every extra initial file costs brotli bytes (each file compresses alone); lazy code imports these
 * bindings from here instead, and the kernel fills them as it starts (see kernel/clerk.ts).
 */
import type * as Errors from './errors.js';
import type * as Urls from './safe-url.js';
import type * as Base from './resources/base.js';
import type * as Verifications from './resources/verification.js';

export type { ClerkAPIError } from './errors.js';
export type { JSONObject } from './resources/base.js';
export type ClerkRuntimeError = Errors.ClerkRuntimeError;
export type ClerkAPIResponseError = Errors.ClerkAPIResponseError;
export type BaseResource = Base.BaseResource;
export type Verification = Verifications.Verification;

export let ClerkRuntimeError: typeof Errors.ClerkRuntimeError;
export let ClerkAPIResponseError: typeof Errors.ClerkAPIResponseError;
export let isClerkAPIResponseError: typeof Errors.isClerkAPIResponseError;
export let isClerkRuntimeError: typeof Errors.isClerkRuntimeError;
export let expectObject: typeof Errors.expectObject;
export let safeUrl: typeof Urls.safeUrl;
export let pageUrl: typeof Urls.pageUrl;
export let camelize: typeof Base.camelize;
export let BaseResource: typeof Base.BaseResource;
export let Verification: typeof Verifications.Verification;

/** The values, in the order of the bindings above: a tuple, so that no property name ships in any bundle. */
export type LazyKit = [
  ClerkRuntimeError: typeof Errors.ClerkRuntimeError,
  ClerkAPIResponseError: typeof Errors.ClerkAPIResponseError,
  isClerkAPIResponseError: typeof Errors.isClerkAPIResponseError,
  isClerkRuntimeError: typeof Errors.isClerkRuntimeError,
  expectObject: typeof Errors.expectObject,
  safeUrl: typeof Urls.safeUrl,
  pageUrl: typeof Urls.pageUrl,
  camelize: typeof Base.camelize,
  BaseResource: typeof Base.BaseResource,
  Verification: typeof Verifications.Verification,
];

/** Called once by the kernel as it is evaluated, so before any lazy chunk can run. */
export function provideLazyKit(kit: LazyKit): void {
  [
    ClerkRuntimeError,
    ClerkAPIResponseError,
    isClerkAPIResponseError,
    isClerkRuntimeError,
    expectObject,
    safeUrl,
    pageUrl,
    camelize,
    BaseResource,
    Verification,
  ] = kit;
}
