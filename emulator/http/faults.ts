/** Fault injection: make chosen FAPI requests slow, fail, return garbage or lose the connection. */

export interface FaultRule {
  /** Matched against the path from `/v1` on (e.g. `/v1/client`). A string also matches without `/v1`; a trailing `*` matches a prefix. */
  path?: string | RegExp;
  /** Logical method (after `_method` tunnelling), case-insensitive. */
  method?: string;
  /** Answer with this status (and `body`, default a FAPI error body) instead of running the handler. */
  status?: number;
  body?: unknown;
  /** Extra headers of a `status` answer, e.g. `Retry-After` on a 429. */
  headers?: Record<string, string>;
  /** Answer 200 with a body that is not valid JSON. */
  malformed?: boolean;
  /** Delay before answering (or before failing). */
  latencyMs?: number;
  /** Lose the connection: `handle()` rejects with a network-style TypeError; the HTTP server destroys the socket. */
  drop?: boolean;
  /** Run the handler (its changes are applied), then lose the connection before the answer arrives. */
  dropResponse?: boolean;
  /** Run the handler, then send the first half of its body and fail the stream (a connection cut mid-body). */
  truncate?: boolean;
  /** Answer 200 with an HTML page (a captive portal or a misconfigured proxy). */
  html?: boolean;
  /** Remove the rule after it fired this many times (default: never). */
  times?: number;
}

/** The error `handle()` rejects with for a dropped request. */
export class DroppedConnectionError extends TypeError {
  readonly dropped = true;
  constructor() {
    super('Failed to fetch');
    this.name = 'TypeError';
  }
}

export function isDroppedConnection(error: unknown): error is DroppedConnectionError {
  return error instanceof DroppedConnectionError;
}

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

function pathMatches(pattern: string | RegExp, v1Path: string): boolean {
  if (pattern instanceof RegExp) return pattern.test(v1Path);
  const candidates = [v1Path, v1Path.replace(/^\/v1/, '') || '/'];
  if (pattern.endsWith('*')) {
    const prefix = pattern.slice(0, -1);
    return candidates.some((c) => c.startsWith(prefix));
  }
  return candidates.includes(pattern);
}

export class FaultInjector {
  private rules: ActiveRule[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.rules = [];
  }

  /** The rules still active, with how many uses each has left (Infinity: until cleared). */
  list(): Array<{ rule: FaultRule; remaining: number }> {
    return this.rules.map(({ rule, remaining }) => ({ rule: { ...rule }, remaining }));
  }

  /** Finds the first rule for this request and consumes one use of it. */
  take(method: string, v1Path: string): FaultRule | undefined {
    const found = this.rules.find(
      ({ rule }) =>
        (rule.method === undefined || rule.method.toUpperCase() === method.toUpperCase()) && (rule.path === undefined || pathMatches(rule.path, v1Path)),
    );
    if (!found) return undefined;
    found.remaining -= 1;
    if (found.remaining <= 0) this.rules = this.rules.filter((r) => r !== found);
    return found.rule;
  }
}

/** Parses a rule that arrived as JSON; `path` of the form `/re/flags` becomes a RegExp. */
export function faultRuleFromJson(input: unknown): FaultRule {
  if (typeof input !== 'object' || input === null) throw new Error('fault rule must be an object');
  const raw = input as Record<string, unknown>;
  const rule: FaultRule = {};
  if (typeof raw.path === 'string') {
    const asRegExp = /^\/(.+)\/([gimsuy]*)$/.exec(raw.path);
    rule.path = asRegExp && raw.regex === true ? new RegExp(asRegExp[1], asRegExp[2]) : raw.path;
  }
  if (typeof raw.method === 'string') rule.method = raw.method;
  if (typeof raw.status === 'number') rule.status = raw.status;
  if ('body' in raw) rule.body = raw.body;
  if (typeof raw.headers === 'object' && raw.headers !== null) rule.headers = raw.headers as Record<string, string>;
  if (typeof raw.malformed === 'boolean') rule.malformed = raw.malformed;
  if (typeof raw.latencyMs === 'number') rule.latencyMs = raw.latencyMs;
  if (typeof raw.drop === 'boolean') rule.drop = raw.drop;
  for (const flag of ['dropResponse', 'truncate', 'html'] as const) if (typeof raw[flag] === 'boolean') rule[flag] = raw[flag];
  if (typeof raw.times === 'number') rule.times = raw.times;
  return rule;
}

/** The handler's answer with its body cut in half and the stream failing, as when a connection dies mid-body. */
export async function truncateResponse(response: Response): Promise<Response> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const half = bytes.slice(0, Math.floor(bytes.length / 2));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(half);
      controller.error(new DroppedConnectionError());
    },
  });
  return new Response(body, { status: response.status, headers: response.headers });
}
