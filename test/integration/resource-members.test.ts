// @vitest-environment happy-dom
// The resource members custom flows call (the resource-members plugin and the kernel's shapes), each
// against the emulator: names, return values and errors as ClerkJS has them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildPublishableKey, createClerk, EmailAddress, isClerkRuntimeError, PhoneNumber, type ResourceContext } from '../../kernel/index.js';
import { createHeadlessClerk, type HeadlessClerk } from '../helpers/custom-flows.js';
import { PROXY_URL, useEmulator } from '../helpers/emulator.js';

const PASSWORD = 'correct-horse-battery';
const emulator = useEmulator({
  seed: {
    users: [
      { emailAddress: 'ada@example.com', password: PASSWORD, firstName: 'Ada', phoneNumber: '+15555550100' },
      { emailAddress: 'grace@example.com', password: PASSWORD, web3Wallet: '0xAbC0000000000000000000000000000000000001' },
    ],
  },
});

const instances: HeadlessClerk[] = [];
async function loadedClerk(options: Record<string, unknown> = {}) {
  const clerk = createHeadlessClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL });
  instances.push(clerk);
  await clerk.load(options);
  return clerk;
}
async function signedIn(email = 'ada@example.com', options: Record<string, unknown> = {}) {
  const clerk = await loadedClerk(options);
  const signIn = await clerk.client!.signIn.create({ identifier: email, password: PASSWORD });
  await clerk.setActive({ session: signIn.createdSessionId });
  return clerk;
}
const requested = (method: string, path: string) => emulator.requests.filter((r) => r.method === method && r.path === `/v1${path}`).length;
const ctxOf = (resource: object) => (resource as { _ctx: ResourceContext })._ctx;
const devBrowser = () => /__clerk_db_jwt=([^;]+)/.exec(document.cookie)?.[1] ?? '';
const newBrowser = () => document.cookie.split('; ').forEach((c) => (document.cookie = `${c.split('=')[0]}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`));

beforeEach(() => {
  emulator.reset();
  emulator.clearRequests();
});
afterEach(() => {
  instances.splice(0).forEach((c) => c.destroy());
  newBrowser();
  vi.restoreAllMocks();
});

describe('Client', () => {
  it('create() PUTs the client and resolves with the same, live object', async () => {
    const clerk = await loadedClerk();
    const client = clerk.client!;
    const created = await client.create();
    expect(created).toBe(client);
    expect(created.id).toMatch(/^client_/);
    expect(requested('PUT', '/client')).toBe(1);
  });

  it('removeSessions() resolves with the client, its sessions ended (it resolved undefined)', async () => {
    const clerk = await signedIn();
    const result = await clerk.client!.removeSessions();
    expect(result).toBe(clerk.client);
    expect(result.signedInSessions).toEqual([]);
    expect(result.id).toMatch(/^client_/);
    expect(clerk.session).toBeNull();
  });

  it('clearCache() drops cached tokens: the next getToken asks FAPI again', async () => {
    const clerk = await signedIn();
    await clerk.session!.getToken();
    const before = emulator.requests.filter((r) => r.path.includes('/tokens')).length;
    await clerk.session!.getToken();
    expect(emulator.requests.filter((r) => r.path.includes('/tokens')).length).toBe(before);
    clerk.client!.clearCache();
    await clerk.session!.getToken();
    expect(emulator.requests.filter((r) => r.path.includes('/tokens')).length).toBe(before + 1);
  });

  it('resetSignIn() / resetSignUp() drop the attempts in progress locally, without a request', async () => {
    const clerk = await loadedClerk();
    const client = clerk.client!;
    await client.signIn.create({ identifier: 'ada@example.com' });
    await client.signUp.create({ emailAddress: 'new@example.com' });
    expect(client.signIn.id).toMatch(/^sia_/);
    expect(client.signUp.id).toMatch(/^sua_/);
    const count = emulator.requests.length;
    client.resetSignIn();
    client.resetSignUp();
    expect([client.signIn.id, client.signIn.status, client.signUp.id, client.signUp.status]).toEqual([undefined, null, undefined, null]);
    expect(emulator.requests.length).toBe(count);
    // A fresh attempt works from the reset object.
    await client.signIn.create({ identifier: 'ada@example.com' });
    expect(client.signIn.status).toBe('needs_first_factor');
  });

  it('isEligibleForTouch() is true only when the client cookie expires within 8 days', async () => {
    const clerk = await loadedClerk();
    const client = clerk.client!;
    // The emulator's cookie lasts a year.
    expect(client.cookieExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 300 * 86_400_000);
    expect(client.isEligibleForTouch()).toBe(false);
    client.cookieExpiresAt = new Date(Date.now() + 7 * 86_400_000);
    expect(client.isEligibleForTouch()).toBe(true);
    client.cookieExpiresAt = null;
    expect(client.isEligibleForTouch()).toBe(false);
  });

  it('buildTouchUrl() points at /v1/client/touch, which renews the client and redirects back (allowed origins only)', async () => {
    const clerk = await signedIn();
    const url = clerk.client!.buildTouchUrl({ redirectUrl: new URL('http://localhost:3000/dashboard?tab=1') });
    expect(url).toBe(`${PROXY_URL}/v1/client/touch?redirect_url=${encodeURIComponent('http://localhost:3000/dashboard?tab=1')}`);
    // Development names the client by the dev browser, as ClerkJS's buildUrlWithAuth adds it.
    const touched = await fetch(`${url}&__clerk_db_jwt=${devBrowser()}`, { redirect: 'manual' });
    expect(touched.status).toBe(307);
    expect(touched.headers.get('location')).toBe('http://localhost:3000/dashboard?tab=1');
    const evil = clerk.client!.buildTouchUrl({ redirectUrl: new URL('https://evil.example/steal') });
    const refused = await fetch(`${evil}&__clerk_db_jwt=${devBrowser()}`, { redirect: 'manual' });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors[0].code).toBe('invalid_redirect_url');
  });
});

describe('Session', () => {
  it('reload() GETs the session and refreshes this object in place', async () => {
    const clerk = await signedIn();
    const session = clerk.session!;
    Object.assign(session, { status: 'ended' });
    const reloaded = await session.reload();
    expect(reloaded).toBe(session);
    expect(session.status).toBe('active');
    expect(requested('GET', `/client/sessions/${session.id}`)).toBe(1);
  });

  it('agent is the actor when it is an agent, else null', async () => {
    const clerk = await signedIn();
    const session = clerk.session!;
    expect(session.agent).toBeNull();
    // The emulator issues no actor tokens: the agent's claim arrives as FAPI would put it on the session.
    session.fromJSON({ id: session.id, status: 'active', actor: { sub: 'agent_1', type: 'agent', task_id: 'task_9' } });
    expect(session.agent).toEqual({ sub: 'agent_1', type: 'agent', taskId: 'task_9' });
    session.fromJSON({ id: session.id, status: 'active', actor: { sub: 'user_admin' } });
    expect(session.agent).toBeNull();
  });
});

describe('User', () => {
  it('hasVerifiedEmailAddress / hasVerifiedPhoneNumber are booleans, not methods', async () => {
    const clerk = await signedIn('grace@example.com');
    const user = clerk.user!;
    expect(user.hasVerifiedEmailAddress).toBe(true);
    // Grace has no phone number: a method here would be truthy.
    expect(user.hasVerifiedPhoneNumber).toBe(false);
  });

  it('primaryWeb3Wallet / verifiedWeb3Wallets, and the plain fields ClerkJS types (legalAcceptedAt, matchesSsoConnection)', async () => {
    const grace = await signedIn('grace@example.com');
    expect(grace.user!.primaryWeb3Wallet?.web3Wallet).toBe('0xabc0000000000000000000000000000000000001');
    expect(grace.user!.verifiedWeb3Wallets.map((w) => w.id)).toEqual([grace.user!.primaryWeb3WalletId]);
    expect(grace.user!.legalAcceptedAt).toBeNull();
    expect(grace.user!.createOrganizationsLimit).toBeNull();
    expect(grace.user!.primaryEmailAddress!.matchesSsoConnection).toBe(false);
    grace.destroy();
    newBrowser();
    const ada = await signedIn();
    expect(ada.user!.primaryWeb3Wallet).toBeNull();
    expect(ada.user!.verifiedWeb3Wallets).toEqual([]);
  });

  it('isPrimaryIdentification() compares with the primary of its kind', async () => {
    const clerk = await signedIn();
    const user = clerk.user!;
    const second = await user.createEmailAddress({ email: 'ada.second@example.com' });
    await user.reload();
    expect(user.isPrimaryIdentification(user.primaryEmailAddress!)).toBe(true);
    expect(user.isPrimaryIdentification(user.primaryPhoneNumber!)).toBe(true);
    expect(user.isPrimaryIdentification(second)).toBe(false);
  });

  it('timezone comes from the sign-up that created the user (and sign-in/sign-up carry theirs)', async () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const clerk = await loadedClerk();
    const signUp = await clerk.client!.signUp.create({ emailAddress: 'zoned@example.com', password: 'a-long-password-1' });
    expect(signUp.timezone).toBe(zone);
    await signUp.prepareEmailAddressVerification();
    await signUp.attemptEmailAddressVerification({ code: emulator.outbox.latest('zoned@example.com')!.code! });
    await clerk.setActive({ session: signUp.createdSessionId });
    expect(clerk.user!.timezone).toBe(zone);
    const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com' });
    expect(signIn.timezone).toBe(zone);
  });

  it('getEnterpriseConnections() lists the connections of the user’s email domains', async () => {
    const clerk = await signedIn();
    expect(await clerk.user!.getEnterpriseConnections()).toEqual([]);
    emulator.updateSettings({ enterpriseConnections: [{ domain: 'example.com', protocol: 'saml', name: 'Example SSO' }] });
    try {
      const [connection, ...rest] = await clerk.user!.getEnterpriseConnections({ withOrganizationAccountLinking: true });
      expect(rest).toEqual([]);
      expect(connection).toMatchObject({ name: 'Example SSO', active: true, domains: ['example.com'], provider: 'saml_custom' });
      expect(connection.createdAt).toBeInstanceOf(Date);
      expect(emulator.requests.at(-1)!.search).toContain('with_organization_account_linking=true');
      // ClerkJS's values for what FAPI leaves out, its plumbing, and FAPI's JSON as the snapshot.
      expect(connection).toMatchObject({ customAttributes: [], oauthConfig: null, pathRoot: '/me/enterprise_connections' });
      expect(connection.__internal_toSnapshot()).toMatchObject({ object: 'enterprise_connection', id: connection.id, name: 'Example SSO' });
      await expect(connection.reload()).rejects.toMatchObject({ code: 'no_endpoint' });
    } finally {
      emulator.updateSettings({ enterpriseConnections: [] });
    }
  });

  it('TOTP, backup codes, the profile image and device sessions come with ClerkJS’s resource plumbing', async () => {
    const { totpCode } = await import('../../emulator/index.js');
    const clerk = await signedIn();
    const user = clerk.user!;
    const totp = await user.createTOTP();
    expect(totp).toMatchObject({ verified: false, pathRoot: '/me/totp' });
    expect(totp.createdAt === null || totp.createdAt instanceof Date).toBe(true);
    await expect(totp.reload()).rejects.toMatchObject({ code: 'no_endpoint' });
    const verified = await user.verifyTOTP({ code: totpCode(totp.secret!, Date.now()) });
    expect(verified.verified).toBe(true);
    const codes = await user.createBackupCode();
    expect(codes.codes.length).toBeGreaterThan(0);
    expect(codes.pathRoot).toBe('/me/backup_codes');
    expect('updatedAt' in codes).toBe(true);
    const image = await user.setProfileImage({ file: new Blob(['GIF89a'], { type: 'image/gif' }) });
    expect(image).toMatchObject({ pathRoot: '/me/profile_image' });
    expect(typeof image.publicUrl === 'string' || image.publicUrl === null).toBe(true);
    // The plumbing stays off the data: a spread shows FAPI's fields only.
    expect(Object.keys({ ...image })).not.toContain('pathRoot');

    const [device] = await user.getSessions();
    expect(device).toMatchObject({ id: clerk.session!.id, status: 'active', pathRoot: '/me/sessions' });
    expect(device.lastActiveAt).toBeInstanceOf(Date);
    // revoke() resolves with the same object, revoked (here this very session).
    await expect(device.revoke()).resolves.toBe(device);
    expect(device.status).toBe('revoked');
  });

  it('disableTOTP() resolves with the deleted object (it resolved undefined)', async () => {
    const { totpCode } = await import('../../emulator/index.js');
    const clerk = await signedIn();
    const user = clerk.user!;
    const totp = await user.createTOTP();
    await user.verifyTOTP({ code: totpCode(totp.secret!, Date.now()) });
    const deleted = await user.disableTOTP();
    expect(deleted).toEqual({ object: 'totp', id: totp.id, deleted: true });
    expect(clerk.user!.totpEnabled).toBe(false);
  });

  it('external accounts: verified/unverified lists, providerSlug/Title, accountIdentifier, reload()', async () => {
    const clerk = await signedIn();
    const user = clerk.user!;
    const account = await user.createExternalAccount({ strategy: 'oauth_github', redirectUrl: 'http://localhost:3000/profile' });
    await user.reload();
    expect(user.unverifiedExternalAccounts.map((a) => a.id)).toEqual([account.id]);
    expect(user.verifiedExternalAccounts).toEqual([]);
    expect(account.providerSlug()).toBe('github');
    expect(account.providerTitle()).toBe('Github Account');
    const consent = new URL(account.verification!.externalVerificationRedirectURL!);
    consent.searchParams.set('auto', '1');
    consent.searchParams.set('email', 'ada-gh@example.com');
    await fetch(consent, { redirect: 'manual' });
    const reloaded = await account.reload();
    expect(reloaded).toBe(account);
    expect(account.verification!.status).toBe('verified');
    expect(account.accountIdentifier()).toBe('ada-gh');
    await user.reload();
    expect(user.verifiedExternalAccounts.map((a) => a.id)).toEqual([account.id]);
    expect(user.unverifiedExternalAccounts).toEqual([]);
  });

  it('EmailAddress.create() / PhoneNumber.create() add this object’s value to the user', async () => {
    const clerk = await signedIn();
    const ctx = ctxOf(clerk.user!);
    const email = new EmailAddress(ctx, { email_address: 'created@example.com' });
    expect(await email.create()).toBe(email);
    expect(email.id).toMatch(/^idn_/);
    expect(email.emailAddress).toBe('created@example.com');
    const phone = new PhoneNumber(ctx, { phone_number: '+15555550199' });
    expect(await phone.create()).toBe(phone);
    expect(phone.id).toMatch(/^idn_/);
    expect(clerk.user!.emailAddresses.map((e) => e.emailAddress)).toContain('created@example.com');
    expect(clerk.user!.phoneNumbers.map((p) => p.phoneNumber)).toContain('+15555550199');
  });
});

describe('SignIn / SignUp', () => {
  it('validatePassword() reports the failed complexity rules of the instance’s settings', async () => {
    emulator.updateSettings({ password: { minLength: 10, requireNumbers: true, requireUppercase: true } as never });
    try {
      const clerk = await loadedClerk();
      for (const resource of [clerk.client!.signIn, clerk.client!.signUp]) {
        const onValidation = vi.fn();
        const onValidationComplexity = vi.fn();
        await resource.validatePassword('short', { onValidation, onValidationComplexity });
        expect(onValidation).toHaveBeenCalledWith({ complexity: { min_length: true, require_numbers: true, require_uppercase: true } });
        expect(onValidationComplexity).toHaveBeenCalledWith(false);
        await resource.validatePassword('Long-enough-9', { onValidation, onValidationComplexity });
        expect(onValidation).toHaveBeenLastCalledWith({ complexity: {} });
        expect(onValidationComplexity).toHaveBeenLastCalledWith(true);
      }
      await expect(clerk.client!.signUp.validatePassword(42 as never)).rejects.toMatchObject({ code: 'invalid_arguments' });
    } finally {
      emulator.reset();
      emulator.updateSettings({ password: { minLength: 8, requireNumbers: false, requireUppercase: false } as never });
    }
  });

  it('signUp.upsert() creates the first time and updates after', async () => {
    const clerk = await loadedClerk();
    const signUp = clerk.client!.signUp;
    await signUp.upsert({ emailAddress: 'upsert@example.com' });
    const id = signUp.id;
    expect(id).toMatch(/^sua_/);
    await signUp.upsert({ firstName: 'Upsert' });
    expect(clerk.client!.signUp.id).toBe(id);
    expect(clerk.client!.signUp.firstName).toBe('Upsert');
    expect(requested('POST', '/client/sign_ups')).toBe(1);
    expect(requested('PATCH', `/client/sign_ups/${id}`)).toBe(1);
  });
});

describe('Clerk', () => {
  it('setActive({ navigate }) calls the app’s navigation with the session before emitting it', async () => {
    const clerk = await loadedClerk();
    const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com', password: PASSWORD });
    const seen: unknown[] = [];
    const navigate = vi.fn(async ({ session, decorateUrl }: { session: { id: string }; decorateUrl: (u: string) => string }) => {
      seen.push(clerk.session, session.id, decorateUrl('/dashboard'));
      clerk.client!.cookieExpiresAt = new Date(Date.now() + 86_400_000);
      seen.push(decorateUrl('/dashboard'));
    });
    await clerk.setActive({ session: signIn.createdSessionId, navigate });
    expect(navigate).toHaveBeenCalledTimes(1);
    const touch = `${PROXY_URL}/v1/client/touch?redirect_url=${encodeURIComponent('http://localhost:3000/dashboard')}`;
    expect(seen).toEqual([undefined, signIn.createdSessionId, '/dashboard', touch]);
    expect(clerk.session!.id).toBe(signIn.createdSessionId);
  });

  it('domain is clerk.-prefixed on production, as ClerkJS', () => {
    const clerk = createClerk({ publishableKey: buildPublishableKey('clerk.app.test', 'production'), domain: 'https://satellite.test' });
    expect(clerk.domain).toBe('clerk.satellite.test');
    const already = createClerk({ publishableKey: buildPublishableKey('clerk.app.test', 'production'), domain: 'clerk.satellite.test' });
    expect(already.domain).toBe('clerk.satellite.test');
    const dev = createClerk({ publishableKey: emulator.publishableKey, domain: 'satellite.test' });
    expect(dev.domain).toBe('satellite.test');
  });

  it('sdkMetadata carries environment (NODE_ENV, else production)', () => {
    const clerk = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL });
    expect(clerk.sdkMetadata).toMatchObject({ name: 'microclerk', environment: process.env.NODE_ENV || 'production' });
  });

  it('routerDebug logs each navigation', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const routerPush = vi.fn();
    const clerk = await loadedClerk({ routerDebug: true, routerPush });
    await clerk.navigate('/somewhere');
    expect(log).toHaveBeenCalledWith('Clerk is navigating to: http://localhost:3000/somewhere');
    expect(routerPush).toHaveBeenCalled();
    log.mockClear();
    const quiet = await loadedClerk({ routerPush });
    await quiet.navigate('/elsewhere');
    expect(log).not.toHaveBeenCalled();
  });

  it('updateClient() adopts another object’s client state and tells listeners', async () => {
    const first = await signedIn();
    // A second instance on the same browser (same client) signs everything out; the first does not know yet.
    const second = await loadedClerk();
    await second.client!.removeSessions();
    expect(first.session).not.toBeNull();
    const listener = vi.fn();
    first.addListener(listener, { skipInitialEmit: true });
    first.updateClient(second.client!);
    await vi.waitFor(() => expect(first.session).toBeNull());
    expect(first.client!.signedInSessions).toEqual([]);
    expect(listener).toHaveBeenCalledWith(expect.objectContaining({ session: null }));
    // The same client: listeners hear it at once.
    listener.mockClear();
    first.updateClient(first.client!);
    expect(listener).toHaveBeenCalledTimes(1);
    let error: unknown;
    try {
      first.updateClient({ id: 'client_x' } as never);
    } catch (err) {
      error = err;
    }
    expect(isClerkRuntimeError(error) && error.code).toBe('invalid_arguments');
  });
});
