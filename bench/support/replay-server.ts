// A loopback server that replays answers recorded from the mock, so that a client bench measures only
// the client. Run as a child process: prints `listening <url>` on stdout, stops on SIGTERM.
//   node --import tsx bench/support/replay-server.ts
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMockServer } from '@casella/mock-server';

const PASSWORD = 'Casella-Demo-1!';
const SOAP = 'http://www.w3.org/2003/05/soap-envelope';

async function post(url: string, body: string): Promise<string> {
  const res = await fetch(`${url}/service/admin/soap`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/soap+xml' },
  });
  return res.text();
}

/** Records one AuthResponse and one CreateAccountResponse in each wire from a fresh demo mock. */
async function record() {
  const mock = await startMockServer({ seed: 'demo' });
  try {
    const authXml = await post(
      mock.url,
      `<soap:Envelope xmlns:soap="${SOAP}"><soap:Header><context xmlns="urn:zimbra"/></soap:Header><soap:Body><AuthRequest xmlns="urn:zimbraAdmin"><name>admin@example.com</name><password>${PASSWORD}</password></AuthRequest></soap:Body></soap:Envelope>`,
    );
    const token = /<authToken>([^<]+)</.exec(authXml)?.[1] ?? '';
    const create = (name: string, json: boolean) =>
      json
        ? JSON.stringify({
            Header: { context: { _jsns: 'urn:zimbra', authToken: { _content: token } } },
            Body: {
              CreateAccountRequest: {
                _jsns: 'urn:zimbraAdmin',
                name: { _content: name },
                password: { _content: 'Bench-Pass-42!' },
                a: [
                  { n: 'givenName', _content: 'Anna' },
                  { n: 'sn', _content: 'Verdi' },
                  { n: 'displayName', _content: 'Anna Verdi' },
                ],
              },
            },
          })
        : `<soap:Envelope xmlns:soap="${SOAP}"><soap:Header><context xmlns="urn:zimbra"><authToken>${token}</authToken></context></soap:Header><soap:Body><CreateAccountRequest xmlns="urn:zimbraAdmin"><name>${name}</name><password>Bench-Pass-42!</password><a n="givenName">Anna</a><a n="sn">Verdi</a><a n="displayName">Anna Verdi</a></CreateAccountRequest></soap:Body></soap:Envelope>`;
    const authJson = await post(
      mock.url,
      JSON.stringify({
        Header: { context: { _jsns: 'urn:zimbra' } },
        Body: {
          AuthRequest: {
            _jsns: 'urn:zimbraAdmin',
            name: { _content: 'admin@example.com' },
            password: { _content: PASSWORD },
          },
        },
      }),
    );
    return {
      authXml,
      authJson,
      createXml: await post(mock.url, create('replay.one@example.com', false)),
      createJson: await post(mock.url, create('replay.two@example.com', true)),
    };
  } finally {
    await mock.close();
  }
}

const answers = await record();
const createElementXml =
  /<CreateAccountResponse[\s\S]*<\/CreateAccountResponse>/.exec(answers.createXml)?.[0] ?? '';
const createElementJson = (
  JSON.parse(answers.createJson) as { Body: { CreateAccountResponse: Record<string, unknown> } }
).Body.CreateAccountResponse;

function batchXml(ids: readonly string[]): string {
  const items = ids.map((id) =>
    createElementXml.replace('<CreateAccountResponse ', `<CreateAccountResponse requestId="${id}" `),
  );
  return `<soap:Envelope xmlns:soap="${SOAP}"><soap:Header><context xmlns="urn:zimbra"/></soap:Header><soap:Body><BatchResponse xmlns="urn:zimbra">${items.join('')}</BatchResponse></soap:Body></soap:Envelope>`;
}

function batchJson(ids: readonly string[]): string {
  return JSON.stringify({
    Header: { context: { _jsns: 'urn:zimbra' } },
    Body: {
      BatchResponse: {
        _jsns: 'urn:zimbra',
        CreateAccountResponse: ids.map((requestId) => ({ ...createElementJson, requestId })),
      },
    },
    _jsns: 'urn:zimbraSoap',
  });
}

function requestIds(body: string, json: boolean): string[] {
  if (!json) return [...body.matchAll(/requestId="([^"]+)"/g)].map((m) => m[1] ?? '');
  const batch = (JSON.parse(body) as { Body: { BatchRequest: Record<string, unknown> } }).Body.BatchRequest;
  const out: string[] = [];
  for (const value of Object.values(batch)) {
    if (Array.isArray(value))
      for (const item of value) out.push(String((item as { requestId?: unknown }).requestId));
  }
  return out;
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const json = body.trimStart().startsWith('{');
    let answer: string;
    if (body.includes('BatchRequest'))
      answer = json ? batchJson(requestIds(body, true)) : batchXml(requestIds(body, false));
    else if (body.includes('AuthRequest')) answer = json ? answers.authJson : answers.authXml;
    else if (body.includes('EndSessionRequest'))
      answer = json
        ? JSON.stringify({
            Body: { EndSessionResponse: { _jsns: 'urn:zimbraAccount' } },
            _jsns: 'urn:zimbraSoap',
          })
        : `<soap:Envelope xmlns:soap="${SOAP}"><soap:Body><EndSessionResponse xmlns="urn:zimbraAccount"/></soap:Body></soap:Envelope>`;
    else answer = json ? answers.createJson : answers.createXml;
    res.writeHead(200, {
      'content-type': json ? 'text/javascript; charset=utf-8' : 'application/soap+xml; charset=utf-8',
    });
    res.end(answer);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(
    `listening http://127.0.0.1:${port} ${Buffer.byteLength(answers.createXml)} ${Buffer.byteLength(answers.createJson)}`,
  );
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
