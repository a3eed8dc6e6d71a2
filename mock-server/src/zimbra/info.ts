import { serviceUrls } from './accounts-read.ts';
import { firstValue } from './attrs.ts';
import { attrInfo } from './catalogue.ts';
import type { Handler, ZimbraContext } from './context.ts';
import { faults } from './fault.ts';
import type { Caller } from './rights.ts';
import { el, type OutElement, scalar } from './xml.ts';

function versionElement(ctx: ZimbraContext): OutElement {
  const info = ctx.store.profile.info;
  return el('info', {
    type: info.type,
    version: info.version,
    release: info.release,
    buildDate: info.buildDate,
    host: ctx.store.mailHost,
    majorversion: info.majorversion,
    minorversion: info.minorversion,
    microversion: info.microversion,
    platform: 'RHEL8_64',
  });
}

/** Admin GetVersionInfoRequest: `<info version release buildDate host majorversion…/>`, no token needed. */
export const adminVersionInfo: Handler = (_request, ctx) => ({ children: [versionElement(ctx)] });

function requireCaller(ctx: ZimbraContext): Caller {
  if (ctx.caller === undefined) throw faults.authRequired();
  return ctx.caller;
}

/**
 * Account GetVersionInfoRequest: needs a token, and answers only when the config exposes the version
 * (`zimbraSoapExposeVersion`, FALSE by default) — otherwise `service.PERM_DENIED`.
 */
export const accountVersionInfo: Handler = (_request, ctx) => {
  requireCaller(ctx);
  if (firstValue(ctx.store.config, 'zimbraSoapExposeVersion') !== 'TRUE') {
    throw faults.permDenied('Version info is not available.');
  }
  return { children: [versionElement(ctx)] };
};

const ALL_SECTIONS = ['mbox', 'prefs', 'attrs', 'zimlets', 'props', 'idents', 'sigs', 'dsrcs', 'children'];

/**
 * Account GetInfoRequest (`sections="mbox,prefs,attrs,…"`, default all): who the token is for, its COS, the
 * mailbox size, the `zimbraPref*` values as `<prefs><pref name>`, the accountInfo attributes as
 * `<attrs><attr name>`, and the service URLs. Inherited values are included, as Zimbra does.
 */
export const getInfo: Handler = (request, ctx) => {
  const { account } = requireCaller(ctx);
  const raw = scalar(request, 'sections');
  const sections = new Set(raw ? raw.split(',').map((s) => s.trim()) : ALL_SECTIONS);
  const attrs = ctx.store.effectiveAttrs(account);
  const cos = ctx.store.effectiveCos(account);
  const urls = serviceUrls(ctx, account);
  const children: OutElement[] = [
    el('version', {}, ctx.store.profile.info.version),
    el('id', {}, account.id),
    el('name', {}, account.name),
  ];
  if (sections.has('mbox')) children.push(el('used', {}, String(account.usage)));
  children.push(el('cos', { id: cos.id, name: cos.name }));
  const names = Object.keys(attrs).sort();
  if (sections.has('prefs')) {
    const prefs = names
      .filter((n) => n.startsWith('zimbraPref'))
      .flatMap((n) => attrs[n]!.map((v) => el('pref', { name: n }, v)));
    children.push(el('prefs', {}, ...prefs));
  }
  if (sections.has('attrs')) {
    const shown = names
      .filter((n) => !n.startsWith('zimbraPref') && attrInfo(n)?.flags.has('accountInfo') === true)
      .flatMap((n) => attrs[n]!.map((v) => el('attr', { name: n }, v)));
    children.push(el('attrs', {}, ...shown));
  }
  if (sections.has('zimlets')) children.push(el('zimlets'));
  if (sections.has('props')) children.push(el('props'));
  if (sections.has('idents')) children.push(el('identities'));
  if (sections.has('sigs')) children.push(el('signatures'));
  if (sections.has('dsrcs')) children.push(el('dataSources'));
  if (sections.has('children')) children.push(el('childAccounts'));
  children.push(el('soapURL', {}, urls.soap), el('publicURL', {}, urls.web));
  return { children };
};

/** NoOpRequest (admin, and urn:zimbraMail for accounts): an empty answer that proves the token works. */
export const noOp: Handler = (_request, ctx) => {
  requireCaller(ctx);
  return {};
};

/** Admin PingRequest: an empty answer, no token needed (load balancers call it). */
export const ping: Handler = () => ({});
