/**
 * The site structure screens for the site's operator (menus.manage), under "Cấu trúc trang":
 *
 *   /quan-tri/cau-truc                         overview
 *   /quan-tri/cau-truc/chuyen-muc              category trees of both languages; POST adds one
 *   /quan-tri/cau-truc/menu?ngon_ngu=vi|en     the menu of a language as numbered rows; POST replaces it
 *   /quan-tri/cau-truc/trang-chu?ngon_ngu=…    the home-page blocks as numbered rows; POST arranges them
 *
 * and the same under /english/admin/structure. Every form works without JavaScript; a
 * refused form comes back with what was typed and the problems in the person's language.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/create-db.ts';
import { isDomainError } from '../../platform/http/errors.ts';
import { html } from '../../platform/views/html.ts';
import { errorsByField } from '../../platform/views/forms.ts';
import { authorize } from '../access/index.ts';
import { csrfGuard, csrfToken, type AdminContext, type AdminScope } from '../accounts/index.ts';
import { adminPaths } from './paths.ts';
import type { MenuService } from '../menus/index.ts';
import { siteName, type SiteWithHosts } from '../sites/index.ts';
import type { CategoryService } from './categories.service.ts';
import type { HomeBlocksService } from './home-blocks.service.ts';
import { listHomeBlocks } from './home-blocks.repo.ts';
import {
  blockErrors,
  blockRows,
  blockRowsFromBody,
  blocksFromRows,
  menuFromRows,
  menuRows,
  menuRowsFromBody,
  withBlankBlocks,
  withBlankRows,
  type BlockRow,
  type MenuRow,
} from './structure-forms.ts';
import { blocksForm, categoriesPage, menuForm, structureOverview, type CategoryFormValues } from './admin-views/structure.ts';
import { t } from './messages.ts';

export interface StructureAdminDeps {
  db: Db;
  admin: AdminContext;
  categories: CategoryService;
  homeBlocks: HomeBlocksService;
  /** Without the menus service there is no menu screen. */
  menus?: MenuService;
}

function str(source: unknown, key: string): string {
  const v = (source as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'string' ? v : '';
}

const contentLang = (value: string) => (value === 'en' ? 'en' : 'vi');

type SiteScope = AdminScope & { site: SiteWithHosts };

export function registerStructureAdmin(app: FastifyInstance, deps: StructureAdminDeps): void {
  const { admin, categories, homeBlocks, menus } = deps;
  const guard = csrfGuard(app, deps.db);
  admin.addNav({ label: (lang) => t(lang, 'nav.structure'), href: (lang) => adminPaths.href(lang, 'structure'), action: 'menus.manage' });

  for (const L of ['vi', 'en'] as const) {
    const overviewHref = adminPaths.href(L, 'structure');
    const categoriesHref = adminPaths.href(L, 'structureCategories');
    const menusHref = adminPaths.href(L, 'structureMenus');
    const homeHref = adminPaths.href(L, 'structureHome');

    /** The scope of an operator of the current site; others are refused (403) before anything is read or changed. */
    async function operator(request: FastifyRequest, reply: FastifyReply, title: string): Promise<SiteScope | undefined> {
      const s = await admin.scope(request);
      if (!s.site) {
        await admin.send(request, reply, { title, main: html`<h1>${title}</h1><p>${t(L, 'common.thereNoSiteYet')}</p>` }, s);
        return undefined;
      }
      authorize(s.actor, 'menus.manage', s.site.id);
      return s as SiteScope;
    }

    const notice = (request: FastifyRequest) => {
      const code = str(request.query, 'tb');
      const text = code === 'da-tao' || code === 'da-luu' ? t(L, `structure.notice.${code}`) : undefined;
      return text ? { notice: { kind: 'ok' as const, text } } : {};
    };
    const refused = (errors: Record<string, string>) => ({
      notice: { kind: 'error' as const, text: errors.form ?? t(L, 'common.notSavedCheckMarkedFields') },
    });

    // ---- Overview -----------------------------------------------------------------------------------
    app.get(overviewHref, async (request, reply) => {
      const title = t(L, 'structure.siteStructure');
      const s = await operator(request, reply, title);
      if (!s) return reply;
      return admin.send(
        request,
        reply,
        { title, main: structureOverview(L, siteName(s.site, L), { categories: categoriesHref, menus: menus ? menusHref : undefined, home: homeHref }) },
        s,
      );
    });

    // ---- Categories ---------------------------------------------------------------------------------
    const categoriesScreen = async (
      request: FastifyRequest,
      reply: FastifyReply,
      s: SiteScope,
      values: CategoryFormValues,
      errors: Record<string, string> = {},
      status = 200,
    ) => {
      const trees = { vi: await categories.tree(s.site.id, 'vi'), en: await categories.tree(s.site.id, 'en') };
      return admin.send(
        request,
        reply,
        {
          title: t(L, 'structure.categories'),
          ...(Object.keys(errors).length ? refused(errors) : notice(request)),
          main: categoriesPage({
            lang: L,
            siteName: siteName(s.site, L),
            action: categoriesHref,
            csrf: csrfToken(request, reply),
            trees,
            values,
            errors,
            overviewHref,
          }),
        },
        s,
        status,
      );
    };

    app.get(categoriesHref, async (request, reply) => {
      const s = await operator(request, reply, t(L, 'structure.categories'));
      if (!s) return reply;
      return categoriesScreen(request, reply, s, {
        lang: contentLang(str(request.query, 'ngon_ngu')),
        parentId: '',
        name: '',
        slug: '',
        description: '',
        position: '',
      });
    });

    app.post(categoriesHref, { preHandler: guard }, async (request, reply) => {
      const s = await operator(request, reply, t(L, 'structure.categories'));
      if (!s) return reply;
      const b = request.body;
      const values: CategoryFormValues = {
        lang: str(b, 'lang'),
        parentId: str(b, 'parentId'),
        name: str(b, 'name'),
        slug: str(b, 'slug'),
        description: str(b, 'description'),
        position: str(b, 'position'),
      };
      const errors: Record<string, string> = {};
      if (values.lang !== 'vi' && values.lang !== 'en') errors.lang = t(L, 'common.chooseVietnameseEnglish');
      if (!values.name.trim()) errors.name = t(L, 'structure.enterNameCategory');
      if (values.slug.trim() && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(values.slug.trim())) errors.slug = t(L, 'structure.pathNameHasOnlyLower');
      const position = values.position.trim() === '' ? 0 : Number(values.position);
      if (!Number.isInteger(position) || position < 0 || position > 9999) errors.position = t(L, 'structure.positionWholeNumberFrom0');
      let parentId: number | null = null;
      if (values.parentId) {
        const parent = (await categories.list(s.site.id, values.lang === 'en' ? 'en' : 'vi')).find((c) => String(c.id) === values.parentId);
        if (!parent) errors.parentId = t(L, 'structure.parentMustCategorySiteLanguage');
        else parentId = parent.id;
      }
      if (Object.keys(errors).length) return categoriesScreen(request, reply, s, values, errors, 422);
      try {
        await categories.create(s.actor, s.site.id, {
          lang: values.lang,
          name: values.name,
          slug: values.slug.trim(),
          parentId,
          description: values.description,
          position,
        });
        return reply.redirect(`${categoriesHref}?tb=da-tao`, 303);
      } catch (err) {
        if (!isDomainError(err) || (err.status !== 422 && err.status !== 409)) throw err;
        const field = err.code === 'category.slug_taken' ? 'slug' : err.code === 'category.bad_parent' ? 'parentId' : undefined;
        const message = err.code === 'category.slug_taken' ? t(L, 'structure.siteAlreadyHasCategoryPath') : err.message;
        return categoriesScreen(
          request,
          reply,
          s,
          values,
          field ? { [field]: message } : err.details.length ? errorsByField(err.details) : { form: message },
          err.status,
        );
      }
    });

    // ---- Menus --------------------------------------------------------------------------------------
    if (menus) {
      const menuScreen = async (
        request: FastifyRequest,
        reply: FastifyReply,
        s: SiteScope,
        lang: string,
        rows: readonly MenuRow[],
        errors: Record<string, string> = {},
        status = 200,
      ) =>
        admin.send(
          request,
          reply,
          {
            title: t(L, 'structure.menu'),
            ...(Object.keys(errors).length ? refused(errors) : notice(request)),
            main: menuForm({
              lang: L,
              menuLang: lang,
              siteName: siteName(s.site, L),
              action: menusHref,
              csrf: csrfToken(request, reply),
              rows,
              errors,
              overviewHref,
              base: menusHref,
            }),
          },
          s,
          status,
        );

      app.get(menusHref, async (request, reply) => {
        const s = await operator(request, reply, t(L, 'structure.menu'));
        if (!s) return reply;
        const lang = contentLang(str(request.query, 'ngon_ngu'));
        return menuScreen(request, reply, s, lang, menuRows(await menus.tree(s.site.id, lang)));
      });

      app.post(menusHref, { preHandler: guard }, async (request, reply) => {
        const s = await operator(request, reply, t(L, 'structure.menu'));
        if (!s) return reply;
        const lang = contentLang(str(request.body, 'ngon_ngu'));
        const rows = menuRowsFromBody(request.body);
        const { tree, errors } = menuFromRows(rows, L);
        if (Object.keys(errors).length) return menuScreen(request, reply, s, lang, withBlankRows(rows), errors, 422);
        try {
          await menus.replace(s.site.id, lang, tree, s.actor);
          return reply.redirect(`${menusHref}?ngon_ngu=${lang}&tb=da-luu`, 303);
        } catch (err) {
          if (!isDomainError(err) || err.status !== 422) throw err;
          return menuScreen(request, reply, s, lang, withBlankRows(rows), { form: err.message }, 422);
        }
      });
    }

    // ---- Home-page blocks ---------------------------------------------------------------------------
    const homeScreen = async (
      request: FastifyRequest,
      reply: FastifyReply,
      s: SiteScope,
      lang: string,
      rows: readonly BlockRow[],
      errors: Record<string, string> = {},
      status = 200,
    ) =>
      admin.send(
        request,
        reply,
        {
          title: t(L, 'structure.homePage'),
          ...(Object.keys(errors).length ? refused(errors) : notice(request)),
          main: blocksForm({
            lang: L,
            blockLang: lang,
            siteName: siteName(s.site, L),
            action: homeHref,
            csrf: csrfToken(request, reply),
            rows,
            categories: await categories.list(s.site.id, lang),
            usingDefault: (await listHomeBlocks(deps.db, s.site.id, lang)).length === 0,
            errors,
            overviewHref,
            base: homeHref,
          }),
        },
        s,
        status,
      );

    app.get(homeHref, async (request, reply) => {
      const s = await operator(request, reply, t(L, 'structure.homePage'));
      if (!s) return reply;
      const lang = contentLang(str(request.query, 'ngon_ngu'));
      return homeScreen(request, reply, s, lang, blockRows(await homeBlocks.blocks(s.site.id, lang)));
    });

    app.post(homeHref, { preHandler: guard }, async (request, reply) => {
      const s = await operator(request, reply, t(L, 'structure.homePage'));
      if (!s) return reply;
      const lang = contentLang(str(request.body, 'ngon_ngu'));
      const rows = blockRowsFromBody(request.body);
      const known = new Set((await categories.list(s.site.id, lang)).map((c) => String(c.id)));
      const { blocks, keys, errors } = blocksFromRows(rows, known, L);
      if (Object.keys(errors).length) return homeScreen(request, reply, s, lang, withBlankBlocks(rows), errors, 422);
      try {
        await homeBlocks.arrange(s.actor, s.site.id, lang, blocks);
        return reply.redirect(`${homeHref}?ngon_ngu=${lang}&tb=da-luu`, 303);
      } catch (err) {
        if (!isDomainError(err) || err.status !== 422) throw err;
        return homeScreen(request, reply, s, lang, withBlankBlocks(rows), blockErrors(err.details, keys), 422);
      }
    });
  }
}
