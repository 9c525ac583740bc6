/** The host a session is bound to: the Host header without port, lower-case. */
export function normaliseHostForSession(hostHeader: string | undefined): string {
  const raw = (hostHeader ?? '').trim().toLowerCase();
  return raw.startsWith('[') ? raw.slice(0, raw.indexOf(']') + 1) : raw.replace(/:\d{1,5}$/, '');
}
