import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { createMockBackend, type MockBackend, type MockBackendOptions } from './backend.ts';
import type { MockTlsOptions } from './tls.ts';

/** Options of {@link startMockServer}. */
export interface MockServerOptions extends MockBackendOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** Address to bind. Loopback by default: the mock is for tests and demos. @default '127.0.0.1' */
  readonly host?: string;
  /**
   * Serve HTTPS with this certificate and key (PEM), like Zimbra admin on 7071, so clients can test
   * their `ca` / insecure-skip settings. Without it the mock speaks plain HTTP.
   */
  readonly tls?: MockTlsOptions;
}

/** A running mock server. */
export interface MockServer {
  /** Base URL, e.g. `http://127.0.0.1:41234` (`https://` with `tls`); Zimbra admin is `${url}/service/admin/soap`, PEC is `${url}/pec`. */
  readonly url: string;
  readonly backend: MockBackend;
  /** Back to the seed state, faults cleared. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * Starts the emulator as a real HTTP server, or HTTPS when given `tls`.
 * @example
 * const mock = await startMockServer({ seed: 'demo' });
 * const secure = await startMockServer({ seed: 'demo', tls: { cert, key } }); // secure.url is https://...
 * // ... point clients at mock.url ...
 * await mock.close();
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const backend = createMockBackend(options);
  const scheme = options.tls ? 'https' : 'http';
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    serve(backend, scheme, req, res).catch(() => res.destroy());
  };
  // Same core handler either way.
  const server = options.tls ? createTlsServer(options.tls, listener) : createServer(listener);
  // Keep-alive sockets would hold close() open for seconds.
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `${scheme}://${host}:${port}`,
    backend,
    reset: () => backend.reset(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** An HTTPS server; OpenSSL's terse refusal of a bad pair gets a sentence saying what was wrong. */
function createTlsServer(tls: MockTlsOptions, listener: Parameters<typeof createHttpsServer>[1]) {
  try {
    return createHttpsServer({ cert: tls.cert, key: tls.key }, listener);
  } catch (error) {
    const reason = (error as Error).message;
    throw new Error(
      `cannot serve HTTPS: the TLS certificate and key are not a PEM pair that fits (${reason})`,
      {
        cause: error,
      },
    );
  }
}

async function serve(
  backend: MockBackend,
  scheme: 'http' | 'https',
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const request = new Request(new URL(req.url ?? '/', `${scheme}://${req.headers.host ?? '127.0.0.1'}`), {
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
