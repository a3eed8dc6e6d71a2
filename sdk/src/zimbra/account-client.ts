import { z } from 'zod';
import { parseInput } from '../validate.ts';
import { NS } from './envelope.ts';
import { ConnectionInput, Password } from './inputs.ts';
import { OPERATIONS } from './operations.ts';
import { expectResponse } from './parse.ts';
import type { PasswordPolicy } from './policy.ts';
import { ACCOUNT_PATH, ADMIN_PATH, endSession, USER_AGENT } from './session.ts';
import { type ConnectionOptions, SoapTransport } from './transport.ts';
import { codecFor } from './wire/index.ts';

/**
 * Which SOAP endpoint of `url` receives an account request: `'account'` is the end-user `/service/soap`
 * (ports 80/443, 7070/7443, or the nginx proxy); `'admin'` is `/service/admin/soap` (port 7071), which also
 * serves `urn:zimbraAccount` requests. Zimbra refuses `/service/soap` on the admin port with
 * `service.FAILURE` ("Request not allowed on port"), so a client that only knows the admin URL uses `'admin'`.
 */
export type AccountEndpoint = 'account' | 'admin';

const ENDPOINT_PATHS: Readonly<Record<AccountEndpoint, string>> = {
  account: ACCOUNT_PATH,
  admin: ADMIN_PATH,
};

/** Options of {@link ZimbraAccount.changePassword}. */
export interface ChangePasswordOptions extends ConnectionOptions {
  /**
   * The endpoint under `url` that receives the request (see {@link AccountEndpoint}).
   * @default 'account'
   * @example
   * // Only the admin URL is known: port 7071 serves ChangePasswordRequest on /service/admin/soap.
   * { url: 'https://mail.example.com:7071', endpoint: 'admin' }
   */
  readonly endpoint?: AccountEndpoint | undefined;
  /** The mailbox address. */
  readonly username: string;
  readonly oldPassword: string;
  readonly newPassword: string;
  /** A policy to check offline first (an owner cannot read the COS; the server checks anyway). */
  readonly policy?: PasswordPolicy | undefined;
  /** Stops the call at once with AbortedError. */
  readonly signal?: AbortSignal | undefined;
}

const ChangePasswordInput = ConnectionInput.omit({ password: true }).extend({
  oldPassword: Password,
  newPassword: Password,
  endpoint: z.enum(['account', 'admin']).optional(),
});

/**
 * What a mailbox owner does for themselves (namespace `urn:zimbraAccount`), on the end-user endpoint
 * `/service/soap` or, with `endpoint: 'admin'`, on the admin endpoint `/service/admin/soap`.
 */
export const ZimbraAccount = {
  /**
   * Changes one's own password with the old one (ChangePasswordRequest). No admin token is involved;
   * the account's old tokens stop working. `endpoint` picks `/service/soap` (default) or `/service/admin/soap`.
   * @throws ValidationError (fields `newPassword`, `endpoint`, …); ZimbraFault `service.FAILURE` (the endpoint
   *   is not served on that port: "Request not allowed on port"), `account.AUTH_FAILED` (wrong old password or
   *   unknown account), `account.INVALID_PASSWORD`, `account.PASSWORD_RECENTLY_USED`,
   *   `account.PASSWORD_CHANGE_TOO_SOON`, `account.PASSWORD_LOCKED`, `account.MAINTENANCE_MODE`; TransportError; TimeoutError.
   * @example
   * await ZimbraAccount.changePassword({
   *   url: 'https://mail.example.com', username: 'mario.rossi@example.com', oldPassword, newPassword,
   * });
   * // With only the admin URL (port 7071 refuses /service/soap):
   * await ZimbraAccount.changePassword({
   *   url: 'https://mail.example.com:7071', endpoint: 'admin', username: 'mario.rossi@example.com', oldPassword, newPassword,
   * });
   */
  async changePassword(options: ChangePasswordOptions): Promise<{ readonly lifetimeMs: number | undefined }> {
    const v = parseInput(ChangePasswordInput, options);
    options.policy?.assert(v.newPassword, 'newPassword', v.username.split('@')[0]);
    const transport = new SoapTransport({ ...options, url: v.url }, codecFor(v.wire));
    const path = ENDPOINT_PATHS[v.endpoint ?? 'account'];
    const op = OPERATIONS.changePassword;
    const doc = {
      name: op.request,
      namespace: NS.account,
      body: {
        account: { '@_by': 'name', '#text': v.username },
        oldPassword: v.oldPassword,
        password: v.newPassword,
      },
    };
    const secrets = [v.oldPassword, v.newPassword];
    try {
      const message = await transport.post(path, transport.codec.encode(doc, { userAgent: USER_AGENT }), {
        idempotent: false,
        operation: op.request,
        secrets,
        signal: options.signal,
      });
      const changed = expectResponse(
        message,
        { request: op.request, namespace: NS.account },
        op.response,
        secrets,
      );
      // Zimbra hands back a fresh 12-hour token the SDK has no use for: end that session at once.
      if (changed.authToken !== undefined) await endSession(transport, path, NS.account, changed.authToken);
      return { lifetimeMs: changed.lifetimeMs };
    } finally {
      await transport.close();
    }
  },
} as const;
