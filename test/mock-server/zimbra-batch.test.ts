import { describe, expect, it } from 'vitest';
import { soap, useMock } from './soap-helpers.ts';

const batch = (onerror: string) =>
  `<BatchRequest xmlns="urn:zimbra" onerror="${onerror}">` +
  '<GetAccountRequest xmlns="urn:zimbraAdmin" requestId="1" attrs="displayName"><account by="name">mario.rossi@example.com</account></GetAccountRequest>' +
  '<GetAccountRequest xmlns="urn:zimbraAdmin" requestId="2"><account by="name">ghost@example.com</account></GetAccountRequest>' +
  '<CreateAccountRequest xmlns="urn:zimbraAdmin" requestId="3"><name>batch.one@example.com</name></CreateAccountRequest>' +
  '</BatchRequest>';

describe('Zimbra mock: BatchRequest', () => {
  const demo = useMock({ resetEach: true, adminToken: true });

  it('answers each child in order with its requestId, a fault in place of a failure, over HTTP 200', async () => {
    const answer = await soap(demo.mock.url, batch('continue'), demo.token);
    expect(answer.status).toBe(200);
    expect(answer.text).toMatch(
      /<soap:Body><BatchResponse xmlns="urn:zimbra"><GetAccountResponse xmlns="urn:zimbraAdmin" requestId="1"><account name="mario.rossi@example.com"[^>]*><a n="displayName">Mario Rossi<\/a><\/account><\/GetAccountResponse><soap:Fault requestId="2"><soap:Code><soap:Value>soap:Sender<\/soap:Value><\/soap:Code><soap:Reason><soap:Text>no such account: ghost@example.com<\/soap:Text><\/soap:Reason><soap:Detail><Error xmlns="urn:zimbra"><Code>account.NO_SUCH_ACCOUNT<\/Code>/,
    );
    expect(answer.text).toMatch(
      /<CreateAccountResponse xmlns="urn:zimbraAdmin" requestId="3"><account name="batch.one@example.com"/,
    );
  });

  it('stops after the first fault when onerror is stop', async () => {
    const answer = await soap(demo.mock.url, batch('stop'), demo.token);
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('<soap:Fault requestId="2">');
    expect(answer.text).not.toContain('CreateAccountResponse');
    const check = await soap(
      demo.mock.url,
      '<GetAccountRequest xmlns="urn:zimbraAdmin"><account by="name">batch.one@example.com</account></GetAccountRequest>',
      demo.token,
    );
    expect(check.status).toBe(500);
  });

  it('checks authentication per child', async () => {
    const answer = await soap(demo.mock.url, batch('continue'));
    expect(answer.status).toBe(200);
    expect(answer.text.match(/<Code>service.AUTH_REQUIRED<\/Code>/g)).toHaveLength(3);
  });
});
