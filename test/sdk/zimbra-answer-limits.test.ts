// Findings 2 and 5 of the hardening issue for the Zimbra clients: answers are bounded in size
// (decoded, gzip included) and in time (error bodies included).
import { gzipSync } from 'node:zlib';
import { ResponseTooLargeError, TimeoutError, ValidationError, ZimbraAdmin } from '@casella/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { failure } from './zimbra-fixtures.ts';
import { authResponse, type HostileServer, sendXml, startHostile } from './zimbra-hostile-server.ts';

const PASSWORD = 'Segreta-Limiti-1!';
const MiB = 1024 * 1024;
// 64 MiB of zeros inflate from about 64 KiB: twice the default limit, cheap enough for CI.
const BOMB = gzipSync(Buffer.alloc(64 * MiB, 0x20), { level: 9 });

describe('answer size and time limits of the Zimbra clients', () => {
  const servers: HostileServer[] = [];
  const start = async (handler: Parameters<typeof startHostile>[0]) => {
    const server = await startHostile(handler);
    servers.push(server);
    return server;
  };
  const login = (url: string, extra: Record<string, unknown> = {}) =>
    ZimbraAdmin.login({ url, username: 'admin@example.com', password: PASSWORD, retries: 0, ...extra });
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });

  it('refuses a gzip answer that inflates past the default limit with ResponseTooLargeError', async () => {
    const server = await start((_seen, res) => {
      res.writeHead(200, { 'content-type': 'application/soap+xml', 'content-encoding': 'gzip' });
      res.end(BOMB);
    });
    const error = await failure(login(server.url));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE', limitBytes: 32 * MiB });
  });

  it('counts the inflated bytes against maxResponseBytes, not the compressed ones', async () => {
    const small = gzipSync(Buffer.from(authResponse().padEnd(300_000, ' ')));
    const server = await start((_seen, res) => {
      res.writeHead(200, { 'content-type': 'application/soap+xml', 'content-encoding': 'gzip' });
      res.end(small);
    });
    expect(small.length).toBeLessThan(100_000);
    const error = await failure(login(server.url, { maxResponseBytes: 200_000 }));
    expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE', limitBytes: 200_000 });
  });

  it('refuses an announced Content-Length past the limit before reading the body', async () => {
    const server = await start((_seen, res) => {
      res.writeHead(200, { 'content-type': 'application/soap+xml', 'content-length': String(40 * MiB) });
      res.write('<soap:Envelope');
      // The rest never comes: the SDK must not wait for it.
    });
    const error = await failure(login(server.url, { timeoutMs: 20_000 }));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
  });

  it('stops a chunked answer without Content-Length as soon as it passes the limit', async () => {
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    const server = await start(async (_seen, res) => {
      res.writeHead(200, { 'content-type': 'application/soap+xml' });
      for (let i = 0; i < 64 && !res.destroyed; i++) {
        res.write(chunk);
        await new Promise((resolve) => setImmediate(resolve));
      }
      res.end();
    });
    const error = await failure(login(server.url, { maxResponseBytes: 1 * MiB }));
    expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE', limitBytes: MiB });
  });

  it('still reads an answer just under the limit', async () => {
    const xml = authResponse().padEnd(4096, ' ');
    const server = await start((_seen, res) => sendXml(res, xml));
    const admin = await login(server.url, { maxResponseBytes: xml.length + 10 });
    expect(admin.username).toBe('admin@example.com');
    await admin.close();
  });

  it('gives up on a body that trickles after the headers with a TimeoutError at timeoutMs', async () => {
    const server = await start(async (_seen, res) => {
      res.writeHead(200, { 'content-type': 'application/soap+xml' });
      for (let i = 0; i < 100 && !res.destroyed; i++) {
        res.write(' ');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      res.end();
    });
    const error = await failure(login(server.url, { timeoutMs: 400 }));
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('gives up on a trickling error body (HTTP 500) just the same', async () => {
    const server = await start(async (_seen, res) => {
      res.writeHead(500, { 'content-type': 'application/soap+xml' });
      for (let i = 0; i < 100 && !res.destroyed; i++) {
        res.write('<');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      res.end();
    });
    const error = await failure(login(server.url, { timeoutMs: 400 }));
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('refuses a maxResponseBytes that is not a whole number of bytes in range', async () => {
    for (const bad of ['1000000', -1, 1.5, 2 ** 40]) {
      const error = await failure(login('http://127.0.0.1:9', { maxResponseBytes: bad }));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field: 'maxResponseBytes' });
    }
  });
});
