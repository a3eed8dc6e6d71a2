/**
 * How Zimbra's JSON differs from a mechanical reading of the XML, per element: facts from Element.JSONElement
 * (children are arrays unless added with addUniqueElement; `addAttribute(..., Disposition.CONTENT)` is a
 * child element in XML but a plain `"key": value` in JSON), the JAXB annotations `@ZimbraUniqueElement`,
 * `@ZimbraJsonAttribute`, `@ZimbraKeyValuePairs`, and the Java types of attributes (long and int become JSON
 * numbers, booleans JSON booleans).
 */
export interface JsonShape {
  /** Children written as one object rather than an array. */
  readonly unique?: readonly string[];
  /** Text-only children written as `"name": value` on the parent. */
  readonly attributes?: readonly string[];
  /** Children whose `<x name="k">v</x>` children are written as `{"_attrs": {"k": "v"}}`. */
  readonly keyValue?: Readonly<Record<string, { readonly element: string; readonly key: string }>>;
  /** Children whose text is a number (`<cos id name>12</cos>` → `"_content": 12`). */
  readonly numericText?: readonly string[];
}

const AUTH: JsonShape = { unique: ['session', 'csrfToken'], attributes: ['lifetime', 'trustLifetime'] };

/** Shapes by element local name. Anything not listed follows the general rule (arrays, strings). */
export const JSON_SHAPES: Readonly<Record<string, JsonShape>> = {
  // SoapEngine.generateResponseHeader and ZimbraSoapContext.encodeSession add unique elements.
  context: { unique: ['change', 'session'] },
  // SoapJSProtocol.soapFault: Code, Reason, Detail and Error are unique; Value, Text, Code, Trace attributes.
  Fault: { unique: ['Code', 'Reason', 'Detail'] },
  Detail: { unique: ['Error'] },
  AuthResponse: AUTH,
  ChangePasswordResponse: AUTH,
  DelegateAuthResponse: AUTH,
  CountAccountResponse: { numericText: ['cos'] },
  // GetInfoResponse's JAXB class: its sections are unique elements, its scalars @ZimbraJsonAttribute.
  GetInfoResponse: {
    unique: [
      'attrs',
      'prefs',
      'cos',
      'zimlets',
      'props',
      'identities',
      'signatures',
      'dataSources',
      'childAccounts',
    ],
    attributes: [
      'version',
      'id',
      'name',
      'crumb',
      'lifetime',
      'adminDelegated',
      'rest',
      'used',
      'prevSession',
      'accessed',
      'recent',
      'docSizeLimit',
      'attSizeLimit',
      'soapURL',
      'publicURL',
      'changePasswordURL',
      'adminURL',
      'boshURL',
    ],
    keyValue: { attrs: { element: 'attr', key: 'name' }, prefs: { element: 'pref', key: 'name' } },
  },
};

/** Attributes (and JSON-attribute children) whose values are Java numbers in Zimbra's handlers. */
export const NUMBER_ATTRS: ReadonlySet<string> = new Set([
  'lifetime',
  'trustLifetime',
  'searchTotal',
  'num',
  'offset',
  'limit',
  'used',
  'mbxid',
  's',
  'token',
  'prevSession',
  'accessed',
  'recent',
  'docSizeLimit',
  'attSizeLimit',
]);

/** Attributes whose values are Java booleans (`1`/`0` in XML, `true`/`false` in JSON). */
export const BOOLEAN_ATTRS: ReadonlySet<string> = new Set([
  'more',
  'isDefaultCos',
  'isExternal',
  'c',
  'pd',
  'adminDelegated',
]);
