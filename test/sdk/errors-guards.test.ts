import { type MockServer, startMockServer } from '@casella/mock-server';
import {
  AbortedError,
  isAbortedError,
  isCasellaError,
  isPecApiError,
  isResponseTooLargeError,
  isResponseValidationError,
  isTimeoutError,
  isTransportError,
  isValidationError,
  isZimbraFault,
  PEC_ERROR_CODES,
  PecPostmaster,
  ResponseTooLargeError,
  ResponseValidationError,
  TimeoutError,
  TransportError,
  ValidationError,
  ZIMBRA_FAULT_CODES,
  ZimbraAdmin,
} from '@casella/sdk';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';

const DEMO_PASSWORD = 'Casella-Demo-1!';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('typed error guards', () => {
  let mock: MockServer;
  let zimbraFault: unknown;
  let pecError: unknown;
  beforeAll(async () => {
    mock = await startMockServer({ seed: 'demo' });
    zimbraFault = await failure(
      ZimbraAdmin.login({ url: mock.url, username: 'admin@example.com', password: 'Sbagliata-1!' }),
    );
    const pec = await PecPostmaster.login({
      url: `${mock.url}/pec`,
      username: 'postmaster@pec.example.it',
      password: DEMO_PASSWORD,
    });
    pecError = await failure(pec.mailboxes.get('nessuno'));
  });
  afterAll(() => mock.close());

  it('recognise a real Zimbra fault by its code and narrow the code', () => {
    expect(isZimbraFault(zimbraFault)).toBe(true);
    expect(isZimbraFault(zimbraFault, 'account.AUTH_FAILED')).toBe(true);
    expect(isZimbraFault(zimbraFault, 'account.NO_SUCH_ACCOUNT')).toBe(false);
    expect(isPecApiError(zimbraFault)).toBe(false);
    if (isZimbraFault(zimbraFault, 'account.AUTH_FAILED')) {
      expectTypeOf(zimbraFault.code).toEqualTypeOf<'account.AUTH_FAILED'>();
    }
  });

  it('recognise a real pec-admin error by its code and narrow the code', () => {
    expect(isPecApiError(pecError)).toBe(true);
    expect(isPecApiError(pecError, 'MAILBOX_NOT_FOUND')).toBe(true);
    expect(isPecApiError(pecError, 'MAILBOX_EXISTS')).toBe(false);
    expect(isZimbraFault(pecError)).toBe(false);
    if (isPecApiError(pecError, 'MAILBOX_NOT_FOUND')) {
      expectTypeOf(pecError.code).toEqualTypeOf<'MAILBOX_NOT_FOUND'>();
      expect(pecError.status).toBe(404);
    }
  });

  it('refuse an unknown code at compile time and at run time, instead of being false forever', () => {
    // @ts-expect-error: MAILBOX_EXIST is not a pec-admin v1 code
    expect(() => isPecApiError(pecError, 'MAILBOX_EXIST')).toThrow(ValidationError);
    // @ts-expect-error: Zimbra codes carry their package, e.g. account.NO_SUCH_ACCOUNT
    expect(() => isZimbraFault(zimbraFault, 'NO_SUCH_ACCOUNT')).toThrow(ValidationError);
    const refusal = (() => {
      try {
        isPecApiError(pecError, 'NOPE' as never);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toMatchObject({ code: 'VALIDATION', field: 'code', rule: 'oneOf' });
  });

  it('accept every listed code without throwing', () => {
    for (const code of PEC_ERROR_CODES)
      expect(isPecApiError(pecError, code)).toBe(code === 'MAILBOX_NOT_FOUND');
    for (const code of ZIMBRA_FAULT_CODES) {
      expect(isZimbraFault(zimbraFault, code)).toBe(code === 'account.AUTH_FAILED');
    }
  });

  it('list the Zimbra codes the SDK and the mock rely on', () => {
    for (const code of [
      'account.NO_SUCH_ACCOUNT',
      'account.NO_SUCH_DOMAIN',
      'account.ACCOUNT_EXISTS',
      'account.TOO_MANY_ACCOUNTS',
      'account.INVALID_PASSWORD',
      'service.PERM_DENIED',
      'service.AUTH_EXPIRED',
      'service.AUTH_REQUIRED',
    ]) {
      expect(ZIMBRA_FAULT_CODES).toContain(code);
    }
    expect(new Set(ZIMBRA_FAULT_CODES).size).toBe(ZIMBRA_FAULT_CODES.length);
  });

  it('tell each kind of Casella error apart', async () => {
    const validation = await failure(
      PecPostmaster.login({ url: 'ftp://x', username: 'postmaster@pec.example.it', password: 'x' }),
    );
    const aborted = await failure(
      PecPostmaster.login({
        url: `${mock.url}/pec`,
        username: 'postmaster@pec.example.it',
        password: DEMO_PASSWORD,
        signal: AbortSignal.abort(),
      }),
    );
    const cases: [unknown, (e: unknown) => boolean, new (...args: never[]) => Error][] = [
      [validation, isValidationError, ValidationError],
      [aborted, isAbortedError, AbortedError],
      [new TimeoutError(5), isTimeoutError, TimeoutError],
      [new TransportError('down'), isTransportError, TransportError],
      [new ResponseTooLargeError(1024), isResponseTooLargeError, ResponseTooLargeError],
      [new ResponseValidationError('x', 'y'), isResponseValidationError, ResponseValidationError],
    ];
    const guards = cases.map(([, guard]) => guard);
    for (const [error, guard, kind] of cases) {
      expect(error).toBeInstanceOf(kind);
      expect(isCasellaError(error)).toBe(true);
      expect(guards.filter((g) => g(error))).toEqual([guard]);
    }
    expect(isCasellaError(new Error('plain'))).toBe(false);
  });
});
