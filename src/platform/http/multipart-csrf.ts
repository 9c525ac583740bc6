/**
 * CSRF with multipart forms: the form's first field is the `_csrf` token. `readCsrfPart` (a
 * pre-handler placed before the CSRF guard) reads that one part into `request.body` for the
 * check; the handler then takes the remaining parts with `remainingParts`, streaming the files.
 */
import type { FastifyRequest } from 'fastify';
import type { Multipart } from '@fastify/multipart';

const pendingParts = new WeakMap<FastifyRequest, AsyncIterableIterator<Multipart>>();

export async function readCsrfPart(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const parts = request.parts();
  const first = await parts.next();
  const part = first.done ? undefined : first.value;
  if (part?.type === 'file') part.file.resume();
  request.body = part?.type === 'field' && part.fieldname === '_csrf' && typeof part.value === 'string' ? { _csrf: part.value } : {};
  pendingParts.set(request, parts);
}

/** The parts after the `_csrf` field (undefined when the request was not multipart). */
export function remainingParts(request: FastifyRequest): AsyncIterableIterator<Multipart> | undefined {
  const parts = pendingParts.get(request);
  pendingParts.delete(request);
  return parts;
}
