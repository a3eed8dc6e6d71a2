import { createHash } from 'node:crypto';
import type { PecOperationId } from './operations.ts';
import { hashPassword, type PasswordHash, temporaryPassword, verifyPassword } from './passwords.ts';
import { PecRefusal } from './refusal.ts';
import {
  isReservedLocalPart,
  localPartFailures,
  normalizeLocalPart,
  PEC_PASSWORD_POLICY,
  passwordFailures,
} from './rules.ts';
import type { PecDomainSeed, PecSeed, PecStatus } from './seed.ts';

/** A PEC su dominio mailbox has a fixed 1 GiB. */
export const MAILBOX_QUOTA_BYTES = 1_073_741_824;
/** How long a create's Idempotency-Key is remembered. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** A mailbox as the provider keeps it: a password hash, never the clear text. */
export interface MailboxRecord {
  readonly localPart: string;
  readonly role: 'postmaster' | 'user';
  status: PecStatus;
  usedBytes: number;
  readonly createdAt: string;
  password: PasswordHash;
  mustChangeAtNextLogin: boolean;
}

interface IdempotentResult {
  readonly fingerprint: string;
  readonly mailbox: MailboxRecord;
  readonly at: number;
}

/** One PEC domain: its mailboxes (postmaster included) and its remembered idempotent creates. */
export interface DomainState {
  readonly name: string;
  readonly status: PecStatus;
  readonly mailboxLimit: number | null;
  readonly unsupported: ReadonlySet<PecOperationId>;
  readonly mailboxes: Map<string, MailboxRecord>;
  readonly idempotency: Map<string, IdempotentResult>;
}

function buildDomain(seed: PecDomainSeed): DomainState {
  const mailboxes = new Map<string, MailboxRecord>();
  const record = (localPart: string, role: MailboxRecord['role'], password: string) => ({
    localPart,
    role,
    status: 'active' as PecStatus,
    usedBytes: 0,
    createdAt: '2026-01-01T09:00:00Z',
    password: hashPassword(password),
    mustChangeAtNextLogin: false,
  });
  mailboxes.set('postmaster', {
    ...record('postmaster', 'postmaster', seed.postmasterPassword),
    usedBytes: 3_145_728,
  });
  for (const m of seed.mailboxes ?? []) {
    const base = record(normalizeLocalPart(m.localPart), 'user', m.password);
    mailboxes.set(base.localPart, {
      ...base,
      status: m.status ?? 'active',
      usedBytes: m.usedBytes ?? 0,
      createdAt: m.createdAt ?? base.createdAt,
    });
  }
  return {
    name: seed.name.toLowerCase(),
    status: seed.status ?? 'active',
    mailboxLimit: seed.mailboxLimit ?? null,
    unsupported: new Set(seed.unsupportedOperations ?? []),
    mailboxes,
    idempotency: new Map(),
  };
}

/** Builds every domain of a seed, keyed by domain name. */
export function buildDomains(seed: PecSeed | undefined): Map<string, DomainState> {
  return new Map((seed?.domains ?? []).map((d) => [d.name.toLowerCase(), buildDomain(d)]));
}

/** The contract's Mailbox representation; `capabilities` are computed here, the hash never leaves. */
export function mailboxView(domain: DomainState, m: MailboxRecord): Record<string, unknown> {
  const active = m.status === 'active';
  const user = m.role === 'user';
  return {
    address: `${m.localPart}@${domain.name}`,
    localPart: m.localPart,
    role: m.role,
    status: m.status,
    quota: { limitBytes: MAILBOX_QUOTA_BYTES, usedBytes: m.usedBytes },
    createdAt: m.createdAt,
    capabilities: { changePassword: active, resetPassword: user && active, delete: user },
  };
}

/** Throws `404 MAILBOX_NOT_FOUND` unless the mailbox exists. */
export function findMailbox(domain: DomainState, localPart: string): MailboxRecord {
  const mailbox = domain.mailboxes.get(localPart);
  if (mailbox === undefined) {
    throw new PecRefusal(404, 'MAILBOX_NOT_FOUND', `No mailbox ${localPart}@${domain.name}`);
  }
  return mailbox;
}

/** The password checks shared by create and change: every failed policy rule, then the confirmation. */
function checkNewPassword(password: string, passwordConfirm: string): void {
  const failures = passwordFailures(password, PEC_PASSWORD_POLICY);
  if (failures.length > 0) {
    throw new PecRefusal(422, 'PASSWORD_POLICY_VIOLATION', 'The password does not meet the policy', {
      details: failures,
    });
  }
  if (password !== passwordConfirm) {
    throw new PecRefusal(422, 'PASSWORD_MISMATCH', 'The password and its confirmation differ', {
      details: [{ field: 'passwordConfirm', rule: 'matchesPassword', message: 'must equal password' }],
    });
  }
}

/** What `POST /v1/mailboxes` receives, after the type checks. */
export interface CreateMailboxInput {
  readonly localPart: string;
  readonly password: string;
  readonly passwordConfirm: string;
}

/**
 * Creates a mailbox, or replays the first result of the same Idempotency-Key.
 * Order of checks: key reuse, local part, reserved, password policy, confirmation, exists, limit.
 */
export function createMailbox(
  domain: DomainState,
  input: CreateMailboxInput,
  idempotencyKey: string | undefined,
): { mailbox: MailboxRecord; replayed: boolean } {
  const localPart = normalizeLocalPart(input.localPart);
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([localPart, input.password, input.passwordConfirm]))
    .digest('hex');
  if (idempotencyKey !== undefined) {
    const earlier = domain.idempotency.get(idempotencyKey);
    if (earlier !== undefined && Date.now() - earlier.at < IDEMPOTENCY_TTL_MS) {
      if (earlier.fingerprint === fingerprint) return { mailbox: earlier.mailbox, replayed: true };
      throw new PecRefusal(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with another body', {
        details: [{ field: 'Idempotency-Key', rule: 'sameBody', message: 'use a new key for a new request' }],
      });
    }
  }
  const failures = localPartFailures(localPart);
  if (failures.length > 0) {
    throw new PecRefusal(422, 'INVALID_LOCAL_PART', 'The mailbox name is not valid', { details: failures });
  }
  if (isReservedLocalPart(localPart)) {
    throw new PecRefusal(422, 'RESERVED_LOCAL_PART', `The name ${localPart} is reserved`, {
      details: [{ field: 'localPart', rule: 'reserved', message: 'reserved by the provider' }],
    });
  }
  checkNewPassword(input.password, input.passwordConfirm);
  if (domain.mailboxes.has(localPart)) {
    throw new PecRefusal(409, 'MAILBOX_EXISTS', `The mailbox ${localPart}@${domain.name} already exists`);
  }
  if (domain.mailboxLimit !== null && domain.mailboxes.size >= domain.mailboxLimit) {
    throw new PecRefusal(403, 'MAILBOX_LIMIT_REACHED', 'The domain has no free mailbox left', {
      details: [{ rule: 'mailboxLimit', message: `at most ${domain.mailboxLimit} mailboxes` }],
    });
  }
  const mailbox: MailboxRecord = {
    localPart,
    role: 'user',
    status: 'active',
    usedBytes: 0,
    createdAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    password: hashPassword(input.password),
    mustChangeAtNextLogin: false,
  };
  domain.mailboxes.set(localPart, mailbox);
  if (idempotencyKey !== undefined)
    domain.idempotency.set(idempotencyKey, { fingerprint, mailbox, at: Date.now() });
  return { mailbox, replayed: false };
}

/** Sets a new password on an active mailbox. */
export function changePassword(
  domain: DomainState,
  localPart: string,
  password: string,
  confirm: string,
): void {
  const mailbox = findMailbox(domain, localPart);
  if (mailbox.status !== 'active') throw notActive(domain, mailbox);
  checkNewPassword(password, confirm);
  mailbox.password = hashPassword(password);
  mailbox.mustChangeAtNextLogin = false;
}

/** Replaces the password of an active, non-postmaster mailbox with a temporary one, returned once. */
export function resetPassword(domain: DomainState, localPart: string): string {
  const mailbox = findMailbox(domain, localPart);
  if (mailbox.role === 'postmaster') throw postmasterProtected('reset');
  if (mailbox.status !== 'active') throw notActive(domain, mailbox);
  const temporary = temporaryPassword();
  mailbox.password = hashPassword(temporary);
  mailbox.mustChangeAtNextLogin = true;
  return temporary;
}

/** Step 1 without `confirm` answers 428 with the warnings; step 2 deletes when `confirm` is the address. */
export function deleteMailbox(domain: DomainState, localPart: string, confirm: string | null): void {
  const mailbox = findMailbox(domain, localPart);
  if (mailbox.role === 'postmaster') throw postmasterProtected('delete');
  const address = `${mailbox.localPart}@${domain.name}`;
  if (confirm === null) {
    throw new PecRefusal(428, 'CONFIRMATION_REQUIRED', `Deleting ${address} needs an explicit confirmation`, {
      confirmWith: address,
      details: [
        { rule: 'irreversible', message: 'Deletion is irreversible.' },
        { rule: 'contentLost', message: 'All messages and receipts in the mailbox are lost.' },
        {
          rule: 'sameHolderOnly',
          message: 'The same name can be created again only for the same holder (AgID rule).',
        },
        { rule: 'logKept', message: 'The provider keeps only the operations log, for 30 months.' },
      ],
    });
  }
  if (confirm.toLowerCase() !== address) {
    throw new PecRefusal(422, 'CONFIRMATION_MISMATCH', 'The confirmation is not the mailbox address', {
      confirmWith: address,
      details: [{ field: 'confirm', rule: 'matchesAddress', message: `must be ${address}` }],
    });
  }
  domain.mailboxes.delete(localPart);
}

/** True when the password opens the mailbox. */
export function passwordMatches(mailbox: MailboxRecord, password: string): boolean {
  return verifyPassword(password, mailbox.password);
}

function notActive(domain: DomainState, m: MailboxRecord): PecRefusal {
  return new PecRefusal(
    409,
    'MAILBOX_NOT_ACTIVE',
    `The mailbox ${m.localPart}@${domain.name} is ${m.status}`,
    {
      details: [{ rule: 'status', message: `status is ${m.status}` }],
    },
  );
}

function postmasterProtected(action: 'reset' | 'delete'): PecRefusal {
  return new PecRefusal(
    403,
    'POSTMASTER_PROTECTED',
    `The postmaster mailbox cannot be ${action === 'reset' ? 'reset' : 'deleted'}`,
  );
}
