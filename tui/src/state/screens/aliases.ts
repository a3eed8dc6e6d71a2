import { is } from '../../keys/bindings.ts';
import { capturesText, createForm, type FormState, field, fieldValue, formKey } from '../form.ts';
import { LIST_START, type ListState, listKey } from '../list.ts';
import { errorMessage, infoMessage, successMessage } from '../message.ts';
import { base, type ScreenBase, type ScreenLogic, type Step, stay, withRequest } from '../screen-base.ts';

/** The aliases of one mailbox: the list, `n` to add one, `d` to remove the selected one (after y). */
export interface AliasesScreen extends ScreenBase {
  readonly kind: 'aliases';
  readonly domain: string;
  readonly address: string;
  readonly aliases: readonly string[] | null;
  readonly list: ListState;
  /** The New alias field while adding, else null. */
  readonly adding: FormState | null;
  /** The alias whose removal waits for y. */
  readonly confirmRemove: string | null;
  /** The change on its way, for the message when it is done. */
  readonly changing: { readonly op: 'add' | 'remove'; readonly alias: string } | null;
}

/** Letters, digits and `.`, `_`, `-` inside, as for a mailbox name. */
const LOCAL_PART = /^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$/i;

function newAliasForm(domain: string): FormState {
  return createForm([field('alias', 'field.newAlias', 'text', '', { suffix: `@${domain}` })]);
}

/** The Aliases screen of `address`, loading them. */
export function aliasesScreen(domain: string, address: string): AliasesScreen {
  return {
    kind: 'aliases',
    ...base({ op: 'mailboxDetail', address }),
    domain,
    address,
    aliases: null,
    list: LIST_START,
    adding: null,
    confirmRemove: null,
    changing: null,
  };
}

function addKey(s: AliasesScreen, form: FormState, key: Parameters<typeof formKey>[1]): Step<AliasesScreen> {
  const step = formKey(form, key);
  if (step.unhandled) return key.name === 'escape' ? stay({ ...s, adding: null, message: null }) : stay(s);
  if (!step.submit) return stay({ ...s, adding: step.form, message: null });
  const name = fieldValue(step.form, 'alias').trim();
  if (!LOCAL_PART.test(name))
    return stay({ ...s, message: errorMessage('aliases.badName', { field: 'field.newAlias' }) });
  const alias = `${name}@${s.domain}`;
  if (alias === s.address || s.aliases?.includes(alias))
    return stay({ ...s, message: errorMessage('aliases.taken', { alias }) });
  return stay({
    ...withRequest(s, { op: 'addAlias', address: s.address, alias }),
    changing: { op: 'add' as const, alias },
  });
}

export const aliasesLogic: ScreenLogic<AliasesScreen> = {
  onKey(s, key, ctx) {
    if (s.pending && s.changing) return stay(s);
    if (s.adding) return addKey(s, s.adding, key);
    if (s.confirmRemove !== null) {
      const alias = s.confirmRemove;
      if (!is(key, 'yes')) return stay({ ...s, confirmRemove: null, message: null });
      const req = { op: 'removeAlias', address: s.address, alias } as const;
      return stay({
        ...withRequest(s, req),
        confirmRemove: null,
        changing: { op: 'remove' as const, alias },
      });
    }
    const rows = s.aliases ?? [];
    const moved = listKey(s.list, key, rows.length, ctx.page);
    if (moved) return stay({ ...s, list: moved });
    if (is(key, 'back')) return { screen: s, nav: { type: 'pop' } };
    if (is(key, 'newItem')) return stay({ ...s, adding: newAliasForm(s.domain), message: null });
    const selected = rows[s.list.cursor];
    if (is(key, 'deleteItem') && selected)
      return stay({
        ...s,
        confirmRemove: selected,
        message: infoMessage('aliases.confirmRemove', { alias: selected }),
      });
    return stay(s);
  },
  onLoaded(s, data) {
    if (data.kind === 'mailboxDetail') {
      const aliases = data.detail.aliases;
      const cursor = Math.min(s.list.cursor, Math.max(0, aliases.length - 1));
      return stay({ ...s, aliases, list: { cursor, top: Math.min(s.list.top, cursor) } });
    }
    if (data.kind === 'done' && s.changing) {
      const { op, alias } = s.changing;
      const message = successMessage(op === 'add' ? 'aliases.added' : 'aliases.removed', {
        alias,
        address: s.address,
      });
      return { screen: { ...s, changing: null, adding: null }, nav: { type: 'changed', message } };
    }
    return stay(s);
  },
  reload: (s) => withRequest(s, { op: 'mailboxDetail', address: s.address }),
  captures: (s) => s.adding !== null && capturesText(s.adding),
  dirty: (s) => s.adding?.dirty ?? false,
  footer: (s) => (s.adding ? ['submit', 'cancel'] : ['up', 'down', 'newItem', 'deleteItem', 'back']),
};
