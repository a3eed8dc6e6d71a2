// A stand-in for one port of a real Zimbra, shared by the SDK, screen and terminal tests of Change my password.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A port of a real Zimbra in front of the mock: each servlet answers only on its own ports, so an admin port
 * (7071) refuses `/service/soap` and a mail port refuses `/service/admin/soap`, both with HTTP 500 and a SOAP 1.2
 * `service.FAILURE` "system failure: Request not allowed on port <n>" (ZimbraServlet). The mock serves both
 * paths on one port, so this gate is what stands for the port check. `paths` records what reached it.
 */
export interface ZimbraPort {
  readonly url: string;
  readonly paths: string[];
  close(): Promise<void>;
}

/** Starts a {@link ZimbraPort} on 127.0.0.1 that forwards `allowed` (e.g. `/service/admin/soap`) to `target`. */
export async function startZimbraPort(target: string, allowed: string): Promise<ZimbraPort> {
  const paths: string[] = [];
  let port = 0;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = (req.url ?? '/').replace(/\/+$/, '');
    paths.push(path);
    if (path !== allowed) {
      res.writeHead(500, { 'content-type': 'text/xml; charset=utf-8' });
      res.end(
        '<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body><soap:Fault>' +
          '<soap:Code><soap:Value>soap:Receiver</soap:Value></soap:Code>' +
          `<soap:Reason><soap:Text>system failure: Request not allowed on port ${port}</soap:Text></soap:Reason>` +
          '<soap:Detail><Error xmlns="urn:zimbra"><Code>service.FAILURE</Code><Trace>qtp-gate</Trace></Error>' +
          '</soap:Detail></soap:Fault></soap:Body></soap:Envelope>',
      );
      return;
    }
    try {
      const answer = await fetch(`${target}${req.url ?? '/'}`, {
        method: 'POST',
        headers: { 'content-type': req.headers['content-type'] ?? 'application/soap+xml' },
        body: Buffer.concat(chunks),
      });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/xml' });
      res.end(Buffer.from(await answer.arrayBuffer()));
    } catch {
      res.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    paths,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
