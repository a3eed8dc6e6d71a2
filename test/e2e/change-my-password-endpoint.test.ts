import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@casella/mock-server';
import { ZimbraAccount } from '@casella/sdk';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createProfileStore } from '../../tui/src/services/profile-store.ts';
import { startZimbraPort, type ZimbraPort } from '../tui/zimbra-port.ts';
import { type Casella, START_TIMEOUT, STEP_TIMEOUT, startCasella } from './casella.ts';

const DEMO_PASSWORD = 'Casella-Demo-1!';
const OWNER = 'giulia.bianchi@example.com';
const NEW_PASSWORD = 'Mine-Pass-4!';

let mock: MockServer;
let adminPort: ZimbraPort;
let mailPort: ZimbraPort;
let app: Casella | undefined;
let configDir: string | undefined;

beforeAll(async () => {
  mock = await startMockServer({ seed: 'demo' });
});
beforeEach(async () => {
  mock.reset();
  // As on a real Zimbra: the admin port serves only /service/admin/soap, the webmail port only /service/soap.
  adminPort = await startZimbraPort(mock.url, '/service/admin/soap');
  mailPort = await startZimbraPort(mock.url, '/service/soap');
});
afterEach(async () => {
  app?.close();
  app = undefined;
  if (configDir) rmSync(configDir, { recursive: true, force: true });
  configDir = undefined;
  await adminPort.close();
  await mailPort.close();
});
afterAll(async () => {
  await mock.close();
});

/** From Home, changes the owner's password and waits for the confirmation. */
async function changeMyPassword(app: Casella): Promise<void> {
  const { term } = app;
  await term.waitFor(/Logged in as admin@example\.com[\s\S]*Quit/, START_TIMEOUT);
  term.keys('j', 'j', 'Enter');
  await term.waitFor('Change my password (mailbox owner)');
  term.type(OWNER);
  term.keys('Tab');
  term.type(DEMO_PASSWORD);
  term.keys('Tab');
  term.type(NEW_PASSWORD);
  term.keys('Tab');
  term.type(NEW_PASSWORD);
  term.keys('Enter');
  await term.waitFor(`Password of ${OWNER} changed.`, STEP_TIMEOUT);
}

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

describe('casella in a real terminal: where Change my password goes', { timeout: 60_000 }, () => {
  it("uses --account-url's /service/soap when given", async () => {
    app = startCasella({
      args: ['--url', adminPort.url, '--user', 'admin@example.com', '--account-url', mailPort.url],
      env: { CASELLA_PASSWORD: DEMO_PASSWORD },
    });
    await changeMyPassword(app);
    // ChangePassword, then EndSession for the fresh token it hands back (the SDK ends that session).
    expect(mailPort.paths).toEqual(['/service/soap', '/service/soap']);
    expect(adminPort.paths).not.toContain('/service/soap');
    await expectPassword(NEW_PASSWORD);
  });

  it("uses a profile's account URL, and without one the admin URL's /service/admin/soap", async () => {
    configDir = mkdtempSync(join(tmpdir(), 'casella-e2e-profiles-'));
    const store = createProfileStore(configDir);
    store.save({ name: 'acme', url: adminPort.url, user: 'admin@example.com', accountUrl: mailPort.url });
    store.save({ name: 'bare', url: adminPort.url, user: 'admin@example.com' });

    app = startCasella({
      args: ['--profile', 'acme'],
      env: { CASELLA_PASSWORD: DEMO_PASSWORD, CASELLA_CONFIG_DIR: configDir },
    });
    await changeMyPassword(app);
    // ChangePassword, then EndSession for the fresh token it hands back (the SDK ends that session).
    expect(mailPort.paths).toEqual(['/service/soap', '/service/soap']);
    await expectPassword(NEW_PASSWORD);
    app.close();

    mock.reset();
    app = startCasella({
      args: ['--profile', 'bare'],
      env: { CASELLA_PASSWORD: DEMO_PASSWORD, CASELLA_CONFIG_DIR: configDir },
    });
    await changeMyPassword(app);
    // Still only the first run's two requests: the bare profile went to the admin port's /service/admin/soap.
    expect(mailPort.paths).toEqual(['/service/soap', '/service/soap']);
    expect(adminPort.paths).not.toContain('/service/soap');
    await expectPassword(NEW_PASSWORD);
  });
});
