import type { PecOperationId } from './operations.ts';

/** Statuses a PEC domain or mailbox can have in pec-admin v1. */
export type PecStatus = 'active' | 'suspended' | 'expired';

/** One mailbox of a seed. Passwords are plain text here and hashed when the state is built. */
export interface PecMailboxSeed {
  readonly localPart: string;
  readonly password: string;
  /** @default 'active' */
  readonly status?: PecStatus;
  /** @default 0 */
  readonly usedBytes?: number;
  /** RFC 3339. @default '2026-01-01T09:00:00Z' */
  readonly createdAt?: string;
}

/** One PEC domain of a seed, with its postmaster and mailboxes. */
export interface PecDomainSeed {
  /** e.g. `pec.example.it`. */
  readonly name: string;
  /** @default 'active' */
  readonly status?: PecStatus;
  /** Most mailboxes the domain may hold, the postmaster included; null for no limit. @default null */
  readonly mailboxLimit?: number | null;
  readonly postmasterPassword: string;
  readonly mailboxes?: readonly PecMailboxSeed[];
  /** Operations this domain's provider cannot do: they answer `501 NOT_SUPPORTED_BY_PROVIDER`. */
  readonly unsupportedOperations?: readonly PecOperationId[];
}

/** The pec part of a seed (a JSON seed file's `pec` member has this shape). */
export interface PecSeed {
  readonly domains: readonly PecDomainSeed[];
}

/** The password of every demo account. */
const DEMO_PASSWORD = 'Casella-Demo-1!';
const MiB = 1024 * 1024;

const DEMO_MAILBOXES: readonly [string, number, string, PecStatus?][] = [
  ['acquisti', 12 * MiB, '2025-03-04T08:30:00Z'],
  ['amministrazione', 412 * MiB, '2024-02-12T09:00:00Z'],
  ['anna.ferrari', 37 * MiB, '2025-06-18T14:10:00Z'],
  ['fatture', 803 * MiB, '2024-02-12T09:05:00Z'],
  ['francesca.romano', 2 * MiB, '2026-01-09T11:45:00Z'],
  ['giulia.bianchi', 95 * MiB, '2024-09-30T16:20:00Z'],
  ['giuseppe.verdi', 150 * MiB, '2024-05-21T10:00:00Z'],
  ['luca.esposito', 64 * MiB, '2023-11-02T08:00:00Z', 'suspended'],
  ['mario.rossi', 5 * MiB, '2024-02-12T10:00:00Z'],
  ['protocollo', 1010 * MiB, '2024-02-12T09:10:00Z'],
  ['risorse-umane', 21 * MiB, '2025-01-15T13:00:00Z'],
  ['ufficio_legale', 288 * MiB, '2024-07-01T07:45:00Z'],
];

/** Named PEC seeds. */
export const pecSeeds = {
  /**
   * `pec.example.it` (active, limit 20): the postmaster and twelve mailboxes, one (`luca.esposito`)
   * suspended; every password is `Casella-Demo-1!`.
   */
  demo: (): PecSeed => ({
    domains: [
      {
        name: 'pec.example.it',
        status: 'active',
        mailboxLimit: 20,
        postmasterPassword: DEMO_PASSWORD,
        mailboxes: DEMO_MAILBOXES.map(([localPart, usedBytes, createdAt, status]) => ({
          localPart,
          password: DEMO_PASSWORD,
          usedBytes,
          createdAt,
          status: status ?? 'active',
        })),
      },
    ],
  }),
  /** No PEC domain at all. */
  empty: (): PecSeed => ({ domains: [] }),
};
