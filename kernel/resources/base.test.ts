import { describe, expect, it } from 'vitest';
import { camelize } from './base.js';

describe('camelize (FAPI JSON → the shape ClerkJS exposes)', () => {
  it('camelCases keys at every depth, through arrays, and keeps other values as they are', () => {
    const json = {
      first_name: 'Ada',
      has_image: false,
      count_2fa: 2,
      last_name: null,
      nothing: undefined,
      email_addresses: [{ email_address: 'ada@example.com', linked_to: [{ id: 'idn_1', type: 'oauth_google' }] }, 'plain', 7, null],
      nested: [[{ deep_key: 1 }]],
    };
    expect(camelize(json)).toStrictEqual({
      firstName: 'Ada',
      hasImage: false,
      count2fa: 2,
      lastName: null,
      nothing: undefined,
      emailAddresses: [{ emailAddress: 'ada@example.com', linkedTo: [{ id: 'idn_1', type: 'oauth_google' }] }, 'plain', 7, null],
      nested: [[{ deepKey: 1 }]],
    });
  });

  it('turns `*_at` epoch-ms numbers into Dates, and nothing else', () => {
    const out = camelize({ created_at: 1_700_000_000_000, expire_at: null, verified_at_client: 'client_1', at: 5, nested: { updated_at: 0 } });
    expect(out.createdAt).toStrictEqual(new Date(1_700_000_000_000));
    expect(out.expireAt).toBeNull();
    expect(out.verifiedAtClient).toBe('client_1');
    expect(out.at).toBe(5);
    expect(out.nested.updatedAt).toStrictEqual(new Date(0));
  });

  it('leaves `*_metadata` exactly as stored (the same object, its keys unconverted); a missing one is {}', () => {
    const stored = { snake_key: { created_at: 1 }, list: [{ a_b: 1 }] };
    const storedList = [{ x_y: 1 }];
    const out = camelize({ public_metadata: stored, unsafe_metadata: null, private_metadata: undefined, list_metadata: storedList, zero_metadata: 0 });
    expect(out.publicMetadata).toBe(stored);
    expect(out.publicMetadata).toStrictEqual({ snake_key: { created_at: 1 }, list: [{ a_b: 1 }] });
    expect(out.unsafeMetadata).toStrictEqual({});
    expect(out.privateMetadata).toStrictEqual({});
    expect(out.listMetadata).toBe(storedList);
    expect(out.zeroMetadata).toBe(0);
  });

  it('keeps the names under name-keyed maps (attributes.email_address) but converts their fields', () => {
    const out = camelize({ attributes: { email_address: { used_for_first_factor: true, first_factors: ['email_code'] } } });
    expect(out).toStrictEqual({ attributes: { email_address: { usedForFirstFactor: true, firstFactors: ['email_code'] } } });
  });

  it('writes into the object it is given, leaving out the skipped keys (child resources)', () => {
    const target = { kept: 1 } as Record<string, unknown>;
    const returned = camelize({ first_name: 'Ada', sessions: [{ id: 'sess_1' }], sign_in: { id: 'sia_1' } }, false, new Set(['sessions', 'sign_in']), target);
    expect(returned).toBe(target);
    expect(target).toStrictEqual({ kept: 1, firstName: 'Ada' });
  });
});
