import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { createMockBackend, type MockBackend, type MockBackendOptions } from './backend.ts';

/** Options of {@link startMockServer}. */
export interface MockServerOptions extends MockBackendOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** Address to bind. Loopback by default: the mock is for tests and demos. @default '127.0.0.1' */
  readonly host?: string;
}

/** A running mock server. */
export interface MockServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`; Zimbra admin is `${url}/service/admin/soap`, PEC is `${url}/pec`. */
  readonly url: string;
  readonly backend: MockBackend;
  /** Back to the seed state, faults cleared. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * Starts the emulator as a real HTTP server.
 * @example
 * const mock = await startMockServer({ seed: 'demo' });
 * // ... point clients at mock.url ...
 * await mock.close();
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const backend = createMockBackend(options);
  const server = createServer((req, res) => {
    serve(backend, req, res).catch(() => res.destroy());
  });
  // Keep-alive sockets would hold close() open for seconds.
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    backend,
    reset: () => backend.reset(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function serve(backend: MockBackend, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const request = new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`), {
    method: req.method ?? 'GET',
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : null,
    duplex: 'half',
  } as RequestInit);
  const response = await backend.handle(request);
  if (response.type === 'error') {
    req.socket.destroy();
    return;
  }
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body) Readable.fromWeb(response.body as import('node:stream/web').ReadableStream).pipe(res);
  else res.end();
}
