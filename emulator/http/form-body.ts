/** The request body as handlers read it. */

/** Form fields as ClerkJS sends them: snake_case keys, `key=` meaning null, nested objects as JSON text. */
export class FormBody {
  constructor(
    private readonly params: URLSearchParams,
    readonly files: Map<string, Blob> = new Map(),
    /** Raw text of a non-form body (e.g. an octet-stream image). */
    readonly raw: string | null = null,
  ) {}

  has(name: string): boolean {
    return this.params.has(name);
  }

  /** The value, `undefined` when absent; an empty value (sent for `null`) is `''`. */
  string(name: string): string | undefined {
    return this.params.get(name) ?? undefined;
  }

  /** Non-empty trimmed value or undefined. */
  text(name: string): string | undefined {
    const value = this.params.get(name)?.trim();
    return value ? value : undefined;
  }

  /** Every field, in order (to keep a request's fields for later). */
  entries(): Array<[string, string]> {
    return [...this.params.entries()];
  }

  all(name: string): string[] {
    return this.params.getAll(name);
  }

  bool(name: string): boolean | undefined {
    const value = this.params.get(name);
    if (value === null) return undefined;
    return value === 'true' || value === '1';
  }

  json(name: string): unknown {
    const value = this.params.get(name);
    if (value === null || value === '') return undefined;
    try {
      return JSON.parse(value);
    } catch {
      return undefined;
    }
  }
}

/** Reads the body as form fields whatever ClerkJS sent: urlencoded, multipart (files apart) or JSON. */
export async function parseBody(request: Request, method: string): Promise<FormBody> {
  if (method === 'GET' || method === 'HEAD') return new FormBody(new URLSearchParams());
  const contentType = (request.headers.get('content-type') ?? '').toLowerCase();
  if (contentType.startsWith('multipart/form-data')) {
    const form = await request.formData();
    const params = new URLSearchParams();
    const files = new Map<string, Blob>();
    form.forEach((value, key) => {
      if (typeof value === 'string') params.append(key, value);
      else files.set(key, value);
    });
    return new FormBody(params, files);
  }
  const text = await request.text();
  if (contentType.includes('application/json')) {
    const params = new URLSearchParams();
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (parsed && typeof parsed === 'object') {
      for (const [key, value] of Object.entries(parsed)) {
        params.append(key, typeof value === 'string' ? value : value === null ? '' : JSON.stringify(value));
      }
    }
    return new FormBody(params);
  }
  if (contentType === '' || contentType.startsWith('application/x-www-form-urlencoded')) return new FormBody(new URLSearchParams(text));
  return new FormBody(new URLSearchParams(), new Map(), text);
}
