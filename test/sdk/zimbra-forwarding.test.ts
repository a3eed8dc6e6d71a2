import { ValidationError } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { failure, useDemoAdmin } from './zimbra-fixtures.ts';

describe('admin.accounts.setForwarding', () => {
  const demo = useDemoAdmin({ resetEach: true });

  it('sets addresses, permission and keep-a-copy, and Account.forwarding reads them back', async () => {
    const changed = await demo.admin.accounts.setForwarding('mario.rossi@example.com', {
      addresses: ['Mario@Elsewhere.example', 'backup@example.org'],
      enabled: true,
      keepCopy: false,
    });
    expect(changed.forwarding).toEqual({
      addresses: ['mario@elsewhere.example', 'backup@example.org'],
      enabled: true,
      keepCopy: false,
    });
    const read = await demo.admin.accounts.get('mario.rossi@example.com');
    expect(read.forwarding).toEqual(changed.forwarding);
    expect(read.attrs.zimbraPrefMailForwardingAddress).toBe('mario@elsewhere.example,backup@example.org');
    expect(read.attrs.zimbraFeatureMailForwardingEnabled).toBe('TRUE');
    expect(read.attrs.zimbraPrefMailLocalDeliveryDisabled).toBe('TRUE');
  });

  it('keeps a copy again and leaves keep-a-copy alone when keepCopy is not given', async () => {
    await demo.admin.accounts.setForwarding('mario.rossi@example.com', {
      addresses: ['mario@elsewhere.example'],
      enabled: true,
      keepCopy: true,
    });
    expect((await demo.admin.accounts.get('mario.rossi@example.com')).forwarding.keepCopy).toBe(true);
    await demo.admin.accounts.setForwarding('mario.rossi@example.com', {
      addresses: ['mario@elsewhere.example'],
      enabled: false,
    });
    const read = await demo.admin.accounts.get('mario.rossi@example.com');
    expect(read.forwarding).toEqual({
      addresses: ['mario@elsewhere.example'],
      enabled: false,
      keepCopy: true,
    });
  });

  it('removes every forwarding address with an empty list', async () => {
    await demo.admin.accounts.setForwarding('mario.rossi@example.com', {
      addresses: ['mario@elsewhere.example'],
      enabled: true,
    });
    await demo.admin.accounts.setForwarding('mario.rossi@example.com', { addresses: [], enabled: true });
    const read = await demo.admin.accounts.get('mario.rossi@example.com');
    expect(read.forwarding.addresses).toEqual([]);
    expect(read.attrs.zimbraPrefMailForwardingAddress).toBeUndefined();
  });

  it('refuses a malformed address naming its index and rule email, before the wire and changing nothing', async () => {
    demo.mock.backend.faults.set({ failNext: 1 });
    const error = await failure(
      demo.admin.accounts.setForwarding('mario.rossi@example.com', {
        addresses: ['ok@example.org', 'not-an-address'],
        enabled: true,
      }),
    );
    expect(demo.mock.backend.faults.settings.failNext).toBe(1);
    demo.mock.backend.faults.clear();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'addresses.1', rule: 'email' });
    const read = await demo.admin.accounts.get('mario.rossi@example.com');
    expect(read.forwarding.addresses).toEqual([]);
  });

  it('refuses the same address twice naming field addresses and rule unique', async () => {
    const error = await failure(
      demo.admin.accounts.setForwarding('mario.rossi@example.com', {
        addresses: ['a@example.org', 'A@example.org'],
        enabled: true,
      }),
    );
    expect(error).toMatchObject({ field: 'addresses', rule: 'unique' });
  });
});
