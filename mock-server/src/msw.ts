import { HttpResponse, http, type RequestHandler } from 'msw';
import type { MockBackend } from './backend.ts';

/**
 * msw handlers over the same core, for in-process tests: they answer any origin's
 * `/service/admin/soap`, `/service/soap` and `/pec/…` paths.
 * @example
 * const backend = createMockBackend({ seed: 'demo' });
 * const server = setupServer(...createHandlers(backend));
 */
export function createHandlers(backend: MockBackend): RequestHandler[] {
  const answer = async ({ request }: { request: Request }) => {
    const response = await backend.handle(request);
    return response.type === 'error' ? HttpResponse.error() : response;
  };
  return [
    http.all('*/service/admin/soap', answer),
    http.all('*/service/admin/soap/', answer),
    http.all('*/service/soap', answer),
    http.all('*/service/soap/', answer),
    http.all('*/pec/*', answer),
  ];
}
