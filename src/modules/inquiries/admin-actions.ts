/**
 * The POST side of a request's page: one address per request (`thao_tac` names the action),
 * each action a call to the service, then a redirect (303) to the page with a notice; refused
 * input re-renders the page (or the publication page) with what was typed and the problems,
 * 422 or 409. Files of the answer and the redacted public copies come as multipart to their
 * own addresses, with the CSRF token as the first part (as in media.admin.ts).
 */
import { readCsrfPart, remainingParts } from '../../platform/http/multipart-csrf.ts';
import type { FastifyInstance } from 'fastify';
import multipart, { type Multipart } from '@fastify/multipart';
import type { Lang } from '../../platform/i18n/index.ts';
import { isDomainError } from '../../platform/http/errors.ts';
import type { Actor } from '../access/index.ts';
import { adminHref, csrfGuard, type AccountsModule } from '../accounts/index.ts';
import type { Renderer } from './admin-detail.ts';
import { idParam, siteScope, str, SUB, type FormState } from './admin-views.ts';
import { ANSWER_FILES, type IncomingFile } from './inquiry-files.ts';
import type { InquiryRoutesContext } from './routes-context.ts';
import { t } from './messages.ts';

interface ActionDef {
  /** The form's id: problems not tied to one field are shown there. */
  form: string;
  /** The service's field names → the form's. */
  fields?: Record<string, string>;
  /** Re-render the publication page instead of the request's page. */
  page?: 'publish';
  /** Does it; returns the notice to show after the redirect. */
  run(ctx: InquiryRoutesContext, actor: Actor, id: number, b: unknown): Promise<string>;
}

const ACTIONS: Record<string, ActionDef> = {
  classify: {
    form: 'form-classify',
    fields: { kind: 'kind', field: 'field' },
    run: async (c, a, id, b) => {
      await c.handling.classify(a, id, { kind: str(b, 'kind', 40), field: str(b, 'field', 80) });
      return 'da-phan-loai';
    },
  },
  merge: {
    form: 'form-merge',
    run: async (c, a, id, b) => {
      await c.handling.merge(a, id, Number(str(b, 'into', 20)) || 0);
      return 'da-gop';
    },
  },
  request_info: {
    form: 'form-info',
    fields: { message: 'infoMessage' },
    run: async (c, a, id, b) => {
      await c.handling.requestInformation(a, id, str(b, 'infoMessage', 10_000));
      return 'da-de-nghi';
    },
  },
  out_of_scope: {
    form: 'form-scope',
    fields: { reason: 'reason' },
    run: async (c, a, id, b) => {
      await c.handling.declareOutOfScope(a, id, str(b, 'reason', 10_000));
      return 'ngoai-tham-quyen';
    },
  },
  forward: {
    form: 'form-forward',
    fields: { agency: 'agencyId' },
    run: async (c, a, id, b) => {
      await c.handling.forward(a, id, { agencyId: str(b, 'agencyId', 20), note: str(b, 'forwardNote', 10_000) });
      return 'da-chuyen';
    },
  },
  transfer: {
    form: 'form-transfer',
    fields: { body: 'transferBody' },
    run: async (c, a, id, b) => {
      await c.handling.transfer(a, id, { body: str(b, 'transferBody', 1000), note: str(b, 'transferNote', 10_000) });
      return 'da-chuyen-ngoai';
    },
  },
  save_draft: {
    form: 'form-answer',
    fields: { answer: 'answer' },
    run: async (c, a, id, b) => {
      await c.handling.saveDraft(a, id, str(b, 'answer', 400_000));
      return 'da-luu-du-thao';
    },
  },
  submit_answer: {
    form: 'form-answer',
    fields: { answer: 'answer' },
    run: async (c, a, id, b) => ((await c.handling.submitAnswer(a, id, str(b, 'answer', 400_000))) === 'review' ? 'cho-duyet' : 'da-tra-loi'),
  },
  progress: {
    form: 'form-progress',
    fields: { text: 'progressText', promisedDate: 'promisedDate' },
    run: async (c, a, id, b) => {
      await c.handling.progressNotice(a, id, { text: str(b, 'progressText', 10_000), promisedDate: str(b, 'promisedDate', 40) });
      return 'da-bao-tien-do';
    },
  },
  approve: {
    form: 'form-review',
    run: async (c, a, id) => {
      await c.handling.approveAnswer(a, id);
      return 'da-duyet';
    },
  },
  return: {
    form: 'form-review',
    fields: { note: 'returnNote' },
    run: async (c, a, id, b) => {
      await c.handling.returnAnswer(a, id, str(b, 'returnNote', 10_000));
      return 'da-tra-lai';
    },
  },
  publish: {
    form: 'form-publish',
    page: 'publish',
    fields: { title: 'pubTitle', question: 'pubQuestion', answer: 'pubAnswer' },
    run: async (c, a, id, b) => {
      await c.publication.publish(a, id, {
        title: str(b, 'pubTitle', 2000),
        question: str(b, 'pubQuestion', 50_000),
        answerHtml: str(b, 'pubAnswer', 400_000),
      });
      return 'da-cong-bo';
    },
  },
  unpublish: {
    form: 'form-publish',
    run: async (c, a, id) => {
      await c.publication.unpublish(a, id);
      return 'da-go';
    },
  },
  remove_file: {
    form: 'tep-tra-loi',
    run: async (c, a, id, b) => {
      await c.handling.removeAnswerFile(a, id, Number(str(b, 'attId', 20)) || 0);
      return 'da-xoa-tep';
    },
  },
};

/** What the form had typed, and the service's problems placed on the form's fields. */
function refused(
  def: ActionDef | undefined,
  body: unknown,
  err: { message: string; details: readonly { field: string; message: string }[] },
  fallbackForm: string,
): FormState {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) if (typeof v === 'string' && k !== '_csrf') values[k] = v;
  const errors: Record<string, string> = {};
  let loose = '';
  for (const d of err.details) {
    const f = def?.fields?.[d.field];
    if (f) errors[f] = errors[f] ? `${errors[f]} ${d.message}` : d.message;
    else loose = loose ? `${loose} ${d.message}` : d.message;
  }
  if (err.details.length === 0) loose = err.message;
  return { values, errors, ...(loose ? { formError: { form: def?.form ?? fallbackForm, message: loose } } : {}) };
}

/** The chosen files (an empty file input sends an empty part), and the names of those over the size limit. */
async function readFiles(parts: AsyncIterableIterator<Multipart>): Promise<{ files: IncomingFile[]; tooLarge: string[] }> {
  const files: IncomingFile[] = [];
  const tooLarge: string[] = [];
  for await (const part of parts) {
    if (part.type !== 'file') continue;
    const data = await part.toBuffer();
    if (part.fieldname !== 'files' || (!part.filename && data.length === 0)) continue;
    if (part.file.truncated) tooLarge.push(part.filename);
    else files.push({ filename: part.filename, data });
  }
  return { files, tooLarge };
}

export function registerActionRoutes(
  app: FastifyInstance,
  ctx: InquiryRoutesContext,
  admin: AccountsModule['admin'],
  pages: Record<Lang, { detail: Renderer; publish: Renderer }>,
): void {
  const guard = csrfGuard(app, ctx.db);
  for (const L of ['vi', 'en'] as const) {
    const base = adminHref(L, 'inquiries');
    app.post<{ Params: { id: string } }>(`${base}/:id`, { preHandler: guard, bodyLimit: 1024 * 1024 }, async (request, reply) => {
      const id = idParam(request.params.id);
      const s = await siteScope(admin, request);
      const name = str(request.body, 'thao_tac', 40);
      const def = Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined;
      if (!def)
        return pages[L].detail(
          request,
          reply,
          s,
          id,
          {
            values: {},
            errors: {},
            formError: { form: 'thao-tac', message: t(L, 'common.unknownActionReloadPage') },
          },
          422,
        );
      try {
        const notice = await def.run(ctx, s.actor, id, request.body);
        return reply.redirect(`${base}/${id}?tb=${notice}`, 303);
      } catch (err) {
        if (!isDomainError(err) || (err.status !== 422 && err.status !== 409)) throw err;
        return pages[L][def.page ?? 'detail'](request, reply, s, id, refused(def, request.body, err, def.form), err.status);
      }
    });
  }

  // Uploads in a scope of their own: only these routes parse multipart bodies. Not awaited
  // (see media.admin.ts): the application's error handler is installed after the modules.
  void app.register(async (scope) => {
    await scope.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: ANSWER_FILES.maxBytes + 1, files: 10, fields: 5, parts: 16, fieldSize: 1024, headerPairs: 50 },
    });
    for (const L of ['vi', 'en'] as const) {
      const base = adminHref(L, 'inquiries');
      for (const kind of ['answerFiles', 'publicFiles'] as const) {
        scope.post<{ Params: { id: string } }>(`${base}/:id/${SUB[kind][L]}`, { preHandler: [readCsrfPart, guard] }, async (request, reply) => {
          const id = idParam(request.params.id);
          const s = await siteScope(admin, request);
          const parts = remainingParts(request);
          const again = (message: string, status: number) => pages[L].detail(request, reply, s, id, { values: {}, errors: { [kind]: message } }, status);
          if (!parts) return again(t(L, 'actions.chooseFilesUploadForm'), 415);
          let read: { files: IncomingFile[]; tooLarge: string[] };
          try {
            read = await readFiles(parts);
          } catch (err) {
            if ((err as { statusCode?: number }).statusCode === 413) return again(t(L, 'actions.tooManyFilesOneUpload'), 413);
            throw err;
          }
          if (read.tooLarge.length) return again(t(L, 'actions.filesLargerThan10Mb', { join: read.tooLarge.join(', ') }), 413);
          if (read.files.length === 0) return again(t(L, 'actions.noFileWasChosen'), 422);
          try {
            if (kind === 'answerFiles') await ctx.handling.addAnswerFiles(s.actor, id, read.files, L);
            else await ctx.publication.addPublicFile(s.actor, id, read.files, L);
          } catch (err) {
            if (!isDomainError(err) || (err.status !== 422 && err.status !== 409)) throw err;
            return again(err.details.map((d) => d.message).join(' ') || err.message, err.status);
          }
          return reply.redirect(`${base}/${id}?tb=da-them-tep`, 303);
        });
      }
    }
  });
}
