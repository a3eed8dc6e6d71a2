import { TimeoutError } from '../errors/timeout-error.ts';

/**
 * Reads a response body as text before `deadline` (epoch ms), or throws TimeoutError and aborts
 * `reading` (which closes the connection). ky's own timeout stops at the response headers, so a
 * body that stalls after them would otherwise wait forever and hold a socket.
 */
export async function readTextWithin(
  response: Response,
  deadline: number,
  timeoutMs: number,
  reading: AbortController,
): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => {
        reject(new TimeoutError(timeoutMs));
        reading.abort();
      },
      Math.max(0, deadline - Date.now()),
    );
  });
  try {
    return await Promise.race([response.text(), expired]);
  } finally {
    clearTimeout(timer);
  }
}
