/**
 * The public Q&A section (QA-5), on every site: GET /hoi-dap (/english/questions) lists the
 * published answers by field (`?linh-vuc=<field>&trang=<n>`; an unknown field or page is a 404),
 * GET /hoi-dap/<slug> shows one. Cacheable: they hold nothing personal.
 */
import { NotFound } from '../../platform/http/errors.ts';
import { NoQuery, SlugParams } from '../../platform/http/schemas.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { pagination } from '../../platform/views/pagination.ts';
import type { SiteShell } from '../site-shell/index.ts';
import { requireSite, siteHref } from '../sites/index.ts';
import type { AgencyService } from './agencies.service.ts';
import { QaQuery } from './inquiries.schema.ts';
import { fieldLabel, isField } from './inquiry-types.ts';
import { PUBLIC_SUFFIX, publicPaths } from './paths.ts';
import { qaEntryModel, qaListHref, qaListModel } from './present/qa.present.ts';
import type { PublicationService } from './publication.service.ts';
import { citizenCrumbs, otherLang } from './public-page.ts';
import { inquiryStyle } from './views/citizen-pages.ts';
import { qaDetailMain, qaListMain } from './views/qa.view.ts';
import { t } from './messages.ts';

export interface QaDeps {
  shell: SiteShell;
  publication: PublicationService;
  agencies: AgencyService;
}

const PAGE_SIZE = 20;

function notFound(): NotFound {
  return new NotFound('inquiry.page_not_found', 'No such page', { messageKey: 'error.body.404' });
}

export function qaRoutes(routes: Routes, lang: Lang, deps: QaDeps): void {
  const path = publicPaths.path(lang, 'qa');

  routes.get(path, { schema: { querystring: QaQuery }, config: { cache: true } }, async (request, reply) => {
    const site = requireSite(request);
    const { 'linh-vuc': rawField = '', trang } = request.query;
    if (rawField && !isField(rawField)) throw notFound();
    const field = isField(rawField) ? rawField : undefined;
    if (trang !== undefined && !/^[1-9]\d{0,5}$/.test(trang)) throw notFound();
    const page = trang ? Number(trang) : 1;
    const [list, counts] = await Promise.all([deps.publication.list(site.site.id, field, page, PAGE_SIZE), deps.publication.fieldCounts(site.site.id)]);
    if (page > 1 && list.rows.length === 0) throw notFound();
    const base = siteHref(site, path);
    const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
    const heading = field ? `${t(lang, 'common.questionsAnswers')}: ${fieldLabel(field, lang)}` : t(lang, 'common.questionsAnswers');
    const [home, qa] = citizenCrumbs(request, lang);
    return deps.shell.sendPage(request, reply, {
      title: page > 1 ? `${heading} — ${t(lang, 'inquiries.page')} ${page}` : heading,
      description: t(lang, 'inquiries.citizensQuestionsCompetentAgenciesAnswer'),
      breadcrumbs: field ? [home, qa, { label: fieldLabel(field, lang) }] : [home, { label: heading }],
      alternate: { lang: otherLang(lang), href: siteHref(site, publicPaths.path(otherLang(lang), 'qa'), otherLang(lang)) },
      head: inquiryStyle(),
      main: qaListMain(
        qaListModel(
          lang,
          list.rows,
          list.total,
          counts,
          field,
          pagination(lang, page, pages, (n) => qaListHref(base, field, n)),
          {
            list: base,
            entry: (slug) => siteHref(site, publicPaths.path(lang, 'qa', `/${slug}`)),
            file: (id) => `${base}${PUBLIC_SUFFIX.file}/${id}`,
            ask: siteHref(site, publicPaths.path(lang, 'ask')),
            status: siteHref(site, publicPaths.path(lang, 'inquiryStatus')),
          },
        ),
      ),
    });
  });

  routes.get(`${path}/:slug`, { schema: { params: SlugParams, querystring: NoQuery }, config: { cache: true } }, async (request, reply) => {
    const site = requireSite(request);
    const { slug } = request.params;
    const entry = await deps.publication.bySlug(site.site.id, slug);
    if (!entry) throw notFound();
    const [files, agencies] = await Promise.all([
      deps.publication.publicFiles(entry.id),
      entry.agency_id ? deps.agencies.list(site.site.id, false) : Promise.resolve([]),
    ]);
    const base = siteHref(site, path);
    const view = qaEntryModel(lang, entry, files, agencies, {
      list: base,
      file: (id) => `${base}${PUBLIC_SUFFIX.file}/${id}`,
      ask: siteHref(site, publicPaths.path(lang, 'ask')),
    });
    return deps.shell.sendPage(request, reply, {
      title: entry.public_title,
      description: entry.public_question.replace(/\s+/g, ' ').slice(0, 200),
      date: new Date(entry.published_at),
      breadcrumbs: [...citizenCrumbs(request, lang), { label: view.fieldLabel, href: view.fieldHref }, { label: entry.public_title }],
      alternate: { lang: otherLang(lang), href: siteHref(site, publicPaths.path(otherLang(lang), 'qa', `/${slug}`), otherLang(lang)) },
      head: inquiryStyle(),
      main: qaDetailMain(view),
    });
  });
}
