import type { MessageKey } from '../i18n/catalogue.ts';
import { is } from '../keys/bindings.ts';
import type { KeyEvent } from '../keys/key-event.ts';
import { editLine, lineOf } from './line-edit.ts';
import type { Message } from './message.ts';

/** How a field takes input: free text, masked text, digits, or one of fixed options. */
export type FieldKind = 'text' | 'secret' | 'number' | 'choice';

/** One form field; `value` of a choice is one of `options`. */
export interface Field {
  readonly name: string;
  readonly label: MessageKey;
  readonly kind: FieldKind;
  readonly value: string;
  readonly options?: readonly string[];
  /** How a choice's options are shown, when they are codes (`yes`, `no`) rather than names. */
  readonly optionLabels?: Readonly<Record<string, MessageKey>>;
  /** Shown after the value, e.g. `@example.com` after a mailbox name. */
  readonly suffix?: string;
  /** Where the cursor is in the value, in code points; at the end when not given. */
  readonly cursor?: number;
}

/** A small form: its fields, the focused one, and whether anything was typed. */
export interface FormState {
  readonly fields: readonly Field[];
  readonly focus: number;
  readonly dirty: boolean;
  /** Enter on any field but the last moves to the next one, so one Enter never sends a half-edited form. */
  readonly enterAdvances?: boolean;
  /** A question the submit asked (replace a profile? lower a limit?): y submits, any other key goes back. */
  readonly asking?: Message;
  /** The user said yes to the question: the submit goes ahead (reset by any edit). */
  readonly confirmed?: boolean;
}

/** Builds a form with the first field focused. */
export function createForm(fields: readonly Field[], options: { enterAdvances?: boolean } = {}): FormState {
  return { fields, focus: 0, dirty: false, ...(options.enterAdvances ? { enterAdvances: true } : {}) };
}

/** Short constructor for a field. */
export function field(
  name: string,
  label: MessageKey,
  kind: FieldKind,
  value = '',
  extra: Partial<Field> = {},
): Field {
  return { name, label, kind, value, ...extra };
}

/** The value of a field by name ('' when absent). */
export function fieldValue(form: FormState, name: string): string {
  return form.fields.find((f) => f.name === name)?.value ?? '';
}

/** The focused field. */
export function focused(form: FormState): Field | undefined {
  return form.fields[form.focus];
}

/** True when printable keys go into the focused field rather than to shortcuts. */
export function capturesText(form: FormState): boolean {
  const f = focused(form);
  return f !== undefined && f.kind !== 'choice';
}

/** Replaces a field's value (the cursor goes to its end), marking the form dirty. */
export function setValue(form: FormState, name: string, value: string): FormState {
  return {
    ...form,
    dirty: true,
    fields: form.fields.map((f) => (f.name === name ? withoutCursor({ ...f, value }) : f)),
  };
}

/** The cursor of a field, in code points from the start of its value. */
export function cursorOf(f: Field): number {
  return lineOf(f.value, f.cursor).cursor;
}

function withoutCursor(f: Field): Field {
  const { cursor: _cursor, ...rest } = f;
  return rest;
}

function isDigit(ch: string): boolean {
  return /^[0-9]$/.test(ch);
}

/** Outcome of a key in a form: the new form and whether Enter asked to submit. */
export interface FormStep {
  readonly form: FormState;
  readonly submit: boolean;
  /** The key meant nothing to the form (e.g. Esc): the screen decides. */
  readonly unhandled: boolean;
}

/** Applies one key to a form: edit the focused field, move focus, cycle a choice, or submit. */
export function formKey(form: FormState, key: KeyEvent): FormStep {
  const f = focused(form);
  const same = { form, submit: false, unhandled: false };
  if (!f) return { ...same, unhandled: true };
  if (key.name === 'enter') {
    if (form.enterAdvances && form.focus < form.fields.length - 1)
      return { ...same, form: { ...form, focus: form.focus + 1 } };
    return { ...same, submit: true };
  }
  if (is(key, 'nextField'))
    return { ...same, form: { ...form, focus: (form.focus + 1) % form.fields.length } };
  if (is(key, 'prevField')) {
    return { ...same, form: { ...form, focus: (form.focus - 1 + form.fields.length) % form.fields.length } };
  }
  if (f.kind === 'choice') {
    const options = f.options ?? [];
    const at = options.indexOf(f.value);
    if (key.name === 'right' || key.input === ' ')
      return { ...same, form: setValue(form, f.name, options[(at + 1) % options.length] ?? f.value) };
    if (key.name === 'left')
      return {
        ...same,
        form: setValue(form, f.name, options[(at - 1 + options.length) % options.length] ?? f.value),
      };
    return { ...same, unhandled: true };
  }
  // A number field refuses anything but digits: nothing changes.
  const edited = editLine(lineOf(f.value, f.cursor), key, f.kind === 'number' ? isDigit : undefined);
  if (!edited) return { ...same, unhandled: true };
  if (edited.text === f.value && edited.cursor === cursorOf(f)) return same;
  const fields = form.fields.map((g) => (g === f ? { ...f, value: edited.text, cursor: edited.cursor } : g));
  return { ...same, form: { ...form, fields, dirty: form.dirty || edited.text !== f.value } };
}
