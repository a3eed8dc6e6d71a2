import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { shortBytes } from '../../tui/src/format.ts';
import type { Lang } from '../../tui/src/i18n/catalogue.ts';
import { I18nProvider } from '../../tui/src/i18n/index.tsx';
import { mailboxColumns } from '../../tui/src/screens/mailbox-columns.ts';
import { MailboxesView } from '../../tui/src/screens/mailboxes.tsx';
import { PecSearchView } from '../../tui/src/screens/pec-search.tsx';
import { escapeFilterValue, mailboxFilterQuery } from '../../tui/src/services/ldap-filter.ts';
import type { MailboxRow, PecMailboxRow } from '../../tui/src/services/types.ts';
import { errorMessage } from '../../tui/src/state/message.ts';
import { mailboxesScreen } from '../../tui/src/state/screens/mailboxes.ts';
import { pecSearchScreen } from '../../tui/src/state/screens/pec-search.ts';

const GiB = 1024 ** 3;

const rows: MailboxRow[] = [
  {
    address: 'alessandro.colombo@example.com',
    name: 'Alessandro Colombo',
    type: 'Standard',
    status: 'active',
    usedBytes: 1.2 * GiB,
    limitBytes: 5 * GiB,
  },
  {
    address: 'tommaso.pellegrini@example.com',
    name: 'Tommaso Pellegrini',
    type: 'Professional',
    status: 'locked',
    usedBytes: 12 * GiB,
    limitBytes: 50 * GiB,
  },
  {
    address: 'admin@example.com',
    name: 'Admin',
    type: 'default',
    status: 'active',
    usedBytes: 0,
    limitBytes: 0,
  },
];

function mailboxesAt(width: number, lang: Lang = 'en'): string {
  const screen = {
    ...mailboxesScreen('example.com'),
    loaded: { filter: '', generation: 0, total: rows.length, pages: { 0: rows } },
    domainTotal: rows.length,
    longestAddress: 30,
  };
  const ui = render(
    <I18nProvider lang={lang}>
      <MailboxesView screen={screen} height={18} listRows={14} width={width} />
    </I18nProvider>,
  );
  const frame = ui.lastFrame() ?? '';
  ui.unmount();
  return frame;
}

describe('Mailboxes and PEC search columns', () => {
  it('keeps full addresses and readable names at 80 columns, with a quota bar', () => {
    const frame = mailboxesAt(80);
    expect(frame).toContain('alessandro.colombo@example.com Alessandro Col…');
    expect(frame).toMatch(/tommaso\.pellegrini@example\.com Tommaso Pelleg…\s+Professional locked/);
    expect(frame).toMatch(/active {3}\[#-----\]\n/);
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('adds a short used/limit figure to the bar when the width allows', () => {
    const frame = mailboxesAt(100);
    expect(frame).toContain('Alessandro Colombo');
    expect(frame).toContain('Professional');
    expect(frame).toMatch(/\[#-----\] 1\.2G\/5G/);
    expect(frame).toContain('12G/50G');
    expect(frame).toContain('0 B / unlimited');
  });

  it('writes the used/limit figure and the unlimited size with a decimal comma in Italian', () => {
    const frame = mailboxesAt(100, 'it');
    expect(frame).toMatch(/\[#-----\] 1,2G\/5G/);
    expect(frame).toContain('12G/50G');
    expect(frame).toContain('0 B / illimitato');
    expect(frame).not.toMatch(/\d\.\dG/);
  });

  it('gives the address its full length first and the name what is left, never under 14 cells', () => {
    for (const width of [80, 100, 120, 200]) {
      const c = mailboxColumns(width, 30);
      expect(c.address + c.name + c.type + c.status + c.quota).toBe(width - 2);
      expect(c.address).toBe(31);
      expect(c.name).toBeGreaterThanOrEqual(14);
    }
    expect(mailboxColumns(80, 30).figure).toBe(false);
    expect(mailboxColumns(100, 30).figure).toBe(true);
    expect(mailboxColumns(80, 60).name).toBeGreaterThanOrEqual(14);
  });

  it('writes sizes in at most five cells', () => {
    expect(
      [0, 512, 870 * 1024 ** 2, 1.2 * GiB, 50 * GiB, 1023.7 * 1024 ** 2].map((b) => shortBytes(b, 'en')),
    ).toEqual(['0', '512B', '870M', '1.2G', '50G', '1G']);
  });

  it('shows a figure next to the PEC search bar', () => {
    const pec: PecMailboxRow = {
      address: 'amministrazione@pec.example.it',
      localPart: 'amministrazione',
      role: 'user',
      status: 'active',
      usedBytes: 512 * 1024 ** 2,
      limitBytes: GiB,
      capabilities: { changePassword: true, resetPassword: true, delete: true },
    };
    const screen = { ...pecSearchScreen(), pending: null, rows: [pec] };
    const ui = render(
      <I18nProvider lang="en">
        <PecSearchView screen={screen} height={18} listRows={14} width={80} />
      </I18nProvider>,
    );
    const frame = ui.lastFrame() ?? '';
    ui.unmount();
    expect(frame).toContain('amministrazione@pec.example.it');
    expect(frame).toContain('[####----] 512M/1G');
  });

  it('shows a 31-character PEC address in full at 80 columns, next to "suspended" and "postmaster"', () => {
    const row = (address: string, role: string, status: string): PecMailboxRow => ({
      address,
      localPart: address.split('@')[0] ?? '',
      role,
      status,
      usedBytes: 2 * 1024 ** 2,
      limitBytes: GiB,
      capabilities: { changePassword: true, resetPassword: true, delete: true },
    });
    const rows = [
      row('francesca.romano@pec.example.it', 'user', 'suspended'),
      row('postmaster@pec.example.it', 'postmaster', 'active'),
    ];
    const screen = { ...pecSearchScreen(), pending: null, rows };
    const ui = render(
      <I18nProvider lang="en">
        <PecSearchView screen={screen} height={18} listRows={14} width={80} />
      </I18nProvider>,
    );
    const frame = ui.lastFrame() ?? '';
    ui.unmount();
    expect(frame).toMatch(/francesca\.romano@pec\.example\.it +suspended +user +\[/);
    expect(frame).toMatch(/postmaster@pec\.example\.it +active +postmaster +\[/);
  });
});

describe('the Mailboxes filter query', () => {
  it('escapes the LDAP specials of RFC 4515: *, (, ), backslash and NUL', () => {
    expect(escapeFilterValue('a*b(c)d\\e\u0000f')).toBe('a\\2ab\\28c\\29d\\5ce\\00f');
  });

  it('matches the text in the local part, the address or the display name, and nothing for an empty filter', () => {
    expect(mailboxFilterQuery('rossi')).toBe('(|(uid=*rossi*)(mail=*rossi*)(displayName=*rossi*))');
    expect(mailboxFilterQuery('  ')).toBeUndefined();
  });

  it('claims no count while the first page has not arrived or failed, instead of "(0 of 0)"', () => {
    const screen = {
      ...mailboxesScreen('example.com'),
      message: errorMessage('code.transport', { message: 'HTTP 503', code: 'TRANSPORT' }),
    };
    const ui = render(
      <I18nProvider lang="en">
        <MailboxesView screen={screen} height={18} listRows={14} width={80} />
      </I18nProvider>,
    );
    const frame = ui.lastFrame() ?? '';
    ui.unmount();
    expect(frame).toContain('Mailboxes of example.com');
    expect(frame).not.toContain('of 0)');
  });
});
