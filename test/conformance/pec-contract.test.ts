import { readdirSync, readFileSync } from 'node:fs';
import type { MockServer } from '@casella/mock-server';
import { PEC_ERROR_CODES, PecPostmaster } from '@casella/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import type { PecSeed } from '../../mock-server/src/pec/index.ts';
import { PEC_OPERATIONS } from '../../mock-server/src/pec/operations.ts';
import { PEC_ERROR_STATUS } from '../../sdk/src/pec/codes.ts';
import { PecPasswordPolicySchema } from '../../sdk/src/pec/policy.ts';
import {
  PecDomainSchema,
  PecErrorEnvelopeSchema,
  PecMailboxPageSchema,
  PecMailboxSchema,
  PecPasswordResetSchema,
  PecSessionSchema,
} from '../../sdk/src/pec/schemas.ts';
import { deref, openApiProblems, shapeDifferences, shapeOf, validate } from '../pec/json-schema.ts';
import { startRecordingProxy } from '../pec/proxy.ts';
import {
  DEMO_PASSWORD,
  GOOD_PASSWORD,
  loginDemo,
  POSTMASTER,
  pecBackend,
  rawToken,
  startPecMock,
} from '../pec/support.ts';

interface Operation {
  operationId: string;
  'x-sdk-method': string;
  'x-error-codes': string[];
  responses: Record<string, unknown>;
  parameters?: unknown[];
  requestBody?: { content: { 'application/json': { schema: unknown } } };
  security?: unknown[];
}
interface Contract {
  paths: Record<string, Record<string, Operation> & { parameters?: unknown[] }>;
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
    .map(([method, op]) => ({ path, method: method.toUpperCase(), op: op as Operation })),
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

  it('is a structurally valid OpenAPI 3.1 document: every $ref resolves, every operation has responses', () => {
    expect(openApiProblems(contract)).toEqual([]);
  });

  it('describes every answer exactly as the SDK schemas read it: members, types, required, enums', () => {
    const pairs = [
      ['Session', PecSessionSchema],
      ['Domain', PecDomainSchema],
      ['PasswordPolicy', PecPasswordPolicySchema],
      ['Mailbox', PecMailboxSchema],
      ['MailboxPage', PecMailboxPageSchema],
      ['PasswordReset', PecPasswordResetSchema],
    ] as const;
    for (const [name, schema] of pairs) {
      const documented = shapeOf(contract, { $ref: `#/components/schemas/${name}` });
      const sdk = shapeOf({}, z.toJSONSchema(schema));
      expect(shapeDifferences(documented, sdk, name), name).toEqual([]);
    }
    // The SDK reads the error envelope leniently (a missing requestId or details is tolerated), but
    // member by member it must know exactly the documented ones.
    const names = (shape: ReturnType<typeof shapeOf>): string[] =>
      Object.entries(shape.properties ?? {}).flatMap(([k, v]) => [k, ...names(v).map((n) => `${k}.${n}`)]);
    const envelope = shapeOf({}, z.toJSONSchema(PecErrorEnvelopeSchema, { io: 'input' }));
    const documentedError = shapeOf(contract, { $ref: '#/components/schemas/Error' });
    expect(names(envelope).sort()).toEqual(names(documentedError).sort());
  });
});

/** An operation of the document, with its method and path template. */
const byId = new Map(operations.map((o) => [o.op.operationId, o]));
const pair = { password: GOOD_PASSWORD, passwordConfirm: GOOD_PASSWORD };
const AUTHENTICATED = PEC_OPERATIONS.filter((id) => id !== 'createSession');

/** A domain whose provider can do nothing but log in: every other operation answers 501. */
const NOTHING_SUPPORTED: PecSeed = {
  domains: [
    { name: 'pec.limitato.it', postmasterPassword: DEMO_PASSWORD, unsupportedOperations: AUTHENTICATED },
  ],
};

interface Call {
  readonly op: string;
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** A token of the demo postmaster is sent unless false. @default true */
  readonly auth?: boolean;
}

/** A valid call of each operation, on the demo seed. */
const BASE: Record<string, Call> = {
  createSession: {
    op: 'createSession',
    path: '/v1/sessions',
    body: { username: POSTMASTER, password: DEMO_PASSWORD },
    auth: false,
  },
  deleteSession: { op: 'deleteSession', path: '/v1/sessions/current' },
  getDomain: { op: 'getDomain', path: '/v1/domain' },
  getPasswordPolicy: { op: 'getPasswordPolicy', path: '/v1/password-policy' },
  searchMailboxes: { op: 'searchMailboxes', path: '/v1/mailboxes?q=a&page=1&pageSize=5' },
  getMailbox: { op: 'getMailbox', path: '/v1/mailboxes/fatture' },
  createMailbox: { op: 'createMailbox', path: '/v1/mailboxes', body: { localPart: 'gare', ...pair } },
  changeMailboxPassword: { op: 'changeMailboxPassword', path: '/v1/mailboxes/fatture/password', body: pair },
  resetMailboxPassword: { op: 'resetMailboxPassword', path: '/v1/mailboxes/fatture/password-reset' },
  deleteMailbox: { op: 'deleteMailbox', path: '/v1/mailboxes/fatture?confirm=fatture%40pec.example.it' },
};

/** One situation of the contract: what to set up, then the call whose answer is checked. */
interface Probe {
  readonly name: string;
  readonly call: Call;
  readonly target?: 'demo' | 'limited';
  readonly before?: (mock: MockServer, send: (c: Call) => Promise<Response>) => Promise<void> | void;
  /** Send an expired token instead of a fresh one. */
  readonly expiredToken?: boolean;
}

const call = (op: string, change: Partial<Call> = {}): Call => ({ ...(BASE[op] as Call), ...change });
const BAD_ENCODING = '%E0%A4%A';
const OTHER_DOMAIN = 'mario.rossi%40pec.altro.it';

const PROBES: Probe[] = [
  ...PEC_OPERATIONS.map((op) => ({ name: `${op}: success`, call: call(op) })),
  ...PEC_OPERATIONS.map((op) => ({
    name: `${op}: rate limited`,
    call: call(op),
    before: (mock: MockServer) => mock.backend.faults.set({ rateLimitRate: 1, retryAfterSeconds: 3 }),
  })),
  ...PEC_OPERATIONS.map((op) => ({
    name: `${op}: provider down`,
    call: call(op),
    before: (mock: MockServer) => pecBackend(mock).setProviderAvailable(false, 60),
  })),
  ...AUTHENTICATED.flatMap((op) => [
    { name: `${op}: no token`, call: call(op, { auth: false }) },
    { name: `${op}: expired token`, call: call(op), expiredToken: true },
    { name: `${op}: unsupported by the provider`, call: call(op), target: 'limited' as const },
  ]),
  { name: 'login: wrong types', call: call('createSession', { body: { username: 1 } }) },
  {
    name: 'login: wrong password',
    call: call('createSession', { body: { username: POSTMASTER, password: 'No-1!x' } }),
  },
  {
    name: 'login: not the postmaster',
    call: call('createSession', {
      body: { username: 'mario.rossi@pec.example.it', password: DEMO_PASSWORD },
    }),
  },
  {
    name: 'login: locked',
    call: call('createSession'),
    before: async (_mock, send) => {
      for (let i = 0; i < 5; i++)
        await send(call('createSession', { body: { username: POSTMASTER, password: `No-${i}!x` } }));
    },
  },
  { name: 'search: bad paging', call: call('searchMailboxes', { path: '/v1/mailboxes?page=0&pageSize=x' }) },
  { name: 'get: bad encoding', call: call('getMailbox', { path: `/v1/mailboxes/${BAD_ENCODING}` }) },
  { name: 'get: other domain', call: call('getMailbox', { path: `/v1/mailboxes/${OTHER_DOMAIN}` }) },
  { name: 'get: missing', call: call('getMailbox', { path: '/v1/mailboxes/nessuno' }) },
  { name: 'create: wrong types', call: call('createMailbox', { body: { localPart: 1 } }) },
  { name: 'create: invalid name', call: call('createMailbox', { body: { localPart: '-x.', ...pair } }) },
  {
    name: 'create: reserved name',
    call: call('createMailbox', { body: { localPart: 'PostMaster', ...pair } }),
  },
  {
    name: 'create: weak password',
    call: call('createMailbox', { body: { localPart: 'gare', password: 'weak', passwordConfirm: 'weak' } }),
  },
  {
    name: 'create: mismatch',
    call: call('createMailbox', {
      body: { localPart: 'gare', password: GOOD_PASSWORD, passwordConfirm: 'x' },
    }),
  },
  { name: 'create: exists', call: call('createMailbox', { body: { localPart: 'fatture', ...pair } }) },
  {
    name: 'create: key reused',
    call: call('createMailbox', {
      headers: { 'idempotency-key': 'k1' },
      body: { localPart: 'bandi', ...pair },
    }),
    before: async (_mock, send) =>
      void (await send(call('createMailbox', { headers: { 'idempotency-key': 'k1' } }))),
  },
  {
    name: 'create: replayed',
    call: call('createMailbox', { headers: { 'idempotency-key': 'k1' } }),
    before: async (_mock, send) =>
      void (await send(call('createMailbox', { headers: { 'idempotency-key': 'k1' } }))),
  },
  {
    name: 'create: limit reached',
    call: call('createMailbox'),
    before: async (_mock, send) => {
      for (let i = 1; i <= 7; i++)
        await send(call('createMailbox', { body: { localPart: `sede${i}`, ...pair } }));
    },
  },
  { name: 'change: wrong types', call: call('changeMailboxPassword', { body: { password: 1 } }) },
  {
    name: 'change: other domain',
    call: call('changeMailboxPassword', { path: `/v1/mailboxes/${OTHER_DOMAIN}/password` }),
  },
  {
    name: 'change: missing',
    call: call('changeMailboxPassword', { path: '/v1/mailboxes/nessuno/password' }),
  },
  {
    name: 'change: suspended',
    call: call('changeMailboxPassword', { path: '/v1/mailboxes/luca.esposito/password' }),
  },
  {
    name: 'change: weak',
    call: call('changeMailboxPassword', { body: { password: 'weak', passwordConfirm: 'weak' } }),
  },
  {
    name: 'change: mismatch',
    call: call('changeMailboxPassword', { body: { password: GOOD_PASSWORD, passwordConfirm: 'x' } }),
  },
  {
    name: 'reset: bad encoding',
    call: call('resetMailboxPassword', { path: `/v1/mailboxes/${BAD_ENCODING}/password-reset` }),
  },
  {
    name: 'reset: postmaster',
    call: call('resetMailboxPassword', { path: '/v1/mailboxes/postmaster/password-reset' }),
  },
  {
    name: 'reset: other domain',
    call: call('resetMailboxPassword', { path: `/v1/mailboxes/${OTHER_DOMAIN}/password-reset` }),
  },
  {
    name: 'reset: missing',
    call: call('resetMailboxPassword', { path: '/v1/mailboxes/nessuno/password-reset' }),
  },
  {
    name: 'reset: suspended',
    call: call('resetMailboxPassword', { path: '/v1/mailboxes/luca.esposito/password-reset' }),
  },
  { name: 'delete: step 1', call: call('deleteMailbox', { path: '/v1/mailboxes/fatture' }) },
  {
    name: 'delete: mismatch',
    call: call('deleteMailbox', { path: '/v1/mailboxes/fatture?confirm=acquisti%40pec.example.it' }),
  },
  { name: 'delete: bad encoding', call: call('deleteMailbox', { path: `/v1/mailboxes/${BAD_ENCODING}` }) },
  {
    name: 'delete: postmaster',
    call: call('deleteMailbox', { path: '/v1/mailboxes/postmaster?confirm=postmaster%40pec.example.it' }),
  },
  { name: 'delete: other domain', call: call('deleteMailbox', { path: `/v1/mailboxes/${OTHER_DOMAIN}` }) },
  {
    name: 'delete: missing',
    call: call('deleteMailbox', { path: '/v1/mailboxes/nessuno?confirm=nessuno%40pec.example.it' }),
  },
];

describe('pec-admin v1: the mock answers exactly as the document says', () => {
  let demo: MockServer;
  let limited: MockServer;
  /** Per operation: the statuses and error codes the mock answered. */
  const seen = new Map<string, { statuses: Set<string>; codes: Set<string> }>();
  beforeAll(async () => {
    demo = await startPecMock();
    limited = await startPecMock(NOTHING_SUPPORTED);
  });
  afterAll(async () => {
    await demo.close();
    await limited.close();
  });

  async function send(mock: MockServer, c: Call, token: string | undefined): Promise<Response> {
    const o = byId.get(c.op);
    const headers: Record<string, string> = { 'content-type': 'application/json', ...c.headers };
    if (c.auth !== false && token !== undefined) headers.authorization = `Bearer ${token}`;
    const body = c.body === undefined ? undefined : JSON.stringify(c.body);
    return fetch(`${mock.url}/pec${c.path}`, {
      method: o?.method ?? 'GET',
      headers,
      ...(body === undefined ? {} : { body }),
    });
  }

  it.each(PROBES.map((p) => [p.name, p] as const))('documents the answer to %s', async (_name, probe) => {
    const mock = probe.target === 'limited' ? limited : demo;
    mock.reset();
    const username = probe.target === 'limited' ? 'postmaster@pec.limitato.it' : POSTMASTER;
    const token = await rawToken(mock, username);
    if (probe.expiredToken) mock.backend.expireAllTokens();
    await probe.before?.(mock, (c) => send(mock, c, token));
    const res = await send(mock, probe.call, token);
    const o = byId.get(probe.call.op) as (typeof operations)[number];
    const status = String(res.status);
    expect(Object.keys(o.op.responses), `${probe.name}: status ${status} is not documented`).toContain(
      status,
    );
    const documented = deref(contract, o.op.responses[status]);
    for (const [name, header] of Object.entries((documented.headers ?? {}) as Record<string, unknown>)) {
      const h = deref(contract, header) as { required?: boolean; schema: unknown };
      const value = res.headers.get(name);
      if (value === null) {
        expect(h.required, `${probe.name}: header ${name} missing`).not.toBe(true);
        continue;
      }
      const typed =
        (deref(contract, h.schema) as { type?: string }).type === 'integer' ? Number(value) : value;
      expect(validate(contract, h.schema, typed, name), probe.name).toEqual([]);
    }
    const text = await res.text();
    const content = (documented.content as Record<string, { schema: unknown }> | undefined)?.[
      'application/json'
    ];
    if (content === undefined) expect(text, `${probe.name}: a body where none is documented`).toBe('');
    else {
      const body = JSON.parse(text) as { error?: { code: string } };
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(validate(contract, content.schema, body), probe.name).toEqual([]);
      if (body.error !== undefined) {
        expect(o.op['x-error-codes'], `${probe.name}: ${body.error.code} is not listed`).toContain(
          body.error.code,
        );
        expect(PEC_ERROR_STATUS[body.error.code as keyof typeof PEC_ERROR_STATUS]).toBe(res.status);
      }
      const entry = seen.get(o.op.operationId) ?? { statuses: new Set(), codes: new Set() };
      if (body.error !== undefined) entry.codes.add(body.error.code);
      seen.set(o.op.operationId, entry);
    }
    const entry = seen.get(o.op.operationId) ?? { statuses: new Set(), codes: new Set() };
    entry.statuses.add(status);
    seen.set(o.op.operationId, entry);
  });

  it('has seen, for each operation, every documented status and every listed error code', () => {
    for (const { op } of operations) {
      const entry = seen.get(op.operationId);
      expect([...(entry?.statuses ?? [])].sort(), op.operationId).toEqual(Object.keys(op.responses).sort());
      expect([...(entry?.codes ?? [])].sort(), op.operationId).toEqual([...op['x-error-codes']].sort());
    }
  });

  it('answers routing errors with the documented envelope', async () => {
    for (const [method, path, code] of [
      ['GET', '/pec/v1/nowhere', 'NOT_FOUND'],
      ['PATCH', '/pec/v1/domain', 'METHOD_NOT_ALLOWED'],
    ] as const) {
      const res = await fetch(`${demo.url}${path}`, { method });
      const body = (await res.json()) as { error: { code: string } };
      expect(validate(contract, { $ref: '#/components/schemas/Error' }, body)).toEqual([]);
      expect(body.error.code).toBe(code);
      expect(res.status).toBe(PEC_ERROR_STATUS[code]);
    }
  });
});

describe('pec-admin v1: the SDK sends exactly what the document says', () => {
  it('sends only documented paths, parameters, headers and bodies, for every operation', async () => {
    const mock = await startPecMock();
    const proxy = await startRecordingProxy(mock.url);
    try {
      const pec = await PecPostmaster.login({
        url: `${proxy.url}/pec`,
        username: POSTMASTER,
        password: DEMO_PASSWORD,
      });
      await pec.domain();
      await pec.passwordPolicy();
      for await (const m of pec.mailboxes.search({ q: 'A', pageSize: 3 })) void m;
      await pec.mailboxes.get('Fatture@pec.example.it');
      await pec.mailboxes.create({ localPart: 'gare', ...pair });
      await pec.mailboxes.changePassword('gare', pair);
      await pec.mailboxes.resetPassword('gare');
      const { confirmWith } = await pec.mailboxes.prepareDelete('gare');
      await pec.mailboxes.delete('gare', { confirm: confirmWith });
      await pec.logout();

      const used = new Set<string>();
      for (const e of proxy.exchanges) {
        const url = new URL(e.url, proxy.url);
        const path = url.pathname.replace(/^\/pec/, '');
        const o = operations.find(
          (x) => x.method === e.method && new RegExp(`^${x.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
        );
        expect(o, `${e.method} ${path} is not documented`).toBeDefined();
        if (o === undefined) continue;
        used.add(o.op.operationId);
        const where = `${o.op.operationId}`;
        const params = [...(contract.paths[o.path]?.parameters ?? []), ...(o.op.parameters ?? [])].map(
          (p) => deref(contract, p) as { name: string; in: string; schema: unknown; required?: boolean },
        );
        for (const [name, value] of url.searchParams) {
          const p = params.find((x) => x.in === 'query' && x.name === name);
          expect(p, `${where}: undocumented query parameter ${name}`).toBeDefined();
          const typed =
            (deref(contract, p?.schema) as { type?: string }).type === 'integer' ? Number(value) : value;
          expect(validate(contract, p?.schema, typed, name), where).toEqual([]);
        }
        for (const p of params.filter((x) => x.in === 'header')) {
          const value = e.headers[p.name.toLowerCase()];
          if (value !== undefined) expect(validate(contract, p.schema, value, p.name), where).toEqual([]);
        }
        const needsToken = o.op.security === undefined || o.op.security.length > 0;
        expect(e.headers.authorization?.startsWith('Bearer ') ?? false, `${where}: bearer token`).toBe(
          needsToken,
        );
        const schema = o.op.requestBody?.content['application/json'].schema;
        if (schema === undefined) expect(e.body, `${where}: a body where none is documented`).toBe('');
        else expect(validate(contract, schema, JSON.parse(e.body)), where).toEqual([]);
      }
      expect([...used].sort()).toEqual([...PEC_OPERATIONS].sort());
    } finally {
      await proxy.close();
      await mock.close();
    }
  });
});
