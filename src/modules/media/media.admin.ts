/**
 * "Thư viện tệp" in the administration area (/quan-tri/thu-vien, /english/admin/media):
 * the site's files with thumbnails, an upload form that works without JavaScript, alt
 * text and caption editing, deletion after a confirmation page. Routes are thin; every
 * rule is in media.service.ts.
 *
 * CSRF with multipart: the upload form's first field is the `_csrf` token. A pre-handler
 * reads only that first part (after the sign-in gate, before any file byte is kept),
 * hands it to the usual CSRF check, and leaves the rest of the stream to the handler.
 */
import { readCsrfPart, remainingParts } from '../../platform/http/multipart-csrf.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart, { type Multipart } from '@fastify/multipart';
import type { Db } from '../../platform/db/create-db.ts';
import { formatDateTime, type Lang } from '../../platform/i18n/index.ts';
import { isDomainError, NotFound } from '../../platform/http/errors.ts';
import { html, raw, type SafeHtml } from '../../platform/views/html.ts';
import { csrfInput, errorsByField, field } from '../../platform/views/forms.ts';
import { can } from '../access/index.ts';
import { adminHref, csrfGuard, type AdminContext, type AdminScope } from '../accounts/index.ts';
// The token helper is not (yet) exported by the accounts module's entry point.
import { csrfToken } from '../accounts/index.ts';
import * as service from './media.service.ts';
import { formatBytes, kindLabel, mediaImage, variantFor, type MediaView } from './media.present.ts';
import { t } from './messages.ts';

const NOTICES: Record<string, Record<Lang, string>> = {
  'da-tai-len': { vi: 'Đã tải tệp lên thư viện.', en: 'The file was added to the library.' },
  'da-luu': { vi: 'Đã lưu.', en: 'Saved.' },
  'da-xoa': { vi: 'Đã xóa tệp khỏi thư viện.', en: 'The file was deleted from the library.' },
};

/** What the file input accepts (a convenience for the file picker; the server decides by content). */
const ACCEPT =
  'image/jpeg,image/png,image/webp,image/gif,application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,audio/mpeg,audio/mp4,.m4a,audio/ogg,audio/wav,video/mp4,video/webm';

/** Longest alt text or caption field read from the form (characters are at most 4 bytes). */
const FIELD_BYTES = 4 * service.CAPTION_MAX + 64;

interface UploadValues {
  alt: string;
  caption: string;
}

function str(body: unknown, key: string): string {
  const v = (body as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'string' ? v : '';
}

function idParam(value: string): number {
  if (!/^[1-9]\d{0,14}$/.test(value)) throw new NotFound('media.not_found', 'No such media', { messageKey: 'error.body.404' });
  return Number(value);
}

/** HTTP status of a refused upload: too big 413, a type we do not take 415, other problems 422. */
function refusalStatus(code: string): number {
  if (code === 'media.too_large' || code === 'media.too_many_pixels') return 413;
  if (['media.disguised', 'media.dangerous_type', 'media.type_refused', 'media.unknown_type', 'media.bad_name'].includes(code)) return 415;
  return 422;
}

/** Reads the rest of the upload: the file (at most `cap` bytes kept) and the text fields, in any order. */
async function readUpload(
  parts: AsyncIterableIterator<Multipart>,
  cap: number,
): Promise<{ file?: { name: string; data: Buffer; tooLarge: boolean; bytes: number }; values: UploadValues }> {
  const values: UploadValues = { alt: '', caption: '' };
  let file: { name: string; data: Buffer; tooLarge: boolean; bytes: number } | undefined;
  for await (const part of parts) {
    if (part.type === 'file') {
      const chunks: Buffer[] = [];
      let bytes = 0;
      let tooLarge = false;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        if (bytes > cap) {
          tooLarge = true;
          chunks.length = 0;
        } else if (!tooLarge) {
          chunks.push(chunk);
        }
      }
      if (part.file.truncated) tooLarge = true;
      // A form sends an empty part when no file was chosen.
      if (part.fieldname === 'file' && !file && (part.filename || bytes > 0))
        file = { name: part.filename, data: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge, bytes };
    } else if ((part.fieldname === 'alt' || part.fieldname === 'caption') && typeof part.value === 'string') {
      values[part.fieldname] = part.value;
    }
  }
  return { ...(file ? { file } : {}), values };
}

type ListPage = (
  request: FastifyRequest,
  reply: FastifyReply,
  s: AdminScope,
  values?: UploadValues,
  errors?: Record<string, string>,
  status?: number,
) => Promise<FastifyReply>;

export function registerMediaAdmin(app: FastifyInstance, deps: { db: Db; admin: AdminContext; media: service.MediaDeps }): void {
  const { admin, media } = deps;
  const guard = csrfGuard(app, deps.db);
  const listPages = {} as Record<Lang, ListPage>;

  for (const lang of ['vi', 'en'] as const) {
    const base = adminHref(lang, 'media');
    const deleteSuffix = lang === 'vi' ? 'xoa' : 'delete';
    const notice = (request: FastifyRequest) => {
      const text = NOTICES[str(request.query, 'tb')]?.[lang];
      return text ? { notice: { kind: 'ok' as const, text } } : {};
    };

    const thumbnail = (m: MediaView): SafeHtml => {
      if (m.kind !== 'image') return html`<span class="badge">${kindLabel(m.kind, lang)}</span>`;
      const v = variantFor(m, 320);
      const src = v?.url ?? m.url;
      const w = v?.width ?? m.width ?? 96;
      const h = v?.height ?? m.height ?? 96;
      const height = Math.max(1, Math.round((96 * h) / w));
      return html`<img src="${src}" alt="${m.alt}" width="96" height="${height}" loading="lazy" decoding="async" style="object-fit:contain">`;
    };

    const uploadForm = (request: FastifyRequest, reply: FastifyReply, values: UploadValues, errors: Record<string, string>): SafeHtml => {
      const fileDescribed = ['f-file-hint', errors.file ? 'f-file-error' : ''].filter(Boolean).join(' ');
      return html`<section aria-labelledby="tai-len">
<h2 id="tai-len">${t(lang, 'media.uploadFile')}</h2>
<form method="post" action="${base}" enctype="multipart/form-data" class="form" novalidate>
${csrfInput(csrfToken(request, reply))}
<div class="field">
<label for="f-file">${t(lang, 'media.file')} <span aria-hidden="true">*</span></label>
<p class="hint" id="f-file-hint">${t(lang, 'media.fileHint', { image: formatBytes(service.SIZE_LIMITS.image, lang), document: formatBytes(service.SIZE_LIMITS.document, lang), audio: formatBytes(service.SIZE_LIMITS.audio, lang), video: formatBytes(service.SIZE_LIMITS.video, lang) })}${Object.keys(errors).length ? t(lang, 'media.chooseFileAgainBeforeSending') : ''}</p>
${errors.file ? html`<p class="error" id="f-file-error">${errors.file}</p>` : ''}
<input id="f-file" name="file" type="file" required accept="${ACCEPT}" aria-describedby="${fileDescribed}"${errors.file ? raw(' aria-invalid="true"') : ''}>
</div>
${field({
  name: 'alt',
  label: t(lang, 'media.altTextRequiredImages'),
  hint: t(lang, 'media.shortDescriptionWhatImageShows'),
  value: values.alt,
  maxlength: service.ALT_MAX,
  ...(errors.alt ? { error: errors.alt } : {}),
})}
${field({ name: 'caption', label: t(lang, 'media.caption'), value: values.caption, maxlength: service.CAPTION_MAX, ...(errors.caption ? { error: errors.caption } : {}) })}
<p><button type="submit">${t(lang, 'media.upload')}</button></p>
</form>
</section>`;
    };

    const listPage: ListPage = async (request, reply, s, values = { alt: '', caption: '' }, errors = {}, status = 200) => {
      const title = t(lang, 'media.mediaLibrary');
      if (!s.site) {
        return admin.send(request, reply, { title, main: html`<h1>${title}</h1><p>${t(lang, 'media.thereNoSiteYet')}</p>` }, s, status);
      }
      const page = await service.listMedia(media, s.actor, s.site.id, Number(str(request.query, 'trang')) || 1);
      const mayWrite = can(s.actor, 'content.write', s.site.id);
      const pageHref = (n: number) => `${base}?trang=${n}`;
      return admin.send(
        request,
        reply,
        {
          title,
          ...(Object.keys(errors).length
            ? {
                notice: {
                  kind: 'error' as const,
                  text: t(lang, 'media.fileWasNotUploadedCheck'),
                },
              }
            : notice(request)),
          main: html`<h1>${title}</h1>
${mayWrite ? uploadForm(request, reply, values, errors) : ''}
<h2>${t(lang, 'media.filesSite')} (${page.total})</h2>
${
  page.items.length
    ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="${t(lang, 'media.files')}"><table class="data"><caption class="visually-hidden">${t(lang, 'media.filesNewestFirst')}</caption>
<thead><tr><th scope="col">${t(lang, 'media.preview')}</th><th scope="col">${t(lang, 'media.fileName')}</th><th scope="col">${t(lang, 'media.kind')}</th><th scope="col">${t(lang, 'media.size')}</th><th scope="col">${t(lang, 'media.uploaded')}</th></tr></thead>
<tbody>${page.items.map(
        (m) =>
          html`<tr><td>${thumbnail(m)}</td><th scope="row"><a href="${base}/${m.id}">${m.originalName}</a></th><td>${kindLabel(m.kind, lang)}</td><td>${formatBytes(m.bytes, lang)}</td><td>${formatDateTime(m.createdAt)}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>${t(lang, 'media.noFilesYet')}</p>`
}
${
  page.pages > 1
    ? html`<nav aria-label="${t(lang, 'media.pages')}"><p>${page.page > 1 ? html`<a href="${pageHref(page.page - 1)}" rel="prev">${t(lang, 'media.previous')}</a> ` : ''}${t(lang, 'media.page', { page: page.page, pages: page.pages })}${page.page < page.pages ? html` <a href="${pageHref(page.page + 1)}" rel="next">${t(lang, 'media.next')}</a>` : ''}</p></nav>`
    : ''
}`,
        },
        s,
        status,
      );
    };

    listPages[lang] = listPage;
    app.get(base, async (request, reply) => listPage(request, reply, await admin.scope(request)));

    const detailPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: number,
      values?: UploadValues,
      errors: Record<string, string> = {},
      status = 200,
    ) => {
      const s = await admin.scope(request);
      const m = await service.getMediaForActor(media, s.actor, id);
      const here = `${base}/${m.id}`;
      const mayWrite = can(s.actor, 'content.write', m.siteId);
      const preview =
        m.kind === 'image'
          ? html`<figure>${mediaImage(m, { sizes: '(min-width: 50rem) 40rem, 100vw', loading: 'eager' })}${m.caption ? html`<figcaption>${m.caption}</figcaption>` : ''}</figure>`
          : m.kind === 'audio'
            ? html`<audio controls preload="metadata" src="${m.url}"></audio>`
            : m.kind === 'video'
              ? html`<video controls preload="metadata" src="${m.url}" style="max-width:100%"></video>`
              : html`<p><a href="${m.url}" download="${m.downloadName}">${t(lang, 'media.downloadDocument')}</a></p>`;
      return admin.send(
        request,
        reply,
        {
          title: m.originalName,
          ...(Object.keys(errors).length ? { notice: { kind: 'error' as const, text: t(lang, 'media.notSavedCheckMarkedFields') } } : notice(request)),
          main: html`<p><a href="${base}">${t(lang, 'media.mediaLibrary2')}</a></p>
<h1>${m.originalName}</h1>
<div style="max-width:40rem">${preview}</div>
<dl>
<dt>${t(lang, 'media.kind')}</dt><dd>${kindLabel(m.kind, lang)} (<code>${m.mime}</code>)</dd>
<dt>${t(lang, 'media.size')}</dt><dd>${formatBytes(m.bytes, lang)}</dd>
${m.width && m.height ? html`<dt>${t(lang, 'media.dimensions')}</dt><dd>${m.width} × ${m.height} ${t(lang, 'media.pixels')}</dd>` : ''}
${m.variants.length ? html`<dt>${t(lang, 'media.webpSizes')}</dt><dd>${m.variants.map((v, i) => html`${i ? ', ' : ''}<a href="${v.url}">${v.width}</a>`)}</dd>` : ''}
<dt>${t(lang, 'media.uploaded')}</dt><dd>${formatDateTime(m.createdAt)}</dd>
<dt>${t(lang, 'media.publicAddress')}</dt><dd><a href="${m.url}"><code>${m.url}</code></a></dd>
<dt>SHA-256</dt><dd><code style="word-break:break-all">${m.sha256}</code></dd>
</dl>
${
  mayWrite
    ? html`<h2>${t(lang, 'media.description')}</h2>
<form method="post" action="${here}" class="form" novalidate>
${csrfInput(csrfToken(request, reply))}
${field({
  name: 'alt',
  label: m.kind === 'image' ? t(lang, 'media.altText') : t(lang, 'media.altTextOptional'),
  hint: t(lang, 'media.shortDescriptionWhatImageShows'),
  value: values?.alt ?? m.alt,
  required: m.kind === 'image',
  maxlength: service.ALT_MAX,
  ...(errors.alt ? { error: errors.alt } : {}),
})}
${field({ name: 'caption', label: t(lang, 'media.caption'), value: values?.caption ?? m.caption, maxlength: service.CAPTION_MAX, ...(errors.caption ? { error: errors.caption } : {}) })}
<p><button type="submit">${t(lang, 'media.save')}</button></p>
</form>
<h2>${t(lang, 'media.delete')}</h2>
<p><a class="button secondary" href="${here}/${deleteSuffix}">${t(lang, 'media.deleteFile')}</a></p>`
    : ''
}`,
        },
        s,
        status,
      );
    };

    app.get<{ Params: { id: string } }>(`${base}/:id`, async (request, reply) => detailPage(request, reply, idParam(request.params.id)));

    app.post<{ Params: { id: string } }>(`${base}/:id`, { preHandler: guard }, async (request, reply) => {
      const id = idParam(request.params.id);
      const s = await admin.scope(request);
      const values = { alt: str(request.body, 'alt'), caption: str(request.body, 'caption') };
      try {
        await service.updateMediaText(media, s.actor, id, values);
        return reply.redirect(`${base}/${id}?tb=da-luu`, 303);
      } catch (err) {
        if (isDomainError(err) && err.status === 422) return detailPage(request, reply, id, values, errorsByField(err.details), 422);
        throw err;
      }
    });

    app.get<{ Params: { id: string } }>(`${base}/:id/${deleteSuffix}`, async (request, reply) => {
      const s = await admin.scope(request);
      const m = await service.getMediaForActor(media, s.actor, idParam(request.params.id));
      const here = `${base}/${m.id}`;
      const title = t(lang, 'media.deleteFile2');
      return admin.send(
        request,
        reply,
        {
          title,
          main: html`<h1>${t(lang, 'media.delete2', { originalName: m.originalName })}</h1>
<p>${t(lang, 'media.fileWillRemovedFromLibrary')}</p>
<form method="post" action="${here}/${deleteSuffix}" class="inline">${csrfInput(csrfToken(request, reply))}<button type="submit" class="danger">${t(lang, 'media.deleteGood')}</button></form>
<a class="button secondary" href="${here}">${t(lang, 'media.cancel')}</a>`,
        },
        s,
      );
    });

    app.post<{ Params: { id: string } }>(`${base}/:id/${deleteSuffix}`, { preHandler: guard }, async (request, reply) => {
      const id = idParam(request.params.id);
      const s = await admin.scope(request);
      await service.deleteMedia(media, s.actor, id);
      return reply.redirect(`${base}?tb=da-xoa`, 303);
    });
  }

  // The upload route in a scope of its own: only it parses multipart bodies. Not awaited:
  // awaiting would build the routes registered so far before the application's error
  // handler is installed (buildApp installs it after the modules).
  void app.register(async (scope) => {
    await scope.register(multipart, {
      // A file above the limit is cut short (not kept) and reported; the form is answered as usual.
      throwFileSizeLimit: false,
      limits: { fileSize: service.MAX_UPLOAD_BYTES + 1024 * 1024, files: 1, fields: 20, parts: 21, fieldSize: FIELD_BYTES, headerPairs: 50 },
    });
    for (const lang of ['vi', 'en'] as const) {
      const base = adminHref(lang, 'media');
      scope.post(base, { preHandler: [readCsrfPart, guard] }, async (request, reply) => {
        const s = await admin.scope(request);
        const parts = remainingParts(request);
        if (!parts) throw Object.assign(new Error('Not a multipart upload'), { statusCode: 415, code: 'media.not_multipart' });
        const upload = await readUpload(parts, service.MAX_UPLOAD_BYTES);
        const values = upload.values;
        const again = (errors: Record<string, string>, status: number) => listPages[lang](request, reply, s, values, errors, status);
        if (!s.site) return again({ file: t(lang, 'media.thereNoSiteYet') }, 422);
        if (!upload.file) return again({ file: t(lang, 'media.chooseFileUpload') }, 422);
        if (upload.file.tooLarge) {
          return again({ file: `Tệp “${upload.file.name}” nặng hơn ${formatBytes(service.MAX_UPLOAD_BYTES)}, giới hạn lớn nhất của thư viện (video).` }, 413);
        }
        try {
          const created = await service.uploadMedia(media, s.actor, s.site.id, {
            data: upload.file.data,
            originalName: upload.file.name,
            alt: values.alt,
            caption: values.caption,
          });
          return reply.redirect(`${base}/${created.id}?tb=da-tai-len`, 303);
        } catch (err) {
          if (isDomainError(err) && err.status === 422) return again(errorsByField(err.details), refusalStatus(err.code));
          throw err;
        }
      });
    }
  });
}
