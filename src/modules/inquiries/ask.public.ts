/**
 * The request form (QA-1), on every site: GET /gui-cau-hoi (/english/ask) shows it, a POST
 * (multipart: up to three files; a url-encoded post without files is taken too) records the
 * request and answers with its tracking code — only after the request was committed.
 *
 * Spam: a filled honeypot is refused (422) with nothing saved and no reason given; the spoken-sum
 * question (spam-check.ts); the submissions rate limit shared with the API. The form's one-time
 * `submission` key, and the solved question, make a double click or a retried post return the same
 * request; the same key with other content is a new request (409, a fresh form). Every problem is
 * reported at once, nothing saved. The pages hold a CSRF token: `no-store`, never cached.
 */
import { randomUUID } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config.ts';
import type { FieldProblem } from '../../platform/http/errors.ts';
import { errorsFromDetails, formRoute, type FieldErrors, type FormRenderer, type FormValues } from '../../platform/http/forms.ts';
import { uploadedFiles, type MultipartLimits } from '../../platform/http/multipart-form.ts';
import { NoQuery } from '../../platform/http/schemas.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { html } from '../../platform/views/html.ts';
import { csrfToken } from '../accounts/index.ts';
import type { SiteShell } from '../site-shell/index.ts';
import { requireSite, siteHref, siteName } from '../sites/index.ts';
import type { AgencyService } from './agencies.service.ts';
import { AskForm } from './inquiries.schema.ts';
import { CITIZEN_FILES, checkFiles } from './inquiry-files.ts';
import { publicPaths } from './paths.ts';
import { confirmationModel } from './present/ask.present.ts';
import { citizenCrumbs, otherLang, sendPrivate } from './public-page.ts';
import { submissionRateLimit } from './rate-limits.ts';
import { SpamCheck } from './spam-check.ts';
import type { SubmissionInput, SubmissionService } from './submission.service.ts';
import { askFormMain, confirmationMain, type ChallengeView } from './views/ask-form.view.ts';
import { inquiryStyle } from './views/citizen-pages.ts';
import { t } from './messages.ts';

export interface AskDeps {
  shell: SiteShell;
  submission: SubmissionService;
  agencies: AgencyService;
  spam: SpamCheck;
  config: Config;
  statusUrl(siteId: number, lang: Lang): Promise<string>;
}

const SUBMISSION_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The form's parts: its files (kept aside) and text fields as long as the longest, the content. */
const UPLOADS: MultipartLimits = {
  fileFields: ['files'],
  maxFiles: CITIZEN_FILES.maxFiles,
  maxFileBytes: CITIZEN_FILES.maxBytes,
  maxFields: 40,
  maxFieldBytes: 64 * 1024,
  malformedCode: 'inquiry.malformed_form',
};

/** Fields whose problems are shown by the field (the rest at the top of the form). */
const SHOWN = new Set([...Object.keys(AskForm.properties), 'files', 'challenge']);

type AskValues = FormValues<typeof AskForm>;

/** The form's one-time key as sent, or a fresh one when it is not one of ours. */
function formKey(sent: string | undefined): string {
  const key = (sent ?? '').trim().toLowerCase();
  return SUBMISSION_KEY.test(key) ? key : randomUUID();
}

interface AskState {
  values: AskValues;
  submission: string;
  errors: FieldErrors;
  challenge: ChallengeView;
}

export function askRoutes(routes: Routes, lang: Lang, deps: AskDeps): void {
  const path = publicPaths.path(lang, 'ask');
  /** The question each post was checked against and the key it used, for the form shown again after a refusal. */
  const checked = new WeakMap<FastifyRequest, { challenge: ChallengeView; submission: string }>();

  async function newQuestion(): Promise<ChallengeView> {
    const c = await deps.spam.question(lang);
    return { question: c.question, token: c.token, answer: '', solved: false };
  }

  async function page(request: FastifyRequest, reply: FastifyReply, state: AskState, status: number): Promise<FastifyReply> {
    const site = requireSite(request);
    const agencies = await deps.agencies.list(site.site.id);
    const title = t(lang, 'common.sendQuestionFeedback');
    return sendPrivate(
      deps.shell,
      request,
      reply,
      {
        title: Object.keys(state.errors).length > 0 ? t(lang, 'inquiries.error', { title }) : title,
        description: t(lang, 'inquiries.sendQuestionFeedbackPetitionComplaint'),
        breadcrumbs: [...citizenCrumbs(request, lang), { label: title }],
        alternate: { lang: otherLang(lang), href: siteHref(site, publicPaths.path(otherLang(lang), 'ask'), otherLang(lang)) },
        main: askFormMain({
          lang,
          action: siteHref(site, path),
          csrf: csrfToken(request, reply),
          values: state.values,
          submission: state.submission,
          errors: state.errors,
          challenge: state.challenge,
          agencies: agencies.map((a) => ({ id: a.id, name: a.name })),
          retentionMonths: deps.config.inquiryRetentionMonths,
          statusHref: siteHref(site, publicPaths.path(lang, 'inquiryStatus')),
          qaHref: siteHref(site, publicPaths.path(lang, 'qa')),
          siteName: siteName(site.site, lang),
        }),
      },
      status,
      request.method === 'GET' ? undefined : siteHref(site, path),
    );
  }

  const render: FormRenderer<typeof AskForm> = async (request, reply, { values, errors }, status) => {
    // The only conflict: this form was sent before with other content (back, then edits). It is a
    // new request now: a new key, a new question.
    if (status === 409) {
      const again = { values, submission: randomUUID(), errors: { form: t(lang, 'inquiries.formWasAlreadySentOther') }, challenge: await newQuestion() };
      return page(request, reply, again, 409);
    }
    const seen = checked.get(request);
    const challenge = seen?.challenge ?? (await newQuestion());
    return page(request, reply, { values, submission: seen?.submission ?? formKey(values.submission), errors, challenge }, status);
  };

  routes.get(path, { schema: { querystring: NoQuery } }, async (request, reply) => {
    requireSite(request);
    return page(request, reply, { values: { kind: 'question' }, submission: randomUUID(), errors: {}, challenge: await newQuestion() }, 200);
  });

  // Only this post reads multipart bodies: the plugin is registered in a scope of its own.
  void routes.register(async (plain) => {
    await plain.register(multipart);
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    const form = formRoute(AskForm, { render, fieldNames: { body: 'content' }, multipart: UPLOADS });
    scope.post(path, { ...form, schema: { ...form.schema, querystring: NoQuery }, config: submissionRateLimit(deps.config) }, async (request, reply) => {
      const site = requireSite(request);
      const body = request.body;
      const uploads = uploadedFiles(request);
      const submission = formKey(body.submission);
      const values: AskValues = { ...body, consentPrivacy: body.consentPrivacy ? 'on' : '', consentPublish: body.consentPublish ? 'on' : '', submission };

      // A filled honeypot: a robot. Nothing is saved and nothing says why.
      if (body.website.trim() !== '') {
        request.log.info({ code: 'inquiry.honeypot' }, 'request refused');
        const refused = { values, submission, errors: { form: t(lang, 'inquiries.requestCouldNotSentPlease') }, challenge: await newQuestion() };
        return page(request, reply, refused, 422);
      }

      const answer = body.challenge_answer.slice(0, 40);
      const verdict = await deps.spam.verify(body.challenge_token, answer, submission);
      const challenge: ChallengeView = verdict.result === 'ok' ? { question: '', token: body.challenge_token, answer, solved: true } : await newQuestion();
      checked.set(request, { challenge, submission });

      const early: FieldProblem[] = [];
      if (verdict.result !== 'ok') early.push({ field: 'challenge', message: SpamCheck.message(lang, verdict.result, answer.trim() === '') });
      if (uploads.oversized) early.push({ field: 'form', message: t(lang, 'inquiries.formSentTooLargeNot') });
      const mb = Math.round(CITIZEN_FILES.maxBytes / 1024 / 1024);
      for (const name of uploads.tooLarge) early.push({ field: 'files', message: t(lang, 'inquiries.fileLargerThanMb', { name, mb }) });
      if (uploads.tooMany) early.push({ field: 'files', message: t(lang, 'files.tooMany', { max: CITIZEN_FILES.maxFiles }) });
      const files = uploads.files.map((f) => ({ filename: f.filename, data: f.data }));
      const checkedFiles = await checkFiles(files, CITIZEN_FILES, lang);
      for (const message of checkedFiles.problems) early.push({ field: 'files', message });

      const agency = body.agency.trim();
      const input: SubmissionInput = {
        siteId: site.site.id,
        channel: 'web',
        kind: body.kind,
        field: body.field,
        agencyId: agency === '' ? null : /^\d{1,15}$/.test(agency) ? Number(agency) : Number.NaN,
        title: body.title,
        body: body.content,
        name: body.name,
        email: body.email,
        phone: body.phone,
        address: body.address,
        consentPrivacy: body.consentPrivacy,
        consentPublish: body.consentPublish,
        // Keyed by the solved question: a token replayed (even from another process) finds the
        // request it already made — the same code for the same post, a 409 for other content.
        idempotencyKey: verdict.nonce ? `web:${verdict.nonce}` : `web:${submission}`,
        files,
        lang,
        statusUrl: await deps.statusUrl(site.site.id, lang),
      };

      if (early.length > 0) {
        // Everything that is wrong at once, without recording anything.
        const errors = errorsFromDetails([...early, ...(await deps.submission.problems(input))], SHOWN, { body: 'content' });
        return page(request, reply, { values, submission, errors, challenge }, 422);
      }

      const result = await deps.submission.submit(input);
      deps.spam.remember(verdict.nonce, submission);
      const title = t(lang, 'inquiries.requestSent');
      return sendPrivate(
        deps.shell,
        request,
        reply,
        {
          title,
          breadcrumbs: [...citizenCrumbs(request, lang), { label: title }],
          head: html`${inquiryStyle()}<meta name="robots" content="noindex">`,
          main: confirmationMain(
            confirmationModel(lang, result, {
              status: siteHref(site, publicPaths.path(lang, 'inquiryStatus')),
              ask: siteHref(site, path),
              qa: siteHref(site, publicPaths.path(lang, 'qa')),
            }),
          ),
        },
        200,
        siteHref(site, path),
      );
    });
  });
}
