import { PecPostmaster, ZimbraAdmin } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import {
  DEMO_ADMIN,
  DEMO_PASSWORD,
  DEMO_POSTMASTER,
  KEY,
  press,
  renderApp,
  toDashboard,
  useDemoApp,
  waitForText,
} from './helpers.tsx';

const demo = useDemoApp();

describe('actions that cannot work are shown disabled with the reason, never as a doomed form', () => {
  it('disables New mailbox on a suspended domain, saying why, and opens no form', async () => {
    const admin = await ZimbraAdmin.login({
      url: demo.mock.url,
      username: DEMO_ADMIN,
      password: DEMO_PASSWORD,
    });
    try {
      const { id } = await admin.domains.get('example.com');
      await admin.request('ModifyDomainRequest', {
        id,
        a: [{ '@_n': 'zimbraDomainStatus', '#text': 'suspended' }],
      });
    } finally {
      await admin.close();
    }
    const ui = renderApp(demo.session);
    await toDashboard(ui);
    const frame = await waitForText(ui.lastFrame, 'New mailbox (not available: the domain is suspended');
    expect(frame).toContain('Mail service:');
    await press(ui.stdin, 'j', KEY.enter);
    await waitForText(ui.lastFrame, 'Error: the domain is suspended');
    expect(ui.lastFrame()).not.toContain('Password');
  });

  it('disables Create on a full PEC domain (20 of 20), saying why', async () => {
    const pec = await PecPostmaster.login({
      url: `${demo.mock.url}/pec`,
      username: DEMO_POSTMASTER,
      password: DEMO_PASSWORD,
    });
    try {
      const { mailboxCount, mailboxLimit } = await pec.domain();
      const password = 'Pec-Full-Test-1!';
      for (let i = mailboxCount; i < (mailboxLimit ?? 0); i++) {
        await pec.mailboxes.create({ localPart: `riempi${i}`, password, passwordConfirm: password });
      }
    } finally {
      await pec.logout();
    }
    const ui = renderApp(demo.session);
    await waitForText(ui.lastFrame, 'Domains');
    await press(ui.stdin, 'j', KEY.enter);
    await waitForText(ui.lastFrame, 'PEC postmaster login');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'the PEC domain is full (20 of 20)');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Error: the PEC domain is full');
    expect(ui.lastFrame()).not.toContain('Repeat');
  });
});
