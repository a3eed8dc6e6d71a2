import { gzipSync } from 'node:zlib';
import { CasellaError, DEFAULT_MAX_RESPONSE_BYTES, ResponseTooLargeError, TimeoutError } from '@casella/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { loginFake, startFakePec } from './hostile-pec.ts';
import { type HostileServer, stream, trickle } from './hostile-server.ts';
import { failure, GOOD_PASSWORD } from './support.ts';

let server: HostileServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the PEC client bounds every answer', () => {
  it('documents a default limit that fits a full page of mailboxes many times over', () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(32 * 1024 * 1024);
  });

  it('stops an endless login answer at the default limit with ResponseTooLargeError, a CasellaError', async () => {
    server = await startFakePec({
      'POST /pec/v1/sessions': async (_, res) => {
        res.writeHead(201, { 'content-type': 'application/json' });
        await stream(res, 1024 * 1024 * 1024);
      },
    });
    const error = await failure(loginFake(server));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toBeInstanceOf(CasellaError);
    expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE', limitBytes: DEFAULT_MAX_RESPONSE_BYTES });
    await server.closedConnection(0);
  });

  it('stops a gzip bomb on a read at the limit given by maxResponseBytes', async () => {
    const bomb = gzipSync(Buffer.alloc(16 * 1024 * 1024, 0x20));
    server = await startFakePec({
      'GET /pec/v1/domain': (_, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        res.end(bomb);
      },
    });
    const pec = await loginFake(server, { maxResponseBytes: 64 * 1024 });
    const error = await failure(pec.domain());
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ limitBytes: 64 * 1024 });
  });

  it('bounds an error answer too: a huge 500 body is ResponseTooLargeError, not a raw Error', async () => {
    server = await startFakePec({
      'POST /pec/v1/mailboxes': async (_, res) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        await stream(res, 64 * 1024 * 1024);
      },
    });
    const pec = await loginFake(server, { maxResponseBytes: 1024 * 1024, retry: { limit: 0 } });
    const error = await failure(
      pec.mailboxes.create({ localPart: 'ufficio', password: GOOD_PASSWORD, passwordConfirm: GOOD_PASSWORD }),
    );
    expect(error).toBeInstanceOf(ResponseTooLargeError);
  });

  it('accepts an answer that fits the limit exactly', async () => {
    server = await startFakePec();
    const pec = await loginFake(server, { maxResponseBytes: 1024 });
    expect((await pec.domain()).name).toBe('pec.example.it');
  });
});

describe('the PEC client reads every body within timeoutMs', () => {
  it.each([401, 500])('gives up on a %i whose body trickles, with TimeoutError', async (status) => {
    server = await startFakePec({
      'POST /pec/v1/sessions': (_, res) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        trickle(res, 50);
      },
    });
    const error = await failure(loginFake(server, { timeoutMs: 400 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'TIMEOUT', timeoutMs: 400 });
    await server.closedConnection(0);
  });

  it('gives up on a success body that trickles after a fast login, with TimeoutError', async () => {
    server = await startFakePec({
      'GET /pec/v1/domain': (_, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        trickle(res, 50);
      },
    });
    const pec = await loginFake(server, { timeoutMs: 400 });
    expect(await failure(pec.domain())).toBeInstanceOf(TimeoutError);
  });

  it('still reads a slow but complete error body within the deadline as the PecApiError it is', async () => {
    server = await startFakePec({
      'GET /pec/v1/domain': (_, res) => {
        res.writeHead(403, { 'content-type': 'application/json' });
        res.write('{"error":{"code":"FORBIDDEN_DOMAIN",');
        setTimeout(() => res.end('"message":"not yours"}}'), 100);
      },
    });
    const pec = await loginFake(server, { timeoutMs: 2_000 });
    expect(await failure(pec.domain())).toMatchObject({ code: 'FORBIDDEN_DOMAIN', status: 403 });
  });

  it('answers a non-JSON error page with a TransportError carrying the status', async () => {
    server = await startFakePec({
      'GET /pec/v1/domain': (_, res) => {
        res.writeHead(502, { 'content-type': 'text/html' }).end('<!DOCTYPE html><title>Bad Gateway</title>');
      },
    });
    const pec = await loginFake(server, { retry: { limit: 0 } });
    expect(await failure(pec.domain())).toMatchObject({ code: 'TRANSPORT', status: 502 });
  });
});
