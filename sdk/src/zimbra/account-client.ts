import { parseInput } from '../validate.ts';
import { buildEnvelope, NS } from './envelope.ts';
import { ConnectionInput, Password } from './inputs.ts';
import { OPERATIONS } from './operations.ts';
import { expectResponse } from './parse.ts';
import type { PasswordPolicy } from './policy.ts';
import { ACCOUNT_PATH, USER_AGENT } from './session.ts';
import { type ConnectionOptions, SoapTransport } from './transport.ts';

/** Options of {@link ZimbraAccount.changePassword}. */
export interface ChangePasswordOptions extends ConnectionOptions {
  /** The mailbox address. */
  readonly username: string;
  readonly oldPassword: string;
  readonly newPassword: string;
  /** A policy to check offline first (an owner cannot read the COS; the server checks anyway). */
  readonly policy?: PasswordPolicy | undefined;
}

const ChangePasswordInput = ConnectionInput.omit({ password: true }).extend({
  oldPassword: Password,
  newPassword: Password,
});

/**
 * What a mailbox owner does for themselves, on the end-user endpoint (`/service/soap`,
 * namespace `urn:zimbraAccount`).
 */
export const ZimbraAccount = {
  /**
   * Changes one's own password with the old one (ChangePasswordRequest). No admin token is involved;
   * the account's old tokens stop working.
   * @throws ValidationError (field `newPassword`); ZimbraFault `account.AUTH_FAILED` (wrong old password or
   *   unknown account), `account.INVALID_PASSWORD`, `account.PASSWORD_RECENTLY_USED`,
   *   `account.PASSWORD_CHANGE_TOO_SOON`, `account.PASSWORD_LOCKED`, `account.MAINTENANCE_MODE`; TransportError; TimeoutError.
   * @example
   * await ZimbraAccount.changePassword({
   *   url: 'https://mail.example.com', username: 'mario.rossi@example.com', oldPassword, newPassword,
   * });
   */
  async changePassword(options: ChangePasswordOptions): Promise<{ readonly lifetimeMs: number | undefined }> {
    const v = parseInput(ChangePasswordInput, options);
    options.policy?.assert(v.newPassword, 'newPassword', v.username.split('@')[0]);
    const transport = new SoapTransport({ ...options, url: v.url });
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
    try {
      const message = await transport.post(ACCOUNT_PATH, buildEnvelope(doc, { userAgent: USER_AGENT }), {
        idempotent: false,
      });
      return expectResponse(message, op.request, op.response, [v.oldPassword, v.newPassword]);
    } finally {
      await transport.close();
    }
  },
} as const;
