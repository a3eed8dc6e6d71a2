import type { ZimbraFaultError } from '../fault.ts';
import type { OutElement, XmlElement } from '../xml.ts';

/** The two request and response formats Zimbra's SOAP engine speaks. */
export type WireFormat = 'xml' | 'json';

/** A request as read off the wire, in either format: the handlers only ever see its elements. */
export interface WireRequest {
  /** The codec of the request's own format (and SOAP version): answers use it unless the context says otherwise. */
  readonly codec: WireCodec;
  /** `Header/context` in the `urn:zimbra` namespace, when present. */
  readonly context: XmlElement | undefined;
  /** The request element: the first element inside Body. */
  readonly body: XmlElement;
}

/** One wire format: how a fault looks in it and how a whole answer is written. */
export interface WireCodec {
  readonly format: WireFormat;
  /** `Content-Type` of answers in this format. */
  readonly contentType: string;
  /** A fault element for a Zimbra refusal (in a Body, or in a BatchResponse with the child's `requestId`). */
  fault(error: ZimbraFaultError, requestId?: string): OutElement;
  /**
   * A whole answer around a body element. `context` is the header's `<context xmlns="urn:zimbra">`; without it
   * the envelope is bare, as Zimbra sends faults raised before dispatch.
   */
  write(body: OutElement, context: OutElement | undefined): string;
}

/** The request could not be read; `codec` is the format Zimbra answers that fault in. */
export class WireParseError extends Error {
  override readonly name = 'WireParseError';
  constructor(
    readonly codec: WireCodec,
    readonly fault: ZimbraFaultError,
  ) {
    super(fault.message);
  }
}

/** A fault's Trace: what Zimbra writes there is its thread and request id, opaque to clients. */
export function faultTrace(): string {
  return `qtp-casella-mock:${Date.now()}:${Math.random().toString(16).slice(2, 18)}`;
}
