/**
 * What each emulated backend (Zimbra SOAP, pec-admin) gives the core: a request handler
 * over its own state, a reset to its seed, and a way to expire every token it issued.
 */
export interface SubBackend {
  /** Answers one request whose path the core routed here. */
  handle(request: Request, url: URL): Promise<Response>;
  /** Goes back to the seed state. */
  reset(): void;
  /** Makes every token issued so far expired (the next call gets the backend's "expired" error). */
  expireTokens(): void;
}
