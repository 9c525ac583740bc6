/**
 * The finished structure screens (issue #14, point 7 and 8), relative to /quan-tri:
 *
 *   /cau-truc/chuyen-muc/<id>              one category: rename, move (never into itself), describe
 *   /cau-truc/chuyen-muc/<id>/trang-thai   POST: retire it, or use it again
 *   /cau-truc/chu-de                       the topics with their item counts; POST adds one
 *   /cau-truc/chu-de/<id>                  one topic: rename
 *   /cau-truc/chu-de/<id>/trang-thai       POST: retire it, or use it again
 *   /nhan-dang-cheo                        how this site's board receives items cross-posted from each source
 *
 * (and the same under /english/admin). Refused forms come back with what was typed and the
 * problems by field; nothing is half-saved (each change is one transaction of the service).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { FormField, formRoute, queryForm } from '../../platform/http/forms.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { IdParams, NoQuery } from '../../platform/http/schemas.ts';
import { compareText, type Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { html } from '../../platform/views/html.ts';
import { authorize } from '../access/index.ts';
import { csrfToken, type AdminScope } from '../accounts/index.ts';
import { siteName, type SiteWithHosts } from '../sites/index.ts';
import { refused, type ContentAdmin } from './admin-deps.ts';
import { categoryTrees } from './content.present.ts';
import { t } from './messages.ts';
import { adminPaths, categoryPath, topicPath } from './paths.ts';
import { ts } from './structure-messages.ts';
import { categoryEditPage, consentPage, topicEditPage, topicsPage, type CategoryEditValues } from './views/structure-edit.view.ts';
import { parentGroups } from './views/structure.view.ts';

const text = () => FormField.text({ max: 2000 });
const CategoryEditForm = Type.Object({ name: text(), description: FormField.text({ max: 64 * 1024 }), parentId: text(), position: text() });
const StatusForm = Type.Object({ retired: FormField.choice(['0', '1'] as const) });
const TopicForm = Type.Object({ nameVi: text(), nameEn: text() });
const ConsentForm = Type.Object({ source: text(), mode: text() });
const NoticeQuery = Type.Object({ tb: FormField.text({ max: 40 }) });

/** A query form's route options with the path's id. */
const withId = <O extends { schema: object }>(o: O) => ({ ...o, schema: { ...o.schema, params: IdParams } });

const STATUS_SUFFIX: Record<Lang, string> = { vi: '/trang-thai', en: '/status' };

type SiteScope = AdminScope & { site: SiteWithHosts };

export interface StructureEditDeps {
  siteById(id: number): Promise<SiteWithHosts | undefined>;
}

const NOTICES = {
  saved: 'cat.saved',
  retired: 'cat.retiredDone',
  restored: 'cat.restoredDone',
  'topic-created': 'topic.created',
  'topic-saved': 'topic.saved',
  'topic-retired': 'topic.retiredDone',
  'topic-restored': 'topic.restoredDone',
  consent: 'consent.saved',
} as const;

function noticeOf(L: Lang, errors: Record<string, string>, tb: string | undefined) {
  if (Object.keys(errors).length) return { notice: { kind: 'error' as const, text: errors.form ?? t(L, 'common.notSavedCheckMarkedFields') } };
  const key = tb && tb in NOTICES ? NOTICES[tb as keyof typeof NOTICES] : undefined;
  return key ? { notice: { kind: 'ok' as const, text: ts(L, key) } } : {};
}

const idOf = (request: FastifyRequest): number => {
  const p = request.params;
  if (p && typeof p === 'object' && 'id' in p && typeof p.id === 'string' && /^[1-9]\d{0,14}$/.test(p.id)) return Number(p.id);
  throw new NotFound('structure.not_found', 'Not found', { messageKey: 'error.body.404' });
};

export function structureEditRoutes(routes: Routes, L: Lang, deps: ContentAdmin, extra: StructureEditDeps): void {
  const { admin, categories, content } = deps;
  const paths = adminPaths.paths;
  const overviewHref = adminPaths.href(L, 'structure');
  const categoriesHref = adminPaths.href(L, 'structureCategories');
  const categoryHref = (id: number) => adminPaths.href(L, 'structureCategory', `/${id}`);
  const topicsHref = adminPaths.href(L, 'structureTopics');
  const topicHref = (id: number) => adminPaths.href(L, 'structureTopics', `/${id}`);
  const consentHref = adminPaths.href(L, 'crossPostConsent');

  async function operator(request: FastifyRequest, reply: FastifyReply, title: string, status = 200): Promise<SiteScope | undefined> {
    const s = await admin.scope(request);
    if (!s.site) {
      await admin.send(request, reply, { title, main: html`<h1>${title}</h1><p>${t(L, 'common.thereNoSiteYet')}</p>` }, s, status);
      return undefined;
    }
    authorize(s.actor, 'menus.manage', s.site.id);
    return { ...s, site: s.site };
  }

  /** The category of the path, of the current site; another site's is not found. */
  async function categoryOf(s: SiteScope, id: number) {
    const c = await categories.find(id);
    if (!c || c.site_id !== s.site.id) throw new NotFound('category.not_found', 'No such category', { messageKey: 'error.body.404' });
    return c;
  }

  // ---- One category -------------------------------------------------------------------------------
  const categoryScreen = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: ((c: { name: string; description: string; parent_id: number | null; position: number }) => CategoryEditValues) | CategoryEditValues,
    errors: Record<string, string> = {},
    status = 200,
    tb?: string,
  ) => {
    const s = await operator(request, reply, t(L, 'structure.categories'), status);
    if (!s) return reply;
    const id = idOf(request);
    const c = await categoryOf(s, id);
    const tree = categoryTrees(await categories.tree(s.site.id, c.lang));
    return admin.send(
      request,
      reply,
      {
        title: ts(L, 'cat.editTitle', { name: c.name }),
        ...noticeOf(L, errors, tb),
        main: categoryEditPage({
          lang: L,
          action: categoryHref(id),
          statusAction: `${categoryHref(id)}${STATUS_SUFFIX[L]}`,
          csrf: csrfToken(request, reply),
          category: { name: c.name, path: categoryPath(c.lang === 'en' ? 'en' : 'vi', c.slug), retiredAt: c.retired_at },
          // Itself and its descendants are left out: a move there would make a cycle.
          parents: parentGroups({ [c.lang]: tree }, id).map(({ options }) => ({ options })),
          values: typeof values === 'function' ? values(c) : values,
          errors,
          overviewHref,
          listHref: categoriesHref,
        }),
      },
      s,
      status,
    );
  };

  routes.get(`${paths.structureCategory[L]}/:id`, withId(queryForm(NoticeQuery)), async (request, reply) =>
    categoryScreen(
      request,
      reply,
      (c) => ({ name: c.name, description: c.description, parentId: c.parent_id === null ? '' : String(c.parent_id), position: String(c.position) }),
      {},
      200,
      request.query.tb,
    ),
  );

  const categoryForm = formRoute(CategoryEditForm, {
    render: (request, reply, state, status) =>
      categoryScreen(
        request,
        reply,
        {
          name: state.values.name ?? '',
          description: state.values.description ?? '',
          parentId: state.values.parentId ?? '',
          position: state.values.position ?? '',
        },
        state.errors,
        status,
      ),
  });
  routes.post(
    `${paths.structureCategory[L]}/:id`,
    { ...categoryForm, schema: { ...categoryForm.schema, params: IdParams, querystring: NoQuery } },
    async (request, reply) => {
      const s = await operator(request, reply, t(L, 'structure.categories'));
      if (!s) return reply;
      const c = await categoryOf(s, Number(request.params.id));
      const b = request.body;
      const position = b.position.trim() === '' ? 0 : /^\d{1,4}$/.test(b.position.trim()) ? Number(b.position.trim()) : -1;
      // A parent that is not a number names no category: the service says so on the field.
      const parentId = b.parentId === '' ? null : /^[1-9]\d{0,14}$/.test(b.parentId) ? Number(b.parentId) : 0;
      await categories.change(s.actor, c.id, { name: b.name, description: b.description, parentId, position }, L);
      return reply.redirect(`${categoryHref(c.id)}?tb=saved`, 303);
    },
  );

  const categoryStatusForm = formRoute(StatusForm, {
    render: (request, reply, state, status) =>
      categoryScreen(
        request,
        reply,
        (c) => ({ name: c.name, description: c.description, parentId: c.parent_id === null ? '' : String(c.parent_id), position: String(c.position) }),
        state.errors,
        status,
      ),
  });
  routes.post(
    `${paths.structureCategory[L]}/:id${STATUS_SUFFIX[L]}`,
    { ...categoryStatusForm, schema: { ...categoryStatusForm.schema, params: IdParams, querystring: NoQuery } },
    async (request, reply) => {
      const s = await operator(request, reply, t(L, 'structure.categories'));
      if (!s) return reply;
      const c = await categoryOf(s, Number(request.params.id));
      const retired = request.body.retired !== '0';
      await categories.retire(s.actor, c.id, retired, L);
      return reply.redirect(`${categoryHref(c.id)}?tb=${retired ? 'retired' : 'restored'}`, 303);
    },
  );

  // ---- Topics -------------------------------------------------------------------------------------
  const topicsScreen = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: { nameVi: string; nameEn: string },
    errors: Record<string, string> = {},
    status = 200,
    tb?: string,
  ) => {
    const s = await operator(request, reply, ts(L, 'topic.title'), status);
    if (!s) return reply;
    const counts = await categories.topicCounts(s.site.id);
    const topics = (await categories.topics(s.site.id)).sort((a, b) => compareText('vi', a.name_vi, b.name_vi));
    return admin.send(
      request,
      reply,
      {
        title: ts(L, 'topic.title'),
        ...noticeOf(L, errors, tb),
        main: topicsPage({
          lang: L,
          action: topicsHref,
          csrf: csrfToken(request, reply),
          topics: topics.map((tp) => ({
            id: tp.id,
            nameVi: tp.name_vi,
            nameEn: tp.name_en,
            slug: tp.slug,
            items: counts.get(tp.id) ?? 0,
            retired: tp.retired_at !== null,
            editHref: topicHref(tp.id),
            publicPath: topicPath('vi', tp.slug),
          })),
          values,
          errors,
          overviewHref,
          pathExample: topicPath('vi', '…'),
        }),
      },
      s,
      status,
    );
  };

  routes.get(paths.structureTopics[L], queryForm(NoticeQuery), async (request, reply) =>
    topicsScreen(request, reply, { nameVi: '', nameEn: '' }, {}, 200, request.query.tb),
  );

  const topicCreateForm = formRoute(TopicForm, {
    render: (request, reply, state, status) =>
      topicsScreen(request, reply, { nameVi: state.values.nameVi ?? '', nameEn: state.values.nameEn ?? '' }, state.errors, status),
  });
  routes.post(paths.structureTopics[L], { ...topicCreateForm, schema: { ...topicCreateForm.schema, querystring: NoQuery } }, async (request, reply) => {
    const s = await operator(request, reply, ts(L, 'topic.title'));
    if (!s) return reply;
    await categories.createTopic(s.actor, s.site.id, request.body.nameVi, request.body.nameEn, L);
    return reply.redirect(`${topicsHref}?tb=topic-created`, 303);
  });

  async function topicOf(s: SiteScope, id: number) {
    const tp = await categories.findTopic(id);
    if (!tp || tp.site_id !== s.site.id) throw new NotFound('topic.not_found', 'No such topic', { messageKey: 'error.body.404' });
    return tp;
  }

  const topicScreen = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: { nameVi: string; nameEn: string } | undefined,
    errors: Record<string, string> = {},
    status = 200,
    tb?: string,
  ) => {
    const s = await operator(request, reply, ts(L, 'topic.title'), status);
    if (!s) return reply;
    const id = idOf(request);
    const tp = await topicOf(s, id);
    const counts = await categories.topicCounts(s.site.id);
    return admin.send(
      request,
      reply,
      {
        title: ts(L, 'topic.editTitle', { name: tp.name_vi }),
        ...noticeOf(L, errors, tb),
        main: topicEditPage({
          lang: L,
          action: topicHref(id),
          statusAction: `${topicHref(id)}${STATUS_SUFFIX[L]}`,
          csrf: csrfToken(request, reply),
          topic: { name: tp.name_vi, path: topicPath('vi', tp.slug), retired: tp.retired_at !== null, items: counts.get(tp.id) ?? 0 },
          values: values ?? { nameVi: tp.name_vi, nameEn: tp.name_en },
          errors,
          overviewHref,
          listHref: topicsHref,
        }),
      },
      s,
      status,
    );
  };

  routes.get(`${paths.structureTopics[L]}/:id`, withId(queryForm(NoticeQuery)), async (request, reply) =>
    topicScreen(request, reply, undefined, {}, 200, request.query.tb),
  );

  const topicEditForm = formRoute(TopicForm, {
    render: (request, reply, state, status) =>
      topicScreen(request, reply, { nameVi: state.values.nameVi ?? '', nameEn: state.values.nameEn ?? '' }, state.errors, status),
  });
  routes.post(
    `${paths.structureTopics[L]}/:id`,
    { ...topicEditForm, schema: { ...topicEditForm.schema, params: IdParams, querystring: NoQuery } },
    async (request, reply) => {
      const s = await operator(request, reply, ts(L, 'topic.title'));
      if (!s) return reply;
      const tp = await topicOf(s, Number(request.params.id));
      await categories.changeTopic(s.actor, tp.id, request.body.nameVi, request.body.nameEn, L);
      return reply.redirect(`${topicHref(tp.id)}?tb=topic-saved`, 303);
    },
  );

  const topicStatusForm = formRoute(StatusForm, {
    render: (request, reply, state, status) => topicScreen(request, reply, undefined, state.errors, status),
  });
  routes.post(
    `${paths.structureTopics[L]}/:id${STATUS_SUFFIX[L]}`,
    { ...topicStatusForm, schema: { ...topicStatusForm.schema, params: IdParams, querystring: NoQuery } },
    async (request, reply) => {
      const s = await operator(request, reply, ts(L, 'topic.title'));
      if (!s) return reply;
      const tp = await topicOf(s, Number(request.params.id));
      const retired = request.body.retired !== '0';
      await categories.retireTopic(s.actor, tp.id, retired);
      return reply.redirect(`${topicHref(tp.id)}?tb=${retired ? 'topic-retired' : 'topic-restored'}`, 303);
    },
  );

  // ---- Receiving cross-posted items ---------------------------------------------------------------
  /** The sites that may cross-post to `site`: its parent, when that is a portal. */
  async function sourcesOf(site: SiteWithHosts): Promise<SiteWithHosts[]> {
    const parent = site.parent_id === null ? undefined : await extra.siteById(site.parent_id);
    return parent && parent.kind === 'portal' ? [parent] : [];
  }

  const consentScreen = async (
    request: FastifyRequest,
    reply: FastifyReply,
    refused: { source: string; mode: string; errors: Record<string, string> } | undefined,
    status = 200,
    tb?: string,
  ) => {
    const title = ts(L, 'consent.title');
    const s = await admin.scope(request);
    if (!s.site) return admin.send(request, reply, { title, main: html`<h1>${title}</h1><p>${t(L, 'common.thereNoSiteYet')}</p>` }, s, status);
    const modes = await content.crossPostConsents(s.actor, s.site.id);
    const sources = (await sourcesOf(s.site)).map((src) => ({
      id: src.id,
      name: siteName(src, L),
      mode: refused?.source === String(src.id) ? refused.mode : (modes.get(src.id) ?? 'wait'),
    }));
    return admin.send(
      request,
      reply,
      {
        title,
        ...noticeOf(L, refused?.errors ?? {}, tb),
        main: consentPage({
          lang: L,
          action: consentHref,
          csrf: csrfToken(request, reply),
          siteName: siteName(s.site, L),
          sources,
          refused: refused ? { source: refused.source, errors: refused.errors } : undefined,
        }),
      },
      s,
      status,
    );
  };

  routes.get(paths.crossPostConsent[L], queryForm(NoticeQuery), async (request, reply) => consentScreen(request, reply, undefined, 200, request.query.tb));

  const consentForm = formRoute(ConsentForm, {
    render: (request, reply, state, status) =>
      consentScreen(request, reply, { source: state.values.source ?? '', mode: state.values.mode ?? '', errors: state.errors }, status),
  });
  routes.post(paths.crossPostConsent[L], { ...consentForm, schema: { ...consentForm.schema, querystring: NoQuery } }, async (request, reply) => {
    const s = await admin.scope(request);
    if (!s.site) throw new NotFound('site.not_found', 'No site', { messageKey: 'error.body.404' });
    authorize(s.actor, 'content.approve', s.site.id);
    const { source, mode } = request.body;
    if (mode !== 'at_once' && mode !== 'wait') throw consentProblem('mode', ts(L, 'consent.badMode'));
    const src = (await sourcesOf(s.site)).find((x) => String(x.id) === source);
    if (!src) throw consentProblem('form', ts(L, 'consent.badSource'));
    await content.setCrossPostConsent(s.actor, s.site.id, src.id, mode);
    return reply.redirect(`${consentHref}?tb=consent`, 303);
  });
}

function consentProblem(field: string, message: string) {
  return refused('consent.invalid', [{ field, message }]);
}
