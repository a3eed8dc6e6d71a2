import { connectSession, type OpenSession } from './connect.ts';
import type { ProfileService } from './session.ts';

/** The password of every demo account (public: it is printed in the README). */
export const DEMO_PASSWORD = 'Casella-Demo-1!';
/** The demo's global admin. */
export const DEMO_ADMIN = 'admin@example.com';
/** The demo's PEC postmaster. */
export const DEMO_POSTMASTER = 'postmaster@pec.example.it';

/** Starts the mock in-process on a free loopback port, seeded with the demo, and logs in to it. */
export async function startDemoSession(profiles: ProfileService): Promise<OpenSession> {
  // Loaded only in demo mode, and without msw: a real profile never pays for the mock.
  const { startMockServer } = await import('@casella/mock-server/server');
  const mock = await startMockServer({ seed: 'demo', host: '127.0.0.1', port: 0 });
  try {
    const session = await connectSession({
      url: mock.url,
      user: DEMO_ADMIN,
      password: DEMO_PASSWORD,
      pecUrl: `${mock.url}/pec`,
      profiles,
      demo: true,
      pecUser: DEMO_POSTMASTER,
      pecPassword: DEMO_PASSWORD,
    });
    return {
      ...session,
      async close() {
        await session.close();
        await mock.close();
      },
    };
  } catch (error) {
    await mock.close();
    throw error;
  }
}
