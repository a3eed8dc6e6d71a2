import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a hostile server received: what crossed the wire, in full. */
export interface HostileRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** A loopback node:http server that answers as a hostile or broken backend would. */
export interface HostileServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: HostileRequest[];
  /** Resolves when the client has closed the connection of the n-th request (0-based). */
  closedConnection(index: number): Promise<void>;
  close(): Promise<void>;
}

/** How the server answers one request (the body has been read already). */
export type HostileHandler = (request: HostileRequest, res: ServerResponse, req: IncomingMessage) => unknown;

/** Starts a hostile server on 127.0.0.1 with an ephemeral port. */
export async function startHostileServer(handler: HostileHandler): Promise<HostileServer> {
  const requests: HostileRequest[] = [];
  const closed: Promise<void>[] = [];
  const server = createServer(async (req, res) => {
    const index = requests.length;
    closed[index] = new Promise((resolve) => res.once('close', () => resolve()));
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    requests.push(request);
    await handler(request, res, req);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    closedConnection: (index) => closed[index] ?? Promise.reject(new Error(`no request ${index}`)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes `total` bytes of `byte` in 64 KiB chunks, honouring backpressure, until done or the client leaves. */
export async function stream(res: ServerResponse, total: number, byte = 0x20): Promise<void> {
  const chunk = Buffer.alloc(64 * 1024, byte);
  let sent = 0;
  while (sent < total && !res.destroyed) {
    const part = total - sent >= chunk.length ? chunk : chunk.subarray(0, total - sent);
    sent += part.length;
    if (!res.write(part)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.once('drain', done);
        res.once('close', done);
      });
    }
  }
  if (!res.destroyed) res.end();
}

/** Writes one byte every `everyMs` until the client leaves: a body that never ends in time. */
export function trickle(res: ServerResponse, everyMs = 200): void {
  const timer = setInterval(() => {
    if (res.destroyed) clearInterval(timer);
    else res.write(' ');
  }, everyMs);
  res.once('close', () => clearInterval(timer));
}
