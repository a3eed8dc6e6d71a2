import { CasellaError } from './casella-error.ts';

/** Which side the server blames: `soap:Sender` is `client`, `soap:Receiver` is `server`. */
export type FaultSide = 'client' | 'server';

/** One `<a n t>` argument from a fault's `Error` detail, e.g. `zimbraPasswordMinLength` = `8`. */
export interface FaultArgument {
  /** The argument's name (`n`), e.g. `zimbraPasswordMinLength`. */
  readonly name: string;
  /** Its type (`t`): `STR`, `NUM`, `IID` or `ACCTID`; undefined when absent. */
  readonly type: string | undefined;
  /** Its value (text), secrets redacted. */
  readonly value: string;
}

/**
 * A SOAP fault from Zimbra, carrying the server's own code.
 * @example
 * if (isZimbraFault(err, 'account.ACCOUNT_EXISTS')) console.log(err.reason);
 */
export class ZimbraFault extends CasellaError {
  /** Always `'ZimbraFault'`. */
  override name = 'ZimbraFault';
  /** The server's reason text (`soap:Reason/soap:Text`). */
  readonly reason: string;
  /** `client` for `soap:Sender`, `server` for `soap:Receiver`. */
  readonly fault: FaultSide;
  /** The request that failed, e.g. `CreateAccountRequest`. */
  readonly request: string | undefined;
  /** Arguments from `Error/a`. */
  readonly args: readonly FaultArgument[];

  /** Made by the client from a SOAP fault; every text in `init` already redacted. */
  constructor(init: {
    code: string;
    reason: string;
    fault: FaultSide;
    request?: string | undefined;
    args?: readonly FaultArgument[];
  }) {
    super(init.code, `${init.code}: ${init.reason}`);
    this.reason = init.reason;
    this.fault = init.fault;
    this.request = init.request;
    this.args = init.args ?? [];
  }

  /** The error's fields as plain JSON, without the cause chain. */
  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      reason: this.reason,
      fault: this.fault,
      request: this.request,
      args: this.args,
    };
  }
}
