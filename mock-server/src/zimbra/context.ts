import { faults } from './fault.ts';
import type { Account } from './model.ts';
import { type Caller, can, type Grants } from './rights.ts';
import type { ZimbraStore } from './store.ts';
import type { TokenRegistry } from './tokens.ts';
import type { SessionRegistry } from './wire/sessions.ts';
import { child, type OutElement, scalar, type XmlElement } from './xml.ts';

/** Zimbra's SOAP namespaces: admin requests, account (mailbox owner) requests, and the shared header/batch one. */
export const NS_ADMIN = 'urn:zimbraAdmin';
export const NS_ACCOUNT = 'urn:zimbraAccount';
export const NS_ZIMBRA = 'urn:zimbra';

/** Token lifetimes in ms. */
export interface Lifetimes {
  readonly adminMs: number;
  readonly userMs: number;
}

/** Everything a handler may use for one request. */
export interface ZimbraContext {
  readonly store: ZimbraStore;
  readonly grants: Grants;
  readonly tokens: TokenRegistry;
  readonly lifetimes: Lifetimes;
  /** `admin` for /service/admin/soap, `user` for /service/soap. */
  readonly endpoint: 'admin' | 'user';
  /** From a valid auth token in the context header; undefined without one. */
  readonly caller: Caller | undefined;
  /** The HTTP exchange around the request (set by the wire layer; absent when a handler is run directly). */
  readonly exchange?: Exchange;
}

/**
 * What the wire layer tells the auth handlers about the HTTP exchange, and what they may add to the answer
 * (cookies, the CSRF header, the session): the request format stays invisible to them.
 */
export interface Exchange {
  /** The raw auth token the request carried (context header or cookie), when it named a caller. */
  readonly token: string | undefined;
  /** The request came over https: cookies get `Secure`. */
  readonly secure: boolean;
  /** The context header asked for a session (`<session/>` without `<nosession/>`), with the id it sent. */
  readonly session: { readonly id: string | undefined } | undefined;
  readonly sessions: SessionRegistry;
  /** Adds an HTTP header to the answer (`set-cookie` may repeat). */
  addHeader(name: string, value: string): void;
  /** Records the session opened for the caller, for the answer's context header. */
  openedSession(id: string, admin: boolean): void;
}

/** A handler's answer: the response element's attributes and children (the dispatcher names it). */
export interface HandlerResult {
  readonly attrs?: Record<string, string | number | undefined>;
  readonly children?: readonly (OutElement | string)[];
}

export type Handler = (request: XmlElement, ctx: ZimbraContext) => HandlerResult;

/** One SOAP request the emulator answers. `auth: 'admin'` needs an admin token; `none` needs nothing. */
export interface Operation {
  readonly ns: string;
  readonly auth: 'admin' | 'none';
  readonly handle: Handler;
}

/** The caller of an admin operation (the dispatcher has already checked there is one). */
export function adminCaller(ctx: ZimbraContext): Caller {
  if (ctx.caller === undefined) throw faults.authRequired();
  return ctx.caller;
}

/** A protocol boolean (`1|true|0|false`, any case), as Element.parseBool reads it. */
export function boolField(request: XmlElement, name: string, fallback: boolean): boolean {
  const raw = scalar(request, name);
  if (raw === undefined) return fallback;
  const v = raw.toLowerCase();
  if (v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  throw faults.invalidRequest(`invalid boolean value '${raw}' for attribute: ${name}`);
}

/** A protocol integer field. */
export function intField(request: XmlElement, name: string, fallback: number): number {
  const raw = scalar(request, name);
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim()))
    throw faults.invalidRequest(`invalid long value '${raw}' for attribute: ${name}`);
  return Number.parseInt(raw, 10);
}

/** A required scalar (attribute or child element): missing → `service.INVALID_REQUEST`. */
export function requiredField(
  request: XmlElement,
  name: string,
  kind: 'attribute' | 'element' = 'attribute',
): string {
  const value = scalar(request, name);
  if (value === undefined || value === '') throw faults.invalidRequest(`missing required ${kind}: ${name}`);
  return value;
}

/** A required selector element such as `<account by="name">x</account>`. */
export function selector(request: XmlElement, name: string): { by: string; key: string } {
  const el = child(request, name);
  if (el === undefined) throw faults.invalidRequest(`missing required element: ${name}`);
  const by = el.attrs.by;
  if (by === undefined) throw faults.invalidRequest('missing required attribute: by');
  return { by, key: el.text.trim() };
}

/**
 * Finds the target account of an admin operation with Zimbra's anti-harvesting rule: a global admin learns
 * `account.NO_SUCH_ACCOUNT`, and so does a delegated admin asking by name in a domain it holds `right` on;
 * anyone without `right` on the account's domain gets `service.PERM_DENIED` "can not access account <key>"
 * whether or not it (or its domain) exists.
 */
export function targetAccount(
  ctx: ZimbraContext,
  by: string,
  key: string,
  right: string | readonly string[],
): Account {
  const caller = adminCaller(ctx);
  if (by !== 'id' && by !== 'name') throw faults.invalidRequest(`unknown value for by: ${by}`);
  if (caller.kind === 'global') return ctx.store.findAccount(by, key);
  const account = by === 'id' ? ctx.store.accounts.get(key) : ctx.store.accountByName(key);
  const domain = account ? ctx.store.domainByName(account.domain) : undefined;
  const rights = typeof right === 'string' ? [right] : right;
  if (account === undefined && by === 'name') {
    // defendAgainstAccountHarvestingWhenAbsent: an admin holding the right on the address's (existing, usable)
    // domain learns the account is missing; anyone else gets the same PERM_DENIED as for a present account.
    const home = ctx.store.domainByName(key.slice(key.lastIndexOf('@') + 1));
    const status = home === undefined ? undefined : ctx.store.domainStatus(home);
    if (
      home !== undefined &&
      key.lastIndexOf('@') > 0 &&
      status !== 'suspended' &&
      status !== 'shutdown' &&
      rights.some((r) => can(ctx.grants, caller, 'domain', home.id, r))
    ) {
      throw faults.noSuchAccount(key);
    }
  }
  const allowed = domain !== undefined && rights.some((r) => can(ctx.grants, caller, 'domain', domain.id, r));
  // A delegated admin never manages a global admin (HardRule DELEGATED_ADMIN_CANNOT_ACCESS_GLOBAL_ADMIN).
  if (account === undefined || !allowed || account.attrs.zimbraIsAdminAccount?.[0] === 'TRUE') {
    throw faults.permDenied(`can not access account ${key}`);
  }
  return account;
}

/** Refuses changes to accounts of a suspended or shut-down domain. */
export function requireWritableDomain(ctx: ZimbraContext, domainName: string): void {
  const domain = ctx.store.domainByName(domainName);
  if (domain === undefined) return;
  const status = ctx.store.domainStatus(domain);
  if (status === 'suspended' || status === 'shutdown') throw faults.permDenied(`domain is ${status}`);
}
