import { describe, expect, it } from 'vitest';
import { createClerk } from './clerk.js';
import { isClerkRuntimeError } from './errors.js';
import { buildPublishableKey, parsePublishableKey } from './options.js';

const devKey = buildPublishableKey('emulator.accounts.dev');

describe('publishable key', () => {
  it('gives instance type and Frontend API host', () => {
    expect(parsePublishableKey(devKey)).toEqual({ instanceType: 'development', frontendApi: 'emulator.accounts.dev' });
    expect(parsePublishableKey(buildPublishableKey('clerk.example.com:8443', 'production'))).toEqual({
      instanceType: 'production',
      frontendApi: 'clerk.example.com:8443',
    });
  });

  it.each([
    ['', /empty string/],
    [42, /number/],
    ['sk_test_abc', /pk_test_ or pk_live_/],
    ['pk_test_' + btoa('localhost:3000$'), /not a host name/],
    ['pk_test_' + btoa('clerk.example.com'), /single "\$"/],
    ['pk_test_' + btoa('clerk.$example.com$'), /single "\$"/],
    ['pk_test_%%%', /not base64/],
    ['pk_test_extra_' + btoa('clerk.example.com$'), /pk_test_ or pk_live_/],
  ])('rejects %j with a message naming the problem', (key, why) => {
    expect(() => parsePublishableKey(key)).toThrow(why);
    expect(() => createClerk({ publishableKey: key as string })).toThrow(/Invalid publishableKey/);
  });
});

describe('constructor options', () => {
  it('rejects proxyUrl together with domain', () => {
    expect(() => createClerk({ publishableKey: devKey, proxyUrl: 'https://a.test/__clerk', domain: 'a.test' })).toThrow(
      /"proxyUrl" and "domain" cannot both be set/,
    );
  });

  it('names a proxyUrl of the wrong type or form', () => {
    expect(() => createClerk({ publishableKey: devKey, proxyUrl: 42 as never })).toThrow(/"proxyUrl"/);
    let error: unknown;
    try {
      createClerk({ publishableKey: devKey, proxyUrl: 'ftp://files.test' });
    } catch (err) {
      error = err;
    }
    expect(isClerkRuntimeError(error) && error.code).toBe('invalid_options');
    expect(String(error)).toMatch(/Invalid proxyUrl "ftp:\/\/files.test"/);
  });

  it('accepts http proxy URLs and strips the trailing slash; domain prefixes clerk. on production', () => {
    expect(createClerk({ publishableKey: devKey, proxyUrl: 'http://127.0.0.1:4000/__clerk/' }).proxyUrl).toBe('http://127.0.0.1:4000/__clerk');
    const prod = createClerk({ publishableKey: buildPublishableKey('clerk.app.test', 'production'), domain: 'https://satellite.test' });
    expect(prod.domain).toBe('satellite.test');
    expect(prod.instanceType).toBe('production');
  });

  it('rejects bad load() options naming each field', async () => {
    const clerk = createClerk({ publishableKey: devKey, proxyUrl: 'http://127.0.0.1:1/__clerk' });
    const error = await clerk.load({ standardBrowser: 'yes' as never, selectInitialSession: 3 as never }).catch((e: any) => e);
    expect(error.message).toMatch(/^Invalid options passed to clerk.load\(\)/);
    expect(error.message).toMatch(/"standardBrowser": expected a boolean/);
    expect(error.message).toMatch(/"selectInitialSession": expected a function/);
    expect(clerk.status).toBe('loading');
  });

  it('rejects load() options that are not an object, and passes unknown keys through unchecked', async () => {
    const clerk = createClerk({ publishableKey: devKey, proxyUrl: 'http://127.0.0.1:1/__clerk' });
    const error = await clerk.load('fast' as never).catch((e: any) => e);
    expect(error.code).toBe('invalid_options');
    expect(error.message).toMatch(/"\(options\)": expected an object/);
    expect(() => createClerk({ publishableKey: devKey, requestTimeout: -1 })).toThrow(/"requestTimeout": expected a positive number/);
    expect(() => createClerk({ publishableKey: devKey, requestTimeout: undefined, somethingElse: 1 } as never)).not.toThrow();
  });
});
