/**
 * Text size and contrast chosen by the visitor, kept in a cookie. Set by a plain link
 * (GET /hien-thi?co-chu=lon&quay-lai=/...) so it works without JavaScript; it changes
 * nothing on the server, so it needs no CSRF token.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Contrast, DisplayPrefs, TextSize } from '../../platform/views/shell.ts';

export const PREFS_COOKIE = 'cong_hien_thi';
const SIZES: readonly TextSize[] = ['nho', 'vua', 'lon', 'rat-lon'];
const CONTRASTS: readonly Contrast[] = ['thuong', 'cao'];
export const DEFAULT_PREFS: DisplayPrefs = { size: 'vua', contrast: 'thuong' };

export function readPrefs(request: FastifyRequest): DisplayPrefs {
  // cookies is unset when the router fails before the cookie hook runs.
  const raw = (request.cookies as Record<string, string | undefined> | undefined)?.[PREFS_COOKIE];
  if (!raw) return DEFAULT_PREFS;
  const [size, contrast] = raw.split('.');
  return {
    size: SIZES.includes(size as TextSize) ? (size as TextSize) : 'vua',
    contrast: CONTRASTS.includes(contrast as Contrast) ? (contrast as Contrast) : 'thuong',
  };
}

/** Only a path on this host, never `//evil.example` or `https://…`. */
export function safeReturnPath(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value.length > 1024 || /[\r\n]/.test(value)) return fallback;
  return value;
}

export function handleDisplayPrefs(request: FastifyRequest, reply: FastifyReply, homeHref: string): FastifyReply {
  const q = request.query as Record<string, unknown>;
  const current = readPrefs(request);
  let size = current.size;
  if (q['co-chu'] === 'lon' && current.size === 'lon') size = 'rat-lon';
  else if (SIZES.includes(q['co-chu'] as TextSize)) size = q['co-chu'] as TextSize;
  const contrast = CONTRASTS.includes(q['tuong-phan'] as Contrast) ? (q['tuong-phan'] as Contrast) : current.contrast;
  reply.setCookie(PREFS_COOKIE, `${size}.${contrast}`, {
    path: '/',
    maxAge: 365 * 24 * 3600,
    sameSite: 'lax',
    httpOnly: true,
    secure: request.protocol === 'https',
  });
  reply.header('cache-control', 'no-store');
  return reply.redirect(safeReturnPath(q['quay-lai'], homeHref), 303);
}
