import { describe, expect, it } from 'vitest';
import { buildPublishableKey } from '../kernel/index.js';
import { Clerk, EmailLinkError, EmailLinkErrorCodeStatus, isEmailLinkError } from './full.js';

const key = buildPublishableKey('clerk.app.test', 'production');

describe('full preset', () => {
  it('constructs like ClerkJS and exposes the documented properties before load', () => {
    const clerk = new Clerk(key, { proxyUrl: 'https://app.test/__clerk' });
    expect(clerk).toBeInstanceOf(Clerk);
    expect(clerk.publishableKey).toBe(key);
    expect(clerk.instanceType).toBe('production');
    expect(clerk.frontendApi).toBe('clerk.app.test');
    expect(clerk.proxyUrl).toBe('https://app.test/__clerk');
    expect(clerk.loaded).toBe(false);
    expect(clerk.status).toBe('loading');
    expect(clerk.client).toBeUndefined();
    expect(typeof clerk.load).toBe('function');
  });

  it('has a plugin for every documented member: One Tap, Web3, waitlist and the organization components are real', async () => {
    const clerk = new Clerk(key, { proxyUrl: 'https://app.test/__clerk' });
    for (const name of ['openGoogleOneTap', 'authenticateWithWeb3', 'joinWaitlist', 'mountOrganizationSwitcher', 'openOrganizationProfile'] as const) {
      expect(typeof clerk[name], name).toBe('function');
    }
    // A real member checks its input (a placeholder would throw not_available_in_preset whatever it got).
    await expect(clerk.joinWaitlist({ emailAddress: '' } as never)).rejects.not.toMatchObject({ code: 'not_available_in_preset' });
  });

  it('has the oauth plugin: handleRedirectCallback and authenticateWithRedirect are real functions, not placeholders', async () => {
    const clerk = new Clerk(key, { proxyUrl: 'https://app.test/__clerk' });
    expect(typeof clerk.handleRedirectCallback).toBe('function');
    expect(typeof clerk.authenticateWithRedirect).toBe('function');
    // As ClerkJS: nothing to do before load, no placeholder error.
    await expect(clerk.handleRedirectCallback({ signInUrl: '/sign-in' })).resolves.toBeUndefined();
    await expect(clerk.authenticateWithRedirect({ strategy: 'oauth_google', redirectUrl: '/sso-callback', redirectUrlComplete: '/' })).rejects.toMatchObject({
      code: 'not_loaded',
    });
  });

  it('has the email-link plugin: handleEmailLinkVerification is real, with ClerkJS-compatible errors', async () => {
    const clerk = new Clerk(key, { proxyUrl: 'https://app.test/__clerk' });
    // As ClerkJS: nothing to do before load, no placeholder error.
    await expect(clerk.handleEmailLinkVerification({ redirectUrlComplete: '/' })).resolves.toBeUndefined();
    const error = new EmailLinkError(EmailLinkErrorCodeStatus.ClientMismatch);
    expect(isEmailLinkError(error) && error.code).toBe('client_mismatch');
    expect(isEmailLinkError(new Error('client_mismatch'))).toBe(false);
  });

  it('has the organizations plugin: createOrganization/getOrganization are real (coded not_loaded before load), the organization components are real members', async () => {
    const clerk = new Clerk(key, { proxyUrl: 'https://app.test/__clerk' });
    await expect(clerk.createOrganization({ name: 'Acme' })).rejects.toMatchObject({ code: 'not_loaded' });
    await expect(clerk.getOrganization('org_1')).rejects.toMatchObject({ code: 'not_loaded' });
    expect(clerk.__internal_attemptToEnableEnvironmentSetting({ for: 'organizations', caller: 'useOrganization' })).toEqual({ isEnabled: false });
    // Real mount members now: a missing node is the ui host's coded error, not the preset's placeholder.
    for (const mount of [clerk.mountOrganizationSwitcher, clerk.mountCreateOrganization, clerk.mountOrganizationList]) {
      expect(() => mount(undefined as never)).toThrow(expect.objectContaining({ code: 'ui_invalid_node' }));
    }
  });
});
