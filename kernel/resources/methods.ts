/**
 * How plugins add methods to the kernel's resource classes. ClerkJS's resource methods are bound (arrow
 * fields that apps pass around bare, e.g. the React SDK's `user.getOrganizationMemberships`), so each is a
 * prototype getter that binds on first access and caches the bound function as a non-enumerable own
 * property: spreads and JSON stay data-only.
 */
type AnyMethod = (this: any, ...args: any[]) => unknown;

/** Installs `fn` as bound method `name` of every instance of `proto`'s class; a name already there is kept. */
export function defineMethod(proto: object, name: string, fn: AnyMethod): void {
  if (Object.prototype.hasOwnProperty.call(proto, name)) return;
  Object.defineProperty(proto, name, {
    configurable: true,
    get(this: object) {
      const bound = fn.bind(this);
      if (this !== proto) Object.defineProperty(this, name, { value: bound, configurable: true, writable: true });
      return bound;
    },
  });
}

/**
 * Installs methods whose bodies load on first call: `names` (space-separated) become async methods that
 * await `load()` (e.g. `() => import('./bodies.js').then((m) => m.user)`) and call the body of that name.
 * The initial bundle then carries only the names.
 */
export function defineLazyMethods(proto: object, names: string, load: () => Promise<Record<string, AnyMethod>>): void {
  for (const name of names.split(' ')) {
    defineMethod(proto, name, async function (this: unknown, ...args: unknown[]) {
      return (await load())[name].apply(this, args);
    });
  }
}
