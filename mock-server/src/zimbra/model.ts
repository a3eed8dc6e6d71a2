import type { AttrMap } from './attrs.ts';

/** A class of service held by the store. */
export interface Cos {
  readonly id: string;
  name: string;
  readonly isDefault: boolean;
  attrs: AttrMap;
}

/** A mail domain held by the store. */
export interface Domain {
  readonly id: string;
  readonly name: string;
  attrs: AttrMap;
}

/** An account held by the store. The password exists only as a hash and never leaves the store. */
export interface Account {
  readonly id: string;
  /** Full lower-case address. */
  name: string;
  /** Domain name (lower case). */
  domain: string;
  attrs: AttrMap;
  passwordHash: string | null;
  /** Hashes of earlier passwords, newest first (for zimbraPasswordEnforceHistory). */
  history: string[];
  /** Mailbox size in bytes. */
  usage: number;
  readonly mailboxId: number;
}

/** A mailbox server held by the store (GetServer, zimbraMailHost's callback). */
export interface Server {
  readonly id: string;
  readonly name: string;
  attrs: AttrMap;
}

/** Attributes a COS marks `c="1"` in GetCos: the ones accounts do not inherit. */
export { COS_ONLY_ATTRS as COS_OWN_ATTRS } from './catalogue.ts';
