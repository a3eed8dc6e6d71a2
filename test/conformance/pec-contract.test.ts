import { readdirSync, readFileSync } from 'node:fs';
import type { MockServer } from '@casella/mock-server';
import { PEC_ERROR_CODES, PecPostmaster } from '@casella/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PEC_OPERATIONS } from '../../mock-server/src/pec/operations.ts';
import { PEC_ERROR_STATUS } from '../../sdk/src/pec/codes.ts';
import { PecPasswordPolicySchema } from '../../sdk/src/pec/policy.ts';
import {
  PecDomainSchema,
  PecMailboxPageSchema,
  PecMailboxSchema,
  PecPasswordResetSchema,
  PecSessionSchema,
} from '../../sdk/src/pec/schemas.ts';
import { loginDemo, rawToken, startPecMock } from '../pec/support.ts';

interface Operation {
  operationId: string;
  'x-sdk-method': string;
  'x-error-codes': string[];
  responses: Record<string, unknown>;
}
interface Contract {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { required?: string[]; enum?: string[] }> };
  'x-routing-error-codes': string[];
}

const contract = parse(
  readFileSync(new URL('../../docs/pec-admin.openapi.yaml', import.meta.url), 'utf8'),
) as Contract;
const METHODS = ['get', 'post', 'put', 'delete', 'patch'];
const operations = Object.entries(contract.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => METHODS.includes(method))
    .map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
);
const enumCodes = contract.components.schemas.ErrorCode?.enum ?? [];

/** The source text of a folder's .ts files. */
function sources(folder: string): string {
  const dir = new URL(folder, import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(new URL(f, `${dir.href}/`), 'utf8'))
    .join('\n');
}

describe('pec-admin v1 contract conformance', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startPecMock();
  });
  afterAll(() => mock.close());

  it('lists the same operations as the mock routes', () => {
    expect(operations.map((o) => o.op.operationId).sort()).toEqual([...PEC_OPERATIONS].sort());
  });

  it.each(operations.map((o) => [o.op.operationId, o] as const))(
    'has %s implemented by the mock',
    async (_id, o) => {
      const token = await rawToken(mock);
      const url = `${mock.url}/pec${o.path.replace('{localPart}', 'mario.rossi')}`;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (o.path !== '/v1/sessions') headers.authorization = `Bearer ${token}`;
      const body = o.method === 'POST' || o.method === 'PUT' ? '{}' : undefined;
      const res = await fetch(url, { method: o.method, headers, ...(body === undefined ? {} : { body }) });
      const answer = res.status === 204 ? undefined : ((await res.json()) as { error?: { code: string } });
      expect(res.headers.get('x-request-id')).toBeTruthy();
      expect(['NOT_FOUND', 'METHOD_NOT_ALLOWED']).not.toContain(answer?.error?.code);
      expect(Object.keys(o.op.responses)).toContain(String(res.status));
    },
  );

  it('has every operation exposed by the SDK', async () => {
    const pec = await loginDemo(mock);
    for (const { op } of operations) {
      const [owner, ...rest] = op['x-sdk-method'].split('.');
      let target: unknown = owner === 'PecPostmaster' ? PecPostmaster : pec;
      for (const key of owner === 'PecPostmaster' ? rest : [owner, ...rest]) {
        target = (target as Record<string, unknown>)[key as string];
      }
      expect(typeof target, `${op.operationId} → ${op['x-sdk-method']}`).toBe('function');
    }
  });

  it('has an error code enum equal to the codes the SDK knows', () => {
    expect([...enumCodes].sort()).toEqual([...PEC_ERROR_CODES].sort());
  });

  it("documents, for each operation, a response with each of its codes' status", () => {
    for (const { op } of operations) {
      for (const code of op['x-error-codes']) {
        expect(enumCodes, `${op.operationId}: ${code}`).toContain(code);
        const status = String(PEC_ERROR_STATUS[code as keyof typeof PEC_ERROR_STATUS]);
        expect(Object.keys(op.responses), `${op.operationId}: ${code} needs ${status}`).toContain(status);
      }
    }
  });

  it('reaches every error code from some operation or from routing', () => {
    const reachable = new Set([
      ...operations.flatMap((o) => o.op['x-error-codes']),
      ...contract['x-routing-error-codes'],
    ]);
    expect([...reachable].sort()).toEqual([...enumCodes].sort());
  });

  it('has every error code produced by the mock and exercised by a test', () => {
    const mockSource =
      sources('../../mock-server/src/pec') +
      readFileSync(new URL('../../mock-server/src/backend.ts', import.meta.url), 'utf8');
    const testSource = sources('../pec');
    for (const code of enumCodes) {
      expect(mockSource, `mock never produces ${code}`).toContain(`'${code}'`);
      expect(testSource, `no test exercises ${code}`).toContain(code);
    }
  });

  it('requires the same members of each answer as the SDK schemas', () => {
    const schemas = contract.components.schemas;
    const pairs = [
      ['Session', PecSessionSchema],
      ['Domain', PecDomainSchema],
      ['PasswordPolicy', PecPasswordPolicySchema],
      ['Mailbox', PecMailboxSchema],
      ['MailboxPage', PecMailboxPageSchema],
      ['PasswordReset', PecPasswordResetSchema],
    ] as const;
    for (const [name, schema] of pairs) {
      expect([...(schemas[name]?.required ?? [])].sort(), name).toEqual(Object.keys(schema.shape).sort());
    }
  });
});
