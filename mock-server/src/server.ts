import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { createMockBackend, type MockBackend, type MockBackendOptions } from './backend.ts';
import { type CoreRequest, utf8Text } from './core-exchange.ts';
import { bodyLimitFor } from './limits.ts';
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
  /** The emulator's core behind the server: `faults`, `zimbra`, `pec`, `expireAllTokens()`. */
  readonly backend: MockBackend;
  /** Back to the seed state, faults cleared. */
  reset(): void;
  /** Stops listening and drops every connection (stalled answers included); resolves when closed. */
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

/** How long an oversized upload is still read (and discarded) after its refusal, so the client can read the answer. */
const LINGER_MS = 1_000;

async function serve(
  backend: MockBackend,
  scheme: 'http' | 'https',
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', `${scheme}://${req.headers.host ?? 'localhost'}`);
  } catch {
    res
      .writeHead(400, { 'content-type': 'text/plain', connection: 'close' })
      .end('bad request: Host or path');
    return;
  }
  const method = req.method ?? 'GET';
  let body: Buffer | null = null;
  if (method !== 'GET' && method !== 'HEAD') {
    const limit = bodyLimitFor(url.pathname, backend.limits);
    const raw = req.headers['content-length'];
    const declared = raw !== undefined && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
    body =
      declared !== undefined && declared > limit.maxBytes ? null : await readNodeWithin(req, limit.maxBytes);
    if (body === null) {
      const headers = webHeaders(req);
      const refusal = limit.refuse(new Request(url, { method, headers }), declared);
      return refuseAndLinger(req, res, refusal);
    }
  }
  const answer = await backend.answer(coreFromNode(req, res, url, method, body));
  if (answer.kind === 'reset') {
    req.socket.destroy();
    return;
  }
  if (answer.kind === 'response') {
    if (answer.response.type === 'error') {
      req.socket.destroy();
      return;
    }
    await writeResponse(res, answer.response);
    return;
  }
  const headers = nodeHeaders(answer.headers);
  // Written whole with its length, so keep-alive clients need no chunked framing.
  headers['content-length'] = String(Buffer.byteLength(answer.body));
  res.writeHead(answer.status, headers).end(answer.body);
}

/** A node request, its body read, as the core's request; the web `Request` and the abort signal only when asked for. */
function coreFromNode(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  method: string,
  body: Buffer | null,
): CoreRequest {
  let gone: AbortController | undefined;
  let text: string | undefined;
  const core: CoreRequest = {
    method,
    url,
    header: (name) => {
      const value = req.headers[name];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
    text: () => {
      text ??= utf8Text(body);
      return text;
    },
    // A stalled or slow answer stops waiting when its client is gone (and when close() drops every socket).
    get signal() {
      if (gone === undefined) {
        gone = new AbortController();
        if (res.closed) gone.abort();
        else res.once('close', () => gone?.abort());
      }
      return gone.signal;
    },
    toRequest: () =>
      new Request(url, {
        method,
        headers: webHeaders(req),
        body: body as Uint8Array<ArrayBuffer> | null,
        signal: core.signal,
      }),
  };
  return core;
}

/** A node request's headers as web `Headers`. */
function webHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  return headers;
}

/** Header pairs as node's header object; a repeated name (`set-cookie`) becomes a list. */
function nodeHeaders(pairs: readonly (readonly [string, string])[]): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of pairs) {
    const previous = headers[name];
    if (previous === undefined) headers[name] = value;
    else headers[name] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return headers;
}

/** Copies a fetch Response onto the node response. */
async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body) Readable.fromWeb(response.body as import('node:stream/web').ReadableStream).pipe(res);
  else res.end();
}

/**
 * Reads a node request body up to `maxBytes`, counting while it streams; past the limit it stops
 * (pauses the socket, keeps nothing more) and answers null.
 */
function readNodeWithin(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) {
        cleanup();
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, total));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    // A client that goes away mid-body: drop what was read instead of waiting for an end that never comes.
    const onClose = () => onError(new Error('the client closed the connection before the body ended'));
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onError);
    req.once('close', onClose);
  });
}

/**
 * Answers a refusal with `Connection: close`, then goes on reading and discarding the rest of the
 * upload for a moment: closing a socket with unread data makes the kernel send a reset, which can
 * destroy the answer before the client has read it (the reason for Apache's "lingering close").
 */
async function refuseAndLinger(req: IncomingMessage, res: ServerResponse, refusal: Response): Promise<void> {
  const socket = req.socket;
  // Node would destroy the socket as soon as a `Connection: close` answer is written; end it gently instead.
  socket.destroySoon = () => {
    socket.end();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  };
  res.shouldKeepAlive = false;
  req.resume();
  await writeResponse(res, refusal);
}
