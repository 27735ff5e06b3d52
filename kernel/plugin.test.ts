import * as z from 'zod/mini';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createClerk } from './clerk.js';
import { buildPublishableKey } from './options.js';
import { definePlugin, resolvePluginOrder } from './plugin.js';

const publishableKey = buildPublishableKey('clerk.app.test', 'production');

// Written as a third party would: only the public kernel API.
const greeter = (greeting = 'Hello') =>
  definePlugin({
    name: 'greeter',
    setup: (ctx) => ({
      greet: (name: string) => `${greeting}, ${name} (${ctx.kernel.instanceType})`,
    }),
  });

const shout = () =>
  definePlugin({
    name: 'shout',
    dependsOn: ['greeter'],
    loadOptions: z.looseObject({ volume: z.optional(z.number({ error: 'expected a number' })) }),
    setup: (ctx) => {
      const greeter = ctx.get<{ greet(name: string): string }>('greeter');
      return { shout: (name: string) => greeter.greet(name).toUpperCase() };
    },
  });

describe('plugin contract', () => {
  it('adds the members setup returns, typed from the plugin list', () => {
    const clerk = createClerk({ publishableKey, plugins: [shout(), greeter('Hi')] });
    expectTypeOf(clerk.greet).toEqualTypeOf<(name: string) => string>();
    expectTypeOf(clerk.shout).toEqualTypeOf<(name: string) => string>();
    expect(clerk.greet('Ada')).toBe('Hi, Ada (production)');
    expect(clerk.shout('Ada')).toBe('HI, ADA (PRODUCTION)');
    // @ts-expect-error a member no plugin provides is not on the type
    expect(clerk.whisper).toBeUndefined();
  });

  it('orders dependencies first and keeps list order otherwise', () => {
    const a = definePlugin({ name: 'a', dependsOn: ['c'], setup: () => ({}) });
    const b = definePlugin({ name: 'b', setup: () => ({}) });
    const c = definePlugin({ name: 'c', setup: () => ({}) });
    expect(resolvePluginOrder([a, b, c]).map((p) => p.name)).toEqual(['c', 'a', 'b']);
  });

  it('names the missing dependency, the duplicate and the cycle', () => {
    expect(() => createClerk({ publishableKey, plugins: [shout()] })).toThrow(/"shout" depends on "greeter", which is not in the plugin list/);
    expect(() => createClerk({ publishableKey, plugins: [greeter(), greeter()] })).toThrow(/Two plugins are named "greeter"/);
    const x = definePlugin({ name: 'x', dependsOn: ['y'], setup: () => ({}) });
    const y = definePlugin({ name: 'y', dependsOn: ['x'], setup: () => ({}) });
    expect(() => resolvePluginOrder([x, y])).toThrow(/cycle: x → y → x/);
  });

  it('refuses a member that the kernel or another plugin already provides', () => {
    const hijack = definePlugin({ name: 'hijack', setup: () => ({ setActive: async () => {} }) });
    expect(() => createClerk({ publishableKey, plugins: [hijack] })).toThrow(/"hijack" adds "setActive", which the kernel already provides/);
    const twin = definePlugin({ name: 'twin', setup: () => ({ greet: () => '' }) });
    expect(() => createClerk({ publishableKey, plugins: [greeter(), twin] })).toThrow(/plugin "greeter" already provides/);
  });

  it('refuses ctx.get for an undeclared plugin and a non-kebab name', () => {
    const sneaky = definePlugin({ name: 'sneaky', setup: (ctx) => ({ peek: () => ctx.get('greeter') }) });
    const clerk = createClerk({ publishableKey, plugins: [greeter(), sneaky] });
    expect(() => clerk.peek()).toThrow(/without declaring it in dependsOn/);
    expect(() => definePlugin({ name: 'Bad_Name', setup: () => ({}) })).toThrow(/kebab-case/);
  });

  it('validates plugin load options and runs dispose hooks in reverse order', async () => {
    const order: string[] = [];
    const track = (name: string) => definePlugin({ name, setup: (ctx) => (ctx.onDispose(() => order.push(name)), {}) });
    const clerk = createClerk({ publishableKey, plugins: [greeter(), shout(), track('first'), track('second')] });
    await expect(clerk.load({ volume: 'loud' } as never)).rejects.toThrow(/"volume": expected a number/);
    clerk.destroy();
    expect(order).toEqual(['second', 'first']);
  });
});
