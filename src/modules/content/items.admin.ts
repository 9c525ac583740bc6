import { queryForm } from '../../platform/http/forms.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { authorize } from '../access/index.ts';
import { siteName } from '../sites/index.ts';
import { noSite, type ContentAdmin } from './admin-deps.ts';
import { contentType } from './content-types.ts';
import { itemRows, parseStatus } from './content.present.ts';
import { ImagesQuery, ListQuery } from './content.schema.ts';
import { t } from './messages.ts';
import { adminPaths } from './paths.ts';
import { contentList } from './views/content-list.view.ts';

const LIST_PAGE = 50;

export function itemRoutes(routes: Routes, L: Lang, deps: ContentAdmin): void {
  const { admin, content, desk } = deps;
  const paths = adminPaths.paths;
  const base = adminPaths.href(L, 'content');
  const newHref = adminPaths.href(L, 'contentNew');

  // ---- List ------------------------------------------------------------------------------
  routes.get(paths.content[L], queryForm(ListQuery), async (request, reply) => {
    const s = await admin.scope(request);
    if (!s.site) return admin.send(request, reply, { title: t(L, 'common.content'), main: noSite(L) }, s);
    authorize(s.actor, 'content.write', s.site.id);
    const q = request.query;
    const filter = { type: q.loai ?? '', status: q.trang_thai ?? '', text: (q.tim ?? '').trim().slice(0, 100) };
    const page = Math.min(Math.max(1, Math.floor(Number(q.trang ?? '') || 1)), 10_000);
    const rows = await desk.items(s.actor, s.site.id, {
      type: contentType(filter.type) ? filter.type : undefined,
      ...parseStatus(filter.status),
      text: filter.text || undefined,
      limit: LIST_PAGE + 1,
      offset: (page - 1) * LIST_PAGE,
    });
    const site = await content.siteWorkflow(s.site.id);
    return admin.send(
      request,
      reply,
      {
        title: t(L, 'common.content'),
        main: contentList({
          lang: L,
          base,
          newHref,
          filter,
          rows: itemRows(L, rows.slice(0, LIST_PAGE), site.approvalSteps),
          page,
          hasNext: rows.length > LIST_PAGE,
          siteName: siteName(s.site, L),
        }),
      },
      s,
    );
  });

  // ---- Images for the editor (JSON) ----------------------------------------------------------
  if (deps.listMedia) {
    const listMedia = deps.listMedia;
    routes.get(paths.contentImages[L], queryForm(ImagesQuery), async (request, reply) => {
      const s = await admin.scope(request);
      if (!s.site) return reply.send({ items: [], page: 1, pages: 1 });
      authorize(s.actor, 'content.write', s.site.id);
      const page = await listMedia(s.actor, s.site.id, Math.max(1, Math.floor(Number(request.query.trang ?? '') || 1)));
      reply.header('cache-control', 'no-store');
      return reply.send({
        page: page.page,
        pages: page.pages,
        items: page.items
          .filter((m) => m.kind === 'image')
          .map((m) => {
            const thumb = m.variants.find((v) => v.width >= 160) ?? m.variants[0];
            const large = [...m.variants].reverse().find((v) => v.width <= 960) ?? m.variants[0];
            return {
              id: m.id,
              alt: m.alt,
              name: m.originalName,
              thumb: thumb?.url ?? m.url,
              src: large?.url ?? m.url,
              width: large?.width ?? m.width,
              height: large?.height ?? m.height,
            };
          }),
      });
    });
  }
}
