// Compile-time shape of the `attrs` a caller writes, derived from the generated catalogue of Zimbra's
// attribute kinds. Nothing here exists at run time: the server stays the judge of values.
import type { ZimbraAttrKinds, ZimbraAttrName } from './generated/zimbra-attr-kinds.ts';
import type { AccountStatus } from './schemas.ts';

/** What `''` means on the way out: remove the attribute (Zimbra's own convention on Modify). */
type Removal = '';

/** Kinds whose values are integers written as decimal text. */
type IntegerKind = 'integer' | 'long' | 'port';

/**
 * Enums the SDK already types elsewhere. The generated catalogue says only `enum` for the others,
 * so they are strings until the generator carries their values.
 */
interface KnownEnums {
  readonly zimbraAccountStatus: AccountStatus;
}

/** The value of one single-valued attribute of a kind. */
type SingleValue<Kind extends string> = Kind extends 'boolean'
  ? 'TRUE' | 'FALSE' | boolean | Removal
  : Kind extends IntegerKind
    ? `${bigint}` | number | Removal
    : string;

/** The value a caller may give for attribute `N`: multi-valued kinds (`…[]`) take one value or a list. */
export type ZimbraAttrValue<N extends ZimbraAttrName> = N extends keyof KnownEnums
  ? KnownEnums[N] | Removal
  : ZimbraAttrKinds[N] extends `${infer Kind}[]`
    ? SingleValue<Kind> | readonly SingleValue<Kind>[]
    : SingleValue<ZimbraAttrKinds[N]>;

/**
 * Attributes by the names Zimbra defines, each with its value type: booleans `'TRUE' | 'FALSE'` (or
 * `true`/`false`), integers as decimal strings (or numbers), multi-valued ones as a list, `''` to remove.
 * On modify, `+name`/`-name` add or remove one value of a multi-valued attribute. A name Zimbra does
 * not define (a schema extension) goes in `extraAttrs` instead, so a typo here is a type error.
 * @example
 * const attrs: ZimbraAttrsInput = { zimbraFeatureMailForwardingEnabled: 'TRUE', zimbraMailQuota: '1073741824' };
 */
export type ZimbraAttrsInput = {
  readonly [N in ZimbraAttrName]?: ZimbraAttrValue<N>;
} & {
  readonly [N in ZimbraAttrName as `+${N}` | `-${N}`]?: string | readonly string[];
};
