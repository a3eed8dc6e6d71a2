import * as sdk from '@casella/sdk';
import { PecApiError, ValidationError, ZimbraFault } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../tui/src/i18n/catalogue.ts';
import { translate } from '../../tui/src/i18n/index.tsx';
import { describeError } from '../../tui/src/services/describe-error.ts';
import { KEY, press, renderApp, toDashboard, useDemoApp, waitForText } from './helpers.tsx';

const demo = useDemoApp();

/** The Zimbra codes the SDK's operations document in their @throws (all of them once the SDK lists them). */
const DOCUMENTED_ZIMBRA = [
  'account.ACCOUNT_EXISTS',
  'account.AUTH_FAILED',
  'account.INVALID_ATTR_VALUE',
  'account.INVALID_PASSWORD',
  'account.MAINTENANCE_MODE',
  'account.NO_SUCH_ACCOUNT',
  'account.NO_SUCH_COS',
  'account.NO_SUCH_DOMAIN',
  'account.PASSWORD_CHANGE_TOO_SOON',
  'account.PASSWORD_LOCKED',
  'account.PASSWORD_RECENTLY_USED',
  'account.TOO_MANY_ACCOUNTS',
  'account.TOO_MANY_SEARCH_RESULTS',
  'ldap.INVALID_SEARCH_FILTER',
  'service.AUTH_EXPIRED',
  'service.AUTH_FAILED',
  'service.AUTH_REQUIRED',
  'service.FAILURE',
  'service.PERM_DENIED',
  'service.UNKNOWN_DOCUMENT',
];
/** Every Zimbra code the SDK knows, when it exports its list; else the documented ones. */
const ZIMBRA_CODES: readonly string[] =
  (sdk as unknown as { ZIMBRA_FAULT_CODES?: readonly string[] }).ZIMBRA_FAULT_CODES ?? DOCUMENTED_ZIMBRA;
const RAW = 'RAW-SERVER-TEXT at DN uid=x,ou=people,dc=example,dc=com';

function sentence(error: unknown, lang: Lang): string {
  const m = describeError(error);
  return translate(lang, m.key, m.params);
}

describe('errors in plain language', () => {
  it('has a sentence of its own for every pec-admin code, in both languages, with the code and without the server text', () => {
    for (const code of sdk.PEC_ERROR_CODES) {
      const error = new PecApiError({ code, message: RAW, status: 400 });
      expect(describeError(error).key, code).not.toBe('code.serverRefused');
      for (const lang of ['en', 'it'] as const) {
        const text = sentence(error, lang);
        expect(text).toContain(code);
        expect(text).not.toContain('RAW-SERVER-TEXT');
      }
      expect(describeError(error).detail).toContain('RAW-SERVER-TEXT');
    }
  });

  it('has a sentence for every Zimbra code, one of its own for every code the SDK documents', () => {
    for (const code of ZIMBRA_CODES) {
      const error = new ZimbraFault({ code, reason: RAW, fault: 'client' });
      for (const lang of ['en', 'it'] as const) {
        const text = sentence(error, lang);
        expect(text).toContain(code);
        expect(text).not.toContain('RAW-SERVER-TEXT');
        expect(text).toMatch(/[.:]/);
      }
    }
    for (const code of DOCUMENTED_ZIMBRA) {
      expect(describeError(new ZimbraFault({ code, reason: RAW, fault: 'client' })).key, code).not.toBe(
        'code.serverRefused',
      );
    }
  });

  it('names the form field and the broken rule of a refused input in words, not the SDK ids', () => {
    const error = new ValidationError([{ field: 'name', rule: 'email', message: 'must be an address' }]);
    expect(sentence(error, 'en')).toBe(
      'Name: it must be a full address such as name@example.com. Correct it and try again; nothing was sent (code VALIDATION).',
    );
    expect(sentence(error, 'it')).toContain('deve essere un indirizzo completo');
    const pec = new ValidationError([{ field: 'localPart', rule: 'allowedCharacters', message: 'bad' }]);
    expect(sentence(pec, 'en')).toContain('use only letters, digits and . _ - inside.');
    expect(sentence(pec, 'en')).not.toContain('localPart');
  });

  it('keeps the server text behind d on screen, and any key hides it again', async () => {
    const ui = renderApp(demo.session);
    await toDashboard(ui);
    await press(ui.stdin, 'j', KEY.enter);
    await waitForText(ui.lastFrame, 'Standard: 12 of 40 slots free');
    await press(
      ui.stdin,
      ...'mario.rossi',
      KEY.tab,
      KEY.tab,
      ...'Nuova-Pass-1!',
      KEY.tab,
      ...'Nuova-Pass-1!',
      KEY.enter,
    );
    const plain = await waitForText(ui.lastFrame, '[Ctrl+D: details]');
    expect(plain).not.toContain('email address already exists');
    await press(ui.stdin, '\u0004');
    const detail = await waitForText(ui.lastFrame, 'Server said:');
    expect(detail).toContain('already exists');
    await press(ui.stdin, KEY.right);
    await waitForText(ui.lastFrame, '[Ctrl+D: details]');
  });

  it('says a backend refusal entirely in Italian, the server text only on request', async () => {
    const ui = renderApp(demo.session, 'it');
    await waitForText(ui.lastFrame, 'Domini');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'oldshop.it');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Servizio di posta:');
    await press(ui.stdin, 'j', KEY.enter);
    await waitForText(ui.lastFrame, 'Standard');
    await press(
      ui.stdin,
      ...'mario.rossi',
      KEY.tab,
      KEY.tab,
      ...'Nuova-Pass-1!',
      KEY.tab,
      ...'Nuova-Pass-1!',
      KEY.enter,
    );
    const frame = await waitForText(ui.lastFrame, 'account.ACCOUNT_EXISTS');
    expect(frame).toContain('Indirizzo già usato da una casella o da un alias');
    expect(frame).not.toContain('already exists');
  });
});
