import type { SoapMessage, WireCodec, WireFormat } from './codec.ts';
import { jsonCodec } from './json.ts';
import { xmlCodec } from './xml.ts';

/**
 * Reads an answer in the client's wire, or else in the other one: Zimbra (or a front end) may
 * answer a JSON request in XML (`context.format`, a servlet-level refusal), and the answer is still SOAP.
 */
export function decodeAny(codec: WireCodec, text: string): SoapMessage | undefined {
  return codec.decode(text) ?? (codec.format === 'json' ? xmlCodec : jsonCodec).decode(text);
}

/** The codec of a wire format (XML unless JSON is asked for). */
export function codecFor(format: WireFormat | undefined): WireCodec {
  return format === 'json' ? jsonCodec : xmlCodec;
}
