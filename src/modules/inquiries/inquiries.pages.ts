/**
 * The public pages of citizens' requests, on every site, in Vietnamese and under /english:
 *
 *   GET/POST /gui-cau-hoi, /english/ask                 the request form (QA-1) → the confirmation with the code
 *   GET/POST /tra-cuu-cau-hoi, /english/track           the status lookup (code + e-mail or phone, by POST)
 *   POST     /tra-cuu-cau-hoi/bo-sung                    the citizen adds the information asked for
 *   GET      /tra-cuu-cau-hoi/tep/<id>?ma=…&k=…          a file of the answer (token from the status page)
 *   GET      /hoi-dap, /english/questions                the published Q&A (?linh-vuc=…&trang=…), cacheable
 *   GET      /hoi-dap/<slug>                             one entry
 *   GET      /hoi-dap/tep/<id>                           a redacted document published with an entry
 *
 * The form and status pages carry CSRF tokens and personal answers: never cached (site-shell's
 * UNCACHED), sent with `no-store`. Spam: a honeypot field, the spoken-sum challenge
 * (challenge.ts) and the submissions rate limit shared with the API. The form's one-time
 * `submission` key makes a double click or a retried post return the same request.
 */
import { readCsrfPart, remainingParts } from '../../platform/http/multipart-csrf.ts';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { Lang } from '../../platform/i18n/index.ts';
import { isDomainError, NotFound } from '../../platform/http/errors.ts';
import { platformSecret } from '../../platform/secrets/index.ts';
import { html } from '../../platform/views/html.ts';
import { renderShell } from '../../platform/views/shell.ts';
import { errorsByField } from '../../platform/views/forms.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { csrfGuard, csrfToken } from '../accounts/index.ts';
import { PATHS, publicRoutes, type Crumb, type PageSpec } from '../site-shell/index.ts';
import { requireSite, siteHref, siteName } from '../sites/index.ts';
import { challengeNonce, createChallenge, verifyChallenge, type ChallengeResult } from './challenge.ts';
import { CITIZEN_FILES, checkFiles, type IncomingFile } from './inquiry-files.ts';
import { FIELDS, fieldLabel, isField, kindLabel } from './inquiry-types.ts';
import { answerFile, attachmentDisposition, publicFile, type DownloadableFile } from './public-files.ts';
import { inquiryStyle, type Errors } from './public-common.ts';
import { askFormMain, confirmationMain, EMPTY_VALUES, type AskValues, type ChallengeView } from './public-form.view.ts';
import { qaDetailMain, qaListMain } from './public-qa.view.ts';
import { lookupMain, statusMain } from './public-status.view.ts';
import { allowListed, submissionRateLimit, type InquiryRoutesContext } from './routes-context.ts';
import { validateSubmission, type SubmissionInput } from './submission.service.ts';
import { t } from './messages.ts';

const QA_PAGE_SIZE = 20;
const INFO_SUFFIX = '/bo-sung';
const FILE_SUFFIX = '/tep';
const LOOKUP_RATE_LIMIT = { max: 20, timeWindow: '1 minute' } as const;

/** Text fields of the form: the longest is the content (10,000 characters, up to 4 bytes each). */
const FIELD_BYTES = 64 * 1024;
/** File parts read at most; beyond CITIZEN_FILES.maxFiles they are only counted. */
const MAX_FILE_PARTS = 10;

const one = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');
const SUBMISSION_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function notFound(): NotFound {
  return new NotFound('inquiry.page_not_found', 'No such page', { messageKey: 'error.body.404' });
}

/**
 * Challenge tokens already used for a request, with the form's key: the same post may come
 * again (a retry returns the same code), a new form may not reuse a solved token. Kept in
 * memory for the token's life; a second process does not see it, which only weakens the
 * check to what the token alone gives.
 */
class UsedChallenges {
  readonly #used = new Map<string, { key: string; until: number }>();

  conflicts(nonce: string, key: string, now = Date.now()): boolean {
    const hit = this.#used.get(nonce);
    return hit !== undefined && hit.until > now && hit.key !== key;
  }

  remember(nonce: string, key: string, now = Date.now()): void {
    if (this.#used.size > 50_000) for (const [n, v] of this.#used) if (v.until <= now) this.#used.delete(n);
    this.#used.set(nonce, { key, until: now + 2 * 60 * 60 * 1000 });
  }
}

// ── Reading the form ────────────────────────────────────────────────────────────────

interface AskForm {
  fields: Map<string, string>;
  files: IncomingFile[];
  /** Names of files over the size limit (not kept). */
  tooLarge: string[];
  /** More files than allowed were sent. */
  tooMany: boolean;
  /** The form was larger than any real one (too many fields or parts). */
  oversized: boolean;
}

async function drain(stream: AsyncIterable<Buffer>): Promise<number> {
  let bytes = 0;
  for await (const chunk of stream) bytes += chunk.length;
  return bytes;
}

async function readAskForm(request: FastifyRequest): Promise<AskForm> {
  const form: AskForm = { fields: new Map(), files: [], tooLarge: [], tooMany: false, oversized: false };
  const parts = remainingParts(request);
  if (!parts) {
    // A url-encoded post (no files): what a script or an old client may send.
    const body = (request.body ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(body)) form.fields.set(k, one(v));
    return form;
  }
  try {
    for await (const part of parts) {
      if (part.type === 'file') {
        const counted = form.files.length + form.tooLarge.length;
        if (part.fieldname !== 'files' || counted >= CITIZEN_FILES.maxFiles) {
          const bytes = await drain(part.file as AsyncIterable<Buffer>);
          if (part.fieldname === 'files' && (part.filename || bytes > 0)) form.tooMany = true;
          continue;
        }
        const chunks: Buffer[] = [];
        let bytes = 0;
        for await (const chunk of part.file as AsyncIterable<Buffer>) {
          bytes += chunk.length;
          if (!part.file.truncated) chunks.push(chunk);
        }
        // A browser sends an empty part when no file was chosen.
        if (!part.filename && bytes === 0) continue;
        if (part.file.truncated) form.tooLarge.push(part.filename || 'tep');
        else form.files.push({ filename: part.filename || 'tep', data: Buffer.concat(chunks) });
      } else if (typeof part.value === 'string' && !form.fields.has(part.fieldname)) {
        form.fields.set(part.fieldname, part.value);
      }
    }
  } catch (err) {
    const code = String((err as { code?: unknown }).code ?? '');
    if (code === 'FST_FILES_LIMIT') form.tooMany = true;
    else if (/^FST_.*_LIMIT$/.test(code)) form.oversized = true;
    else throw Object.assign(new Error('Malformed form upload'), { statusCode: 400, code: 'inquiry.malformed_form' });
  }
  return form;
}

function valuesOf(form: AskForm): AskValues {
  const f = (name: string) => form.fields.get(name) ?? '';
  const key = f('submission').trim().toLowerCase();
  return {
    kind: f('kind'),
    field: f('field'),
    agency: f('agency'),
    title: f('title'),
    content: f('content'),
    name: f('name'),
    email: f('email'),
    phone: f('phone'),
    address: f('address'),
    consentPrivacy: f('consentPrivacy') !== '',
    consentPublish: f('consentPublish') !== '',
    submission: SUBMISSION_KEY.test(key) ? key : randomUUID(),
  };
}

function challengeMessage(L: Lang, result: Exclude<ChallengeResult, 'ok'>, empty: boolean): string {
  if (empty) return t(L, 'inquiries.pleaseAnswerCheckQuestionDigits');
  if (result === 'expired') return t(L, 'inquiries.checkQuestionHasExpiredWas');
  return t(L, 'inquiries.answerCheckQuestionNotRight');
}

// ── Routes ──────────────────────────────────────────────────────────────────────────

export function registerInquiryPages(app: FastifyInstance, ctx: InquiryRoutesContext): void {
  const guard = csrfGuard(app, ctx.db);
  const used = new UsedChallenges();
  let secretPromise: Promise<string> | undefined;
  const challengeSecret = (): Promise<string> => {
    secretPromise ??= platformSecret(ctx.db, 'inquiry-challenge').catch((err: unknown) => {
      secretPromise = undefined;
      throw err;
    });
    return secretPromise;
  };

  const other = (L: Lang): Lang => (L === 'vi' ? 'en' : 'vi');
  const home = (request: FastifyRequest, L: Lang): Crumb => ({ label: t(L, 'shell.home'), href: siteHref(requireSite(request), '/') });
  const qaCrumb = (request: FastifyRequest, L: Lang): Crumb => ({
    label: t(L, 'common.questionsAnswers'),
    href: siteHref(requireSite(request), PATHS.qa[L]),
  });

  /**
   * A page never cached anywhere: it holds a CSRF token or a citizen's own request. `here` is
   * the page's address for a GET (a POST's answer names the form it came from, so the
   * display-preference links and the canonical address lead back to a page that exists).
   */
  async function sendPrivate(request: FastifyRequest, reply: FastifyReply, page: PageSpec, status = 200, here?: string): Promise<FastifyReply> {
    const shell = await ctx.shell.shellFor(request);
    const where = here ? { currentUrl: here, canonicalUrl: `${request.protocol}://${request.host}${here}` } : {};
    const body = renderShell({ ...shell, ...where }, { ...page, head: page.head ?? inquiryStyle() });
    return reply.code(status).header('cache-control', 'no-store').header('vary', 'Cookie').type('text/html; charset=utf-8').send(body);
  }

  async function sendFile(reply: FastifyReply, file: DownloadableFile, cacheControl: string): Promise<FastifyReply> {
    const data = await ctx.storage.get(file.storage_key);
    if (!data) throw notFound();
    return reply
      .header('content-type', file.mime)
      .header('content-disposition', attachmentDisposition(file.filename))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', cacheControl)
      .header('content-length', data.length)
      .send(data);
  }

  // ── The form ──

  interface AskState {
    values: AskValues;
    errors: Errors;
    challenge: ChallengeView;
  }

  async function newChallenge(L: Lang): Promise<ChallengeView> {
    const c = createChallenge(await challengeSecret(), L);
    return { question: c.question, token: c.token, answer: '', solved: false };
  }

  async function askPage(request: FastifyRequest, reply: FastifyReply, L: Lang, state: AskState, status: number): Promise<FastifyReply> {
    const site = requireSite(request);
    const agencies = await ctx.agencies.list(site.site.id);
    const refused = Object.keys(state.errors).length > 0;
    const title = t(L, 'common.sendQuestionFeedback');
    return sendPrivate(
      request,
      reply,
      {
        title: refused ? t(L, 'inquiries.error', { title }) : title,
        description: t(L, 'inquiries.sendQuestionFeedbackPetitionComplaint'),
        breadcrumbs: [home(request, L), qaCrumb(request, L), { label: title }],
        alternate: { lang: other(L), href: siteHref(site, PATHS.ask[other(L)], other(L)) },
        main: askFormMain({
          lang: L,
          action: siteHref(site, PATHS.ask[L]),
          csrf: csrfToken(request, reply),
          values: state.values,
          errors: state.errors,
          challenge: state.challenge,
          agencies: agencies.map((a) => ({ id: a.id, name: a.name })),
          retentionMonths: ctx.config.inquiryRetentionMonths,
          statusHref: siteHref(site, PATHS.inquiryStatus[L]),
          qaHref: siteHref(site, PATHS.qa[L]),
          siteName: siteName(site.site, L),
        }),
      },
      status,
      request.method === 'GET' ? undefined : siteHref(site, PATHS.ask[L]),
    );
  }

  async function submitAsk(request: FastifyRequest, reply: FastifyReply, L: Lang): Promise<FastifyReply> {
    const site = requireSite(request);
    const form = await readAskForm(request);
    const values = valuesOf(form);
    const secret = await challengeSecret();

    // A filled honeypot: a robot. Nothing is saved and nothing says why.
    if ((form.fields.get('website') ?? '').trim() !== '') {
      request.log.info({ code: 'inquiry.honeypot' }, 'request refused');
      const message = t(L, 'inquiries.requestCouldNotSentPlease');
      return askPage(request, reply, L, { values, errors: { form: message }, challenge: await newChallenge(L) }, 422);
    }

    const token = form.fields.get('challenge_token') ?? '';
    const answer = (form.fields.get('challenge_answer') ?? '').slice(0, 40);
    let verdict: ChallengeResult = verifyChallenge(secret, token, answer);
    const nonce = challengeNonce(secret, token);
    if (verdict === 'ok' && nonce && used.conflicts(nonce, values.submission)) verdict = 'expired';
    const challenge: ChallengeView = verdict === 'ok' ? { question: '', token, answer, solved: true } : await newChallenge(L);

    const early: { field: string; message: string }[] = [];
    if (verdict !== 'ok') early.push({ field: 'challenge', message: challengeMessage(L, verdict, answer.trim() === '') });
    if (form.oversized) early.push({ field: 'form', message: t(L, 'inquiries.formSentTooLargeNot') });
    const mb = Math.round(CITIZEN_FILES.maxBytes / 1024 / 1024);
    for (const name of form.tooLarge) early.push({ field: 'files', message: t(L, 'inquiries.fileLargerThanMb', { name, mb }) });
    if (form.tooMany)
      early.push({
        field: 'files',
        message: t(L, 'inquiries.mostFilesCanSent', { maxFiles: CITIZEN_FILES.maxFiles }),
      });

    const input: SubmissionInput = {
      siteId: site.site.id,
      channel: 'web',
      kind: values.kind,
      field: values.field,
      agencyId: values.agency.trim() === '' ? null : /^\d{1,15}$/.test(values.agency.trim()) ? Number(values.agency.trim()) : Number.NaN,
      title: values.title,
      body: values.content,
      name: values.name,
      email: values.email,
      phone: values.phone,
      address: values.address,
      consentPrivacy: values.consentPrivacy,
      consentPublish: values.consentPublish,
      // Keyed by the solved challenge: a token replayed (even from another process) finds the
      // request it already made — the same code for the same post, a 409 for other content.
      idempotencyKey: nonce ? `web:${nonce}` : `web:${values.submission}`,
      files: form.files,
      lang: L,
      statusUrl: await ctx.statusUrl(site.site.id, L),
    };

    if (early.length > 0) {
      // Say everything that is wrong at once, without recording anything.
      const { problems } = await validateSubmission(ctx.db, input);
      const checked = await checkFiles(form.files, CITIZEN_FILES, L);
      const all = [...early, ...problems, ...checked.problems.map((message) => ({ field: 'files', message }))];
      return askPage(request, reply, L, { values, errors: errorsByField(all), challenge }, 422);
    }

    let result: Awaited<ReturnType<typeof ctx.submission.submit>>;
    try {
      result = await ctx.submission.submit(input);
    } catch (err) {
      if (isDomainError(err) && err.status === 422) return askPage(request, reply, L, { values, errors: errorsByField(err.details), challenge }, 422);
      if (isDomainError(err) && err.code === 'inquiry.idempotency_mismatch') {
        // The same form was sent before with other content (back button, then edits): this is a new request.
        const message = t(L, 'inquiries.formWasAlreadySentOther');
        return askPage(
          request,
          reply,
          L,
          { values: { ...values, submission: randomUUID() }, errors: { form: message }, challenge: await newChallenge(L) },
          409,
        );
      }
      throw err;
    }
    if (nonce) used.remember(nonce, values.submission);

    const row = result.row;
    const title = t(L, 'inquiries.requestSent');
    return sendPrivate(
      request,
      reply,
      {
        title,
        breadcrumbs: [home(request, L), qaCrumb(request, L), { label: title }],
        head: html`${inquiryStyle()}<meta name="robots" content="noindex">`,
        main: confirmationMain({
          lang: L,
          code: row.code,
          title: row.title,
          kindLabel: kindLabel(row.kind, L),
          fieldLabel: fieldLabel(row.field, L),
          answerDue: result.answerDue,
          emailed: row.email !== '',
          statusHref: `${siteHref(site, PATHS.inquiryStatus[L])}?ma=${encodeURIComponent(row.code)}`,
          askHref: siteHref(site, PATHS.ask[L]),
          qaHref: siteHref(site, PATHS.qa[L]),
        }),
      },
      200,
      siteHref(site, PATHS.ask[L]),
    );
  }

  // ── The status page ──

  async function lookupPage(
    request: FastifyRequest,
    reply: FastifyReply,
    L: Lang,
    v: { code: string; contact: string; notFound: boolean; errors: Errors },
    status: number,
  ): Promise<FastifyReply> {
    const site = requireSite(request);
    const title = t(L, 'common.trackYourRequest');
    return sendPrivate(
      request,
      reply,
      {
        title: v.notFound || Object.keys(v.errors).length ? t(L, 'inquiries.error', { title }) : title,
        breadcrumbs: [home(request, L), qaCrumb(request, L), { label: title }],
        alternate: { lang: other(L), href: siteHref(site, PATHS.inquiryStatus[other(L)], other(L)) },
        head: html`${inquiryStyle()}<meta name="robots" content="noindex">`,
        main: lookupMain({
          lang: L,
          action: siteHref(site, PATHS.inquiryStatus[L]),
          csrf: csrfToken(request, reply),
          ...v,
          askHref: siteHref(site, PATHS.ask[L]),
          qaHref: siteHref(site, PATHS.qa[L]),
        }),
      },
      status,
      request.method === 'GET' ? undefined : siteHref(site, PATHS.inquiryStatus[L]),
    );
  }

  async function statusPage(
    request: FastifyRequest,
    reply: FastifyReply,
    L: Lang,
    found: { code: string; contact: string },
    extra: { info?: string; infoError?: string; notice?: { kind: 'ok' | 'error'; text: string } },
    status: number,
  ): Promise<FastifyReply> {
    const site = requireSite(request);
    const row = await ctx.submission.find(found.code, found.contact);
    const s = await ctx.submission.status(row, L);
    const base = siteHref(site, PATHS.inquiryStatus[L]);
    const title = `${t(L, 'inquiries.requestStatus')} ${s.code}`;
    return sendPrivate(
      request,
      reply,
      {
        title,
        breadcrumbs: [home(request, L), qaCrumb(request, L), { label: t(L, 'inquiries.track'), href: base }, { label: s.code }],
        alternate: { lang: other(L), href: siteHref(site, PATHS.inquiryStatus[other(L)], other(L)) },
        head: html`${inquiryStyle()}<meta name="robots" content="noindex">`,
        main: statusMain({
          lang: L,
          s,
          fileHref: (f) => `${base}${FILE_SUFFIX}/${f.id}?ma=${encodeURIComponent(s.code)}&k=${encodeURIComponent(f.token)}`,
          qaHref: (slug) => siteHref(site, `${PATHS.qa[L]}/${slug}`),
          ...(s.status === 'needs_info'
            ? {
                addInfo: {
                  action: `${base}${INFO_SUFFIX}`,
                  csrf: csrfToken(request, reply),
                  code: s.code,
                  contact: found.contact,
                  value: extra.info ?? '',
                  ...(extra.infoError ? { error: extra.infoError } : {}),
                },
              }
            : {}),
          ...(extra.notice ? { notice: extra.notice } : {}),
          lookupHref: base,
          askHref: siteHref(site, PATHS.ask[L]),
          qaListHref: siteHref(site, PATHS.qa[L]),
        }),
      },
      status,
      base,
    );
  }

  const lookupInput = (request: FastifyRequest) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    return { code: one(body.code).slice(0, 60), contact: one(body.contact).slice(0, 254) };
  };

  // ── The Q&A section ──

  async function qaList(request: FastifyRequest, reply: FastifyReply, L: Lang): Promise<FastifyReply> {
    const site = requireSite(request);
    const query = (request.query ?? {}) as Record<string, unknown>;
    const rawField = one(query['linh-vuc']);
    if (rawField && !isField(rawField)) throw notFound();
    const field = rawField || undefined;
    const rawPage = one(query.trang);
    if (query.trang !== undefined && !/^[1-9]\d{0,5}$/.test(rawPage)) throw notFound();
    const page = rawPage ? Number(rawPage) : 1;
    const [list, counts] = await Promise.all([ctx.publication.list(site.site.id, field, page, QA_PAGE_SIZE), ctx.publication.fieldCounts(site.site.id)]);
    if (page > 1 && list.rows.length === 0) throw notFound();
    const base = siteHref(site, PATHS.qa[L]);
    const hrefFor = (f: string | undefined, n = 1) => {
      const p = new URLSearchParams();
      if (f) p.set('linh-vuc', f);
      if (n > 1) p.set('trang', String(n));
      const q = p.toString();
      return q ? `${base}?${q}` : base;
    };
    const pages = Math.max(1, Math.ceil(list.total / QA_PAGE_SIZE));
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const currentField = field ? fieldLabel(field, L) : undefined;
    const title = currentField ? `${t(L, 'common.questionsAnswers')}: ${currentField}` : t(L, 'common.questionsAnswers');
    const excerpt = (s: string) => (s.length > 240 ? `${s.slice(0, 239).trimEnd()}…` : s);
    return ctx.shell.sendPage(request, reply, {
      title: page > 1 ? `${title} — ${t(L, 'inquiries.page')} ${page}` : title,
      description: t(L, 'inquiries.citizensQuestionsCompetentAgenciesAnswer'),
      breadcrumbs: field ? [home(request, L), qaCrumb(request, L), { label: currentField! }] : [home(request, L), { label: title }],
      alternate: { lang: other(L), href: siteHref(site, PATHS.qa[other(L)], other(L)) },
      head: inquiryStyle(),
      main: qaListMain({
        lang: L,
        entries: list.rows.map((r) => ({
          title: r.public_title,
          href: siteHref(site, `${PATHS.qa[L]}/${r.public_slug}`),
          fieldLabel: fieldLabel(r.field, L),
          publishedAt: new Date(r.published_at),
          excerpt: excerpt(r.public_question.replace(/\s+/g, ' ').trim()),
        })),
        total: list.total,
        fields: FIELDS.filter((f) => (counts.get(f.code) ?? 0) > 0).map((f) => ({
          label: f.label[L],
          href: hrefFor(f.code),
          count: counts.get(f.code) ?? 0,
          current: f.code === field,
        })),
        all: { href: base, count: total, current: !field },
        currentField,
        pagination: pagination(L, page, pages, (n) => hrefFor(field, n)),
        askHref: siteHref(site, PATHS.ask[L]),
        statusHref: siteHref(site, PATHS.inquiryStatus[L]),
      }),
    });
  }

  async function qaEntry(request: FastifyRequest, reply: FastifyReply, L: Lang, slug: string): Promise<FastifyReply> {
    const site = requireSite(request);
    if (!/^[a-z0-9][a-z0-9-]{0,150}$/.test(slug)) throw notFound();
    const entry = await ctx.publication.bySlug(site.site.id, slug);
    if (!entry) throw notFound();
    const [files, agencies] = await Promise.all([
      ctx.publication.publicFiles(entry.id),
      entry.agency_id ? ctx.agencies.list(site.site.id, false) : Promise.resolve([]),
    ]);
    const base = siteHref(site, PATHS.qa[L]);
    return ctx.shell.sendPage(request, reply, {
      title: entry.public_title,
      description: entry.public_question.replace(/\s+/g, ' ').slice(0, 200),
      date: new Date(entry.published_at),
      breadcrumbs: [
        home(request, L),
        qaCrumb(request, L),
        { label: fieldLabel(entry.field, L), href: `${base}?linh-vuc=${entry.field}` },
        { label: entry.public_title },
      ],
      alternate: { lang: other(L), href: siteHref(site, `${PATHS.qa[other(L)]}/${slug}`, other(L)) },
      head: inquiryStyle(),
      main: qaDetailMain({
        lang: L,
        title: entry.public_title,
        question: entry.public_question,
        answerHtml: entry.public_answer_html,
        fieldLabel: fieldLabel(entry.field, L),
        fieldHref: `${base}?linh-vuc=${entry.field}`,
        publishedAt: new Date(entry.published_at),
        answeredAt: entry.answered_at ? new Date(entry.answered_at) : null,
        agency: agencies.find((a) => a.id === entry.agency_id)?.name ?? null,
        files: files.map((f) => ({ href: `${base}${FILE_SUFFIX}/${f.id}`, filename: f.filename, size: f.size })),
        listHref: base,
        askHref: siteHref(site, PATHS.ask[L]),
      }),
    });
  }

  const idParam = (v: string): number => {
    if (!/^[1-9]\d{0,14}$/.test(v)) throw notFound();
    return Number(v);
  };

  publicRoutes(app, (scope, L) => {
    scope.get(PATHS.ask[L], async (request, reply) => {
      requireSite(request);
      return askPage(request, reply, L, { values: { ...EMPTY_VALUES, submission: randomUUID() }, errors: {}, challenge: await newChallenge(L) }, 200);
    });

    // The form's post in a scope of its own: only it parses multipart bodies. Not awaited
    // (see media.admin.ts: the error handler is installed after the modules).
    void scope.register(async (mp) => {
      await mp.register(multipart, {
        // A file above the limit is cut short (not kept) and reported on the form.
        throwFileSizeLimit: false,
        limits: { fileSize: CITIZEN_FILES.maxBytes, files: MAX_FILE_PARTS, fields: 40, parts: 60, fieldSize: FIELD_BYTES, headerPairs: 50 },
      });
      mp.post(PATHS.ask[L], { config: submissionRateLimit(ctx.config), preHandler: [readCsrfPart, guard] }, async (request, reply) =>
        submitAsk(request, reply, L),
      );
    });

    const lookupLimit = { rateLimit: { ...LOOKUP_RATE_LIMIT, groupId: 'inquiry-status-page', allowList: allowListed(ctx.config) } };

    scope.get(PATHS.inquiryStatus[L], async (request, reply) => {
      const code = one(((request.query ?? {}) as Record<string, unknown>).ma).slice(0, 60);
      return lookupPage(request, reply, L, { code, contact: '', notFound: false, errors: {} }, 200);
    });

    scope.post(PATHS.inquiryStatus[L], { config: lookupLimit, preHandler: guard }, async (request, reply) => {
      const v = lookupInput(request);
      const errors: Errors = {};
      if (!v.code.trim()) errors.code = t(L, 'inquiries.enterTrackingCode');
      if (!v.contact.trim()) errors.contact = t(L, 'inquiries.enterEMailAddressPhone');
      if (Object.keys(errors).length) return lookupPage(request, reply, L, { ...v, notFound: false, errors }, 422);
      try {
        return await statusPage(request, reply, L, v, {}, 200);
      } catch (err) {
        if (isDomainError(err) && err.status === 404) return lookupPage(request, reply, L, { ...v, notFound: true, errors: {} }, 404);
        throw err;
      }
    });

    scope.post(`${PATHS.inquiryStatus[L]}${INFO_SUFFIX}`, { config: lookupLimit, preHandler: guard }, async (request, reply) => {
      const v = lookupInput(request);
      const info = one(((request.body ?? {}) as Record<string, unknown>).info).slice(0, 20_000);
      try {
        await ctx.submission.addInformation(v.code, v.contact, info, L);
      } catch (err) {
        if (isDomainError(err) && err.status === 404) return lookupPage(request, reply, L, { ...v, notFound: true, errors: {} }, 404);
        if (isDomainError(err) && err.status === 422) return statusPage(request, reply, L, v, { info, infoError: err.details[0]?.message ?? err.message }, 422);
        if (isDomainError(err) && err.status === 409) {
          return statusPage(request, reply, L, v, { notice: { kind: 'error', text: t(L, 'inquiries.noInformationNeededRequestNow') } }, 409);
        }
        throw err;
      }
      const notice = t(L, 'inquiries.yourInformationWasSentRequest');
      return statusPage(request, reply, L, v, { notice: { kind: 'ok', text: notice } }, 200);
    });

    scope.get<{ Params: { id: string } }>(`${PATHS.inquiryStatus[L]}${FILE_SUFFIX}/:id`, async (request, reply) => {
      const site = requireSite(request);
      const q = (request.query ?? {}) as Record<string, unknown>;
      const file = await answerFile(ctx.db, site.site.id, one(q.ma).slice(0, 60), idParam(request.params.id), one(q.k).slice(0, 100));
      if (!file) throw notFound();
      return sendFile(reply, file, 'private, no-store');
    });

    // ── Q&A ──

    scope.get(PATHS.qa[L], async (request, reply) => qaList(request, reply, L));

    scope.get<{ Params: { id: string } }>(`${PATHS.qa[L]}${FILE_SUFFIX}/:id`, async (request, reply) => {
      const site = requireSite(request);
      const file = await publicFile(ctx.db, site.site.id, idParam(request.params.id));
      if (!file) throw notFound();
      return sendFile(reply, file, 'public, max-age=300');
    });

    scope.get<{ Params: { slug: string } }>(`${PATHS.qa[L]}/:slug`, async (request, reply) => qaEntry(request, reply, L, request.params.slug));
  });
}
