import { ZimbraAdmin } from '@casella/sdk';
import { DEMO_ADMIN, DEMO_PASSWORD } from '../../tui/src/services/demo.ts';

/** What a test compares before and after a bulk action: each example.com mailbox's status and type. */
export type DirectoryState = ReadonlyMap<string, { readonly status: string; readonly cosId: string }>;

/** Every example.com mailbox, read from the mock through the SDK (not through the TUI under test). */
export async function directoryOf(url: string): Promise<DirectoryState> {
  const admin = await ZimbraAdmin.login({ url, username: DEMO_ADMIN, password: DEMO_PASSWORD });
  try {
    const page = await admin.accounts.page({ domain: 'example.com', offset: 0, limit: 500 });
    return new Map(
      page.accounts.map((a) => [a.name, { status: a.status ?? '', cosId: a.cosId ?? '' }] as const),
    );
  } finally {
    await admin.close();
  }
}

/** The addresses whose entry differs between two readings (or that exist in only one). */
export function changedBetween(before: DirectoryState, after: DirectoryState): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => JSON.stringify(before.get(n)) !== JSON.stringify(after.get(n))).sort();
}

/** The marked rows of a frame of the Mailboxes table (`> * address` or `  * address`). */
export function markedRowsOf(frame: string): string[] {
  return [...frame.matchAll(/^[> ] \* +(\S+@example\.com)/gm)].map((m) => m[1] as string).sort();
}

/** Every address row of a frame, marked or not. */
export function rowsOf(frame: string): string[] {
  return [...frame.matchAll(/^[> ] (?:[* ] +)?(\S+@example\.com)/gm)].map((m) => m[1] as string).sort();
}
