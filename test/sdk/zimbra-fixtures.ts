// Shared set-up of the Zimbra SDK tests: the demo mock over real HTTP and logins into it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { type MockServer, startMockServer } from '@casella/mock-server';
import { ZimbraAdmin, type ZimbraAdminOptions } from '@casella/sdk';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/**
 * The wire the suite speaks: XML by default, Zimbra's JSON SOAP in the `sdk-json` vitest project
 * (CASELLA_SDK_WIRE=json), so every SDK test against the mock runs in both formats.
 */
export const WIRE: 'xml' | 'json' = process.env.CASELLA_SDK_WIRE === 'json' ? 'json' : 'xml';

/** Password of every demo account. */
export const DEMO_PASSWORD = 'Casella-Demo-1!';

/** A password that meets the panel's policy (upper, lower, digit, punctuation, 8+). */
export const GOOD_PASSWORD = 'Nuova-Pass-42!';

/** Logs into the mock; retries wait 10 ms so the suite stays fast. */
export function loginAs(
  mock: MockServer,
  username = 'admin@example.com',
  extra: Partial<ZimbraAdminOptions> = {},
): Promise<ZimbraAdmin> {
  return ZimbraAdmin.login({
    url: mock.url,
    username,
    password: DEMO_PASSWORD,
    retryDelayMs: 10,
    wire: WIRE,
    ...extra,
  });
}

/** The demo mock over real HTTP and the global admin logged into it, live for one `describe` block. */
export interface DemoAdmin {
  readonly mock: MockServer;
  readonly admin: ZimbraAdmin;
}

/**
 * Starts the demo mock and logs the global admin in before the block, closes both after it; with
 * `resetEach`, every test starts from the seed again.
 */
export function useDemoAdmin(options: { resetEach?: boolean } = {}): DemoAdmin {
  let mock: MockServer | undefined;
  let admin: ZimbraAdmin | undefined;
  beforeAll(async () => {
    mock = await startMockServer({ seed: 'demo' });
    admin = await loginAs(mock);
  });
  if (options.resetEach) beforeEach(() => mock?.reset());
  afterAll(async () => {
    await admin?.close();
    await mock?.close();
  });
  return {
    get mock() {
      if (mock === undefined) throw new Error('the demo mock is started in beforeAll');
      return mock;
    },
    get admin() {
      if (admin === undefined) throw new Error('the demo admin logs in in beforeAll');
      return admin;
    },
  };
}

/** Runs a promise that must reject and returns the error. */
export async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

/** Collects an async iterable. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** A forwarding HTTP(S) server in front of the mock that records every request body the SDK sends. */
export interface Recorder {
  readonly url: string;
  readonly bodies: string[];
  close(): Promise<void>;
}

/** Starts a {@link Recorder} forwarding to `target`; with `tls` it speaks HTTPS with that key and certificate. */
export async function startRecorder(target: string, tls?: { key: string; cert: string }): Promise<Recorder> {
  const bodies: string[] = [];
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      bodies.push(body);
      const answer = await fetch(`${target}${req.url ?? '/'}`, {
        method: req.method ?? 'POST',
        headers: { 'content-type': req.headers['content-type'] ?? 'text/plain' },
        ...(req.method === 'GET' ? {} : { body }),
      });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
      res.end(Buffer.from(await answer.arrayBuffer()));
    } catch {
      res.destroy();
    }
  };
  const server = tls ? createHttpsServer(tls, handler) : createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const sentXml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
});

/**
 * The request element a recorded body carries, in either wire: its name and its attributes and
 * children with every scalar as text (`limit="3"` and JSON `"limit": 3` both read `'3'`).
 */
export function sentRequest(body: string | undefined): { name: string; element: Record<string, unknown> } {
  const text = body ?? '';
  const envelope = text.trimStart().startsWith('{') ? JSON.parse(text) : sentXml.parse(text).Envelope;
  const [name = '', element = {}] = Object.entries(envelope.Body as Record<string, unknown>)[0] ?? [];
  const asText = (value: unknown): unknown =>
    value !== null && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asText(v)]))
      : String(value);
  return { name, element: asText(element) as Record<string, unknown> };
}
