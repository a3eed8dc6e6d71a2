import { NS_ZIMBRA, type ZimbraContext } from './context.ts';
import type { ZimbraFaultError } from './fault.ts';
import { el, type OutElement, type XmlElement } from './xml.ts';

/** Runs one request element; a refusal comes back as a thrown fault. */
export type DispatchOne = (request: XmlElement, ctx: ZimbraContext) => OutElement;

/**
 * BatchRequest (urn:zimbra): each child is dispatched on its own, in order; a refusal becomes a `soap:Fault`
 * in its place, with the child's `requestId`. `onerror` other than `continue` stops after the first fault.
 */
export function runBatch(
  request: XmlElement,
  ctx: ZimbraContext,
  dispatchOne: DispatchOne,
  toFault: (error: unknown, requestId: string | undefined) => OutElement,
): OutElement {
  const keepGoing = (request.attrs.onerror ?? 'continue') === 'continue';
  const answers: OutElement[] = [];
  for (const childRequest of request.children) {
    try {
      answers.push(dispatchOne(childRequest, ctx));
    } catch (error) {
      answers.push(toFault(error as ZimbraFaultError, childRequest.attrs.requestId));
      if (!keepGoing) break;
    }
  }
  return el('BatchResponse', { xmlns: NS_ZIMBRA, requestId: request.attrs.requestId }, ...answers);
}
