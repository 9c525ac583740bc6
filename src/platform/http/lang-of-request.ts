/** The language of a request from its path: English under `/english` (after an optional `/s/<code>`). */
import type { FastifyRequest } from 'fastify';
import type { Lang } from '../i18n/index.ts';

const ENGLISH = /^(?:\/s\/[^/?#]*)?\/english(?:[/?#]|$)/;

export function langFromPath(request: Pick<FastifyRequest, 'url'>): Lang {
  return ENGLISH.test(request.url) ? 'en' : 'vi';
}
