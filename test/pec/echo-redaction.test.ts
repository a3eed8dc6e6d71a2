import { inspect } from 'node:util';
import { PecApiError } from '@casella/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_PASSWORD, FAKE_TOKEN, json, loginFake, startFakePec } from './hostile-pec.ts';
import type { HostileServer } from './hostile-server.ts';
import { failure, GOOD_PASSWORD } from './support.ts';

let server: HostileServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function renderings(value: unknown): string {
  return [String(value), JSON.stringify(value), inspect(value, { depth: 10, showHidden: true })].join('\n');
}

describe('a PEC server that echoes secrets into every field of its error', () => {
  it('has the new password, the login password and the token redacted from code, details, confirmWith and requestId', async () => {
    const echo = `${GOOD_PASSWORD}|${FAKE_PASSWORD}|${FAKE_TOKEN}`;
    server = await startFakePec({
      'POST /pec/v1/mailboxes': (_, res) =>
        json(
          res,
          422,
          {
            error: {
              code: `PASSWORD_POLICY_VIOLATION_${GOOD_PASSWORD}`,
              message: `bad ${echo}`,
              details: [{ field: `password=${echo}`, rule: `rule:${echo}`, message: `m ${echo}` }],
              confirmWith: `confirm ${echo}`,
            },
            requestId: `req-${echo}`,
          },
          { 'x-request-id': `hdr-${echo}` },
        ),
    });
    const pec = await loginFake(server);
    const error = await failure(
      pec.mailboxes.create({ localPart: 'ufficio', password: GOOD_PASSWORD, passwordConfirm: GOOD_PASSWORD }),
    );
    expect(error).toBeInstanceOf(PecApiError);
    const shown = renderings(error);
    for (const secret of [GOOD_PASSWORD, FAKE_PASSWORD, FAKE_TOKEN]) expect(shown).not.toContain(secret);
    expect(error).toMatchObject({
      status: 422,
      code: 'PASSWORD_POLICY_VIOLATION_[REDACTED]',
      requestId: 'req-[REDACTED]|[REDACTED]|[REDACTED]',
      confirmWith: 'confirm [REDACTED]|[REDACTED]|[REDACTED]',
      details: [
        {
          field: 'password=[REDACTED]|[REDACTED]|[REDACTED]',
          rule: 'rule:[REDACTED]|[REDACTED]|[REDACTED]',
          message: 'm [REDACTED]|[REDACTED]|[REDACTED]',
        },
      ],
    });
  });

  it('has an echo in the X-Request-Id header redacted when the body carries no requestId', async () => {
    server = await startFakePec({
      'GET /pec/v1/domain': (_, res) =>
        json(
          res,
          403,
          { error: { code: 'FORBIDDEN_DOMAIN', message: 'no' } },
          { 'x-request-id': FAKE_TOKEN },
        ),
    });
    const pec = await loginFake(server);
    expect(await failure(pec.domain())).toMatchObject({ code: 'FORBIDDEN_DOMAIN', requestId: '[REDACTED]' });
  });
});
