// js-zimbra (the Zimbra-Community Node client, JSON SOAP over unirest) driven as its README shows, with
// promises around its callbacks. Nothing here knows the mock: it talks to a URL.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// biome-ignore lint/suspicious/noExplicitAny: js-zimbra ships no types; its answers are plain JSON.
type Json = any;
type Callback<T> = (err: Json, value: T) => void;

interface JsRequest {
  addRequest(options: { name: string; params: Json; namespace: string }, cb: Callback<Json>): void;
}
interface JsResponse {
  get(id?: number): Json;
}
interface JsCommunication {
  token: string | null;
  auth(
    options: { username: string; secret: string; isAdmin?: boolean; isPassword?: boolean },
    cb: Callback<void>,
  ): void;
  getRequest(
    options: { isBatch?: boolean; batchOnError?: 'stop' | 'continue' },
    cb: Callback<JsRequest>,
  ): void;
  send(request: JsRequest, cb: Callback<JsResponse>): void;
}

const jsZimbra = require('js-zimbra') as {
  Communication: new (options: { url: string; token?: string }) => JsCommunication;
};
// js-zimbra logs tokens and request bodies (passwords) through winston at info and debug: keep them out.
createRequire(require.resolve('js-zimbra'))('winston').loggers.get('js-zimbra').clear();

function promised<T>(run: (cb: Callback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => run((err, value) => (err ? reject(err) : resolve(value))));
}

/** A js-zimbra session against one SOAP URL. */
export class JsZimbra {
  readonly #comm: JsCommunication;

  constructor(url: string) {
    this.#comm = new jsZimbra.Communication({ url });
  }

  get token(): string | null {
    return this.#comm.token;
  }

  /** `Communication#auth`: admin (password) or account (password, or preauth with the domain key). */
  login(username: string, secret: string, kind: 'admin' | 'password' | 'preauth'): Promise<void> {
    return promised((cb) =>
      this.#comm.auth({ username, secret, isAdmin: kind === 'admin', isPassword: kind !== 'preauth' }, cb),
    );
  }

  /** One request; resolves to js-zimbra's view of the answer body (`{ XResponse: {...} }`). */
  async call(name: string, params: Json, namespace = 'zimbraAdmin'): Promise<Json> {
    const request = await promised<JsRequest>((cb) => this.#comm.getRequest({}, cb));
    await promised((cb) => request.addRequest({ name, params, namespace }, cb));
    const response = await promised<JsResponse>((cb) => this.#comm.send(request, cb));
    return response.get();
  }

  /** A BatchRequest of several requests; resolves to the response object to read by request id (1, 2, …). */
  async batch(
    requests: readonly { name: string; params: Json }[],
    onError: 'stop' | 'continue' = 'continue',
  ) {
    const request = await promised<JsRequest>((cb) =>
      this.#comm.getRequest({ isBatch: true, batchOnError: onError }, cb),
    );
    for (const r of requests)
      await promised((cb) => request.addRequest({ ...r, namespace: 'zimbraAdmin' }, cb));
    return promised<JsResponse>((cb) => this.#comm.send(request, cb));
  }
}
