/**
 * The kernel's resource data in the shapes ClerkJS's types give them, where FAPI's JSON differs: the
 * conformance check (test/types/clerk-conformance.ts) holds the types, these the runtime values.
 */
import { describe, expect, it } from 'vitest';
import type { ResourceContext } from './base.js';
import { SignIn } from './sign-in.js';
import { decodeJwt, Token } from './token.js';
import { ExternalAccount } from './user.js';

// The hydration read here touches no FAPI: a bare context is enough.
const ctx = {} as ResourceContext;
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('SignIn.userData', () => {
  it('leaves out a name FAPI sends as null (ClerkJS types them string | undefined)', () => {
    const signIn = new SignIn(ctx, { id: 'sia_1', user_data: { first_name: null, last_name: 'Lovelace', image_url: 'https://img', has_image: false } });
    expect(signIn.userData).toEqual({ lastName: 'Lovelace', imageUrl: 'https://img', hasImage: false });
    expect('firstName' in signIn.userData).toBe(false);
  });
  it('is an empty object before identification, and after a sign-in without user data replaced one with it', () => {
    const signIn = new SignIn(ctx, { id: 'sia_1' });
    expect(signIn.userData).toEqual({});
    signIn.fromJSON({ id: 'sia_1', user_data: { first_name: 'Ada' } });
    expect(signIn.userData).toEqual({ firstName: 'Ada' });
    signIn.fromJSON({ id: 'sia_2' });
    expect(signIn.userData).toEqual({});
  });
});

describe('ExternalAccount', () => {
  it('names the provider without FAPI’s oauth_ prefix and has "" for a missing username, without any plugin', () => {
    const account = new ExternalAccount(ctx, { object: 'external_account', id: 'eac_1', provider: 'oauth_google', username: null });
    expect(account.provider).toBe('google');
    expect(account.username).toBe('');
    account.fromJSON({ object: 'external_account', id: 'eac_1', provider: 'google', username: 'ada' });
    expect([account.provider, account.username]).toEqual(['google', 'ada']);
  });
});

describe('Token', () => {
  it('has the encoded token as claims.__raw, as ClerkJS', () => {
    const jwt = `${b64({ alg: 'RS256', kid: 'ins_1' })}.${b64({ iat: 1, exp: 2, sid: 'sess_1' })}.sig`;
    const token = new Token(jwt);
    expect(token.jwt?.claims.__raw).toBe(jwt);
    expect(token.jwt?.header).toEqual({ alg: 'RS256', kid: 'ins_1' });
    expect(decodeJwt(jwt).claims).toEqual({ iat: 1, exp: 2, sid: 'sess_1', __raw: jwt });
  });
});
