import type { SoapContext, SoapDocument } from '../envelope.ts';

/** The two formats Zimbra speaks on its SOAP endpoints. */
export type WireFormat = 'xml' | 'json';

/**
 * A parsed element in the wire-neutral form both codecs produce, which is Zimbra's own JSON shape:
 * attributes and single-text children are plain keys, text is `_content`, repeated children are arrays.
 * In XML an attribute and a one-text child are indistinguishable here, as they are in Zimbra's JSON
 * (JAXB accepts either), so schemas never need to know which wire carried the answer.
 * @example
 * // <account name="a@example.com" id="…"><a n="sn">Rossi</a></account>, or its JSON form:
 * { name: 'a@example.com', id: '…', a: [{ n: 'sn', _content: 'Rossi' }] }
 */
export type WireElement = Record<string, unknown>;

/** What a SOAP answer holds: one response element with its namespace, or a top-level Fault. */
export type SoapMessage =
  | {
      readonly kind: 'body';
      /** Local name, e.g. `GetAccountResponse`. */
      readonly name: string;
      /** Its namespace URI (`xmlns` in XML, `_jsns` in JSON), when the answer names one. */
      readonly namespace: string | undefined;
      readonly element: WireElement;
    }
  | { readonly kind: 'fault'; readonly fault: WireElement };

/**
 * One wire format: how a request document becomes bytes and how an answer's text becomes a
 * {@link SoapMessage}. Operations only ever see SoapDocuments and WireElements.
 */
export interface WireCodec {
  readonly format: WireFormat;
  /** Content-Type of the requests. */
  readonly contentType: string;
  /** Accept header of the requests. */
  readonly accept: string;
  /** One request document in an envelope with the `urn:zimbra` context header. */
  encode(doc: SoapDocument, context: SoapContext): string;
  /** Documents in one `BatchRequest`, each with `requestId` = its index. */
  encodeBatch(docs: readonly SoapDocument[], onError: 'continue' | 'stop', context: SoapContext): string;
  /**
   * Reads an answer. Returns undefined when the text is not an envelope of this format at all (an
   * HTML page, plain text, an empty or cut-off body), which the transport reports by HTTP status.
   * @throws ResponseValidationError for an envelope that breaks the protocol (e.g. a DOCTYPE).
   */
  decode(text: string): SoapMessage | undefined;
}
