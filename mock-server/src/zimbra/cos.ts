import { adminCaller, type Handler, selector } from './context.ts';
import { attrsFilter, encodeCos } from './encode.ts';
import { can, requireRight } from './rights.ts';
import { scalar } from './xml.ts';

/** GetAllCosRequest: every COS (a delegated admin sees the ones granted `listCos`). */
export const getAllCos: Handler = (_request, ctx) => {
  const caller = adminCaller(ctx);
  const coses = [...ctx.store.coses.values()]
    .filter((c) => can(ctx.grants, caller, 'cos', c.id, 'listCos'))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  return { children: coses.map((c) => encodeCos(c)) };
};

/** GetCosRequest: `<cos by="name|id">`, `attrs="a,b"`; unknown → `account.NO_SUCH_COS`. */
export const getCos: Handler = (request, ctx) => {
  const { by, key } = selector(request, 'cos');
  const cos = ctx.store.findCos(by, key);
  requireRight(ctx.grants, adminCaller(ctx), 'cos', cos, 'getCos');
  return { children: [encodeCos(cos, attrsFilter(scalar(request, 'attrs')))] };
};
