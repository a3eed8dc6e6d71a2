import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request that crossed the proxy, and the status the mock answered (undefined when dropped). */
export interface Exchange {
  readonly method: string;
  /** Path and query as sent, e.g. `/pec/v1/mailboxes?page=1`. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  status: number | undefined;
  responseBody: string;
}

/**
 * What to do with one request: `forward` it, or `drop-answer` (forward it, let the mock act, then cut
 * the connection so the client never sees the answer, as when a line drops on the way back).
 */
export type ProxyAction = 'forward' | 'drop-answer';

/** A recording HTTP proxy in front of a mock server: the wire as the SDK really speaks it. */
export interface RecordingProxy {
  /** Base URL of the proxy, e.g. `http://127.0.0.1:41234` (append `/pec`). */
  readonly url: string;
  readonly exchanges: Exchange[];
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding']);

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts a proxy to `target` that records every exchange; `decide` may drop an answer or act first. */
export async function startRecordingProxy(
  target: string,
  decide: (exchange: Exchange) => ProxyAction | Promise<ProxyAction> = () => 'forward',
): Promise<RecordingProxy> {
  const exchanges: Exchange[] = [];
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && !HOP_BY_HOP.has(name)) headers[name] = value;
    }
    const exchange: Exchange = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers,
      body,
      status: undefined,
      responseBody: '',
    };
    exchanges.push(exchange);
    const action = await decide(exchange);
    const answer = await fetch(`${target}${exchange.url}`, {
      method: exchange.method,
      headers,
      ...(body === '' ? {} : { body }),
    });
    const text = await answer.text();
    if (action === 'drop-answer') {
      req.socket.destroy();
      return;
    }
    exchange.status = answer.status;
    exchange.responseBody = text;
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') out[name] = value;
    });
    res.writeHead(answer.status, out);
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
