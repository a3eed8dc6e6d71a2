import { en } from '../i18n/en.ts';
import type { Screen } from './screen.ts';
import { rowAt } from './screens/mailboxes.ts';

/** What `y` copies on a screen: an address, or a password just shown (a secret: never shown again). */
export interface CopyTarget {
  readonly text: string;
  readonly secret: boolean;
}

/** A copy request for the clipboard hook; the text is dropped from state once written. */
export interface ClipboardRequest extends CopyTarget {
  readonly seq: number;
}

const address = (text: string | undefined): CopyTarget | null => (text ? { text, secret: false } : null);

/** What `y` copies on `screen` now, or null (then y keeps its own meaning there, e.g. "yes"). */
export function copyTarget(screen: Screen): CopyTarget | null {
  // A generated password on any form (tui-polish's Ctrl+G) is shown in the message line.
  const generated =
    screen.message?.key === 'password.generated' ? screen.message.params?.password : undefined;
  if (typeof generated === 'string') return { text: generated, secret: true };
  // Any screen waiting for y/N (its question is on the message line): y answers it, never copies.
  if (asksYesNo(screen)) return null;
  switch (screen.kind) {
    case 'mailboxes':
      return screen.filtering ? null : address(rowAt(screen, screen.list.cursor)?.address);
    case 'mailbox':
      // While a status change waits for y, y means yes.
      return screen.confirm ? null : address(screen.address);
    case 'domains':
      return address(screen.rows?.[screen.list.cursor]?.name);
    case 'dashboard':
      return address(screen.domain);
    case 'pecSearch':
      return screen.editing ? null : address(screen.rows?.[screen.list.cursor]?.address);
    case 'pecMailbox':
      return address(screen.address);
    case 'pecReset':
      // Before the reset, y confirms it; after, it copies the temporary password.
      return screen.temporaryPassword === null ? null : { text: screen.temporaryPassword, secret: true };
    default:
      return null;
  }
}

/** True when the screen's message is a y/N question (every such catalogue entry ends with "(y/N)"). */
function asksYesNo(screen: Screen): boolean {
  const key = screen.message?.key;
  return key !== undefined && en[key].endsWith('(y/N)');
}
