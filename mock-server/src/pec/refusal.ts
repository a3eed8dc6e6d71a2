import type { RuleFailure } from './rules.ts';

/** One entry of an error's `details`: a failed rule of a field, or a warning (`field` omitted). */
export type ErrorDetail = Partial<Pick<RuleFailure, 'field' | 'rule'>> & { readonly message: string };

/**
 * A refusal of the emulated provider: thrown by the store, turned into the contract's error envelope
 * by the router. `code` is one of the contract's `error.code` values.
 */
export class PecRefusal extends Error {
  override name = 'PecRefusal';
  readonly status: number;
  readonly code: string;
  readonly details: readonly ErrorDetail[];
  readonly headers: Readonly<Record<string, string>>;
  readonly confirmWith: string | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    extra: { details?: readonly ErrorDetail[]; headers?: Record<string, string>; confirmWith?: string } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = extra.details ?? [];
    this.headers = extra.headers ?? {};
    this.confirmWith = extra.confirmWith;
  }

  /** The contract's error envelope for this refusal. */
  toResponse(requestId: string): Response {
    const error = {
      code: this.code,
      message: this.message,
      details: this.details,
      ...(this.confirmWith === undefined ? {} : { confirmWith: this.confirmWith }),
    };
    return Response.json(
      { error, requestId },
      { status: this.status, headers: { ...this.headers, 'x-request-id': requestId } },
    );
  }
}

/** `400 VALIDATION_FAILED` for malformed JSON, wrong types or out-of-range parameters. */
export function validationFailed(details: readonly ErrorDetail[]): PecRefusal {
  return new PecRefusal(400, 'VALIDATION_FAILED', 'The request is malformed', { details });
}

/** `413 PAYLOAD_TOO_LARGE`: the body is past the server's limit; it was not read to its end, nothing was done. */
export function payloadTooLarge(maxBytes: number): PecRefusal {
  return new PecRefusal(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBytes} bytes`, {
    details: [{ field: '(body)', rule: 'maxBytes', message: `at most ${maxBytes} bytes` }],
  });
}
