// A programmable loopback server for hostile-answer tests: records every request, answers with a handler.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/** One request as the server saw it. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** A running hostile server. */
export interface HostileServer {
  readonly url: string;
  readonly requests: SeenRequest[];
  close(): Promise<void>;
}

/** Answers one request; `seen` is the request with its whole body already read. */
export type HostileHandler = (seen: SeenRequest, res: ServerResponse, index: number) => void | Promise<void>;

/** Starts a server on 127.0.0.1 (HTTPS when `tls` is given) that answers with `handler`. */
export async function startHostile(
  handler: HostileHandler,
  tls?: { readonly key: string; readonly cert: string },
): Promise<HostileServer> {
  const requests: SeenRequest[] = [];
  const listener = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const seen = {
      method: req.method ?? '',
      path: req.url ?? '/',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    requests.push(seen);
    try {
      await handler(seen, res, requests.length - 1);
    } catch {
      res.destroy();
    }
  };
  const server: Server = tls ? createHttpsServer(tls, listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A SOAP 1.2 envelope around `body`. */
export function soap(body: string): string {
  return `<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header><context xmlns="urn:zimbra"/></soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

/** The admin AuthResponse with `token`. */
export function authResponse(token = '0_hostile_token_0123456789'): string {
  return soap(
    `<AuthResponse xmlns="urn:zimbraAdmin"><authToken>${token}</authToken><lifetime>43200000</lifetime></AuthResponse>`,
  );
}

/** Writes an XML answer. */
export function sendXml(res: ServerResponse, xml: string, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/soap+xml; charset=utf-8' });
  res.end(xml);
}
