import { attrPairs, attrsForCreate, checkChangeValues, parseAttrChanges } from './attr-changes.ts';
import { cosDefaults } from './catalogue.ts';
import { adminCaller, type Handler, requiredField, selector, type ZimbraContext } from './context.ts';
import { directoryFaults } from './directory-faults.ts';
import { attrsFilter, encodeCos } from './encode.ts';
import { faults } from './fault.ts';
import type { Cos } from './model.ts';
import { can, requireRight } from './rights.ts';
import { child, scalar } from './xml.ts';

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

// Creating and deleting classes of service are global rights (createCos/deleteCos on the global grant).
function requireGlobal(ctx: ZimbraContext, right: string): void {
  if (adminCaller(ctx).kind !== 'global') throw faults.permDenied(`need right: ${right} for global grant`);
}

const COS_NAME = /^[A-Za-z0-9._-][A-Za-z0-9 ._-]*$/;

function newCos(ctx: ZimbraContext, rawName: string, attrs: Record<string, string[]>): Cos {
  const name = rawName.trim();
  if (!COS_NAME.test(name)) throw faults.invalidRequest(`invalid cos name: ${rawName}`);
  if (ctx.store.cosByName(name)) throw directoryFaults.cosExists(name);
  const id = ctx.store.ids.uuid();
  const cos: Cos = {
    id,
    name,
    isDefault: false,
    attrs: { ...attrs, objectClass: ['zimbraCOS'], cn: [name], zimbraId: [id] },
  };
  ctx.store.addCos(cos);
  return cos;
}

/** CreateCosRequest: `<name>`, `<a n>`*; a taken name → `account.COS_EXISTS`. Starts from the COS defaults. */
export const createCos: Handler = (request, ctx) => {
  requireGlobal(ctx, 'createCos');
  const name = requiredField(request, 'name', 'element');
  const attrs = attrsForCreate(attrPairs(request), 'cos');
  return { children: [encodeCos(newCos(ctx, name, { ...cosDefaults(), ...attrs }))] };
};

/** CopyCosRequest: `<name>` of the copy, `<cos by="name|id">` source; every source attribute is copied. */
export const copyCos: Handler = (request, ctx) => {
  requireGlobal(ctx, 'createCos');
  const name = requiredField(request, 'name', 'element');
  if (child(request, 'cos') === undefined) throw faults.invalidRequest('missing required element: cos');
  const { by, key } = selector(request, 'cos');
  const source = ctx.store.findCos(by, key);
  const { objectClass: _oc, cn: _cn, zimbraId: _id, zimbraCreateTimestamp: _ts, ...rest } = source.attrs;
  return { children: [encodeCos(newCos(ctx, name, structuredClone(rest)))] };
};

/** ModifyCosRequest: `<id>`, `<a n>`* with the same forms as ModifyAccount; needs `modifyCos`. */
export const modifyCos: Handler = (request, ctx) => {
  const id = requiredField(request, 'id', 'element');
  const changes = parseAttrChanges(attrPairs(request), 'cos');
  const cos = ctx.store.coses.get(id);
  if (cos === undefined) throw faults.noSuchCos(id);
  requireRight(ctx.grants, adminCaller(ctx), 'cos', cos, 'modifyCos');
  checkChangeValues(changes);
  ctx.store.modifyCos(cos, changes);
  return { children: [encodeCos(cos)] };
};

/** DeleteCosRequest: `<id>`; the default COS cannot go. Accounts left on it fall back to their domain's. */
export const deleteCos: Handler = (request, ctx) => {
  requireGlobal(ctx, 'deleteCos');
  const id = requiredField(request, 'id', 'element');
  const cos = ctx.store.coses.get(id);
  if (cos === undefined) throw faults.noSuchCos(id);
  if (cos.isDefault) throw faults.invalidRequest('unable to delete default cos');
  ctx.store.deleteCos(cos);
  return {};
};
