import { isZimbraFault, ResponseValidationError, ValidationError } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { failure, useDemoAdmin } from './zimbra-fixtures.ts';

describe('admin.request (raw escape hatch)', () => {
  const demo = useDemoAdmin();

  it('sends any admin request and returns the parsed response element', async () => {
    const res = await demo.admin.request('CountAccountRequest', {
      domain: { '@_by': 'name', '#text': 'example.com' },
    });
    expect(Array.isArray(res.cos)).toBe(true);
  });

  it('checks the answer with a schema when given one', async () => {
    // The answer comes in the wire-neutral form: attributes as plain keys, the same over XML and JSON.
    const schema = z.object({ cos: z.array(z.object({ name: z.string() })) });
    const res = await demo.admin.request('GetAllCosRequest', {}, { schema });
    expect(res.cos.map((c) => c.name)).toContain('Standard');
    const strict = z.object({ nothing: z.string() });
    expect(await failure(demo.admin.request('GetAllCosRequest', {}, { schema: strict }))).toBeInstanceOf(
      ResponseValidationError,
    );
  });

  it('passes an unknown document through as service.UNKNOWN_DOCUMENT', async () => {
    const error = await failure(demo.admin.request('NoSuchThingRequest', {}));
    expect(isZimbraFault(error, 'service.UNKNOWN_DOCUMENT')).toBe(true);
  });

  it('refuses a name that is not a request element before the wire', async () => {
    const error = await failure(demo.admin.request('<evil/>', {}));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'requestName', rule: 'requestName' });
  });
});
