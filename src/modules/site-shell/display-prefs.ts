/**
 * Text size and contrast chosen by the visitor, kept in a cookie. Set by a plain link
 * (GET /hien-thi?co-chu=lon&quay-lai=/...) so it works without JavaScript; it changes
 * nothing on the server, so it needs no CSRF token.
 */
import { Type, type Static } from 'typebox';
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

/** The link's query: the text size, the contrast, and where to go back to (each may be missing or wrong). */
export const DisplayPrefsQuery = Type.Object({
  'co-chu': Type.Optional(Type.String({ maxLength: 20 })),
  'tuong-phan': Type.Optional(Type.String({ maxLength: 20 })),
  'quay-lai': Type.Optional(Type.String({ maxLength: 2048 })),
});

const isSize = (v: string | undefined): v is TextSize => SIZES.some((s) => s === v);
const isContrast = (v: string | undefined): v is Contrast => CONTRASTS.some((c) => c === v);

export function handleDisplayPrefs(request: FastifyRequest, reply: FastifyReply, q: Static<typeof DisplayPrefsQuery>, homeHref: string): FastifyReply {
  const current = readPrefs(request);
  const asked = q['co-chu'];
  let size = current.size;
  if (asked === 'lon' && current.size === 'lon') size = 'rat-lon';
  else if (isSize(asked)) size = asked;
  const contrast = isContrast(q['tuong-phan']) ? q['tuong-phan'] : current.contrast;
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
