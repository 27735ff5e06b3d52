/** FAPI's snake_case keys ⇄ ClerkJS's camelCase names (a module of its own: lazily loaded resource code shares it). */
export const camelToSnake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** FAPI sends the same few hundred keys over and over: each is converted once. */
const camelKeys = new Map<string, string>();
export const snakeToCamel = (key: string): string => {
  let name = camelKeys.get(key);
  if (name === undefined) {
    name = key.includes('_') ? key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) : key;
    // Bounded: keys come from FAPI, but a map-typed field could carry arbitrary names.
    if (camelKeys.size < 4096) camelKeys.set(key, name);
  }
  return name;
};
