import { BulkInputError } from './row-issue.ts';

/** A file's content: text, bytes, or a stream of either (a Node `Readable` is an async iterable). */
export type BulkTextInput =
  | string
  | Uint8Array
  | Iterable<string | Uint8Array>
  | AsyncIterable<string | Uint8Array>;

/**
 * Decodes the input as UTF-8 chunk by chunk (a BOM is dropped; bytes that are not UTF-8 are refused,
 * naming the line), so a 10,000-row file never has to be held twice.
 */
export async function* decodeUtf8(input: BulkTextInput): AsyncGenerator<string, void, undefined> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  const decode = (bytes: Uint8Array, stream: boolean): string => {
    try {
      return decoder.decode(bytes, { stream });
    } catch (error) {
      // Find the line of the first bad byte: a lenient decode marks it with U+FFFD.
      const lenient = new TextDecoder('utf-8').decode(bytes);
      const bad = lenient.indexOf('\uFFFD');
      const before = bad === -1 ? 0 : lenient.slice(0, bad).split('\n').length - 1;
      throw new BulkInputError(
        [{ line: line + before, column: undefined, rule: 'utf8', message: 'is not UTF-8 text' }],
        { cause: error },
      );
    }
  };
  const chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array> =
    typeof input === 'string' || input instanceof Uint8Array ? [input] : input;
  let first = true;
  for await (const chunk of chunks) {
    let text = typeof chunk === 'string' ? chunk : decode(chunk, true);
    // A string may still start with the BOM (read with readFileSync(…, 'utf8')).
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.length > 0) first = false;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) line++;
    if (text.length > 0) yield text;
  }
  const rest = decode(new Uint8Array(0), false);
  if (rest.length > 0) yield rest;
}
