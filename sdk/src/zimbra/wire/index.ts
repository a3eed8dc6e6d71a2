import type { WireCodec, WireFormat } from './codec.ts';
import { jsonCodec } from './json.ts';
import { xmlCodec } from './xml.ts';

/** The codec of a wire format (XML unless JSON is asked for). */
export function codecFor(format: WireFormat | undefined): WireCodec {
  return format === 'json' ? jsonCodec : xmlCodec;
}
