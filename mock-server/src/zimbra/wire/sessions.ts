/** One SOAP session a client asked for with `<session/>` in the context header. */
interface SessionRecord {
  readonly accountId: string;
  readonly admin: boolean;
}

/**
 * SOAP sessions (soap.txt "Sessions"): off unless the context header asks with `<session/>`; the answer's
 * context then names the session (`<session id="7" [type="admin"]>7</session>`). An id the client sends back
 * keeps its session while it is live and belongs to the caller; otherwise a new one is opened.
 */
export class SessionRegistry {
  readonly #sessions = new Map<string, SessionRecord>();
  #next = 1;

  /** The caller's live session `id`, or a new one when `id` is absent, unknown or someone else's. */
  resolve(accountId: string, admin: boolean, id: string | undefined): string {
    if (id !== undefined) {
      const found = this.#sessions.get(id);
      if (found !== undefined && found.accountId === accountId && found.admin === admin) return id;
    }
    const fresh = String(this.#next++);
    this.#sessions.set(fresh, { accountId, admin });
    return fresh;
  }

  /** Whether a session is live. */
  has(id: string): boolean {
    return this.#sessions.has(id);
  }

  /** Ends one session (EndSessionRequest, or its `sessionId`). */
  end(id: string | undefined): void {
    if (id !== undefined) this.#sessions.delete(id);
  }

  /** Ends every session of an account (EndSessionRequest `all="1"`), but `keep` when given. */
  endAll(accountId: string, keep?: string): void {
    for (const [id, record] of this.#sessions) {
      if (record.accountId === accountId && id !== keep) this.#sessions.delete(id);
    }
  }

  clear(): void {
    this.#sessions.clear();
  }
}
