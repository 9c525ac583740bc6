/**
 * /.well-known/security.txt (RFC 9116): where to report a vulnerability. The contact is the
 * platform's SECURITY_CONTACT when set, else the official e-mail of the site asked for.
 */
import type { FastifyInstance } from 'fastify';
import type { SiteDirectory } from './site-directory.ts';
import { normaliseHost } from './site-context.ts';

export function registerSecurityTxt(app: FastifyInstance, directory: SiteDirectory, securityContact: string | undefined): void {
  app.get('/.well-known/security.txt', async (request, reply) => {
    const resolution = await directory.resolve(normaliseHost(request.headers.host), undefined);
    const site = resolution.kind === 'site' ? resolution.site : (await directory.liveSites())[0];
    const contact = securityContact ?? (site?.email ? `mailto:${site.email}` : undefined);
    if (!contact) throw Object.assign(new Error('No security contact'), { statusCode: 404, code: 'http.not_found' });
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
