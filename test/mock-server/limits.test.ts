// Request-size limits: Zimbra's zimbraSoapRequestMaxSize fault, refused before the body is read to its end.
import {
  createMockBackend,
  PEC_REQUEST_MAX_BYTES,
  startMockServer,
  ZIMBRA_SOAP_REQUEST_MAX_SIZE,
} from '@casella/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from './raw-http.ts';
import {
  ADMIN,
  adminToken,
  attrValue,
  DEMO_PASSWORD,
  envelope,
  faultCode,
  faultReason,
  soap,
} from './soap-helpers.ts';

const SOAP = { 'content-type': 'application/soap+xml; charset=utf-8' };

describe('mock server request-size limits', () => {
  let mock: Awaited<ReturnType<typeof startMockServer>>;
  beforeAll(async () => {
    mock = await startMockServer({ seed: 'demo' });
  });
  afterAll(() => mock.close());

  it("uses Zimbra's default zimbraSoapRequestMaxSize of 15,360,000 bytes and a 1 MiB pec-admin limit", () => {
    expect(ZIMBRA_SOAP_REQUEST_MAX_SIZE).toBe(15_360_000);
    expect(PEC_REQUEST_MAX_BYTES).toBe(1_048_576);
    expect(mock.backend.limits).toEqual({
      zimbraSoapRequestMaxSize: 15_360_000,
      pecRequestMaxBytes: 1_048_576,
    });
  });

  it('refuses a declared 100 MiB SOAP request with service.INVALID_REQUEST naming its size, before reading it', async () => {
    const total = 100 * 1_048_576;
    const answer = await rawRequest(mock.url, {
      path: '/service/admin/soap',
      headers: { ...SOAP, 'content-length': String(total) },
      chunks: total / 65_536,
    });
    expect(answer.status).toBe(500);
    expect(answer.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(answer.headers.connection).toBe('close');
    expect(faultCode(answer.text)).toBe('service.INVALID_REQUEST');
    expect(faultReason(answer.text)).toBe(
      'invalid request: Request size 104857600 exceeded limit of 15360000 bytes set for zimbraSoapRequestMaxSize.',
    );
    expect(answer.text).toContain('<soap:Value>soap:Sender</soap:Value>');
    // The answer came while most of the upload was still unsent: nothing buffered it whole.
    expect(answer.sent).toBeLessThan(total);
  });

  it('counts a chunked SOAP request as it streams and refuses it past the limit, without naming a size', async () => {
    const total = 40 * 1_048_576;
    const answer = await rawRequest(mock.url, {
      path: '/service/soap',
      headers: SOAP,
      chunks: total / 65_536,
    });
    expect(answer.status).toBe(500);
    expect(faultCode(answer.text)).toBe('service.INVALID_REQUEST');
    expect(faultReason(answer.text)).toBe(
      'invalid request: Request exceeded limit of 15360000 bytes set for zimbraSoapRequestMaxSize.',
    );
    expect(answer.sent).toBeLessThan(total);
  });

  it('refuses an oversized unauthenticated AuthRequest and still logs the admin in right after', async () => {
    const password = 'x'.repeat(ZIMBRA_SOAP_REQUEST_MAX_SIZE);
    const body = `<AuthRequest xmlns="urn:zimbraAdmin"><name>${ADMIN}</name><password>${password}</password></AuthRequest>`;
    const refused = await soap(mock.url, body);
    expect(refused.status).toBe(500);
    expect(faultCode(refused.text)).toBe('service.INVALID_REQUEST');
    expect((await adminToken(mock.url)).length).toBeGreaterThan(20);
  });

  it('accepts a SOAP request of exactly the limit and refuses one byte more', async () => {
    const small = await startMockServer({ seed: 'demo', requestLimits: { zimbraSoapRequestMaxSize: 2_000 } });
    try {
      const token = await adminToken(small.url);
      const get = (pad: number) =>
        envelope(
          `<GetAccountRequest xmlns="urn:zimbraAdmin"><account by="name">fabio.rinaldi@example.com</account></GetAccountRequest>${' '.repeat(pad)}`,
          token,
        );
      const base = Buffer.byteLength(get(0));
      const exact = await rawRequest(small.url, {
        path: '/service/admin/soap',
        headers: SOAP,
        body: get(2_000 - base),
      });
      expect(exact.status).toBe(200);
      expect(attrValue(exact.text, 'mail')).toBe('fabio.rinaldi@example.com');
      const over = await rawRequest(small.url, {
        path: '/service/admin/soap',
        headers: SOAP,
        body: get(2_001 - base),
      });
      expect(faultReason(over.text)).toBe(
        'invalid request: Request size 2001 exceeded limit of 2000 bytes set for zimbraSoapRequestMaxSize.',
      );
    } finally {
      await small.close();
    }
  });

  it('refuses limits that are not whole numbers from 1 byte to 64 MiB, naming the field', () => {
    expect(() => createMockBackend({ requestLimits: { pecRequestMaxBytes: 0 } })).toThrow(
      /requestLimits\.pecRequestMaxBytes must be a whole number from 1 to 67108864/,
    );
    expect(() => createMockBackend({ requestLimits: { zimbraSoapRequestMaxSize: 1.5 } })).toThrow(
      /requestLimits\.zimbraSoapRequestMaxSize/,
    );
  });

  it('refuses an oversized body given to handle() (the msw path) and stops pulling the stream', async () => {
    const backend = createMockBackend({ seed: 'demo', requestLimits: { zimbraSoapRequestMaxSize: 100_000 } });
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(16_384));
      },
    });
    const response = await backend.handle(
      new Request('http://zimbra.test/service/admin/soap', {
        method: 'POST',
        headers: SOAP,
        body: endless,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(500);
    expect(faultCode(await response.text())).toBe('service.INVALID_REQUEST');
    expect(pulled).toBeLessThan(20);
  });

  it('refuses an oversized control-plane body with 413 naming the body and changes nothing', async () => {
    const answer = await rawRequest(mock.url, {
      path: '/__mock/faults',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs: 1, pad: 'x'.repeat(70_000) }),
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toMatchObject({ field: '(body)', rule: 'maxBytes' });
    expect(mock.backend.faults.settings.latencyMs).toBe(0);
  });

  it('still answers other clients after an oversized request', async () => {
    const answer = await soap(
      mock.url,
      `<AuthRequest xmlns="urn:zimbraAdmin"><name>${ADMIN}</name><password>${DEMO_PASSWORD}</password></AuthRequest>`,
    );
    expect(answer.status).toBe(200);
  });
});
