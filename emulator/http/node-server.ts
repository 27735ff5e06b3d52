/** Serves a Fetch-style handler over real HTTP (node:http), under a prefix and at the root. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDroppedConnection } from './faults.js';
import { attachRawRequestHeaders, setCookiesOf } from './transport.js';

export interface NodeServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Path the handler is mounted under (default `/__clerk`); `/v1/…` at the root is served too. */
  prefix?: string;
  /** Handles every request that is not for the emulator (e.g. the playground's static files). */
  fallback?: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface NodeServer {
  /** e.g. `http://127.0.0.1:54321` */
  origin: string;
  /** The mount path without a trailing slash, e.g. `/__clerk`. */
  prefix: string;
  server: Server;
  close(): Promise<void>;
}

const SKIPPED_REQUEST_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

function isEmulatorPath(pathname: string, prefix: string): boolean {
  return (
    (prefix !== '' && (pathname === prefix || pathname.startsWith(`${prefix}/`))) ||
    pathname === '/v1' ||
    pathname.startsWith('/v1/') ||
    pathname === '/__emulator' ||
    pathname.startsWith('/__emulator/') ||
    pathname === '/.well-known/jwks.json'
  );
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

async function toFetchRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  const raw = new Map<string, string>();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined || SKIPPED_REQUEST_HEADERS.has(key)) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    headers.set(key, text);
    raw.set(key.toLowerCase(), text);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const body = hasBody ? await readBody(req) : undefined;
  const request = new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    body: body && body.length > 0 ? new Uint8Array(body) : undefined,
  });
  attachRawRequestHeaders(request, raw);
  return request;
}

async function writeFetchResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, key) => {
    if (key.toLowerCase() !== 'set-cookie') res.setHeader(key, value);
  });
  const cookies = setCookiesOf(response);
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies);
  res.end(Buffer.from(await response.arrayBuffer()));
}

export async function serveOverHttp(handle: (request: Request) => Promise<Response>, options: NodeServerOptions = {}): Promise<NodeServer> {
  const host = options.host ?? '127.0.0.1';
  const prefix = (options.prefix ?? '/__clerk').replace(/\/+$/, '');
  let origin = '';

  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://placeholder').pathname;
    if (!isEmulatorPath(pathname, prefix) && req.method !== 'OPTIONS' && options.fallback) {
      options.fallback(req, res);
      return;
    }
    void (async () => {
      try {
        const request = await toFetchRequest(req, origin);
        const response = await handle(request);
        await writeFetchResponse(response, res);
      } catch (error) {
        if (isDroppedConnection(error)) {
          req.socket.destroy();
          return;
        }
        res.statusCode = 500;
        res.setHeader('Content-Type', 'text/plain');
        res.end(`microclerk emulator: ${error instanceof Error ? error.message : String(error)}`);
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${urlHost}:${address.port}`;

  return {
    origin,
    prefix,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
