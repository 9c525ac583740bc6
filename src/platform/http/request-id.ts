/**
 * Request ids: taken from a trusted proxy's `x-request-id` when it looks like an id (so a
 * request can be followed across the load balancer and the app), otherwise generated.
 * Never taken raw: a header is attacker-controlled and ends up in the logs.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const ID_RE = /^[A-Za-z0-9._-]{8,64}$/;

export function requestIdFrom(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  return typeof header === 'string' && ID_RE.test(header) ? header : randomUUID();
}
