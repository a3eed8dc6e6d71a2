import { ZimbraAccount } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import type { PasswordRules } from '../../tui/src/services/types.ts';
import { checkPassword, passwordOk } from '../../tui/src/state/password-check.ts';
import { GENERATED_LENGTH, generatePassword } from '../../tui/src/state/password-generator.ts';
import { KEY, press, renderApp, toMailboxes, useDemoApp, waitForText } from './helpers.tsx';

const CTRL_G = '\u0007';

describe('the password generator', () => {
  const policies: Record<string, PasswordRules> = {
    'the panel rule': { minLength: 8, minUpper: 1, minLower: 1, minDigits: 1, minSpecial: 1 },
    'a strict rule with few allowed specials': {
      minLength: 12,
      maxLength: 20,
      minUpper: 3,
      minLower: 3,
      minDigits: 3,
      minSpecial: 2,
      allowedSpecials: '.-',
    },
    'a maximum shorter than the usual length': { minLength: 6, maxLength: 10, minUpper: 2, minDigits: 2 },
    'no rule at all': {},
  };

  for (const [name, rules] of Object.entries(policies)) {
    it(`makes 200 passwords that each pass every line of the checklist under ${name}`, () => {
      for (let i = 0; i < 200; i++) {
        const pw = generatePassword(rules);
        expect(pw).not.toBeNull();
        expect(passwordOk(checkPassword(rules, pw ?? '', pw ?? ''))).toBe(true);
      }
    });
  }

  it('uses 16 characters when the policy allows, and never the same password twice in 200', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add(generatePassword({ minLength: 8 }) ?? '');
    expect(seen.size).toBe(200);
    for (const pw of seen) expect([...pw]).toHaveLength(GENERATED_LENGTH);
  });

  it('refuses a policy no password can meet instead of returning one that breaks it', () => {
    expect(generatePassword({ maxLength: 4, minUpper: 3, minDigits: 3 })).toBeNull();
    expect(generatePassword({ minSpecial: 1, allowedSpecials: '' })).toBeNull();
  });
});

describe('Ctrl+G on the password forms', () => {
  const demo = useDemoApp();

  it('fills Reset password with a shown-once password the server then accepts as the mailbox’s', async () => {
    const ui = renderApp(demo.session);
    await toMailboxes(ui);
    await press(ui.stdin, '/', ...'mario.rossi', KEY.enter);
    await waitForText(ui.lastFrame, '(1 of 40)');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Reset password');
    await press(ui.stdin, 'j', KEY.enter);
    // The mailbox's own policy (the panel's fallback has no maximum) has arrived.
    await waitForText(ui.lastFrame, 'at most 64 characters');
    await press(ui.stdin, CTRL_G);
    const frame = await waitForText(ui.lastFrame, 'Generated password, shown only now: ');
    const password = /shown only now: (\S+)/.exec(frame)?.[1] ?? '';
    expect([...password]).toHaveLength(GENERATED_LENGTH);
    // Both fields hold it, masked: the checklist's repeat line is ticked.
    expect(frame).not.toMatch(/✗/);
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'mario.rossi@example.com');
    await waitForText(ui.lastFrame, 'Edit user (first and last name)');
    expect(ui.lastFrame()).not.toContain(password);
    await ZimbraAccount.changePassword({
      url: demo.mock.url,
      endpoint: 'admin',
      username: 'mario.rossi@example.com',
      oldPassword: password,
      newPassword: 'Next-Pass-7!x',
    });
  });

  it('fills New mailbox too, in Italian, and the mailbox is created with it', async () => {
    const ui = renderApp(demo.session, 'it');
    await waitForText(ui.lastFrame, 'Domini');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'oldshop.it');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Servizio');
    await press(ui.stdin, 'j', KEY.enter);
    await waitForText(ui.lastFrame, 'Standard: 12 caselle libere su 40');
    await press(ui.stdin, ...'luca.gen', CTRL_G);
    const frame = await waitForText(ui.lastFrame, 'Password generata, mostrata solo ora: ');
    const password = /mostrata solo ora: (\S+)/.exec(frame)?.[1] ?? '';
    expect([...password]).toHaveLength(GENERATED_LENGTH);
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'luca.gen@example.com');
    await ZimbraAccount.changePassword({
      url: demo.mock.url,
      endpoint: 'admin',
      username: 'luca.gen@example.com',
      oldPassword: password,
      newPassword: 'Next-Pass-7!x',
    });
  });
});
