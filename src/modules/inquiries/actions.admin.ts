/**
 * The POST side of a request's page: one address per request, the action named by `thao_tac`,
 * each action its own form (inquiries.schema.ts `ActionForms`) and a call to the service, then a
 * redirect (303) to the page with a notice. A refused action shows the page again (or the
 * publication page) with what was typed and the problems — by field, or at the top of the
 * action's own form — 422 or 409. Files of the answer and the redacted public copies come as
 * multipart to their own addresses.
 */
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FieldErrors } from '../../platform/http/forms.ts';
import { formRoute } from '../../platform/http/forms.ts';
import { uploadedFiles, type MultipartLimits } from '../../platform/http/multipart-form.ts';
import { IdParams, NoQuery } from '../../platform/http/schemas.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import type { Actor } from '../access/index.ts';
import { requestIdOf, siteScope } from './console-scope.ts';
import { formRouteByAction, type ActionBody } from './form-by-action.ts';
import { ActionForms, UploadForm } from './inquiries.schema.ts';
import { ANSWER_FILES } from './inquiry-files.ts';
import { adminPaths, REQUEST_SUBPAGES } from './paths.ts';
import type { RequestDeps, RequestPage } from './request.admin.ts';
import type { NoticeCode } from './views/console-parts.ts';
import { t } from './messages.ts';

type Action = keyof typeof ActionForms;

/** Per action: the form it is shown in, the fields it shows (service name → form name), the page it is on. */
const ACTIONS: Readonly<Record<Action, { anchor: string; fields?: Readonly<Record<string, string>>; page?: 'publish' }>> = {
  classify: { anchor: 'form-classify', fields: { kind: 'kind', field: 'field' } },
  merge: { anchor: 'form-merge' },
  request_info: { anchor: 'form-info', fields: { message: 'infoMessage' } },
  out_of_scope: { anchor: 'form-scope', fields: { reason: 'reason' } },
  forward: { anchor: 'form-forward', fields: { agency: 'agencyId' } },
  transfer: { anchor: 'form-transfer', fields: { body: 'transferBody' } },
  save_draft: { anchor: 'form-answer', fields: { answer: 'answer' } },
  submit_answer: { anchor: 'form-answer', fields: { answer: 'answer' } },
  progress: { anchor: 'form-progress', fields: { text: 'progressText', promisedDate: 'promisedDate' } },
  approve: { anchor: 'form-review' },
  return: { anchor: 'form-review', fields: { note: 'returnNote' } },
  publish: { anchor: 'form-publish', page: 'publish', fields: { title: 'pubTitle', question: 'pubQuestion', answer: 'pubAnswer' } },
  unpublish: { anchor: 'form-publish' },
  remove_file: { anchor: 'tep-tra-loi' },
};

/** Does the action; the notice to show after the redirect. */
async function run(deps: RequestDeps, actor: Actor, id: number, body: ActionBody<typeof ActionForms>): Promise<NoticeCode> {
  const h = deps.handling;
  switch (body.thao_tac) {
    case 'classify':
      await h.classify(actor, id, { kind: body.kind, field: body.field });
      return 'da-phan-loai';
    case 'merge':
      await h.merge(actor, id, Number(body.into) || 0);
      return 'da-gop';
    case 'request_info':
      await h.requestInformation(actor, id, body.infoMessage);
      return 'da-de-nghi';
    case 'out_of_scope':
      await h.declareOutOfScope(actor, id, body.reason);
      return 'ngoai-tham-quyen';
    case 'forward':
      await h.forward(actor, id, { agencyId: body.agencyId, note: body.forwardNote });
      return 'da-chuyen';
    case 'transfer':
      await h.transfer(actor, id, { body: body.transferBody, note: body.transferNote });
      return 'da-chuyen-ngoai';
    case 'save_draft':
      await h.saveDraft(actor, id, body.answer);
      return 'da-luu-du-thao';
    case 'submit_answer':
      return (await h.submitAnswer(actor, id, body.answer)) === 'review' ? 'cho-duyet' : 'da-tra-loi';
    case 'progress':
      await h.progressNotice(actor, id, { text: body.progressText, promisedDate: body.promisedDate });
      return 'da-bao-tien-do';
    case 'approve':
      await h.approveAnswer(actor, id);
      return 'da-duyet';
    case 'return':
      await h.returnAnswer(actor, id, body.returnNote);
      return 'da-tra-lai';
    case 'publish':
      await deps.publication.publish(actor, id, { title: body.pubTitle, question: body.pubQuestion, answerHtml: body.pubAnswer });
      return 'da-cong-bo';
    case 'unpublish':
      await deps.publication.unpublish(actor, id);
      return 'da-go';
    case 'remove_file':
      await h.removeAnswerFile(actor, id, Number(body.attId) || 0);
      return 'da-xoa-tep';
  }
}

/** Problems on fields the action's form does not show belong at the top of that form. */
function placed(errors: FieldErrors, shown: ReadonlySet<string>): FieldErrors {
  const loose = Object.entries(errors)
    .filter(([field]) => !shown.has(field))
    .map(([, message]) => message);
  const own = Object.entries(errors).filter(([field]) => shown.has(field));
  return { ...(loose.length ? { form: loose.join(' ') } : {}), ...Object.fromEntries(own) };
}

/** An upload: files over the limit are reported, not kept; the service checks types and counts. */
const UPLOADS: MultipartLimits = { fileFields: ['files'], maxFiles: 10, maxFileBytes: ANSWER_FILES.maxBytes + 1, maxFields: 5, maxFieldBytes: 1024 };

export function actionRoutes(routes: Routes, lang: Lang, deps: RequestDeps, pages: { detail: RequestPage; publish: RequestPage }): void {
  const path = adminPaths.paths.inquiries[lang];
  const base = adminPaths.href(lang, 'inquiries');

  const actions = formRouteByAction('thao_tac', ActionForms, {
    fieldNames: Object.fromEntries(Object.entries(ACTIONS).map(([name, a]) => [name, a.fields ?? {}])),
    render: async (action, request, reply, state, status) => {
      const s = await siteScope(deps.admin, request);
      const id = requestIdOf(request);
      if (!action) {
        const errors = { form: t(lang, 'common.unknownActionReloadPage') };
        return pages.detail(request, reply, s, id, { values: {}, errors, formAnchor: 'thao-tac' }, 422);
      }
      const a = ACTIONS[action];
      const errors = placed(state.errors, new Set(Object.values(a.fields ?? {})));
      return pages[a.page ?? 'detail'](request, reply, s, id, { values: state.values, errors, formAnchor: a.anchor }, status);
    },
  });

  routes.post(
    `${path}/:id`,
    // Answers may be long (an answer of 400,000 characters), well above ordinary forms.
    { ...actions, schema: { ...actions.schema, params: IdParams, querystring: NoQuery }, bodyLimit: 1024 * 1024 },
    async (request, reply) => {
      const id = Number(request.params.id);
      const s = await siteScope(deps.admin, request);
      const notice = await run(deps, s.actor, id, request.body);
      return reply.redirect(`${base}/${id}?tb=${notice}`, 303);
    },
  );

  // Only the uploads read multipart bodies: the plugin is registered in a scope of their own.
  void routes.register(async (plain) => {
    await plain.register(multipart);
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    for (const kind of ['answerFiles', 'publicFiles'] as const) {
      const upload = formRoute(UploadForm, {
        multipart: UPLOADS,
        render: async (request, reply, state, status) => {
          const errors = { [kind]: Object.values(state.errors).join(' ') };
          return pages.detail(request, reply, await siteScope(deps.admin, request), requestIdOf(request), { values: {}, errors }, status);
        },
      });
      scope.post(
        `${path}/:id${REQUEST_SUBPAGES[kind][lang]}`,
        { ...upload, schema: { ...upload.schema, params: IdParams, querystring: NoQuery } },
        async (request, reply) => {
          const id = Number(request.params.id);
          const s = await siteScope(deps.admin, request);
          const again = (message: string, status: number) => pages.detail(request, reply, s, id, { values: {}, errors: { [kind]: message } }, status);
          if (!request.isMultipart()) return again(t(lang, 'actions.chooseFilesUploadForm'), 415);
          const sent = uploadedFiles(request);
          if (sent.tooMany || sent.oversized) return again(t(lang, 'actions.tooManyFilesOneUpload'), 413);
          if (sent.tooLarge.length) return again(t(lang, 'actions.filesLargerThan10Mb', { join: sent.tooLarge.join(', ') }), 413);
          if (sent.files.length === 0) return again(t(lang, 'actions.noFileWasChosen'), 422);
          const files = sent.files.map((f) => ({ filename: f.filename, data: f.data }));
          if (kind === 'answerFiles') await deps.handling.addAnswerFiles(s.actor, id, files, lang);
          else await deps.publication.addPublicFile(s.actor, id, files, lang);
          return reply.redirect(`${base}/${id}?tb=da-them-tep`, 303);
        },
      );
    }
  });
}
