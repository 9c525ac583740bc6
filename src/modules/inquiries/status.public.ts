/**
 * The status page, on every site: GET /tra-cuu-cau-hoi (/english/track, `?ma=` fills in the
 * code) shows the look-up form; the look-up is a POST of the code with the e-mail or phone given,
 * so the contact stays out of addresses and logs. An unknown code and a wrong contact get the
 * same answer (404). POST /tra-cuu-cau-hoi/bo-sung adds the information the board asked for.
 * Rate-limited per address; `no-store`, never cached (the citizen's own request).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config.ts';
import { formRoute, type FieldErrors, type FormRenderer } from '../../platform/http/forms.ts';
import { NoQuery } from '../../platform/http/schemas.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { html } from '../../platform/views/html.ts';
import { csrfToken } from '../accounts/index.ts';
import type { SiteShell } from '../site-shell/index.ts';
import { requireSite, siteHref } from '../sites/index.ts';
import type { InquiryRow } from './inquiries.repo.ts';
import { InfoForm, LookupForm, StatusQuery } from './inquiries.schema.ts';
import { PUBLIC_SUFFIX, publicPaths } from './paths.ts';
import { citizenCrumbs, otherLang, sendPrivate } from './public-page.ts';
import { statusPageRateLimit } from './rate-limits.ts';
import type { SubmissionService } from './submission.service.ts';
import { inquiryStyle } from './views/citizen-pages.ts';
import { lookupMain, statusMain } from './views/status.view.ts';
import { t } from './messages.ts';

export interface StatusDeps {
  shell: SiteShell;
  submission: SubmissionService;
  config: Config;
}

interface Lookup {
  code: string;
  contact: string;
}

/** What a person typed, within what the service reads. */
const lookupOf = (v: { code?: string; contact?: string }): Lookup => ({ code: (v.code ?? '').slice(0, 60), contact: (v.contact ?? '').slice(0, 254) });

interface Extra {
  info?: string;
  infoError?: string;
  notice?: { kind: 'ok' | 'error'; text: string };
}

export function statusRoutes(routes: Routes, lang: Lang, deps: StatusDeps): void {
  const path = publicPaths.path(lang, 'inquiryStatus');
  const noindex = html`${inquiryStyle()}<meta name="robots" content="noindex">`;

  async function lookupPage(
    request: FastifyRequest,
    reply: FastifyReply,
    v: Lookup & { notFound: boolean; errors: FieldErrors },
    status: number,
  ): Promise<FastifyReply> {
    const site = requireSite(request);
    const title = t(lang, 'common.trackYourRequest');
    return sendPrivate(
      deps.shell,
      request,
      reply,
      {
        title: v.notFound || Object.keys(v.errors).length ? t(lang, 'inquiries.error', { title }) : title,
        breadcrumbs: [...citizenCrumbs(request, lang), { label: title }],
        alternate: { lang: otherLang(lang), href: siteHref(site, publicPaths.path(otherLang(lang), 'inquiryStatus'), otherLang(lang)) },
        head: noindex,
        main: lookupMain({
          lang,
          action: siteHref(site, path),
          csrf: csrfToken(request, reply),
          ...v,
          askHref: siteHref(site, publicPaths.path(lang, 'ask')),
          qaHref: siteHref(site, publicPaths.path(lang, 'qa')),
        }),
      },
      status,
      request.method === 'GET' ? undefined : siteHref(site, path),
    );
  }

  async function statusPage(request: FastifyRequest, reply: FastifyReply, found: Lookup, row: InquiryRow, extra: Extra, status: number) {
    const site = requireSite(request);
    const s = await deps.submission.status(row, lang);
    const base = siteHref(site, path);
    return sendPrivate(
      deps.shell,
      request,
      reply,
      {
        title: `${t(lang, 'inquiries.requestStatus')} ${s.code}`,
        breadcrumbs: [...citizenCrumbs(request, lang), { label: t(lang, 'inquiries.track'), href: base }, { label: s.code }],
        alternate: { lang: otherLang(lang), href: siteHref(site, publicPaths.path(otherLang(lang), 'inquiryStatus'), otherLang(lang)) },
        head: noindex,
        main: statusMain({
          lang,
          s,
          fileHref: (f) => `${base}${PUBLIC_SUFFIX.file}/${f.id}?ma=${encodeURIComponent(s.code)}&k=${encodeURIComponent(f.token)}`,
          qaHref: (slug) => siteHref(site, publicPaths.path(lang, 'qa', `/${slug}`)),
          ...(s.status === 'needs_info'
            ? {
                addInfo: {
                  action: `${base}${PUBLIC_SUFFIX.info}`,
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
          askHref: siteHref(site, publicPaths.path(lang, 'ask')),
          qaListHref: siteHref(site, publicPaths.path(lang, 'qa')),
        }),
      },
      status,
      base,
    );
  }

  routes.get(path, { schema: { querystring: StatusQuery } }, async (request, reply) =>
    lookupPage(request, reply, { code: (request.query.ma ?? '').slice(0, 60), contact: '', notFound: false, errors: {} }, 200),
  );

  const renderLookup: FormRenderer<typeof LookupForm> = (request, reply, { values, errors }, status) =>
    lookupPage(request, reply, { ...lookupOf(values), notFound: false, errors }, status);

  const lookup = formRoute(LookupForm, { render: renderLookup });
  routes.post(path, { ...lookup, schema: { ...lookup.schema, querystring: NoQuery }, config: statusPageRateLimit(deps.config) }, async (request, reply) => {
    const v = lookupOf(request.body);
    const errors: FieldErrors = {};
    if (!v.code.trim()) errors.code = t(lang, 'inquiries.enterTrackingCode');
    if (!v.contact.trim()) errors.contact = t(lang, 'inquiries.enterEMailAddressPhone');
    if (Object.keys(errors).length) return lookupPage(request, reply, { ...v, notFound: false, errors }, 422);
    const row = await deps.submission.lookup(v.code, v.contact);
    if (!row) return lookupPage(request, reply, { ...v, notFound: true, errors: {} }, 404);
    return statusPage(request, reply, v, row, {}, 200);
  });

  // The information was refused (422: too short, say) or is no longer asked for (409).
  const renderInfo: FormRenderer<typeof InfoForm> = async (request, reply, { values, errors }, status) => {
    const v = lookupOf(values);
    const row = await deps.submission.lookup(v.code, v.contact);
    if (!row) return lookupPage(request, reply, { ...v, notFound: true, errors: {} }, 404);
    const extra: Extra =
      status === 409
        ? { notice: { kind: 'error', text: t(lang, 'inquiries.noInformationNeededRequestNow') } }
        : { info: values.info ?? '', infoError: errors.info ?? Object.values(errors)[0] ?? '' };
    return statusPage(request, reply, v, row, extra, status);
  };

  const info = formRoute(InfoForm, { render: renderInfo });
  routes.post(
    `${path}${PUBLIC_SUFFIX.info}`,
    { ...info, schema: { ...info.schema, querystring: NoQuery }, config: statusPageRateLimit(deps.config) },
    async (request, reply) => {
      const v = lookupOf(request.body);
      if (!(await deps.submission.lookup(v.code, v.contact))) return lookupPage(request, reply, { ...v, notFound: true, errors: {} }, 404);
      await deps.submission.addInformation(v.code, v.contact, request.body.info, lang);
      const row = await deps.submission.find(v.code, v.contact);
      return statusPage(request, reply, v, row, { notice: { kind: 'ok', text: t(lang, 'inquiries.yourInformationWasSentRequest') } }, 200);
    },
  );
}
