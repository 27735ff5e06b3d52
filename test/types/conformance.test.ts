/**
 * The runtime side of clerk-conformance.ts: the ClerkJS members the type test checks exist on a
 * `new Clerk(…)` of the full preset (methods as functions), the excluded ones are really missing, and
 * every documented member comes from a plugin of the preset.
 */
import { describe, expect, it } from 'vitest';
import { buildPublishableKey, createClerk } from '../../kernel/index.js';
import { Clerk, fullPlugins } from '../../presets/full.js';
import { CHECKED_METHODS, CHECKED_PROPERTIES, DIFFERENTLY_TYPED, MISSING, PROVIDED_DOCUMENTED } from './clerk-conformance.js';

const key = buildPublishableKey('clerk.app.test', 'production');
const newClerk = () => new Clerk(key, { proxyUrl: 'https://app.test/__clerk' }) as unknown as Record<string, unknown>;

const typeOf = (clerk: Record<string, unknown>, names: readonly string[]) => Object.fromEntries(names.map((name) => [name, typeof clerk[name]]));
const functions = (names: readonly string[]) => Object.fromEntries(names.map((name) => [name, 'function']));

describe('the full preset against ClerkJS’s Clerk interface', () => {
  it('has every checked ClerkJS method as a function', () => {
    // A floor against an emptied list: members that move to DIFFERENTLY_TYPED are still checked there.
    expect(CHECKED_METHODS.length + Object.values(DIFFERENTLY_TYPED).flat().length).toBeGreaterThan(80);
    expect(typeOf(newClerk(), CHECKED_METHODS)).toEqual(functions(CHECKED_METHODS));
  });

  it('has every checked ClerkJS property, before load', () => {
    const clerk = newClerk();
    expect(CHECKED_PROPERTIES.filter((name) => !(name in clerk))).toEqual([]);
    expect(clerk.loaded).toBe(false);
    expect(clerk.isSignedIn).toBe(false);
    // The "absent" values ClerkJS's types allow.
    expect(clerk.telemetry).toBeUndefined();
    expect(clerk.__internal_hasOAuthTransport).toBe(false);
    expect(clerk.__internal_oauthTransport).toBeNull();
  });

  it('excludes no member for a type difference: every member it has is checked', () => {
    expect(Object.values(DIFFERENTLY_TYPED).flat()).toEqual([]);
    const methods = ['addListener', 'setActive'];
    expect(typeOf(newClerk(), methods)).toEqual(functions(methods));
  });

  it('lacks the members excluded as missing (an implemented one must leave the list)', () => {
    const clerk = newClerk();
    const missing = Object.values(MISSING).flat();
    // A floor against an emptied list: the out-of-scope areas (billing, API keys, enterprise connections,
    // OAuth applications) are 26 members, and nothing else is left in the list.
    expect(missing.length).toBeGreaterThanOrEqual(26);
    expect(missing.filter((name) => name in clerk)).toEqual([]);
  });
});

describe('documented members (seeds) in the full preset', () => {
  it('every one is a function that a plugin provides: the preset adds no placeholder', () => {
    const bare = createClerk({ publishableKey: key, plugins: fullPlugins() }) as unknown as Record<string, unknown>;
    expect(typeOf(bare, PROVIDED_DOCUMENTED)).toEqual(functions(PROVIDED_DOCUMENTED));
    // `new Clerk()` is exactly the composed plugins: the same members, nothing filled in.
    expect(Object.keys(newClerk()).sort()).toEqual(Object.keys(bare).sort());
    (bare.destroy as () => void)();
  });
});
