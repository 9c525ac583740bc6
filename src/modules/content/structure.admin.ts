/**
 * The site structure screens for the site's operator (menus.manage), under "Cấu trúc trang":
 *
 *   /cau-truc                         overview
 *   /cau-truc/chuyen-muc              category trees of both languages; POST adds one
 *   /cau-truc/menu?ngon_ngu=vi|en     the menu of a language as numbered rows; POST replaces it
 *   /cau-truc/trang-chu?ngon_ngu=…    the home-page blocks as numbered rows; POST arranges them
 *
 * (relative to /quan-tri, and the same under /english/admin/structure). Every form works
 * without JavaScript; a refused form comes back with what was typed and the problems in the
 * person's language.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Conflict } from '../../platform/http/errors.ts';
import { formRoute, queryForm } from '../../platform/http/forms.ts';
import { NoQuery } from '../../platform/http/schemas.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { html } from '../../platform/views/html.ts';
import { authorize } from '../access/index.ts';
import { csrfToken, type AdminScope } from '../accounts/index.ts';
import { siteName, type SiteWithHosts } from '../sites/index.ts';
import { refused, type ContentAdmin } from './admin-deps.ts';
import { categoryTrees, structureNotice } from './content.present.ts';
import { BlocksForm, CategoryForm, MenuForm, StructureQuery } from './content.schema.ts';
import { t } from './messages.ts';
import { adminPaths } from './paths.ts';
import {
  blockRows,
  blockRowsFromForm,
  blocksFromRows,
  categoryInput,
  categoryValues,
  menuFromRows,
  menuRows,
  menuRowsFromForm,
  withBlankBlocks,
  withBlankRows,
  type BlockRow,
  type CategoryFormValues,
  type MenuRow,
} from './structure-input.ts';
import { resolveTarget, targetGroups } from './site-sections.ts';
import { blocksForm, categoriesPage, menuForm, structureOverview } from './views/structure.view.ts';

const contentLang = (value: string | undefined) => (value === 'en' ? 'en' : 'vi');

type SiteScope = AdminScope & { site: SiteWithHosts };

/** Problems by field as one refusal (422), the form's own words. */
function rowProblems(errors: Record<string, string>) {
  return refused(
    'structure.invalid',
    Object.entries(errors).map(([field, message]) => ({ field, message })),
  );
}

export function structureRoutes(routes: Routes, L: Lang, deps: ContentAdmin): void {
  const { admin, categories, homeBlocks, menus } = deps;
  const paths = adminPaths.paths;
  const overviewHref = adminPaths.href(L, 'structure');
  const categoriesHref = adminPaths.href(L, 'structureCategories');
  const menusHref = adminPaths.href(L, 'structureMenus');
  const homeHref = adminPaths.href(L, 'structureHome');

  /** The scope of an operator of the current site; others are refused (403) before anything is read or changed. */
  async function operator(request: FastifyRequest, reply: FastifyReply, title: string, status = 200): Promise<SiteScope | undefined> {
    const s = await admin.scope(request);
    if (!s.site) {
      await admin.send(request, reply, { title, main: html`<h1>${title}</h1><p>${t(L, 'common.thereNoSiteYet')}</p>` }, s, status);
      return undefined;
    }
    authorize(s.actor, 'menus.manage', s.site.id);
    return { ...s, site: s.site };
  }

  /** The page's notice: the problems of a refused form, else the one after a save (?tb=). */
  const noticeOf = (errors: Readonly<Record<string, string>>, tb: string | undefined) =>
    Object.keys(errors).length ? { notice: { kind: 'error' as const, text: errors.form ?? t(L, 'common.notSavedCheckMarkedFields') } } : structureNotice(tb, L);

  // ---- Overview -----------------------------------------------------------------------------------
  routes.get(paths.structure[L], { schema: { querystring: NoQuery } }, async (request, reply) => {
    const title = t(L, 'structure.siteStructure');
    const s = await operator(request, reply, title);
    if (!s) return reply;
    return admin.send(
      request,
      reply,
      {
        title,
        main: structureOverview(L, siteName(s.site, L), {
          categories: categoriesHref,
          topics: adminPaths.href(L, 'structureTopics'),
          menus: menus ? menusHref : undefined,
          home: homeHref,
        }),
      },
      s,
    );
  });

  // ---- Categories ---------------------------------------------------------------------------------
  const categoriesScreen = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: CategoryFormValues,
    errors: Readonly<Record<string, string>> = {},
    status = 200,
    tb?: string,
  ) => {
    const s = await operator(request, reply, t(L, 'structure.categories'), status);
    if (!s) return reply;
    const trees = { vi: categoryTrees(await categories.tree(s.site.id, 'vi')), en: categoryTrees(await categories.tree(s.site.id, 'en')) };
    return admin.send(
      request,
      reply,
      {
        title: t(L, 'structure.categories'),
        ...noticeOf(errors, tb),
        main: categoriesPage({
          lang: L,
          siteName: siteName(s.site, L),
          action: categoriesHref,
          csrf: csrfToken(request, reply),
          trees,
          values,
          errors,
          overviewHref,
          editHref: (id) => adminPaths.href(L, 'structureCategory', `/${id}`),
        }),
      },
      s,
      status,
    );
  };

  routes.get(paths.structureCategories[L], queryForm(StructureQuery), async (request, reply) =>
    categoriesScreen(
      request,
      reply,
      { lang: contentLang(request.query.ngon_ngu), parentId: '', name: '', slug: '', description: '', position: '' },
      {},
      200,
      request.query.tb,
    ),
  );

  const categoryForm = formRoute(CategoryForm, {
    render: (request, reply, state, status) => categoriesScreen(request, reply, categoryValues(state.values), state.errors, status),
  });
  routes.post(paths.structureCategories[L], { ...categoryForm, schema: { ...categoryForm.schema, querystring: NoQuery } }, async (request, reply) => {
    const s = await operator(request, reply, t(L, 'structure.categories'));
    if (!s) return reply;
    const values = categoryValues(request.body);
    const { input, problems, taken } = categoryInput(values, await categories.list(s.site.id, contentLang(values.lang)), L);
    if (problems.length) throw refused('category.invalid', problems);
    if (taken) throw new Conflict('category.slug_taken', taken.message, { details: [taken] });
    await categories.create(s.actor, s.site.id, input);
    return reply.redirect(`${categoriesHref}?tb=da-tao`, 303);
  });

  // ---- Menus --------------------------------------------------------------------------------------
  if (menus) {
    const menuScreen = async (
      request: FastifyRequest,
      reply: FastifyReply,
      lang: string,
      rows: (s: SiteScope) => Promise<readonly MenuRow[]> | readonly MenuRow[],
      errors: Readonly<Record<string, string>> = {},
      status = 200,
      tb?: string,
    ) => {
      const s = await operator(request, reply, t(L, 'structure.menu'), status);
      if (!s) return reply;
      return admin.send(
        request,
        reply,
        {
          title: t(L, 'structure.menu'),
          ...noticeOf(errors, tb),
          main: menuForm({
            lang: L,
            menuLang: lang,
            siteName: siteName(s.site, L),
            action: menusHref,
            csrf: csrfToken(request, reply),
            rows: await rows(s),
            targets: (await targetGroups(categories, deps.listPages, s.site.id, lang === 'en' ? 'en' : 'vi', L)).map((g) => ({
              label: g.label,
              options: g.options.map(({ value, label }) => ({ value, label })),
            })),
            errors,
            overviewHref,
            base: menusHref,
          }),
        },
        s,
        status,
      );
    };

    routes.get(paths.structureMenus[L], queryForm(StructureQuery), async (request, reply) => {
      const lang = contentLang(request.query.ngon_ngu);
      return menuScreen(request, reply, lang, async (s) => menuRows(await menus.tree(s.site.id, lang)), {}, 200, request.query.tb);
    });

    const menuFormRoute = formRoute(MenuForm, {
      render: (request, reply, state, status) =>
        menuScreen(request, reply, contentLang(state.values.ngon_ngu), () => withBlankRows(menuRowsFromForm(state.values)), state.errors, status),
    });
    routes.post(paths.structureMenus[L], { ...menuFormRoute, schema: { ...menuFormRoute.schema, querystring: NoQuery } }, async (request, reply) => {
      const s = await operator(request, reply, t(L, 'structure.menu'));
      if (!s) return reply;
      const lang = contentLang(request.body.ngon_ngu);
      const rows = menuRowsFromForm(request.body);
      const targets = new Map<string, string | undefined>();
      for (const r of rows)
        if (r.target && !targets.has(r.target)) targets.set(r.target, await resolveTarget(categories, deps.listPages, s.site.id, lang, r.target));
      const { tree, errors } = menuFromRows(rows, L, targets);
      if (Object.keys(errors).length) throw rowProblems(errors);
      await menus.replace(s.site.id, lang, tree, s.actor);
      return reply.redirect(`${menusHref}?ngon_ngu=${lang}&tb=da-luu`, 303);
    });
  }

  // ---- Home-page blocks ---------------------------------------------------------------------------
  const homeScreen = async (
    request: FastifyRequest,
    reply: FastifyReply,
    lang: string,
    rows: (s: SiteScope) => Promise<readonly BlockRow[]> | readonly BlockRow[],
    errors: Readonly<Record<string, string>> = {},
    status = 200,
    tb?: string,
  ) => {
    const s = await operator(request, reply, t(L, 'structure.homePage'), status);
    if (!s) return reply;
    return admin.send(
      request,
      reply,
      {
        title: t(L, 'structure.homePage'),
        ...noticeOf(errors, tb),
        main: blocksForm({
          lang: L,
          blockLang: lang,
          siteName: siteName(s.site, L),
          action: homeHref,
          csrf: csrfToken(request, reply),
          rows: await rows(s),
          categories: (await categories.list(s.site.id, lang)).map((c) => ({ value: String(c.id), label: c.name })),
          usingDefault: !(await homeBlocks.isArranged(s.site.id, lang)),
          errors,
          overviewHref,
          base: homeHref,
        }),
      },
      s,
      status,
    );
  };

  routes.get(paths.structureHome[L], queryForm(StructureQuery), async (request, reply) => {
    const lang = contentLang(request.query.ngon_ngu);
    return homeScreen(request, reply, lang, async (s) => blockRows(await homeBlocks.blocks(s.site.id, lang)), {}, 200, request.query.tb);
  });

  const blocksFormRoute = formRoute(BlocksForm, {
    render: (request, reply, state, status) =>
      homeScreen(request, reply, contentLang(state.values.ngon_ngu), () => withBlankBlocks(blockRowsFromForm(state.values)), state.errors, status),
  });
  routes.post(paths.structureHome[L], { ...blocksFormRoute, schema: { ...blocksFormRoute.schema, querystring: NoQuery } }, async (request, reply) => {
    const s = await operator(request, reply, t(L, 'structure.homePage'));
    if (!s) return reply;
    const lang = contentLang(request.body.ngon_ngu);
    const known = new Set((await categories.list(s.site.id, lang)).map((c) => String(c.id)));
    const { blocks, errors } = blocksFromRows(blockRowsFromForm(request.body), known, L);
    if (Object.keys(errors).length) throw rowProblems(errors);
    await homeBlocks.arrange(s.actor, s.site.id, lang, blocks);
    return reply.redirect(`${homeHref}?ngon_ngu=${lang}&tb=da-luu`, 303);
  });
}
