import { createBulk, ZimbraAccount, ZimbraAdmin } from '@casella/sdk';
import { createJournalStore, type JournalStore, journalPath } from '../journal/index.ts';
import { pecService } from './pec-service.ts';
import type { ProfileService, Session } from './session.ts';
import { zimbraService } from './zimbra-service.ts';

/** What a session needs: the servers, the admin's credentials (kept in memory only) and the profile store. */
export interface ConnectOptions {
  /** Zimbra base URL, e.g. `https://mail.example.com:7071`. */
  readonly url: string;
  readonly user: string;
  readonly password: string;
  /** PEM text of a CA to trust. */
  readonly ca?: string | undefined;
  /** Base URL of the pec-admin API; defaults to `${url}/pec` (the mock's layout). */
  readonly pecUrl?: string | undefined;
  /**
   * Base URL of the end-user endpoint (`/service/soap`, e.g. `https://mail.example.com`) for Change my
   * password. Unset, the request goes to `url`'s admin endpoint, which serves it too: a real admin port 7071
   * refuses `/service/soap`.
   */
  readonly accountUrl?: string | undefined;
  readonly profiles: ProfileService;
  /** Where the session's changes are journaled; unset, the user's journal (journalPath, CASELLA_JOURNAL=off). */
  readonly journal?: JournalStore | undefined;
  readonly demo?: boolean;
  /** Name of the saved profile the connection comes from, for the context line. */
  readonly profile?: string | undefined;
  /** Prefill of the PEC login. */
  readonly pecUser?: string;
  readonly pecPassword?: string;
  readonly timeoutMs?: number;
}

/** A session plus the way to close its connections. */
export interface OpenSession extends Session {
  close(): Promise<void>;
}

/** Logs in to Zimbra and builds the session the app runs on. */
export async function connectSession(o: ConnectOptions): Promise<OpenSession> {
  const tls = o.ca ? { ca: o.ca } : {};
  const timeout = o.timeoutMs ? { timeoutMs: o.timeoutMs } : {};
  const admin = await ZimbraAdmin.login({
    url: o.url,
    username: o.user,
    password: o.password,
    ...tls,
    ...timeout,
  });
  const pec = pecService({
    url: o.pecUrl ?? `${o.url.replace(/\/$/, '')}/pec`,
    ca: o.ca,
    timeoutMs: o.timeoutMs,
  });
  return {
    env: {
      demo: o.demo ?? false,
      user: o.user,
      server: new URL(o.url).host,
      ...(o.profile ? { profile: o.profile } : {}),
      pecUser: o.pecUser ?? '',
      pecPassword: o.pecPassword ?? '',
    },
    zimbra: zimbraService(admin),
    account: {
      async changePassword(address, oldPassword, newPassword) {
        await ZimbraAccount.changePassword({
          ...(o.accountUrl ? { url: o.accountUrl, endpoint: 'account' } : { url: o.url, endpoint: 'admin' }),
          username: address,
          oldPassword,
          newPassword,
          ...tls,
          ...timeout,
        });
      },
    },
    pec,
    bulk: createBulk(admin),
    profiles: o.profiles,
    journal: o.journal ?? createJournalStore(journalPath()),
    async close() {
      await pec.logout().catch(() => undefined);
      await admin.close();
    },
  };
}
