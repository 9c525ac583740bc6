import { hostOfHeader } from '../../platform/validation.ts';

/** The host a session is bound to: the Host header without port, lower-case ('' when it is not a host name). */
export function normaliseHostForSession(hostHeader: string | undefined): string {
  return hostOfHeader(hostHeader) ?? '';
}
