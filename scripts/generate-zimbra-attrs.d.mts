import type { ZimbraAttrFact } from '../mock-server/src/zimbra/generated/zimbra-attrs.ts';

/** Where the generated module is written (one copy per package). */
export declare const OUTPUTS: readonly string[];
/** ../shared/zimbra/zimbra-attrs.xml beside the clone, else the workstation copy; undefined when neither exists. */
export declare function defaultSource(): string | undefined;
/** zimbra-attrs.xml text → catalogue rows sorted by name, facts only. */
export declare function buildCatalogue(xml: string): ZimbraAttrFact[];
/** The generated module's text before formatting. */
export declare function renderModule(rows: readonly ZimbraAttrFact[]): string;
/** Where the SDK's type-level attribute map is written. */
export declare const SDK_TYPES_OUTPUT: string;
/** The SDK's type-level attribute map module text, before formatting. */
export declare function renderKinds(rows: readonly ZimbraAttrFact[]): string;
