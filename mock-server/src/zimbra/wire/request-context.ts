import { faults } from '../fault.ts';
import { child, scalar, type XmlElement } from '../xml.ts';

/** What a request's `<context xmlns="urn:zimbra">` header asks for (soap.txt, ZimbraSoapContext). */
export interface RequestContext {
  readonly authToken: string | undefined;
  readonly csrfToken: string | undefined;
  /** `<format type>`: `js` answers JSON, `xml` answers SOAP 1.2 to a JSON request; default the request's own. */
  readonly format: string | undefined;
  /** `<authTokenControl voidOnExpired="1"/>`: an expired or logged-off token is dropped instead of refused. */
  readonly voidOnExpired: boolean;
  /** `<session [id]/>` (not suppressed by `<nosession/>` or `<nonotify/>`): the client wants a session. */
  readonly session: { readonly id: string | undefined } | undefined;
}

function bool(el: XmlElement, name: string): boolean {
  const raw = scalar(el, name);
  if (raw === undefined) return false;
  const v = raw.toLowerCase();
  if (v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  throw faults.invalidRequest(`invalid boolean value '${raw}' for attribute: ${name}`);
}

function nonEmpty(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v === undefined || v === '' ? undefined : v;
}

/** Reads the context header; every field is optional, as it is for Zimbra. */
export function readContext(context: XmlElement | undefined): RequestContext {
  if (context === undefined) {
    return {
      authToken: undefined,
      csrfToken: undefined,
      format: undefined,
      voidOnExpired: false,
      session: undefined,
    };
  }
  const format = child(context, 'format');
  const control = child(context, 'authTokenControl');
  const suppressed = child(context, 'nosession') !== undefined || child(context, 'nonotify') !== undefined;
  const session = suppressed ? undefined : child(context, 'session');
  return {
    authToken: nonEmpty(scalar(context, 'authToken')),
    csrfToken: nonEmpty(scalar(context, 'csrfToken')),
    // `type` defaults to xml (ZimbraSoapContext: getAttribute(A_TYPE, TYPE_XML)).
    format: format === undefined ? undefined : (scalar(format, 'type') ?? 'xml'),
    voidOnExpired: control === undefined ? false : bool(control, 'voidOnExpired'),
    session: session === undefined ? undefined : { id: nonEmpty(session.text) ?? nonEmpty(session.attrs.id) },
  };
}
