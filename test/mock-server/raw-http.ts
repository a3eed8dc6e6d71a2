// node:http requests for the mock tests that need what fetch will not send: any Host, a declared length that
// is a lie, a body that streams forever.
import { request } from 'node:http';

/** An answer read whole. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  /** Body bytes the client had written when the answer ended. */
  readonly sent: number;
}

/** What to send: a method, a path, headers, and either a body or a generator of `chunks` × `chunkBytes`. */
export interface RawRequest {
  readonly method?: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Stream this many chunks of `chunkBytes` (`a`s) instead of `body`; the request may be answered before the end. */
  readonly chunks?: number;
  readonly chunkBytes?: number;
}

/** Sends one request to `baseUrl` over its own connection and reads the answer. */
export function rawRequest(baseUrl: string, spec: RawRequest): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    let sent = 0;
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: spec.method ?? 'POST',
        path: spec.path,
        // A whole body goes with its length (as fetch sends it); streamed chunks go chunked unless declared.
        headers:
          spec.body === undefined || spec.headers?.['content-length'] !== undefined
            ? (spec.headers ?? {})
            : { ...spec.headers, 'content-length': String(Buffer.byteLength(spec.body)) },
        agent: false,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, sent }));
      },
    );
    req.on('error', reject);
    if (spec.chunks === undefined) {
      if (spec.body !== undefined) {
        sent = Buffer.byteLength(spec.body);
        req.write(spec.body);
      }
      req.end();
      return;
    }
    const chunk = Buffer.alloc(spec.chunkBytes ?? 65_536, 'a');
    let left = spec.chunks;
    const pump = () => {
      while (left > 0) {
        left -= 1;
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    // A server that answered early and closed makes further writes fail; the answer is what counts.
    req.on('error', () => undefined);
    pump();
  });
}
