// @vitest-environment happy-dom
// ClerkJS's resource plumbing the resource-members plugin installs on every resource — `pathRoot`,
// `__internal_toSnapshot()` (FAPI's snake_case JSON, from which the resource rebuilds), the verification
// and token members — and the few internals custom flows meet (`__internal_touch`, `__internal_sendCaptchaToken`),
// against the emulator.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  Client,
  EmailAddress,
  ExternalAccount,
  isClerkRuntimeError,
  OrganizationMembership,
  SignIn,
  SignUp,
  Token,
  Verification,
  type ResourceContext,
} from '../../kernel/index.js';
import { signedInHeadless, type HeadlessClerk } from '../../test/helpers/custom-flows.js';
import { PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';

const PASSWORD = 'correct-horse-battery';
const emulator = useEmulator({
  seed: { users: [{ emailAddress: 'ada@example.com', password: PASSWORD, firstName: 'Ada', phoneNumber: '+15555550100' }] },
});

const instances: HeadlessClerk[] = [];
const signedIn = () => signedInHeadless(emulator.publishableKey, PROXY_URL, instances, 'ada@example.com', PASSWORD);
const ctxOf = (resource: object) => (resource as { _ctx: ResourceContext })._ctx;
const requested = (method: string, path: string) => emulator.requests.filter((r) => r.method === method && r.path === `/v1${path}`).length;
/** Data only, as an app would compare it: no functions, Dates as numbers. */
const data = (value: unknown) => JSON.parse(JSON.stringify(value));

beforeEach(() => {
  emulator.reset();
  emulator.clearRequests();
});
afterEach(() => {
  instances.splice(0).forEach((c) => c.destroy());
  document.cookie.split('; ').forEach((c) => (document.cookie = `${c.split('=')[0]}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`));
});

describe('pathRoot', () => {
  it('is the FAPI path of each kind of resource, as ClerkJS names it', async () => {
    const clerk = await signedIn();
    const user = clerk.user!;
    expect({
      client: clerk.client!.pathRoot,
      session: clerk.session!.pathRoot,
      user: user.pathRoot,
      signIn: clerk.client!.signIn.pathRoot,
      signUp: clerk.client!.signUp.pathRoot,
      emailAddress: user.emailAddresses[0].pathRoot,
      phoneNumber: user.phoneNumbers[0].pathRoot,
      verification: user.emailAddresses[0].verification.pathRoot,
      token: clerk.session!.lastActiveToken!.pathRoot,
    }).toEqual({
      client: '/client',
      session: '/client/sessions',
      user: '/me',
      signIn: '/client/sign_ins',
      signUp: '/client/sign_ups',
      emailAddress: '/me/email_addresses',
      phoneNumber: '/me/phone_numbers',
      verification: '',
      token: '',
    });
    // Not data: spreading or serialising a resource does not show it.
    expect(Object.keys(user)).not.toContain('pathRoot');
  });
});

describe('__internal_toSnapshot()', () => {
  it('gives the client as FAPI JSON: snake_case keys, epoch-ms dates, child resources as their snapshots', async () => {
    const clerk = await signedIn();
    const snapshot = clerk.client!.__internal_toSnapshot();
    expect(snapshot.object).toBe('client');
    expect(snapshot.id).toBe(clerk.client!.id);
    expect(snapshot.last_active_session_id).toBe(clerk.session!.id);
    expect(snapshot.captcha_bypass).toBe(false);
    const session = snapshot.sessions[0];
    expect(session).toMatchObject({ object: 'session', id: clerk.session!.id, status: 'active' });
    expect(session.expire_at).toBe(+clerk.session!.expireAt);
    expect(session.last_active_token).toEqual({ object: 'token', id: '', jwt: clerk.session!.lastActiveToken!.getRawString() });
    const user = session.user!;
    expect(user).toMatchObject({ object: 'user', first_name: 'Ada', primary_email_address_id: clerk.user!.primaryEmailAddressId });
    expect(user.created_at).toBe(+clerk.user!.createdAt);
    expect(user.email_addresses[0]).toMatchObject({ object: 'email_address', email_address: 'ada@example.com' });
    // A verification as ClerkJS writes it: every field present, `error` an empty error when there is none.
    expect(user.email_addresses[0].verification).toMatchObject({
      object: 'verification',
      status: 'verified',
      external_verification_redirect_url: null,
      error: { code: '', message: '' },
    });
    expect(snapshot.sign_in).toMatchObject({ object: 'sign_in' });
    // Plain JSON: nothing is lost by serialising it.
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });

  it('keeps metadata exactly as stored (its keys are not snake_cased)', async () => {
    const clerk = await signedIn();
    await clerk.user!.update({ unsafeMetadata: { favouriteColor: 'teal', nested: { someKey: 1 } } });
    expect(clerk.user!.__internal_toSnapshot().unsafe_metadata).toEqual({ favouriteColor: 'teal', nested: { someKey: 1 } });
  });

  it('rebuilds: a client made from the snapshot has the same data (and gives the same snapshot)', async () => {
    const clerk = await signedIn();
    const original = clerk.client!;
    const snapshot = original.__internal_toSnapshot();
    const rebuilt = new Client(ctxOf(original), JSON.parse(JSON.stringify(snapshot)));
    expect(rebuilt).not.toBe(original);
    expect(data(rebuilt.__internal_toSnapshot())).toEqual(data(snapshot));
    const [session] = rebuilt.sessions;
    expect(session.id).toBe(clerk.session!.id);
    expect(session.expireAt).toEqual(clerk.session!.expireAt);
    expect(session.lastActiveToken!.getRawString()).toBe(clerk.session!.lastActiveToken!.getRawString());
    expect(session.user!.primaryEmailAddress!.emailAddress).toBe('ada@example.com');
    expect(session.user!.primaryEmailAddress!.verification.status).toBe('verified');
    expect(session.user!.primaryPhoneNumber!.phoneNumber).toBe('+15555550100');
  });

  it('covers a sign-up in progress, its verifications included, and one not started', async () => {
    const clerk = await signedIn();
    await clerk.signOut();
    const signUp = await clerk.client!.signUp.create({ emailAddress: 'new@example.com', password: PASSWORD });
    await signUp.prepareEmailAddressVerification({ strategy: 'email_code' });
    const snapshot = signUp.__internal_toSnapshot();
    expect(snapshot).toMatchObject({ object: 'sign_up', id: signUp.id, email_address: 'new@example.com', status: 'missing_requirements' });
    expect(snapshot.verifications.email_address).toMatchObject({ object: 'verification', status: 'unverified', strategy: 'email_code' });
    const rebuilt = new SignUp(ctxOf(signUp), snapshot as never);
    expect(rebuilt.verifications.emailAddress.strategy).toBe('email_code');
    expect(rebuilt.emailAddress).toBe('new@example.com');
    expect(new SignUp(ctxOf(signUp)).__internal_toSnapshot()).toMatchObject({ object: 'sign_up', id: '' });
  });

  it('gives an identification link its own snapshot (and pathRoot)', async () => {
    const clerk = await signedIn();
    const email = new EmailAddress(ctxOf(clerk.user!), {
      object: 'email_address',
      id: 'idn_1',
      email_address: 'linked@example.com',
      linked_to: [{ id: 'eac_1', type: 'oauth_google' }],
      verification: null,
    });
    expect(email.linkedTo[0].pathRoot).toBe('');
    expect(email.linkedTo[0].__internal_toSnapshot()).toEqual({ object: 'identification_link', id: 'eac_1', type: 'oauth_google' });
    expect(email.__internal_toSnapshot().linked_to).toEqual([{ object: 'identification_link', id: 'eac_1', type: 'oauth_google' }]);
    // The link is still plain data to read and spread.
    expect({ ...email.linkedTo[0] }).toEqual({ id: 'eac_1', type: 'oauth_google' });
  });
});

describe('SignIn snapshot', () => {
  it('writes a web3 factor’s wallet id under FAPI’s name and the one ClerkJS’s snapshot type derives', async () => {
    const clerk = await signedIn();
    const signIn = new SignIn(ctxOf(clerk.user!), {
      object: 'sign_in',
      id: 'sia_1',
      supported_first_factors: [{ strategy: 'web3_metamask_signature', web3_wallet_id: 'idn_w', primary: true }],
    });
    expect(signIn.__internal_toSnapshot().supported_first_factors).toEqual([
      { strategy: 'web3_metamask_signature', web3_wallet_id: 'idn_w', web_3_wallet_id: 'idn_w', primary: true },
    ]);
    // Rebuilt from the snapshot, the factor is FAPI's again (the extra name is not read back).
    expect(new SignIn(ctxOf(clerk.user!), data(signIn.__internal_toSnapshot())).supportedFirstFactors?.[0]).toMatchObject({ web3WalletId: 'idn_w' });
  });
});

describe('SignUp.verifications', () => {
  it('has nextAction and supportedStrategies on the email and phone verifications even before FAPI sends them, and a snapshot', async () => {
    const clerk = await signedIn();
    const signUp = new SignUp(ctxOf(clerk.user!), {
      object: 'sign_up',
      id: 'sua_1',
      verifications: { email_address: { status: 'unverified', strategy: 'email_code', next_action: 'needs_attempt', supported_strategies: ['email_code'] } },
    });
    const { emailAddress, phoneNumber } = signUp.verifications;
    expect([emailAddress.nextAction, emailAddress.supportedStrategies]).toEqual(['needs_attempt', ['email_code']]);
    expect([phoneNumber.nextAction, phoneNumber.supportedStrategies]).toEqual(['', []]);
    const snapshot = signUp.verifications.__internal_toSnapshot();
    expect(snapshot.email_address).toMatchObject({
      object: 'verification',
      status: 'unverified',
      next_action: 'needs_attempt',
      supported_strategies: ['email_code'],
    });
    expect(snapshot.phone_number).toMatchObject({ next_action: '', supported_strategies: [] });
    expect(signUp.__internal_toSnapshot().verifications).toEqual(snapshot);
  });
});

describe('ExternalAccount', () => {
  it('has the provider without FAPI’s oauth_ prefix, as ClerkJS (providerSlug() is the same)', async () => {
    const clerk = await signedIn();
    const account = new ExternalAccount(ctxOf(clerk.user!), { object: 'external_account', id: 'eac_1', provider: 'oauth_google', username: null });
    expect(account.provider).toBe('google');
    expect(account.providerSlug()).toBe('google');
    expect(account.providerTitle()).toBe('Google Account');
    expect(account.__internal_toSnapshot()).toMatchObject({ object: 'external_account', provider: 'google' });
  });
});

describe('Verification', () => {
  it('has null (not undefined) for what FAPI left out, as ClerkJS', () => {
    const verification = new Verification(null);
    expect({ ...verification }).toMatchObject({
      status: null,
      strategy: null,
      attempts: null,
      expireAt: null,
      nonce: null,
      message: null,
      verifiedAtClient: null,
      error: null,
    });
    expect(new Verification({ status: 'failed', error: { code: 'form_code_incorrect', message: 'Incorrect code' } }).error).toEqual({
      code: 'form_code_incorrect',
      message: 'Incorrect code',
    });
  });

  it('verifiedFromTheSameClient() compares the verifying client with this browser’s', async () => {
    const clerk = await signedIn();
    expect(new Verification({ status: 'verified', verified_at_client: clerk.client!.id }).verifiedFromTheSameClient()).toBe(true);
    expect(new Verification({ status: 'verified', verified_at_client: 'client_elsewhere' }).verifiedFromTheSameClient()).toBe(false);
    expect(new Verification({ status: 'verified' }).verifiedFromTheSameClient()).toBe(false);
  });
});

describe('reload() of the objects without an endpoint', () => {
  it('rejects with no_endpoint for a verification, a token, a membership and an identification link', async () => {
    const clerk = await signedIn();
    const ctx = ctxOf(clerk.user!);
    const before = emulator.requests.length;
    const email = new EmailAddress(ctx, {
      object: 'email_address',
      id: 'idn_1',
      email_address: 'a@example.com',
      linked_to: [{ id: 'eac_1', type: 'oauth_google' }],
    });
    for (const object of [
      clerk.user!.emailAddresses[0].verification,
      clerk.session!.lastActiveToken as Token,
      new OrganizationMembership(ctx, { id: 'orgmem_1' }),
      email.linkedTo[0],
    ]) {
      const error = await object.reload().catch((e: unknown) => e);
      expect(isClerkRuntimeError(error) && error.code).toBe('no_endpoint');
    }
    expect(emulator.requests.length).toBe(before);
  });
});

describe('internals ClerkJS calls', () => {
  it('session.__internal_touch() POSTs the touch and resolves with the client the answer carries', async () => {
    const clerk = await signedIn();
    const session = clerk.session!;
    const touches = () => requested('POST', `/client/sessions/${session.id}/touch`);
    const before = touches();
    const result = await session.__internal_touch({ intent: 'focus' });
    expect(touches()).toBe(before + 1);
    expect(result).toBe(clerk.client);
    expect(session.status).toBe('active');
  });

  it('client.__internal_sendCaptchaToken() POSTs the widget’s answer to /client/verify', async () => {
    const clerk = await signedIn();
    // The emulator has no CAPTCHA: the request is what is checked, whatever it answers.
    await clerk.client!.__internal_sendCaptchaToken({ captchaToken: 'token', captchaWidgetType: 'smart' }).catch(() => undefined);
    expect(requested('POST', '/client/verify')).toBe(1);
  });

  it('client.captchaBypass is false unless FAPI says so; signUp.web3wallet is ClerkJS’s spelling of web3Wallet', async () => {
    const clerk = await signedIn();
    expect(clerk.client!.captchaBypass).toBe(false);
    expect(new Client(ctxOf(clerk.client!), { object: 'client', id: 'client_1', sessions: [], captcha_bypass: true }).captchaBypass).toBe(true);
    expect(new SignUp(ctxOf(clerk.client!), { object: 'sign_up', id: 'sua_1', web3_wallet: '0xabc' }).web3wallet).toBe('0xabc');
    expect(new SignUp(ctxOf(clerk.client!)).web3wallet).toBeNull();
  });
});
