/**
 * The resource a future works on. FAPI drops a completed sign-in/sign-up from the client (its
 * piggy-backed `client` then has an empty one), yet the flow must still read `status: 'complete'` and
 * `createdSessionId` to finalize, as ClerkJS's future (bound to its resource) does. So the object last
 * worked on stays the target until the client holds a different, started one (another flow began).
 */
export function createFlowTarget<R extends { id: string }>(live: () => R | undefined) {
  let worked: R | undefined;
  const peek = (): R | undefined => {
    const current = live();
    if (current?.id && worked && current !== worked) worked = undefined;
    return worked && !current?.id ? worked : current;
  };
  return {
    peek,
    /** The target for a step; it stays the target after the step. */
    take(): R | undefined {
      worked = peek();
      return worked;
    },
    forget() {
      worked = undefined;
    },
  };
}
