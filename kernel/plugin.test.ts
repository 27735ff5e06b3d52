import * as z from 'zod/mini';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createClerk } from './clerk.js';
import { buildPublishableKey } from './options.js';
import { definePlugin, resolvePluginOrder } from './plugin.js';

const publishableKey = buildPublishableKey('clerk.app.test', 'production');

// A third party registers its plugins' APIs so that dependents get them typed from ctx.get().
declare module './plugin.js' {
  interface PluginApis {
    greeter: { greet(name: string): string };
    shout: { shout(name: string): string };
    a: object;
    b: object;
    c: object;
    x: object;
    y: object;
    'fancy-navigation': object;
  }
}

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
    loadOptions: { volume: z.number({ error: 'expected a number' }) },
    setup: (ctx) => {
      // Typed from PluginApis: no cast, no generic.
      const greeter = ctx.get('greeter');
      expectTypeOf(greeter).toEqualTypeOf<{ greet(name: string): string }>();
      expectTypeOf(ctx.loadOptions.volume).toEqualTypeOf<number | undefined>();
      return { shout: (name: string) => `${greeter.greet(name).toUpperCase()}${'!'.repeat(ctx.loadOptions.volume ?? 0)}` };
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

  it('types load options from the plugin schema, and passes them to the plugin', async () => {
    const clerk = createClerk({ publishableKey, plugins: [greeter(), shout()] });
    expectTypeOf<Parameters<typeof clerk.load>[0]>().toMatchTypeOf<{ volume?: number } | undefined>();
    // @ts-expect-error volume is a number in the schema
    void (() => clerk.load({ volume: 'loud' }));
    // @ts-expect-error no plugin reads this option
    void (() => clerk.load({ loudness: 3 }));
    expect(clerk.shout('Ada')).toBe('HELLO, ADA (PRODUCTION)');
  });

  it('refuses ctx.get for an undeclared plugin and a non-kebab name', () => {
    // @ts-expect-error "greeter" is not in dependsOn: a compile error as well as a runtime one
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

  it("reports a plugin's zod schema by its own error, else by what it expected (with the path into an object)", async () => {
    const tuned = definePlugin({
      name: 'tuned',
      loadOptions: {
        pitch: z.object({ hz: z.number() }),
        mode: z.string(),
        later: z.string().check(z.refine(async () => true)),
      },
      setup: () => ({}),
    });
    const clerk = createClerk({ publishableKey, plugins: [tuned] });
    await expect(clerk.load({ pitch: { hz: 'high' }, mode: 3 } as never)).rejects.toThrow('"pitch": hz: expected number; "mode": expected string');
    const again = createClerk({ publishableKey, plugins: [tuned] });
    await expect(again.load({ later: 'x' } as never)).rejects.toThrow('"later": an asynchronous check cannot validate an option');
  });

  it('gives an optional dependency when composed and undefined when not', () => {
    const polite = definePlugin({
      name: 'polite',
      optionalDependsOn: ['greeter'],
      setup: (ctx) => ({ welcome: (name: string) => ctx.find('greeter')?.greet(name) ?? `Welcome, ${name}` }),
    });
    expect(createClerk({ publishableKey, plugins: [polite] }).welcome('Ada')).toBe('Welcome, Ada');
    // Listed before its optional dependency, it still runs after it.
    expect(createClerk({ publishableKey, plugins: [polite, greeter('Hey')] }).welcome('Ada')).toBe('Hey, Ada (production)');
    const undeclared = definePlugin({
      name: 'undeclared',
      // @ts-expect-error "greeter" is not in optionalDependsOn
      setup: (ctx) => ({ look: () => ctx.find('greeter') }),
    });
    expect(() => createClerk({ publishableKey, plugins: [greeter(), undeclared] }).look()).toThrow(/without declaring it in optionalDependsOn/);
  });

  it('lets one plugin provide navigation; a second one is a coded error', async () => {
    const visited: string[] = [];
    const fancy = definePlugin({
      name: 'fancy-navigation',
      provides: ['navigate'],
      setup: (ctx) => (ctx.provide('navigate', async (to) => void visited.push(to)), {}),
    });
    const rival = definePlugin({ name: 'rival', provides: ['navigate'], setup: () => ({}) });
    let error: unknown;
    try {
      createClerk({ publishableKey, plugins: [fancy, rival] });
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({
      code: 'plugin_capability_conflict',
      message: expect.stringMatching(/"fancy-navigation" and "rival" both provide "navigate"/),
    });
    const sneaky = definePlugin({
      name: 'sneaky-navigation',
      // @ts-expect-error "navigate" is not in provides
      setup: (ctx) => (ctx.provide('navigate', async () => {}), {}),
    });
    expect(() => createClerk({ publishableKey, plugins: [sneaky] })).toThrow(/without declaring it in provides/);
  });
});
