import type { AccountSeed, ZimbraSeed } from './seed-types.ts';

/** Password of every demo account. */
export const DEMO_PASSWORD = 'Casella-Demo-1!';

/** Fixed COS ids of the demo seed (the `default` one is Zimbra's well-known default COS id). */
export const DEMO_COS_IDS = {
  default: 'e00428a1-0c00-11d9-836a-000d93afea2a',
  Standard: '3f1c2b9e-5a47-4d3e-9b21-6c1d0e5a7f01',
  Professional: '8a2d4c6e-1b3f-4a5d-8e7f-9c0b1d2e3f02',
} as const;

/** Fixed domain ids of the demo seed. */
export const DEMO_DOMAIN_IDS = {
  'example.com': '5b7e9d1f-2c4a-4e6b-8d0f-1a3c5e7b9d11',
  'oldshop.it': '6c8f0e2a-3d5b-4f7c-9e1a-2b4d6f8a0c22',
} as const;

const GiB = 1024 ** 3;

const POLICY = {
  zimbraPasswordMinLength: '8',
  zimbraPasswordMaxLength: '64',
  zimbraPasswordMinUpperCaseChars: '1',
  zimbraPasswordMinLowerCaseChars: '1',
  zimbraPasswordMinNumericChars: '1',
  zimbraPasswordMinPunctuationChars: '1',
} as const;

const STANDARD_PEOPLE = [
  'Mario Rossi',
  'Luca Ferrari',
  'Giuseppe Russo',
  'Francesca Romano',
  'Alessandro Colombo',
  'Chiara Ricci',
  'Marco Marino',
  'Sara Greco',
  'Andrea Bruno',
  'Elena Gallo',
  'Davide Conti',
  'Valentina De Luca',
  'Matteo Mancini',
  'Federica Costa',
  'Simone Giordano',
  'Martina Rizzo',
  'Lorenzo Lombardi',
  'Silvia Moretti',
  'Stefano Barbieri',
  'Paola Fontana',
  'Roberto Santoro',
  'Anna Mariani',
  'Fabio Rinaldi',
  'Laura Caruso',
  'Paolo Ferrara',
  'Giorgia Galli',
  'Antonio Martini',
  'Elisa Leone',
] as const;

const PROFESSIONAL_PEOPLE = [
  'Giulia Bianchi',
  'Francesco Esposito',
  'Alessia Villa',
  'Riccardo Serra',
  'Beatrice Conte',
  'Tommaso Pellegrini',
  'Camilla Vitale',
  'Nicola Marchetti',
  'Ilaria Fabbri',
  'Emanuele Ferri',
] as const;

/** The demo mailbox that is `locked`, and the one that is `closed`. */
export const DEMO_LOCKED = 'fabio.rinaldi@example.com';
export const DEMO_CLOSED = 'elisa.leone@example.com';

function person(fullName: string, domain: string, cos: string, quota: number, i: number): AccountSeed {
  const [givenName, ...rest] = fullName.split(' ') as [string, ...string[]];
  const sn = rest.join(' ');
  const name = `${givenName}.${sn.replace(/\s+/g, '')}@${domain}`.toLowerCase();
  // Deterministic, varied usage between ~3% and ~96% of the quota.
  const usageBytes = Math.floor((quota * (3 + ((i * 37) % 94))) / 100);
  const status = name === DEMO_LOCKED ? 'locked' : name === DEMO_CLOSED ? 'closed' : 'active';
  return {
    name,
    password: DEMO_PASSWORD,
    cos,
    usageBytes,
    attrs: { givenName, sn, displayName: fullName, zimbraAccountStatus: status },
  };
}

/** The demo directory every engineer relies on (see the shared seed facts). */
export function demoSeed(): ZimbraSeed {
  return {
    coses: [
      {
        id: DEMO_COS_IDS.default,
        name: 'default',
        isDefault: true,
        attrs: { description: 'The default COS', zimbraMailQuota: '0', zimbraPasswordLocked: 'FALSE' },
      },
      {
        id: DEMO_COS_IDS.Standard,
        name: 'Standard',
        attrs: { description: 'Casella Standard', zimbraMailQuota: String(5 * GiB), ...POLICY },
      },
      {
        id: DEMO_COS_IDS.Professional,
        name: 'Professional',
        attrs: { description: 'Casella Professional', zimbraMailQuota: String(50 * GiB), ...POLICY },
      },
    ],
    domains: [
      {
        id: DEMO_DOMAIN_IDS['example.com'],
        name: 'example.com',
        attrs: {
          zimbraDomainStatus: 'active',
          zimbraDomainDefaultCOSId: DEMO_COS_IDS.Standard,
          zimbraDomainMaxAccounts: '60',
          zimbraDomainCOSMaxAccounts: [`${DEMO_COS_IDS.Standard}:40`, `${DEMO_COS_IDS.Professional}:10`],
        },
      },
      {
        id: DEMO_DOMAIN_IDS['oldshop.it'],
        name: 'oldshop.it',
        attrs: { zimbraDomainStatus: 'suspended', zimbraDomainDefaultCOSId: DEMO_COS_IDS.Standard },
      },
    ],
    accounts: [
      {
        name: 'admin@example.com',
        password: DEMO_PASSWORD,
        cos: 'default',
        attrs: {
          zimbraIsAdminAccount: 'TRUE',
          displayName: 'Amministratore',
          givenName: 'Admin',
          sn: 'Casella',
        },
      },
      {
        name: 'domainadmin@example.com',
        password: DEMO_PASSWORD,
        cos: 'default',
        attrs: {
          zimbraIsDelegatedAdminAccount: 'TRUE',
          zimbraDomainAdminMaxMailQuota: '0',
          displayName: 'Amministratore dominio',
          givenName: 'Domain',
          sn: 'Admin',
        },
      },
      ...STANDARD_PEOPLE.map((p, i) => person(p, 'example.com', 'Standard', 5 * GiB, i)),
      ...PROFESSIONAL_PEOPLE.map((p, i) => person(p, 'example.com', 'Professional', 50 * GiB, i + 50)),
      ...['Carlo Verdi', 'Info Oldshop', 'Ordini Oldshop'].map((p, i) =>
        person(p, 'oldshop.it', 'Standard', 5 * GiB, i + 90),
      ),
    ],
    grants: [
      // What a hosting provider grants its customers: the stock combo plus quota usage and the COSes they sell.
      {
        grantee: 'domainadmin@example.com',
        targetType: 'domain',
        target: 'example.com',
        right: 'domainAdminRights',
      },
      {
        grantee: 'domainadmin@example.com',
        targetType: 'domain',
        target: 'example.com',
        right: 'getDomainQuotaUsage',
      },
      ...(['Standard', 'Professional'] as const).flatMap((cos) =>
        ['assignCos', 'listCos', 'getCos'].map((right) => ({
          grantee: 'domainadmin@example.com',
          targetType: 'cos' as const,
          target: cos,
          right,
        })),
      ),
    ],
  };
}
