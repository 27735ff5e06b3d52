/**
 * Wraps globalThis.fetch for the bench: records each request's start and end (response headers
 * received) and refuses any host but 127.0.0.1, so a bench run can never reach the network.
 */
const ALLOWED_HOSTS = new Set(['127.0.0.1']);

export function instrumentFetch() {
  const original = globalThis.fetch;
  const log = [];
  const blocked = [];
  globalThis.fetch = async function benchFetch(input, init) {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(href);
    if (!ALLOWED_HOSTS.has(url.hostname)) {
      blocked.push(url.origin);
      throw new TypeError(`bench: refusing to fetch ${url.origin} — only 127.0.0.1 may be contacted`);
    }
    const query = url.searchParams.get('_method');
    const method = (init?.method ?? (typeof input === 'object' && 'method' in input ? input.method : 'GET')).toUpperCase();
    const entry = {
      method: method === 'POST' && query ? query.toUpperCase() : method,
      path: url.pathname,
      start: performance.now(),
      end: Number.NaN,
      status: 0,
    };
    log.push(entry);
    try {
      const response = await original(input, init);
      entry.status = response.status;
      return response;
    } finally {
      entry.end = performance.now();
    }
  };
  return {
    log,
    /** Origins a request was refused to (anything but 127.0.0.1). */
    blocked,
    clear: () => {
      log.length = 0;
    },
    restore: () => {
      globalThis.fetch = original;
    },
  };
}

/**
 * Sequential round trips in a set of requests: the longest chain A → B → … where each request started
 * only after the previous one had its response. Concurrent requests (overlapping in time) share a step.
 */
export function sequentialRoundTrips(entries) {
  const sorted = [...entries].sort((a, b) => a.start - b.start);
  const depth = [];
  sorted.forEach((request, i) => {
    let before = 0;
    for (let j = 0; j < i; j++) if (sorted[j].end <= request.start) before = Math.max(before, depth[j]);
    depth[i] = before + 1;
  });
  const steps = [];
  sorted.forEach((request, i) => (steps[depth[i] - 1] ??= []).push(`${request.method} ${request.path.replace(/^.*\/v1\//, '/v1/')}`));
  return { count: depth.length ? Math.max(...depth) : 0, steps };
}
