/**
 * The lines of standard input, read once to the end and handed out in order: `--password-stdin` takes the
 * first, `--new-password-stdin` the next. A secret never has to be on the command line.
 */
export class StdinLines {
  readonly #input: NodeJS.ReadableStream;
  #lines: Promise<string[]> | undefined;
  #next = 0;

  constructor(input: NodeJS.ReadableStream) {
    this.#input = input;
  }

  /** The next line, or undefined when input has no more. */
  async next(): Promise<string | undefined> {
    this.#lines ??= this.#readAll();
    const lines = await this.#lines;
    return lines[this.#next++];
  }

  async #readAll(): Promise<string[]> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.#input) chunks.push(Buffer.from(chunk as Buffer));
    const text = Buffer.concat(chunks).toString('utf8');
    const lines = text.split(/\r?\n/);
    if (lines.at(-1) === '') lines.pop();
    return lines;
  }
}
