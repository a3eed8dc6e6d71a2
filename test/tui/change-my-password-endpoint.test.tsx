import type { MockServer } from '@casella/mock-server';
import { ZimbraAccount } from '@casella/sdk';
import { cleanup } from 'ink-testing-library';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OpenSession } from '../../tui/src/services/connect.ts';
import { DEMO_PASSWORD, demoSession, KEY, press, renderApp, startDemoMock, waitForText } from './helpers.tsx';
import { startZimbraPort, type ZimbraPort } from './zimbra-port.ts';

const OWNER = 'giulia.bianchi@example.com';
const NEW_PASSWORD = 'Mine-Pass-4!';

let mock: MockServer;
let adminPort: ZimbraPort;
let mailPort: ZimbraPort;
let session: OpenSession | undefined;

beforeAll(async () => {
  mock = await startDemoMock();
});
beforeEach(async () => {
  mock.reset();
  // As on a real Zimbra: 7071 serves only /service/admin/soap, the webmail port only /service/soap.
  adminPort = await startZimbraPort(mock.url, '/service/admin/soap');
  mailPort = await startZimbraPort(mock.url, '/service/soap');
});
afterEach(async () => {
  cleanup();
  await session?.close();
  session = undefined;
  await adminPort.close();
  await mailPort.close();
});
afterAll(async () => {
  await mock.close();
});

/** Opens Change my password from Home and submits it for the owner, waiting for `outcome`. */
async function changeMyPassword(s: OpenSession, outcome: string): Promise<string> {
  const ui = renderApp(s);
  await waitForText(ui.lastFrame, 'Domains');
  await press(ui.stdin, 'j', 'j', KEY.enter);
  await waitForText(ui.lastFrame, 'Change my password (mailbox owner)');
  await press(ui.stdin, ...OWNER, KEY.tab, ...DEMO_PASSWORD, KEY.tab, ...NEW_PASSWORD, KEY.tab);
  await press(ui.stdin, ...NEW_PASSWORD, KEY.enter);
  return waitForText(ui.lastFrame, outcome);
}

/** Resolves when the owner's password on the server is `password`. */
function expectPassword(password: string): Promise<unknown> {
  return expect(
    ZimbraAccount.changePassword({
      url: mock.url,
      username: OWNER,
      oldPassword: password,
      newPassword: 'Again-Pass-5!',
    }),
  ).resolves.toBeDefined();
}

describe('Change my password against a server whose admin port refuses /service/soap', () => {
  it("goes to the admin URL's /service/admin/soap when no account URL is set", async () => {
    session = await demoSession(mock, { url: adminPort.url });
    await changeMyPassword(session, `Password of ${OWNER} changed.`);
    expect(adminPort.paths).not.toContain('/service/soap');
    expect(mailPort.paths).toEqual([]);
    await expectPassword(NEW_PASSWORD);
  });

  it("goes to the account URL's /service/soap when one is set, and nothing else goes there", async () => {
    session = await demoSession(mock, { url: adminPort.url, accountUrl: mailPort.url });
    await changeMyPassword(session, `Password of ${OWNER} changed.`);
    // ChangePassword, then EndSession for the fresh token it hands back (the SDK ends that session).
    expect(mailPort.paths).toEqual(['/service/soap', '/service/soap']);
    expect(adminPort.paths).not.toContain('/service/soap');
    await expectPassword(NEW_PASSWORD);
  });

  it("shows the server's service.FAILURE when the account URL is really an admin port, and changes nothing", async () => {
    session = await demoSession(mock, { url: adminPort.url, accountUrl: adminPort.url });
    const frame = await changeMyPassword(session, 'service.FAILURE');
    expect(frame).not.toContain(NEW_PASSWORD);
    expect(frame).not.toContain(DEMO_PASSWORD);
    await expectPassword(DEMO_PASSWORD);
  });
});
