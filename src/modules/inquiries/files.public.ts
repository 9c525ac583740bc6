/**
 * The files a citizen's page may download: a file of the answer, to whoever holds the request's
 * code and the file's token (the status page's links; private, never stored), and a redacted copy
 * the board published with a Q&A entry. Everything else — above all the citizen's own attachments
 * — is not found.
 *
 *   GET /tra-cuu-cau-hoi/tep/<id>?ma=<code>&k=<token>
 *   GET /hoi-dap/tep/<id>
 */
import type { FastifyReply } from 'fastify';
import { NotFound } from '../../platform/http/errors.ts';
import { IdParams, NoQuery } from '../../platform/http/schemas.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import type { Storage } from '../../platform/storage/index.ts';
import { stripDiacritics } from '../../platform/text/index.ts';
import { requireSite } from '../sites/index.ts';
import { AnswerFileQuery } from './inquiries.schema.ts';
import { PUBLIC_SUFFIX, publicPaths } from './paths.ts';
import type { PublicationService } from './publication.service.ts';
import type { DownloadableFile, SubmissionService } from './submission.service.ts';

export interface FilesDeps {
  submission: SubmissionService;
  publication: PublicationService;
  storage: Storage;
}

function notFound(): NotFound {
  return new NotFound('inquiry.page_not_found', 'No such page', { messageKey: 'error.body.404' });
}

/** RFC 6266 with an RFC 5987 name: `attachment; filename="Tra loi.pdf"; filename*=UTF-8''Tr%E1%BA%A3%20l%E1%BB%9Di.pdf`. */
export function attachmentDisposition(filename: string): string {
  const name = filename.normalize('NFC').replace(/[\u0000-\u001f\u007f/\\]/g, '_');
  const ascii =
    stripDiacritics(name)
      .replace(/[^A-Za-z0-9._ -]+/g, '_')
      .replace(/^[.\s]+/, '')
      .slice(-150) || 'tep';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function fileRoutes(routes: Routes, lang: Lang, deps: FilesDeps): void {
  async function send(reply: FastifyReply, file: DownloadableFile | undefined, cacheControl: string): Promise<FastifyReply> {
    const data = file ? await deps.storage.get(file.storage_key) : undefined;
    if (!file || !data) throw notFound();
    return reply
      .header('content-type', file.mime)
      .header('content-disposition', attachmentDisposition(file.filename))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', cacheControl)
      .header('content-length', data.length)
      .send(data);
  }

  routes.get(
    publicPaths.path(lang, 'inquiryStatus', `${PUBLIC_SUFFIX.file}/:id`),
    { schema: { params: IdParams, querystring: AnswerFileQuery } },
    async (request, reply) => {
      const site = requireSite(request);
      const { ma = '', k = '' } = request.query;
      const file = await deps.submission.answerFile(site.site.id, ma.slice(0, 60), Number(request.params.id), k.slice(0, 100));
      return send(reply, file, 'private, no-store');
    },
  );

  routes.get(publicPaths.path(lang, 'qa', `${PUBLIC_SUFFIX.file}/:id`), { schema: { params: IdParams, querystring: NoQuery } }, async (request, reply) => {
    const site = requireSite(request);
    return send(reply, await deps.publication.publicFile(site.site.id, Number(request.params.id)), 'public, max-age=300');
  });
}
