import { gzipSync } from 'node:zlib';
import { ResponseTooLargeError, TimeoutError, TransportError } from '@casella/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { readTextWithin } from '../../sdk/src/http/read-within.ts';
import { NO_REDIRECT, refuseRedirect } from '../../sdk/src/http/redirect.ts';
import {
  type HostileHandler,
  type HostileServer,
  startHostileServer,
  stream,
  trickle,
} from './hostile-server.ts';

let server: HostileServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: HostileHandler): Promise<HostileServer> {
  server = await startHostileServer(handler);
  return server;
}

/** Fetches the server's root and reads the body the way both clients do. */
async function read(url: string, options: { maxBytes?: number; timeoutMs?: number } = {}): Promise<string> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const reading = new AbortController();
  const response = await fetch(url, { signal: reading.signal, ...NO_REDIRECT });
  return readTextWithin(response, Date.now() + timeoutMs, timeoutMs, reading, {
    ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
  });
}

describe('the shared body reader', () => {
  it('reads a body under the limit exactly, multi-byte characters split across chunks included', async () => {
    const text = `${'x'.repeat(65_535)}é€😀 fine`;
    const s = await serve((_, res) => {
      const bytes = Buffer.from(text, 'utf8');
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      // Split inside the two-byte é so decoding must join the chunks first.
      res.write(bytes.subarray(0, 65_536));
      res.end(bytes.subarray(65_536));
    });
    expect(await read(s.url, { maxBytes: 70_000 })).toBe(text);
  });

  it('keeps the existing four-argument call working with the default limit', async () => {
    const s = await serve((_, res) => res.end('{"ok":true}'));
    const reading = new AbortController();
    const response = await fetch(s.url);
    expect(await readTextWithin(response, Date.now() + 1_000, 1_000, reading)).toBe('{"ok":true}');
  });

  it('stops an endless plain body at the limit with ResponseTooLargeError and closes the connection', async () => {
    const s = await serve(async (_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      await stream(res, 512 * 1024 * 1024);
    });
    const error = await read(s.url, { maxBytes: 1024 * 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE', limitBytes: 1024 * 1024 });
    await s.closedConnection(0);
  });

  it('refuses a Content-Length past the limit before reading the body', async () => {
    const s = await serve((_, res) => {
      res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) });
      res.write('{');
    });
    const error = await read(s.url, { maxBytes: 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    await s.closedConnection(0);
  });

  it('counts a gzip answer at its inflated size, so a small bomb is stopped at the limit', async () => {
    // 16 MiB of spaces gzip to about 16 KiB: a bomb small enough for CI, 64 times the limit.
    const bomb = gzipSync(Buffer.alloc(16 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const s = await serve((_, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
      res.end(bomb);
    });
    const error = await read(s.url, { maxBytes: 256 * 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ limitBytes: 256 * 1024 });
  });

  it('reads a gzip answer under the limit inflated', async () => {
    const s = await serve((_, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(gzipSync('{"token":"abc"}'));
    });
    expect(await read(s.url, { maxBytes: 100 })).toBe('{"token":"abc"}');
  });

  it('gives up on a trickling body at the deadline with TimeoutError and closes the connection', async () => {
    const s = await serve((_, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      trickle(res, 50);
    });
    const error = await read(s.url, { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'TIMEOUT', timeoutMs: 300 });
    await s.closedConnection(0);
  });
});

describe('the redirect policy', () => {
  it.each([301, 302, 303, 307, 308])(
    'turns a %i into a TransportError naming the target, which is never contacted',
    async (status) => {
      const elsewhere = await startHostileServer((_, res) => res.end('{}'));
      try {
        const s = await serve((_, res) => {
          res.writeHead(status, { location: `${elsewhere.url}/steal?token=abc` });
          res.end();
        });
        const response = await fetch(`${s.url}/login`, { method: 'POST', body: 'secret', ...NO_REDIRECT });
        const error = await refuseRedirect(response, `${s.url}/login`).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(TransportError);
        expect(error).toMatchObject({ status, location: `${elsewhere.url}/steal` });
        expect((error as Error).message).toContain(`redirects to ${elsewhere.url}/steal`);
        expect((error as Error).message).not.toContain('token=abc');
        expect(elsewhere.requests).toHaveLength(0);
      } finally {
        await elsewhere.close();
      }
    },
  );

  it('lets a non-redirect answer through untouched', async () => {
    const s = await serve((_, res) => res.end('body'));
    const response = await fetch(s.url, NO_REDIRECT);
    await refuseRedirect(response, s.url);
    expect(await response.text()).toBe('body');
  });
});
