// The mock's pec-admin request-size limit: 413 PAYLOAD_TOO_LARGE, refused before the body is read whole.
import { PEC_REQUEST_MAX_BYTES } from '@casella/mock-server';
import { describe, expect, it } from 'vitest';
import { rawRequest } from '../mock-server/raw-http.ts';
import { GOOD_PASSWORD, raw, rawToken, usePecMock } from './support.ts';

describe('mock pec-admin request-size limit', () => {
  const demo = usePecMock({ resetEach: true });

  it('answers 413 PAYLOAD_TOO_LARGE to an authenticated create with a 100 MiB password, creating nothing', async () => {
    const token = await rawToken(demo.mock);
    const before = (await raw(demo.mock, 'GET', '/domain', { token })).body.mailboxCount as number;
    const total = 100 * 1_048_576;
    const answer = await rawRequest(demo.mock.url, {
      path: '/pec/v1/mailboxes',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-request-id': 'big-create-1',
      },
      chunks: total / 65_536,
    });
    expect(answer.status).toBe(413);
    expect(answer.headers['x-request-id']).toBe('big-create-1');
    expect(JSON.parse(answer.text)).toEqual({
      error: {
        code: 'PAYLOAD_TOO_LARGE',
        message: `The request body is larger than ${PEC_REQUEST_MAX_BYTES} bytes`,
        details: [{ field: '(body)', rule: 'maxBytes', message: `at most ${PEC_REQUEST_MAX_BYTES} bytes` }],
      },
      requestId: 'big-create-1',
    });
    expect(answer.sent).toBeLessThan(total);
    const after = (await raw(demo.mock, 'GET', '/domain', { token })).body.mailboxCount as number;
    expect(after).toBe(before);
  });

  it('refuses a declared length past 1 MiB on login without reading it, and logs in normally after', async () => {
    const answer = await rawRequest(demo.mock.url, {
      path: '/pec/v1/sessions',
      headers: { 'content-type': 'application/json', 'content-length': String(PEC_REQUEST_MAX_BYTES + 1) },
      chunks: 8,
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await rawToken(demo.mock)).length).toBeGreaterThan(20);
  });

  it('accepts a body of exactly 1 MiB (then judges it by the contract: 422 for a password past 256 characters)', async () => {
    const token = await rawToken(demo.mock);
    const shell = JSON.stringify({ localPart: 'tanto.grande', password: '', passwordConfirm: GOOD_PASSWORD });
    const password = 'A1!a'
      .repeat(PEC_REQUEST_MAX_BYTES)
      .slice(0, PEC_REQUEST_MAX_BYTES - Buffer.byteLength(shell));
    const rawBody = JSON.stringify({ localPart: 'tanto.grande', password, passwordConfirm: GOOD_PASSWORD });
    expect(Buffer.byteLength(rawBody)).toBe(PEC_REQUEST_MAX_BYTES);
    const answer = await raw(demo.mock, 'POST', '/mailboxes', { token, rawBody });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('PASSWORD_POLICY_VIOLATION');
  });
});
