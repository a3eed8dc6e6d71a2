import { defineConfig } from 'vitest/config';

// CI asks for a JSON copy of the results (see .ci/run) to print one plain closing line.
const json = process.env.VITEST_JSON;

// In the repository, tests read the packages' TypeScript sources (the `@casella/source` export condition);
// the consumer test (test/consumer) checks the built, packed packages as a user installs them.
const conditions = ['@casella/source'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    // Frames stay plain text whatever the CI's terminal says (chalk level 0).
    env: { FORCE_COLOR: '0' },
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // The SDK's suite runs a second time over Zimbra's JSON SOAP (test/sdk/zimbra-fixtures.ts reads the wire).
    projects: [
      { extends: true, test: { name: 'all', include: ['test/**/*.test.{ts,tsx}'] } },
      {
        extends: true,
        test: {
          name: 'sdk-json',
          include: ['test/sdk/**/*.test.ts'],
          env: { FORCE_COLOR: '0', CASELLA_SDK_WIRE: 'json' },
        },
      },
    ],
    reporters: json ? ['default', 'json'] : ['default'],
    ...(json ? { outputFile: { json } } : {}),
  },
});
