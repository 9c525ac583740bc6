/**
 * /.well-known/security.txt (RFC 9116): where to report a vulnerability. The contact is the
 * platform's SECURITY_CONTACT when set, else the official e-mail of the site asked for.
 */
import { Type } from 'typebox';
import type { Routes } from '../../platform/module.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { normaliseHost } from '../../platform/validation.ts';
import type { SiteDirectory } from './site-directory.ts';

export function securityTxt(routes: Routes, directory: SiteDirectory, securityContact: string | undefined): void {
  routes.get('/.well-known/security.txt', { schema: { hide: true, querystring: Type.Object({}) } }, async (request, reply) => {
    const resolution = await directory.resolve(normaliseHost(request.headers.host), undefined);
    const site = resolution.kind === 'site' ? resolution.site : (await directory.liveSites())[0];
    const contact = securityContact ?? (site?.email ? `mailto:${site.email}` : undefined);
    if (!contact) throw new NotFound('http.not_found', 'No security contact');
    const expires = new Date(Date.now() + 180 * 86_400_000);
    expires.setUTCHours(0, 0, 0, 0);
    const lines = [
      `Contact: ${contact}`,
      `Expires: ${expires.toISOString()}`,
      'Preferred-Languages: vi, en',
      `Canonical: ${request.protocol}://${request.host}/.well-known/security.txt`,
    ];
    reply.header('cache-control', 'public, max-age=86400');
    return reply.type('text/plain; charset=utf-8').send(`${lines.join('\n')}\n`);
  });
}
