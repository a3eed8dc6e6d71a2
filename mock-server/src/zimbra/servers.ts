import { type AttrMap, firstValue } from './attrs.ts';
import { adminCaller, boolField, type Handler, selector, type ZimbraContext } from './context.ts';
import { directoryFaults } from './directory-faults.ts';
import { attrsFilter } from './encode.ts';
import { faults } from './fault.ts';
import type { Server } from './model.ts';
import type { ZimbraStore } from './store.ts';
import { el, type OutElement, scalar } from './xml.ts';

/** The LMTP port Zimbra assumes when a server sets none (zimbraLmtpBindPort). */
const LMTP_PORT = '7025';

function requireGlobal(ctx: ZimbraContext, right: string, target: string): void {
  if (adminCaller(ctx).kind !== 'global')
    throw faults.permDenied(`need right: ${right} for server ${target}`);
}

function encodeServer(
  store: ZimbraStore,
  server: Server,
  applyConfig: boolean,
  filter?: Set<string>,
): OutElement {
  const attrs: AttrMap = applyConfig ? store.effectiveServerAttrs(server) : server.attrs;
  const children: OutElement[] = [];
  for (const name of Object.keys(attrs).sort()) {
    if (filter && !filter.has(name.toLowerCase())) continue;
    for (const value of attrs[name]!) children.push(el('a', { n: name }, value));
  }
  return el('server', { name: server.name, id: server.id }, ...children);
}

/** GetServerRequest: `<server by="name|id|serviceHostname">`, `applyConfig` (default 1), `attrs`. */
export const getServer: Handler = (request, ctx) => {
  const { by, key } = selector(request, 'server');
  const server = ctx.store.findServer(by, key);
  requireGlobal(ctx, 'getServer', server.name);
  const applyConfig = boolField(request, 'applyConfig', true);
  return { children: [encodeServer(ctx.store, server, applyConfig, attrsFilter(scalar(request, 'attrs')))] };
};

/** GetAllServersRequest: `service` (only servers with that service enabled), `applyConfig` (default 1). */
export const getAllServers: Handler = (request, ctx) => {
  requireGlobal(ctx, 'listServer', 'all');
  const service = scalar(request, 'service');
  const applyConfig = boolField(request, 'applyConfig', true);
  const servers = [...ctx.store.servers.values()]
    .filter((s) => !service || s.attrs.zimbraServiceEnabled?.includes(service))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  return { children: servers.map((s) => encodeServer(ctx.store, s, applyConfig)) };
};

/**
 * zimbraMailHost's callback (MailHost.preModify): the host must be a server's service hostname with the
 * mailbox service, never together with zimbraMailTransport; the transport then follows the host.
 * Returns the zimbraMailTransport value to store, or undefined when the host is not being set.
 */
export function checkMailHost(
  store: ZimbraStore,
  host: string | undefined,
  transport: string | undefined,
): string | undefined {
  if (host === undefined || host === '') return undefined;
  if (transport !== undefined && transport !== '') {
    throw directoryFaults.invalidRequest(
      'setting both zimbraMailHost and zimbraMailTransport in the same request is not allowed',
    );
  }
  const server = [...store.servers.values()].find(
    (s) => firstValue(s.attrs, 'zimbraServiceHostname') === host,
  );
  if (server === undefined) {
    throw directoryFaults.invalidRequest(
      `specified zimbraMailHost does not correspond to a valid server service hostname: ${host}`,
    );
  }
  if (!server.attrs.zimbraServiceEnabled?.includes('mailbox')) {
    throw directoryFaults.invalidRequest(
      `specified zimbraMailHost does not correspond to a mailclient server with service webapp enabled: ${host}`,
    );
  }
  return `lmtp:${host}:${firstValue(server.attrs, 'zimbraLmtpBindPort') ?? LMTP_PORT}`;
}
