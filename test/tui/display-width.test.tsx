import { stripVTControlCharacters } from 'node:util';
import { Box } from 'ink';
import { render } from 'ink-testing-library';
import type { ReactNode } from 'react';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { Footer } from '../../tui/src/components/footer.tsx';
import { FormView } from '../../tui/src/components/form-view.tsx';
import { fit as cut, wordWrap } from '../../tui/src/format.ts';
import { I18nProvider } from '../../tui/src/i18n/index.tsx';
import { MailboxesView } from '../../tui/src/screens/mailboxes.tsx';
import type { MailboxRow } from '../../tui/src/services/types.ts';
import { cutEnd, fitContext } from '../../tui/src/state/context-line.ts';
import { mailboxesScreen } from '../../tui/src/state/screens/mailboxes.ts';

const GiB = 1024 ** 3;

/** Holders and addresses whose width is not their length: CJK (two cells), emoji, combining marks (none). */
const rows: MailboxRow[] = [
  {
    address: 'tanaka@例え.jp',
    name: '田中太郎 Tanaka Taro',
    type: 'Standard',
    status: 'active',
    usedBytes: GiB,
    limitBytes: 5 * GiB,
  },
  {
    address: 'zoe\u0308@example.com',
    name: 'Zoe\u0308 Mu\u0308ller-Jose\u0301',
    type: 'Professional',
    status: 'active',
    usedBytes: 0,
    limitBytes: 5 * GiB,
  },
  {
    address: 'anna.neri@example.com',
    name: '👩‍💻 Anna Neri 🇮🇹',
    type: 'Standard',
    status: 'locked',
    usedBytes: 2 * GiB,
    limitBytes: 5 * GiB,
  },
  {
    address: 'mario.rossi@example.com',
    name: 'Mario Rossi',
    type: 'Standard',
    status: 'active',
    usedBytes: 0,
    limitBytes: 0,
  },
];

function draw(node: ReactNode, width: number): string[] {
  const ui = render(
    <I18nProvider lang="en">
      <Box flexDirection="column" width={width}>
        {node}
      </Box>
    </I18nProvider>,
  );
  const frame = stripVTControlCharacters(ui.lastFrame() ?? '');
  ui.unmount();
  return frame.split('\n');
}

/** The cell (not character) at which `text` starts in `line`. */
const cellOf = (line: string, text: string) => stringWidth(line.slice(0, line.indexOf(text)));

describe('display width of wide and combining characters', () => {
  it('cuts by cells with an ellipsis: a CJK name never overflows its width', () => {
    expect(cut('田中太郎 Tanaka', 6)).toBe('田中…');
    expect(stringWidth(cut('田中太郎 Tanaka', 7))).toBeLessThanOrEqual(7);
    expect(cut('Zoe\u0308 Mu\u0308ller', 11)).toBe('Zoe\u0308 Mu\u0308ller');
    expect(cutEnd('例え.example.jp', 5)).toBe('例え…');
  });

  it('wraps prose by cells, so a line of CJK text takes half the characters', () => {
    const lines = wordWrap('メールボックス メールボックス', 14).split('\n');
    expect(lines).toEqual(['メールボックス', 'メールボックス']);
    for (const l of wordWrap('Zoe\u0308 Mu\u0308ller e\u0301 tanaka@例え.jp 👩‍💻 done', 12).split('\n'))
      expect(stringWidth(l)).toBeLessThanOrEqual(12);
  });

  it('keeps the Mailboxes columns aligned and inside 80 and 60 columns with wide and combining names', () => {
    for (const width of [80, 60]) {
      const screen = {
        ...mailboxesScreen('example.com'),
        loaded: { filter: '', generation: 0, total: rows.length, pages: { 0: rows } },
        domainTotal: rows.length,
        longestAddress: Math.max(...rows.map((r) => stringWidth(r.address))),
      };
      const lines = draw(<MailboxesView screen={screen} height={18} listRows={14} width={width} />, width);
      for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(width);
      const body = lines.filter((l) => /Standard|Professional/.test(l));
      expect(body).toHaveLength(4);
      const typeAt = body.map((l) => cellOf(l, l.includes('Professional') ? 'Professional' : 'Standard'));
      expect(new Set(typeAt).size).toBe(1);
      expect(lines.join('\n')).toContain('tanaka@例え.jp');
    }
  });

  it('sizes the form label column by cells, so values line up after a wide label', () => {
    const form = {
      focus: 0,
      fields: [
        { name: 'a', label: 'field.firstName', kind: 'text', value: '田中' },
        { name: 'b', label: 'field.lastName', kind: 'text', value: 'Zoe\u0308' },
      ],
    } as unknown as Parameters<typeof FormView>[0]['form'];
    const lines = draw(<FormView form={form} />, 60);
    expect(cellOf(lines[0] ?? '', '田中')).toBe(cellOf(lines[1] ?? '', 'Zoe\u0308'));
  });

  it('fits the context line and the footer in their width with a wide server name', () => {
    const text = fitContext({ server: 'メール.例え.jp:7071', profile: '本番', admin: 'admin@例え.jp' }, 30);
    expect(stringWidth(text)).toBeLessThanOrEqual(30);
    for (const l of draw(
      <Footer bindings={['up', 'down', 'open', 'search', 'newItem', 'deleteItem']} globals width={40} />,
      40,
    ))
      expect(stringWidth(l)).toBeLessThanOrEqual(40);
  });
});
