import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PecPostmaster, ResponseValidationError, TransportError } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, failure, loginDemo, POSTMASTER, raw, rawToken, usePecMock } from './support.ts';

/** A server that answers every request with the given status, content type and body. */
async function fixedServer(
  status: number,
  contentType: string,
  body: string,
): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': contentType });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/pec`, server };
}

describe('pec-admin wire format', () => {
  const demo = usePecMock();

  it('puts an X-Request-Id on every answer, success, error and 204 alike', async () => {
    const token = await rawToken(demo.mock);
    const answers = await Promise.all([
      raw(demo.mock, 'GET', '/domain', { token }),
      raw(demo.mock, 'GET', '/mailboxes/nessuno', { token }),
      raw(demo.mock, 'DELETE', '/sessions/current', { token: await rawToken(demo.mock) }),
      raw(demo.mock, 'GET', '/nowhere'),
    ]);
    for (const answer of answers) expect(answer.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
  });

  it("echoes a client's X-Request-Id, and the error envelope carries it", async () => {
    const res = await raw(demo.mock, 'GET', '/domain', { headers: { 'x-request-id': 'trace-42' } });
    expect(res.headers.get('x-request-id')).toBe('trace-42');
    expect(res.body.requestId).toBe('trace-42');
  });

  it('gives the request id of a refusal to the caller on the PecApiError', async () => {
    const pec = await loginDemo(demo.mock);
    const error = await failure(pec.mailboxes.get('nessuno'));
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown path with 404 NOT_FOUND and a wrong method with 405 METHOD_NOT_ALLOWED', async () => {
    const missing = await raw(demo.mock, 'GET', '/mailboxes/fatture/forwarding');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    const wrong = await raw(demo.mock, 'PATCH', '/domain');
    expect(wrong.status).toBe(405);
    expect(wrong.body.error.code).toBe('METHOD_NOT_ALLOWED');
    expect(wrong.headers.get('allow')).toBe('GET');
  });

  it('turns an answer of an unexpected shape into ResponseValidationError', async () => {
    const odd = await fixedServer(
      201,
      'application/json',
      JSON.stringify({ token: 'x', tokenType: 'Basic' }),
    );
    try {
      const error = await failure(
        PecPostmaster.login({ url: odd.url, username: POSTMASTER, password: DEMO_PASSWORD }),
      );
      expect(error).toBeInstanceOf(ResponseValidationError);
      expect(error.message).toContain('tokenType');
    } finally {
      odd.server.close();
    }
  });

  it('turns an error answer without the envelope into TransportError with the status', async () => {
    const proxy = await fixedServer(502, 'text/html', '<html>Bad gateway</html>');
    try {
      const error = await failure(
        PecPostmaster.login({
          url: proxy.url,
          username: POSTMASTER,
          password: DEMO_PASSWORD,
          retry: { limit: 0 },
        }),
      );
      expect(error).toBeInstanceOf(TransportError);
      expect(error.status).toBe(502);
    } finally {
      proxy.server.close();
    }
  });
});
