/**
 * "Thư viện tệp" in the administration (/quan-tri/thu-vien, /english/admin/media): the site's
 * files with thumbnails, an upload form that works without JavaScript, alt text and caption
 * editing, deletion after a confirmation page. Routes are thin; every rule is in media.service.ts.
 */
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Value } from 'typebox/value';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { Invalid, NotFound, UnsupportedMediaType } from '../../platform/http/errors.ts';
import { emptyForm, formRoute, queryForm, type FormState } from '../../platform/http/forms.ts';
import { uploadedFiles, type MultipartLimits } from '../../platform/http/multipart-form.ts';
import { IdParams, NoQuery } from '../../platform/http/schemas.ts';
import { can } from '../access/index.ts';
import { csrfToken, type AdminContext, type AdminScope } from '../accounts/index.ts';
import {
  ALT_MAX,
  CAPTION_MAX,
  deleteMedia,
  getMediaForActor,
  listMedia,
  MAX_UPLOAD_BYTES,
  SIZE_LIMITS,
  updateMediaText,
  uploadMedia,
  uploadTooLarge,
  type MediaDeps,
} from './media.service.ts';
import { formatBytes, presentLibraryItem, presentMediaDetail } from './media.present.ts';
import { ConfirmForm, FileQuery, LibraryQuery, MediaTextForm, type NoticeCode } from './media.schema.ts';
import { DELETE_SEGMENT, mediaPaths } from './paths.ts';
import { libraryMain, noSiteMain } from './views/media-library.view.ts';
import { fileMain } from './views/media-file.view.ts';
import { deleteMain } from './views/media-delete.view.ts';
import { t } from './messages.ts';

/** Longest alt text or caption part read from an upload (characters are at most 4 bytes). */
const FIELD_BYTES = 4 * CAPTION_MAX + 64;

const UPLOAD_LIMITS: MultipartLimits = { fileFields: ['file'], maxFiles: 1, maxFileBytes: MAX_UPLOAD_BYTES, maxFields: 20, maxFieldBytes: FIELD_BYTES };

/** HTTP status of a refused upload: too big 413, a type we do not take 415, other problems 422. */
const REFUSAL_STATUS: Readonly<Record<string, number>> = {
  'media.too_large': 413,
  'media.too_many_pixels': 413,
  'media.disguised': 415,
  'media.dangerous_type': 415,
  'media.type_refused': 415,
  'media.unknown_type': 415,
  'media.bad_name': 415,
};

/** The file of an admin page's address (the route's schema has checked it). */
function fileIdOf(request: FastifyRequest): number {
  const params = request.params;
  if (!Value.Check(IdParams, params)) throw new NotFound('media.not_found', 'No such media', { messageKey: 'error.body.404' });
  return Number(params.id);
}

type TextState = FormState<typeof MediaTextForm>;

export function mediaAdmin(routes: Routes, lang: Lang, deps: { admin: AdminContext; media: MediaDeps }): void {
  const { admin, media } = deps;
  const base = mediaPaths.href(lang, 'media');
  const path = mediaPaths.paths.media[lang];
  const fileHref = (id: number) => `${base}/${id}`;
  const noticeOf = (code: NoticeCode | '' | undefined) => (code ? { notice: { kind: 'ok' as const, text: t(lang, `media.notice.${code}`) } } : {});
  const refused = (text: string) => ({ notice: { kind: 'error' as const, text } });

  async function library(request: FastifyRequest, reply: FastifyReply, s: AdminScope, state: TextState, status: number, page = 1, notice?: NoticeCode | '') {
    const title = t(lang, 'media.mediaLibrary');
    if (!s.site) return admin.send(request, reply, { title, main: noSiteMain(lang, title) }, s, status);
    const list = await listMedia(media, s.actor, s.site.id, page);
    const failed = Object.keys(state.errors).length > 0;
    const main = libraryMain({
      lang,
      title,
      ...(can(s.actor, 'content.write', s.site.id)
        ? {
            upload: {
              action: base,
              csrf: csrfToken(request, reply),
              values: state.values,
              errors: state.errors,
              limits: {
                image: formatBytes(SIZE_LIMITS.image, lang),
                document: formatBytes(SIZE_LIMITS.document, lang),
                audio: formatBytes(SIZE_LIMITS.audio, lang),
                video: formatBytes(SIZE_LIMITS.video, lang),
              },
              altMax: ALT_MAX,
              captionMax: CAPTION_MAX,
            },
          }
        : {}),
      total: list.total,
      items: list.items.map((m) => presentLibraryItem(m, lang, fileHref(m.id))),
      page: list.page,
      pages: list.pages,
      pageHref: (n) => `${base}?trang=${n}`,
    });
    return admin.send(request, reply, { title, ...(failed ? refused(t(lang, 'media.fileWasNotUploadedCheck')) : noticeOf(notice)), main }, s, status);
  }

  async function file(request: FastifyRequest, reply: FastifyReply, id: number, state: TextState | undefined, status: number, notice?: NoticeCode | '') {
    const s = await admin.scope(request);
    const m = await getMediaForActor(media, s.actor, id);
    const here = fileHref(m.id);
    const main = fileMain({
      lang,
      detail: presentMediaDetail(m, lang),
      libraryHref: base,
      ...(can(s.actor, 'content.write', m.siteId)
        ? {
            edit: {
              action: here,
              deleteHref: `${here}${DELETE_SEGMENT[lang]}`,
              csrf: csrfToken(request, reply),
              values: state?.values ?? { alt: m.alt, caption: m.caption },
              errors: state?.errors ?? {},
              altMax: ALT_MAX,
              captionMax: CAPTION_MAX,
            },
          }
        : {}),
    });
    const failed = state && Object.keys(state.errors).length > 0;
    return admin.send(
      request,
      reply,
      { title: m.originalName, ...(failed ? refused(t(lang, 'media.notSavedCheckMarkedFields')) : noticeOf(notice)), main },
      s,
      status,
    );
  }

  async function confirmDelete(request: FastifyRequest, reply: FastifyReply, id: number, status: number) {
    const s = await admin.scope(request);
    const m = await getMediaForActor(media, s.actor, id);
    const here = fileHref(m.id);
    const main = deleteMain({ lang, name: m.originalName, action: `${here}${DELETE_SEGMENT[lang]}`, cancelHref: here, csrf: csrfToken(request, reply) });
    return admin.send(request, reply, { title: t(lang, 'media.deleteFile2'), main }, s, status);
  }

  routes.get(path, queryForm(LibraryQuery), async (request, reply) =>
    library(request, reply, await admin.scope(request), emptyForm(), 200, request.query.trang, request.query.tb),
  );

  // The upload in a scope of its own: only it parses multipart bodies. Not awaited (the manifest
  // function registers synchronously; Fastify loads the scope with the rest of the tree).
  void routes.register(async (mp: Routes) => {
    await mp.register(multipart);
    mp.post(
      path,
      formRoute(MediaTextForm, {
        multipart: UPLOAD_LIMITS,
        statusOf: (err) => REFUSAL_STATUS[err.code] ?? err.status,
        render: async (request, reply, state, status) => library(request, reply, await admin.scope(request), state, status),
      }),
      async (request, reply) => {
        const s = await admin.scope(request);
        if (!request.isMultipart()) throw new UnsupportedMediaType('media.not_multipart', 'Not a multipart upload');
        const upload = uploadedFiles(request);
        const refuse = (code: string, message: string) => new Invalid(code, message, { details: [{ field: 'file', message }] });
        if (!s.site) throw refuse('media.no_site', t(lang, 'media.thereNoSiteYet'));
        if (upload.tooMany || upload.oversized) throw refuse('media.too_large', t(lang, 'media.uploadOverLimits'));
        if (upload.tooLarge[0] !== undefined) throw uploadTooLarge(upload.tooLarge[0]);
        const chosen = upload.files[0];
        if (!chosen) throw refuse('media.no_file', t(lang, 'media.chooseFileUpload'));
        const created = await uploadMedia(media, s.actor, s.site.id, { data: chosen.data, originalName: chosen.filename, ...request.body });
        return reply.redirect(`${fileHref(created.id)}?tb=da-tai-len`, 303);
      },
    );
  });

  const fileQuery = queryForm(FileQuery);
  routes.get(`${path}/:id`, { ...fileQuery, schema: { ...fileQuery.schema, params: IdParams } }, async (request, reply) =>
    file(request, reply, Number(request.params.id), undefined, 200, request.query.tb),
  );

  const textForm = formRoute(MediaTextForm, { render: (request, reply, state, status) => file(request, reply, fileIdOf(request), state, status) });
  routes.post(`${path}/:id`, { ...textForm, schema: { ...textForm.schema, params: IdParams } }, async (request, reply) => {
    const s = await admin.scope(request);
    const id = Number(request.params.id);
    await updateMediaText(media, s.actor, id, request.body);
    return reply.redirect(`${fileHref(id)}?tb=da-luu`, 303);
  });

  routes.get(`${path}/:id${DELETE_SEGMENT[lang]}`, { schema: { params: IdParams, querystring: NoQuery } }, async (request, reply) =>
    confirmDelete(request, reply, Number(request.params.id), 200),
  );

  const confirmForm = formRoute(ConfirmForm, { render: (request, reply, _state, status) => confirmDelete(request, reply, fileIdOf(request), status) });
  routes.post(`${path}/:id${DELETE_SEGMENT[lang]}`, { ...confirmForm, schema: { ...confirmForm.schema, params: IdParams } }, async (request, reply) => {
    const s = await admin.scope(request);
    await deleteMedia(media, s.actor, Number(request.params.id));
    return reply.redirect(`${base}?tb=da-xoa`, 303);
  });
}
