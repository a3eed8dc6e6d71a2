import { createPasswordInput } from './password-input.ts';

/**
 * Asks for a password on the terminal without echoing it (raw mode, before Ink starts). Escape
 * sequences (arrows, Home, paste markers) are ignored, Backspace deletes, Ctrl+U clears.
 * Ctrl+C aborts with exit code 130.
 */
export function promptPassword(prompt: string, input: NodeJS.ReadStream = process.stdin): Promise<string> {
  return new Promise((resolve) => {
    process.stderr.write(prompt);
    const line = createPasswordInput();
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const onData = (chunk: string) => {
      const event = line.feed(chunk);
      if (event === 'more') return;
      input.off('data', onData);
      input.setRawMode(false);
      process.stderr.write('\n');
      if (event === 'abort') process.exit(130);
      input.pause();
      resolve(line.value);
    };
    input.on('data', onData);
  });
}
