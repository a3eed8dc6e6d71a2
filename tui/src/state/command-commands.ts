import type { Lang } from '../i18n/catalogue.ts';

/** What a command takes after its name. */
export type CommandArg = 'none' | 'domain' | 'address';

/** One command of the `:` line: its English name, its Italian aliases and its argument. */
export interface CommandSpec {
  readonly name: CommandName;
  /** Italian names, accepted in both languages and offered by Tab in Italian. */
  readonly it: readonly string[];
  /** Short or alternative names, accepted but never offered by Tab. */
  readonly hidden: readonly string[];
  readonly arg: CommandArg;
}

/** The commands' English names. */
export type CommandName =
  | 'home'
  | 'domains'
  | 'domain'
  | 'mailboxes'
  | 'mailbox'
  | 'pec'
  | 'password'
  | 'activity'
  | 'profiles'
  | 'help'
  | 'quit';

/** Every command, in the order Tab lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  { name: 'home', it: [], hidden: [], arg: 'none' },
  { name: 'domains', it: ['domini'], hidden: [], arg: 'none' },
  { name: 'domain', it: ['dominio'], hidden: ['dashboard'], arg: 'domain' },
  { name: 'mailboxes', it: ['caselle'], hidden: [], arg: 'domain' },
  { name: 'mailbox', it: ['casella'], hidden: [], arg: 'address' },
  { name: 'pec', it: [], hidden: [], arg: 'none' },
  { name: 'password', it: [], hidden: [], arg: 'none' },
  { name: 'activity', it: ['attività'], hidden: ['attivita'], arg: 'none' },
  { name: 'profiles', it: ['profili'], hidden: [], arg: 'none' },
  { name: 'help', it: ['aiuto'], hidden: [], arg: 'none' },
  { name: 'quit', it: ['esci'], hidden: ['q'], arg: 'none' },
];

/** The command a typed word names (any language, any case), or undefined. */
export function findCommand(word: string): CommandSpec | undefined {
  const w = word.toLowerCase();
  return COMMANDS.find((c) => c.name === w || c.it.includes(w) || c.hidden.includes(w));
}

/** The names Tab offers in `lang`: the English ones, and the Italian ones in Italian. */
export function commandNames(lang: Lang): string[] {
  return COMMANDS.flatMap((c) => (lang === 'it' ? [...c.it, c.name] : [c.name]));
}
